import type { ddasVsContract } from '@shared/api/ddas-vs'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { getDdasVsSettings } from './repository'
import { checkDdasVs, ddasVsOverview, saveDdasVsSettings } from './service'

export const ddasVsHandlers: FeatureHandlers<typeof ddasVsContract> = {
  'ddasVs.settings': async (_input, ctx) => getDdasVsSettings(ctx.db),
  'ddasVs.saveSettings': async (input, ctx) => saveDdasVsSettings(ctx.db, useCaseContext(ctx), input),
  'ddasVs.check': async (_input, ctx) => checkDdasVs(ctx.db, new Date(ctx.clock.now())),
  'ddasVs.collections': async (_input, ctx) => ddasVsOverview(ctx.db),
}
