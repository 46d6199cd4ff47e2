import { viewerOf } from '../access/rules'
import type { monitorContract } from '@shared/api/monitor'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { exportDashboardXlsx, exportDdas, exportFeedback } from './exports'
import { getDashboard, getMonitorSettings, listMonitorCases, saveMonitorSettings } from './service'

export const monitorHandlers: FeatureHandlers<typeof monitorContract> = {
  'monitor.dashboard': async (input, ctx) => getDashboard(ctx.db, input),
  'monitor.cases': async (input, ctx) => listMonitorCases(ctx.db, input, viewerOf(ctx).scope),
  'monitor.exportExcel': async (input, ctx) => exportDashboardXlsx(ctx.db, input),
  'monitor.exportDdas': async (input, ctx) => exportDdas(ctx.db, useCaseContext(ctx), input),
  'monitor.feedback': async (input, ctx) => exportFeedback(ctx.db, useCaseContext(ctx), input),
  'monitor.settings': async (_input, ctx) => getMonitorSettings(ctx.db),
  'monitor.saveSettings': async (input, ctx) => saveMonitorSettings(ctx.db, useCaseContext(ctx), input),
}
