import type { HandlerContext } from '../../app/context'
import { useCaseContext } from '../../app/use-case'
import { CaseConflictError, StaleCaseError } from '../../lib/errors'
import { viewDossier } from './service'

/**
 * A change made from a case file a colleague changed since (StaleCaseError, dossier/version.ts):
 * the change's transaction has rolled back; the answer carries the case file as it is now, so
 * the screen shows what changed. Reading it is a view like any other (the logboek records it).
 * Used by the dispatcher for every method, so no use case can forget it.
 */
export async function withFreshCaseFile(ctx: HandlerContext, err: unknown): Promise<never> {
  if (!(err instanceof StaleCaseError)) throw err
  throw new CaseConflictError(await viewDossier(ctx.db, useCaseContext(ctx), err.caseId))
}
