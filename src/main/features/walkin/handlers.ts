import type { walkinContract } from '@shared/api/walkin'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { loadSession, registerVisit, searchVisitors } from './service'

export const walkinHandlers: FeatureHandlers<typeof walkinContract> = {
  'walkin.search': async ({ zoek }, ctx) => searchVisitors(ctx.db, zoek),
  'walkin.session': async (_input, ctx) => loadSession(ctx.db, ctx.clock.today()),
  'walkin.register': async (input, ctx) => registerVisit(ctx.db, useCaseContext(ctx), input),
}
