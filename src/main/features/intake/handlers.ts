import { viewerOf } from '../access/rules'
import type { intakeContract } from '@shared/api/intake'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { acceptProblem, listProblems, rejectProblem } from './corrections'
import { loadPerConsulent, moveCases, openCasesOf } from './distribution'
import { decideSignal, importSignals, listImports, undoImport } from './history'
import { analyseFile, decodeBase64, runImport } from './service'
import { loadRules, storeRules } from './triage'

export const intakeHandlers: FeatureHandlers<typeof intakeContract> = {
  'intake.analyse': async (input, ctx) =>
    analyseFile(ctx.db, decodeBase64(input.contentBase64), input.mappingName),
  'intake.preview': async (input, ctx) =>
    runImport(
      ctx.db,
      useCaseContext(ctx),
      { fileName: input.fileName, bytes: decodeBase64(input.contentBase64) },
      input.mapping,
      { commit: false, bron: '' },
    ),
  'intake.commit': async (input, ctx) =>
    runImport(
      ctx.db,
      useCaseContext(ctx),
      { fileName: input.fileName, bytes: decodeBase64(input.contentBase64) },
      input.mapping,
      { commit: true, bron: input.bron },
    ),
  'intake.history': async (_input, ctx) => listImports(ctx.db),
  'intake.importSignals': async (input, ctx) => importSignals(ctx.db, input.importId, viewerOf(ctx).scope),
  'intake.decide': async (input, ctx) => decideSignal(ctx.db, useCaseContext(ctx), input),
  'intake.undo': async (input, ctx) => undoImport(ctx.db, useCaseContext(ctx), input.importId),
  'intake.problems': async (input, ctx) => listProblems(ctx.db, input.status, viewerOf(ctx).scope),
  'intake.acceptProblem': async (input, ctx) =>
    acceptProblem(ctx.db, useCaseContext(ctx), input.id, input.values),
  'intake.rejectProblem': async (input, ctx) =>
    rejectProblem(ctx.db, useCaseContext(ctx), input.id, input.reden),
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
