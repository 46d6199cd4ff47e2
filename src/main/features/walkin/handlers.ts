import type { walkinContract } from '@shared/api/walkin'
import type { FeatureHandlers } from '../../app/handlers'
import type { HandlerContext } from '../../app/context'
import { useCaseContext } from '../../app/use-case'
import { offerWalkinCases } from '../access/walkin-grant'
import { loadSession, registerVisit, searchVisitors } from './service'

/** What the walk-in desk shows may be opened from there (features/access/walkin-grant.ts). */
function offer(ctx: HandlerContext, caseIds: number[]): void {
  offerWalkinCases(ctx.session, ctx.userId, ctx.clock.today(), caseIds)
}

export const walkinHandlers: FeatureHandlers<typeof walkinContract> = {
  'walkin.search': async ({ zoek }, ctx) => {
    const result = await searchVisitors(ctx.db, zoek)
    offer(
      ctx,
      result.hits.flatMap((h) => (h.openCase ? [h.openCase.id] : [])),
    )
    return result
  },
  'walkin.session': async (_input, ctx) => {
    const session = await loadSession(ctx.db, ctx.clock.today())
    offer(
      ctx,
      session.bezoekers.map((b) => b.caseId),
    )
    return session
  },
  'walkin.register': async (input, ctx) => {
    const result = await registerVisit(ctx.db, useCaseContext(ctx), input)
    offer(ctx, [result.caseId])
    return result
  },
}
