import { viewerOf } from '../access/rules'
import type { intakeContract } from '@shared/api/intake'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { acceptProblem, fixProblems, listProblems, rejectProblems, retryProblems } from './corrections'
import { loadPerConsulent, moveCases, openCasesOf } from '../caseload/distribution'
import { importSignals, listImports } from './history'
import { decideSignal } from './overrule'
import { undoImport } from './undo'
import { loadRules, storeRules } from './triage'
import { analyseUpload, runUpload, stageUpload, uploadProgress } from './upload/registry'

export const intakeHandlers: FeatureHandlers<typeof intakeContract> = {
  // The dispatcher has checked the file is there and within the contract's size.
  'intake.upload': async (input, ctx) => stageUpload(ctx, input.fileName, ctx.file!),
  'intake.progress': async (input, ctx) => uploadProgress(ctx, input.uploadId),
  'intake.analyse': async (input, ctx) => analyseUpload(ctx, input.uploadId, input.mappingName),
  'intake.preview': async (input, ctx) =>
    runUpload(ctx, input.uploadId, input.mapping, { commit: false, bron: input.bron }),
  'intake.commit': async (input, ctx) =>
    runUpload(ctx, input.uploadId, input.mapping, { commit: true, bron: input.bron }),
  'intake.history': async (_input, ctx) => listImports(ctx.db),
  'intake.importSignals': async (input, ctx) => importSignals(ctx.db, input.importId, viewerOf(ctx).scope),
  'intake.decide': async (input, ctx) => decideSignal(ctx.db, useCaseContext(ctx), input),
  'intake.undo': async (input, ctx) => undoImport(ctx.db, useCaseContext(ctx), input.importId),
  'intake.problems': async (input, ctx) => listProblems(ctx.db, input.status, viewerOf(ctx).scope),
  'intake.acceptProblem': async (input, ctx) =>
    acceptProblem(ctx.db, useCaseContext(ctx), input.id, input.values),
  'intake.fixProblems': async (input, ctx) => fixProblems(ctx.db, useCaseContext(ctx), input.ids, input.fix),
  'intake.retryProblems': async (input, ctx) => retryProblems(ctx.db, useCaseContext(ctx), input.ids),
  'intake.rejectProblems': async (input, ctx) =>
    rejectProblems(ctx.db, useCaseContext(ctx), input.ids, input.reden),
  'intake.rules': async (_input, ctx) => loadRules(ctx.db),
  'intake.saveRules': async (input, ctx) => {
    const c = useCaseContext(ctx)
    await ctx.db.transaction().execute(async (trx) => {
      await storeRules(trx, input, c.at, c.userId)
      await recordAudit(trx, c.at, {
        userId: c.userId,
        action: 'afwegingskader gewijzigd',
        entityType: 'instellingen',
        entityId: null,
        summary: 'Regels van het afwegingskader opgeslagen',
      })
    })
    return loadRules(ctx.db)
  },
  'intake.load': async (_input, ctx) => loadPerConsulent(ctx.db),
  'intake.openCases': async (input, ctx) => openCasesOf(ctx.db, input.consulentId, viewerOf(ctx).scope),
  'intake.moveCases': async (input, ctx) =>
    moveCases(ctx.db, useCaseContext(ctx), input.caseIds, input.consulentId),
}
