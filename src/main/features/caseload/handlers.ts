import type { caseloadContract } from '@shared/api/caseload'
import type { FeatureHandlers } from '../../app/handlers'
import { listCaseload } from './service'
import { viewerOf } from '../access/rules'

export const caseloadHandlers: FeatureHandlers<typeof caseloadContract> = {
  'caseload.list': async (input, ctx) => listCaseload(ctx.db, ctx.clock.today(), input, viewerOf(ctx).scope),
}
