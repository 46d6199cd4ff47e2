import type { ladderContract } from '@shared/api/ladder'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { getLadderConfig } from './repository'
import { viewerOf } from '../access/rules'
import { closeCase, reopenCase, setDoNotApproach } from './closing-service'
import { loadPlan, logAttempt, saveLadderConfig, todayList } from './service'

export const ladderHandlers: FeatureHandlers<typeof ladderContract> = {
  'ladder.config': async (_input, ctx) => getLadderConfig(ctx.db),
  'ladder.saveConfig': async (input, ctx) => saveLadderConfig(ctx.db, useCaseContext(ctx), input),
  'ladder.today': async ({ consulentId }, ctx) =>
    todayList(ctx.db, ctx.clock.today(), consulentId ?? ctx.userId, viewerOf(ctx).scope),
  'ladder.plan': async ({ caseId }, ctx) => loadPlan(ctx.db, ctx.clock.today(), caseId),
  'ladder.logAttempt': async (input, ctx) => logAttempt(ctx.db, useCaseContext(ctx), input),
  'ladder.close': async (input, ctx) => closeCase(ctx.db, useCaseContext(ctx), input),
  'ladder.reopen': async ({ caseId, versie, reden }, ctx) =>
    reopenCase(ctx.db, useCaseContext(ctx), caseId, versie, reden),
  'ladder.setDoNotApproach': async (input, ctx) => setDoNotApproach(ctx.db, useCaseContext(ctx), input),
}
