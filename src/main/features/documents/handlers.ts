import { viewerOf } from '../access/rules'
import type { documentsContract } from '@shared/api/documents'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { batchPdf, confirmBatch, createBatch, itemPdf, itemsForCase } from './batch-service'
import { addToQueue, loadQueue, removeFromQueue } from './queue-service'
import { getDocumentSettings } from './repository'
import { runningRenders } from './render-jobs'
import {
  calibrationPdf,
  listTemplates,
  previewTemplate,
  saveDocumentSettings,
  saveTemplate,
} from './template-service'

export const documentsHandlers: FeatureHandlers<typeof documentsContract> = {
  'documents.queue': async (_i, ctx) => loadQueue(ctx.db, ctx.clock.today(), viewerOf(ctx).scope),
  'documents.forCase': async ({ caseId }, ctx) => itemsForCase(ctx.db, ctx.clock.today(), caseId),
  'documents.addToQueue': async (input, ctx) => addToQueue(ctx.db, useCaseContext(ctx), input),
  'documents.removeFromQueue': async ({ itemId }, ctx) =>
    removeFromQueue(ctx.db, useCaseContext(ctx), itemId),
  'documents.createBatch': async (input, ctx) => createBatch(ctx.db, useCaseContext(ctx), input),
  'documents.renderProgress': async (_i, ctx) => runningRenders(ctx.db),
  'documents.batchPdf': async ({ batchId, deel }, ctx) => batchPdf(ctx.db, batchId, deel),
  'documents.confirmBatch': async (input, ctx) => confirmBatch(ctx.db, useCaseContext(ctx), input),
  'documents.itemPdf': async ({ itemId }, ctx) => itemPdf(ctx.db, useCaseContext(ctx), itemId),
  'documents.templates': async (_i, ctx) => listTemplates(ctx.db),
  'documents.saveTemplate': async (input, ctx) => saveTemplate(ctx.db, useCaseContext(ctx), input),
  'documents.previewTemplate': async (input, ctx) => previewTemplate(ctx.db, useCaseContext(ctx), input),
  'documents.settings': async (_i, ctx) => getDocumentSettings(ctx.db),
  'documents.saveSettings': async (input, ctx) => saveDocumentSettings(ctx.db, useCaseContext(ctx), input),
  'documents.calibrationPdf': async (_i, ctx) => calibrationPdf(ctx.db),
}
