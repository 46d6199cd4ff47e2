import type { retentionContract } from '@shared/api/retention'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { reapplyErasures } from './erasures'
import { deletePerson, findPerson } from './person'
import { exportPerson } from './person-export'
import { getPeriods, storePeriods } from './periods'
import { listRuns, previewPurge, runPurge } from './purge'

// Who may call what is in src/shared/api/permissions.ts (checked by the dispatcher): the periods
// and the purge for the beheerder; a resident's request also for the kwaliteitsmedewerker.
export const retentionHandlers: FeatureHandlers<typeof retentionContract> = {
  'retention.get': async (_input, ctx) => ({
    periods: await getPeriods(ctx.db),
    runs: await listRuns(ctx.db),
  }),
  'retention.save': async (input, ctx) => {
    const uc = useCaseContext(ctx)
    await ctx.db.transaction().execute(async (trx) => {
      await storePeriods(trx, input, uc.at, uc.userId)
      await recordAudit(trx, uc.at, {
        userId: uc.userId,
        action: 'gewijzigd',
        entityType: 'bewaartermijn',
        entityId: null,
        summary: `Bewaartermijnen: niet doorgezet ${input.nietDoorgezet}, zonder hulp ${input.zonderHulp}, met hulp ${input.metHulp} maanden`,
      })
    })
    return { periods: await getPeriods(ctx.db), runs: await listRuns(ctx.db) }
  },
  'retention.preview': async (_input, ctx) => previewPurge(ctx.db, ctx.clock.today()),
  'retention.purge': async (_input, ctx) => runPurge(ctx.db, useCaseContext(ctx), 'handmatig'),
  'retention.findPerson': async (input, ctx) => findPerson(ctx.db, input),
  'retention.exportPerson': async (input, ctx) =>
    exportPerson(ctx.db, useCaseContext(ctx), input.residentIds),
  'retention.deletePerson': async (input, ctx) => {
    const result = await deletePerson(ctx.db, useCaseContext(ctx), input.residentIds)
    // The register's file copy, outside the backups (erasures.ts)
    await reapplyErasures(ctx.db, ctx.maintenance?.dataDir ?? null, ctx.clock.now())
    return result
  },
}
