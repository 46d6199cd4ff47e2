import type { dossierContract } from '@shared/api/dossier'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { addNote, assignCase, viewDossier } from './service'

export const dossierHandlers: FeatureHandlers<typeof dossierContract> = {
  'dossier.get': async ({ caseId, via }, ctx) => viewDossier(ctx.db, useCaseContext(ctx), caseId, via),
  'dossier.addNote': async ({ caseId, tekst }, ctx) => addNote(ctx.db, useCaseContext(ctx), caseId, tekst),
  'dossier.assign': async ({ caseId, versie, consulentId }, ctx) =>
    assignCase(ctx.db, useCaseContext(ctx), caseId, versie, consulentId),
}
