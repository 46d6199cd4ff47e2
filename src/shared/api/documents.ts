import { z } from 'zod'
import { method } from './define'
import { id, isoDate, requiredText } from './fields'
import { DOCUMENT_SOORTEN, type DocumentSoort, type TemplateContent } from './documents-text'

export interface TemplateVersionView {
  id: number
  versie: number
  content: TemplateContent
  op: string
  door: string
}

export interface TemplateView {
  id: number
  code: string
  naam: string
  soort: DocumentSoort
  /** Built in (the announcement letter, the card): cannot be renamed. */
  standaard: boolean
  /** True when printing needs a visit date and time window. */
  bezoekNodig: boolean
  /** True when it names an appointment (the confirmation letter): queued from that appointment only. */
  afspraakNodig: boolean
  huidig: TemplateVersionView
  versies: TemplateVersionView[]
}

export interface DocumentSettings {
  /** The window of the envelope, in mm from the top-left corner of the A4 sheet. */
  venster: { links: number; boven: number; breedte: number; hoogte: number }
  /** How many working days before the visit a resident can still call it off. */
  afmeldWerkdagen: number
  vermijdWoorden: string[]
}

export const QUEUE_STATUSSEN = ['wachtrij', 'gedrukt', 'verstuurd'] as const
export type QueueStatus = (typeof QUEUE_STATUSSEN)[number]

export interface QueueItemView {
  id: number
  caseId: number
  caseNumber: string
  naam: string
  adres: string
  postcode: string
  plaats: string
  templateId: number
  templateNaam: string
  soort: DocumentSoort
  bezoek: { datum: string; van: string; tot: string; collega: string | null; afmelddatum: string } | null
  consulent: string | null
  status: QueueStatus
  batchId: number | null
  toegevoegdOp: string
  toegevoegdDoor: string
  /** The template version printed, so a reprint is identical. */
  versie: number | null
  verstuurdOp: string | null
  /** A warning to show in the queue, e.g. the deadline to call off has passed. */
  waarschuwing: string | null
}

export interface BatchView {
  id: number
  soort: DocumentSoort
  indeling: 'a4' | 'a6' | 'a4-vier'
  enveloppen: boolean
  gemaaktOp: string
  door: string
  items: QueueItemView[]
  bevestigd: boolean
}

export interface QueueView {
  wachtrij: QueueItemView[]
  /** Printed batches not yet confirmed, newest first. */
  openBatches: BatchView[]
}

/** A batch being turned into one PDF: how many of its documents are done. */
export interface RenderProgress {
  id: number
  soort: 'brief' | 'kaart'
  klaar: number
  totaal: number
}

export interface PdfFile {
  bestandsnaam: string
  pdfBase64: string
  /** How many documents (letters, cards, envelopes or list rows) the file holds. */
  aantal: number
}

const contentInput = z.record(
  z.string().regex(/^[a-z_]+$/),
  z.string({ error: 'Tekst ontbreekt.' }).max(6000, 'Deze tekst is te lang (hoogstens 6000 tekens).'),
)

const mm = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} moet een getal zijn.` })
    .min(min, `${label} moet minstens ${min} mm zijn.`)
    .max(max, `${label} mag hoogstens ${max} mm zijn.`)

export const documentSettingsInput = z
  .object({
    venster: z.object({
      links: mm('Afstand vanaf links', 0, 120),
      boven: mm('Afstand vanaf boven', 0, 200),
      breedte: mm('Breedte van het venster', 40, 120),
      hoogte: mm('Hoogte van het venster', 20, 80),
    }),
    afmeldWerkdagen: z
      .number({ error: 'Aantal werkdagen moet een getal zijn.' })
      .int('Aantal werkdagen moet een heel getal zijn.')
      .min(0, 'Aantal werkdagen kan niet negatief zijn.')
      .max(10, 'Hoogstens 10 werkdagen.'),
    vermijdWoorden: z.array(z.string().trim().min(1).max(40)).max(100),
  })
  .strict()
  .refine((s) => s.venster.links + s.venster.breedte <= 200, {
    message: 'Het venster valt buiten het papier (links + breedte is meer dan 200 mm).',
    path: ['venster', 'breedte'],
  })

export const documentsContract = {
  'documents.queue': method<QueueView>()(z.object({}).strict()),
  'documents.forCase': method<QueueItemView[]>()(z.object({ caseId: id }).strict()),
  'documents.addToQueue': method<QueueItemView>()(
    /** A letter or card without a visit; a letter announcing a visit is made by `visits.announce`. */
    z.object({ caseId: id, templateId: id }).strict(),
  ),
  'documents.removeFromQueue': method<QueueView>()(z.object({ itemId: id }).strict()),
  'documents.createBatch': method<BatchView>()(
    z
      .object({
        itemIds: z.array(id).min(1, 'Kies minstens één document.').max(2000),
        indeling: z.enum(['a4', 'a6', 'a4-vier'], { error: 'Kies hoe de kaartjes op papier komen.' }),
        enveloppen: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Batches being rendered right now; polled while `documents.createBatch` is busy. */
  'documents.renderProgress': method<RenderProgress[]>()(z.object({}).strict()),
  'documents.batchPdf': method<PdfFile>()(
    z
      .object({
        batchId: id,
        deel: z.enum(['documenten', 'verzendlijst', 'enveloppen'], { error: 'Kies wat je wilt openen.' }),
      })
      .strict(),
  ),
  'documents.confirmBatch': method<QueueView>()(
    z
      .object({
        batchId: id,
        verstuurdIds: z.array(id).max(2000),
        datum: isoDate('Datum van verzenden'),
      })
      .strict(),
  ),
  'documents.itemPdf': method<PdfFile>()(z.object({ itemId: id }).strict()),
  'documents.templates': method<TemplateView[]>()(z.object({}).strict()),
  'documents.saveTemplate': method<TemplateView>()(
    z
      .object({
        templateId: id.optional(),
        naam: requiredText('Naam van het sjabloon', 80),
        soort: z.enum(DOCUMENT_SOORTEN, { error: 'Kies een soort document.' }),
        content: contentInput,
      })
      .strict(),
  ),
  'documents.previewTemplate': method<PdfFile>()(
    z
      .object({
        soort: z.enum(DOCUMENT_SOORTEN, { error: 'Kies een soort document.' }),
        content: contentInput,
      })
      .strict(),
  ),
  'documents.settings': method<DocumentSettings>()(z.object({}).strict()),
  'documents.saveSettings': method<DocumentSettings>()(documentSettingsInput),
  'documents.calibrationPdf': method<PdfFile>()(z.object({}).strict()),
}
