import type { auditContract } from '@shared/api/audit'
import type { FeatureHandlers } from '../../app/handlers'
import { recordAudit } from './repository'
import { searchAudit, verifyAudit } from './service'

export const auditHandlers: FeatureHandlers<typeof auditContract> = {
  'audit.search': async (input, ctx) => searchAudit(ctx.db, input),
  'audit.verify': async (_input, ctx) => {
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
