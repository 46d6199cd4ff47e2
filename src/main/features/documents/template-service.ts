import type { Db } from '../../db/database'
import type { DocumentSettings, PdfFile, TemplateView } from '@shared/api/documents'
import {
  checkTemplate,
  needsAppointment,
  needsVisit,
  placeholdersIn,
  TEMPLATE_FIELDS,
  type DocumentSoort,
  type TemplateContent,
} from '@shared/api/documents-text'
import { NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { renderCalibration } from './pdf/letter'
import {
  allTemplates,
  getDocumentSettings,
  insertOwnTemplate,
  insertTemplateVersion,
  lastVersion,
  putDocumentSettings,
  renameTemplate,
  templateById,
  templateNamed,
  templateVersions,
} from './repository'
import { renderDocuments } from './render'
import { sampleSnapshot } from './snapshot'

/** Placeholders a card may not use: it must not reveal who it is for. */
const NOT_ON_CARD = ['naam', 'kenmerk']

export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const templates = await allTemplates(db)
  const versions = await templateVersions(db)
  return templates.map((t) => {
    const vs = versions
      .filter((v) => v.templateId === t.id)
      .map((v) => ({ id: v.id, versie: v.versie, content: v.content, op: v.createdAt, door: v.door }))
    return {
      id: t.id,
      code: t.code,
      naam: t.naam,
      soort: t.soort as DocumentSoort,
      standaard: t.standaard === 1,
      bezoekNodig: needsVisit(vs[0]!.content),
      afspraakNodig: needsAppointment(vs[0]!.content),
      huidig: vs[0]!,
      versies: vs,
    }
  })
}

/** Keeps only the kind's own fields, and refuses texts that cannot print correctly. */
function cleanContent(soort: DocumentSoort, content: TemplateContent): TemplateContent {
  const out: TemplateContent = {}
  const fields: Record<string, string> = {}
  for (const f of TEMPLATE_FIELDS[soort]) {
    const v = (content[f.key] ?? '').replace(/\r\n/g, '\n').trim()
    if (!v) fields[`content.${f.key}`] = `${f.label} ontbreekt.`
    out[f.key] = v
  }
  const issues = checkTemplate(out, [])
  for (const i of issues) if (i.soort === 'placeholder') fields[`content.${i.veld}`] = i.melding
  if (soort === 'kaart')
    for (const [k, v] of Object.entries(out))
      for (const p of placeholdersIn(v))
        if (NOT_ON_CARD.includes(p))
          fields[`content.${k}`] =
            `{${p}} mag niet op een kaartje: wie het vindt, mag niet zien voor wie het is.`
  if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields)[0]!, fields)
  return out
}

/** Every save is a new version; printed documents keep pointing at the version they used. */
export async function saveTemplate(
  db: Db,
  ctx: UseCaseContext,
  input: { templateId?: number; naam: string; soort: DocumentSoort; content: TemplateContent },
): Promise<TemplateView> {
  return db.transaction().execute(async (trx) => {
    let templateId = input.templateId
    let soort = input.soort
    let versie = 1
    if (templateId !== undefined) {
      const t = await templateById(trx, templateId)
      if (!t) throw new NotFoundError('Dit sjabloon bestaat niet (meer).')
      soort = t.soort
      versie = (await lastVersion(trx, t.id)) + 1
      await renameTemplate(trx, t.id, input.naam)
    }
    const content = cleanContent(soort, input.content)
    if (templateId === undefined) {
      if (await templateNamed(trx, input.naam))
        throw new ValidationError('Er is al een sjabloon met deze naam.', { naam: 'Kies een andere naam.' })
      templateId = await insertOwnTemplate(trx, input.naam, soort, ctx.at)
    }
    await insertTemplateVersion(trx, {
      template_id: templateId,
      versie,
      naam: input.naam,
      content: JSON.stringify(content),
      created_at: ctx.at,
      created_by: ctx.userId,
    })
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'sjabloon',
      entityType: 'instellingen',
      entityId: null,
      summary: `Sjabloon "${input.naam}" opgeslagen als versie ${versie}`,
    })
    return (await listTemplates(trx)).find((t) => t.id === templateId)!
  })
}

/** A PDF of a draft text, filled with made-up details: the editor's print preview. */
export async function previewTemplate(
  db: Db,
  ctx: UseCaseContext,
  input: { soort: DocumentSoort; content: TemplateContent },
): Promise<PdfFile> {
  if (input.soort === 'bericht') throw new ValidationError('Een bericht heeft geen afdrukvoorbeeld.')
  const content = cleanContent(input.soort, input.content)
  const snapshot = await sampleSnapshot(db, ctx.today, ctx.userId)
  const settings = await getDocumentSettings(db)
  return renderDocuments(
    [{ snapshot, content, documentNaam: 'Voorbeeld' }],
    input.soort,
    'a6',
    settings.venster,
    'voorbeeld',
  )
}

export async function saveDocumentSettings(
  db: Db,
  ctx: UseCaseContext,
  settings: DocumentSettings,
): Promise<DocumentSettings> {
  return db.transaction().execute(async (trx) => {
    const clean = {
      ...settings,
      vermijdWoorden: [...new Set(settings.vermijdWoorden.map((w) => w.toLowerCase()))],
    }
    await putDocumentSettings(trx, clean, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'instellingen brieven',
      entityType: 'instellingen',
      entityId: null,
      summary: `Venster ${clean.venster.links}/${clean.venster.boven} mm, ${clean.venster.breedte} x ${clean.venster.hoogte} mm; afzeggen ${clean.afmeldWerkdagen} werkdagen vooraf`,
    })
    return getDocumentSettings(trx)
  })
}

export async function calibrationPdf(db: Db): Promise<PdfFile> {
  const { venster } = await getDocumentSettings(db)
  const bytes = await renderCalibration(venster)
  return { bestandsnaam: 'proefafdruk-venster.pdf', pdfBase64: bytes.toString('base64'), aantal: 1 }
}
