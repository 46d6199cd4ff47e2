import type { BatchView, DocumentSettings, PdfFile } from '@shared/api/documents'
import type { TemplateContent } from '@shared/api/documents-text'
import { formatDate } from '@shared/format/dates'
import { renderCardsA6, renderCardsFourUp, renderEnvelopes } from './pdf/card'
import { renderLetters } from './pdf/letter'
import { renderMailingList } from './pdf/mailing-list'
import type { Snapshot } from './snapshot'

export interface PrintedDoc {
  snapshot: Snapshot
  content: TemplateContent
  documentNaam: string
}

export type Indeling = BatchView['indeling']

export function pdfFile(bestandsnaam: string, bytes: Buffer, aantal: number): PdfFile {
  return { bestandsnaam, pdfBase64: bytes.toString('base64'), aantal }
}

/** The documents themselves as bytes: letters on A4, cards on A6 or four to an A4 sheet. */
export async function renderDocumentBytes(
  docs: PrintedDoc[],
  soort: 'brief' | 'kaart',
  indeling: Indeling,
  venster: DocumentSettings['venster'],
  title: string,
): Promise<Buffer> {
  if (soort === 'brief')
    return renderLetters(
      docs.map((d) => ({ ...d.snapshot, content: d.content })),
      venster,
      title,
    )
  const cards = docs.map((d) => ({ content: d.content, values: d.snapshot.values }))
  if (indeling === 'a4-vier') return renderCardsFourUp(cards)
  return renderCardsA6(cards)
}

/** The same, as a file named `naam`.pdf. */
export async function renderDocuments(
  docs: PrintedDoc[],
  soort: 'brief' | 'kaart',
  indeling: Indeling,
  venster: DocumentSettings['venster'],
  naam: string,
): Promise<PdfFile> {
  return pdfFile(`${naam}.pdf`, await renderDocumentBytes(docs, soort, indeling, venster, naam), docs.length)
}

export async function renderBatchEnvelopes(docs: PrintedDoc[], naam: string): Promise<PdfFile> {
  return pdfFile(`${naam}.pdf`, await renderEnvelopes(docs.map((d) => d.snapshot.recipient)), docs.length)
}

export async function renderBatchList(
  docs: PrintedDoc[],
  batch: { id: number; gemaaktOp: string; door: string; soortLabel: string },
): Promise<PdfFile> {
  const titel = `Verzendlijst afdruk ${batch.id}`
  const bytes = await renderMailingList({
    titel,
    regels: [
      `Gemaakt op ${formatDate(batch.gemaaktOp)} door ${batch.door}.`,
      `${docs.length} ${batch.soortLabel}, op volgorde van postcode.`,
    ],
    rows: docs.map((d) => ({
      postcode: d.snapshot.recipient.postcode,
      adres: d.snapshot.recipient.straat,
      plaats: d.snapshot.recipient.plaats,
      naam: d.snapshot.recipient.naam,
      kenmerk: d.snapshot.kenmerk,
      document: d.documentNaam,
    })),
  })
  return pdfFile(`verzendlijst-${batch.id}.pdf`, bytes, docs.length)
}
