import type { settingsContract } from '@shared/api/settings'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { deleteWijk, getSettings, saveMedewerker, saveTeam, saveWijk } from './service'

export const settingsHandlers: FeatureHandlers<typeof settingsContract> = {
  'settings.get': async (_input, ctx) => getSettings(ctx.db),
  'settings.saveTeam': async (input, ctx) => saveTeam(ctx.db, useCaseContext(ctx), input),
  'settings.saveWijk': async (input, ctx) => saveWijk(ctx.db, useCaseContext(ctx), input),
  'settings.deleteWijk': async ({ id }, ctx) => deleteWijk(ctx.db, useCaseContext(ctx), id),
  'settings.saveMedewerker': async (input, ctx) => saveMedewerker(ctx.db, useCaseContext(ctx), input),
}
