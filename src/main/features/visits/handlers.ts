import { viewerOf } from '../access/rules'
import type { visitsContract } from '@shared/api/visits'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import {
  announce,
  listPartners,
  loadDay,
  optOut,
  planVisits,
  savePartner,
  visitCandidates,
  visitOutcome,
} from './service'

export const visitsHandlers: FeatureHandlers<typeof visitsContract> = {
  'visits.partners': async (_input, ctx) => listPartners(ctx.db),
  'visits.savePartner': async (input, ctx) => savePartner(ctx.db, useCaseContext(ctx), input),
  'visits.candidates': async ({ wijkId }, ctx) =>
    visitCandidates(ctx.db, ctx.clock.today(), wijkId, viewerOf(ctx).scope),
  'visits.plan': async (input, ctx) => planVisits(ctx.db, useCaseContext(ctx), input),
  'visits.announce': async (input, ctx) => announce(ctx.db, useCaseContext(ctx), input),
  'visits.day': async ({ datum, wijkId }, ctx) =>
    loadDay(ctx.db, ctx.clock.today(), datum, wijkId, viewerOf(ctx).scope),
  'visits.optOut': async (input, ctx) => optOut(ctx.db, useCaseContext(ctx), input),
  'visits.outcome': async (input, ctx) => visitOutcome(ctx.db, useCaseContext(ctx), input),
}
