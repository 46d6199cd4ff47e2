import { fillPlaceholders, paragraphs, type TemplateContent } from '@shared/api/documents-text'
import type { Node } from './engine'

/** A filled template field as pdfmake paragraphs: blank line = new paragraph, **bold** kept. */
export function richParagraphs(text: string, values: Record<string, string>, gapPt = 8): Node[] {
  return paragraphs(fillPlaceholders(text, values)).map((lines) => ({
    text: lines.flatMap((line, i) => [
      ...(i > 0 ? [{ text: '\n' }] : []),
      ...line.map((r) => (r.bold ? { text: r.text, bold: true } : { text: r.text })),
    ]),
    margin: [0, 0, 0, gapPt],
  }))
}

export function field(content: TemplateContent, key: string): string {
  return content[key] ?? ''
}

/** The address as it goes on an envelope: name, street and number, "6041 AB  ROERMOND". */
export interface Recipient {
  naam: string
  straat: string
  postcode: string
  plaats: string
}

export function addressLines(r: Recipient): string[] {
  return [r.naam, r.straat, `${r.postcode}  ${r.plaats.toUpperCase()}`]
}
