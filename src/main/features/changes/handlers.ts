import type { changesContract } from '@shared/api/changes'
import type { FeatureHandlers } from '../../app/handlers'
import { currentWorkstation } from '../audit/workstation'
import { changesSince } from './repository'

export const changesHandlers: FeatureHandlers<typeof changesContract> = {
  'changes.since': async ({ na }, ctx) =>
    changesSince(ctx.db, na, { userId: ctx.session.userId, werkplek: currentWorkstation() }),
}
