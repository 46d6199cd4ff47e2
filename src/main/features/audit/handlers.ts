import type { auditContract } from '@shared/api/audit'
import type { FeatureHandlers } from '../../app/handlers'
import { requireRole } from '../../app/roles'
import { recordAudit } from './repository'
import { searchAudit, verifyAudit } from './service'

const TRAIL_READERS = ['kwaliteitsmedewerker', 'beheerder'] as const

export const auditHandlers: FeatureHandlers<typeof auditContract> = {
  'audit.search': async (input, ctx) => {
    await requireRole(ctx, TRAIL_READERS)
    return searchAudit(ctx.db, input)
  },
  'audit.verify': async (_input, ctx) => {
    await requireRole(ctx, TRAIL_READERS)
    const verdict = await verifyAudit(ctx.db)
    // The check itself is recorded after it ran, so it never checks its own entry.
    await recordAudit(ctx.db, ctx.clock.now(), {
      userId: ctx.userId,
      action: 'logboek gecontroleerd',
      entityType: 'logboek',
      entityId: null,
      summary: verdict.ok
        ? `${verdict.entries} regels, keten klopt`
        : `keten gebroken bij regel ${verdict.brokenAtId}`,
    })
    return verdict
  },
}
