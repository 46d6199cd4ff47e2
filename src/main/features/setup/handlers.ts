import type { setupContract } from '@shared/api/setup'
import type { FeatureHandlers } from '../../app/handlers'
import { loadDemoData } from '../demo/service'
import { appStatus, completeSetup } from './service'

export const setupHandlers: FeatureHandlers<typeof setupContract> = {
  'app.status': async (_input, ctx) => appStatus(ctx.db, ctx.session, ctx.clock.now()),
  'setup.complete': async (input, ctx) => {
    await completeSetup(ctx.db, ctx.clock.now(), input, ctx.passwordParams)
    return appStatus(ctx.db, ctx.session, ctx.clock.now())
  },
  'setup.loadDemo': async (_input, ctx) => {
    await loadDemoData(ctx.db, ctx.clock, ctx.passwordParams)
    return appStatus(ctx.db, ctx.session, ctx.clock.now())
  },
}
