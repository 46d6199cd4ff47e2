import type { ImportSignalView } from '@shared/api/intake'
import type { Signaalstatus } from '@shared/domain/ddas'
import type { Db } from '../../db/database'
import { ConflictError, NotFoundError } from '../../lib/errors'
import type { UseCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { insertNewCase, refreshCaseSummary } from '../signals/households'
import { consulentForWijk } from '../wijken/assignment'
import { signalView } from './history'
import {
  caseHasSignal,
  caseHasWork,
  openCaseOfHousehold,
  recordCreatedCase,
  removeDecidedCase,
  setDecision,
  setSignalCase,
  signalForDecision,
  signalQuery,
} from './repository'

/**
 * The consulent overrules the triage proposal: a signal not followed up gets a case after all
 * (the household's open case, or a new one), or a followed-up signal leaves its case with a
 * DDAS status (an empty new case without work is removed).
 */
export async function decideSignal(
  db: Db,
  ctx: UseCaseContext,
  input: { signalId: number; doorzetten: boolean; status?: string; reden: string },
): Promise<ImportSignalView> {
  await db.transaction().execute(async (trx) => {
    const s = await signalForDecision(trx, input.signalId)
    if (!s) throw new NotFoundError('Dit signaal bestaat niet (meer).')
    let caseId = s.case_id
    if (input.doorzetten && caseId === null) {
      const open = await openCaseOfHousehold(trx, s.household_id)
      caseId = open?.id ?? (await openCase(trx, ctx, s))
      if (!open) await recordCreatedCase(trx, s.import_id, caseId)
      await setSignalCase(trx, s.id, caseId, null)
      await refreshCaseSummary(trx, caseId)
    } else if (!input.doorzetten) {
      const status = (input.status ?? 'Niet opgepakt: andere reden') as Signaalstatus
      await setSignalCase(trx, s.id, null, status)
      if (caseId !== null) {
        if (await caseHasSignal(trx, caseId)) await refreshCaseSummary(trx, caseId)
        else {
          if (await caseHasWork(trx, caseId))
            throw new ConflictError(
              'Aan de zaak van dit signaal is al gewerkt. Sluit de zaak in het dossier af.',
            )
          await removeDecidedCase(trx, caseId)
        }
      }
      caseId = null
    }
    await setDecision(trx, s.id, input.doorzetten ? 'doorzetten' : 'niet', input.reden, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: input.doorzetten ? 'signaal toch doorgezet' : 'signaal niet doorgezet',
      entityType: caseId !== null ? 'zaak' : 'signaal',
      entityId: caseId ?? s.id,
      summary: `Voorstel afwegingskader overruled voor signaal nr ${s.id}: ${input.reden}`,
    })
  })
  const r = await signalQuery(db).where('si.signal_id', '=', input.signalId).executeTakeFirstOrThrow()
  return signalView(r)
}

/** A new case for a household, as intakeSignal opens one. */
async function openCase(
  trx: Db,
  ctx: UseCaseContext,
  s: { household_id: number; wijk_id: number | null; postcode: string; signaaldatum: string },
): Promise<number> {
  const consulentId = await consulentForWijk(trx, s.wijk_id)
  return insertNewCase(trx, ctx, {
    household_id: s.household_id,
    wijk_id: s.wijk_id,
    consulent_id: consulentId,
    postcode: s.postcode,
    latest_signal_date: s.signaaldatum,
  })
}
