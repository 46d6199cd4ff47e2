import type { DocumentSettings } from '@shared/api/documents'
import type { TemplateContent } from '@shared/api/documents-text'
import { A4, drawing, mm, placed, renderPdf, type Node } from './engine'
import { addressLines, field, richParagraphs, type Recipient } from './text'

export type WindowLayout = DocumentSettings['venster']

export interface Sender {
  team: string
  gemeente: string
  bezoekadres: string[]
  /** The postal address, printed as the return address in the window. Absent in snapshots from before it was. */
  postadres?: string[]
  telefoon: string
  email: string
}

export interface LetterInput {
  recipient: Recipient
  sender: Sender
  /** "3 november 2026" */
  datum: string
  kenmerk: string
  content: TemplateContent
  values: Record<string, string>
  ondertekening: { naam: string; telefoon: string }
}

const MARGIN_LEFT = 25
const MARGIN_TOP = 20
const SENDER_X = 128
/** Space between the window's inner edge and the address text. */
const WINDOW_INSET = 5

/** Where the body of the first page starts (mm from the top): well below the window. */
export function bodyTop(w: WindowLayout): number {
  return Math.max(w.boven + w.hoogte + 10, 100)
}

/**
 * The address block, wholly inside the window field, under the return address in small print
 * (as Dutch government letters have it: the post office returns an undeliverable letter there,
 * and the resident sees at once who writes). Nothing else is printed in the window.
 */
export function windowAddress(w: WindowLayout, lines: string[], postadres: string[] = []): Node {
  const retour = postadres.length
    ? [{ text: `Retouradres ${postadres.join(', ')}`, fontSize: 7, margin: [0, 0, 0, mm(2.5)] }]
    : []
  return placed(
    w.links + WINDOW_INSET,
    w.boven + WINDOW_INSET + (retour.length ? 0 : 2),
    w.breedte - 2 * WINDOW_INSET,
    [...retour, { text: lines.join('\n'), fontSize: 10.5, lineHeight: 1.2 }],
  )
}

const SENDER_W = 210 - SENDER_X - 15
const SENDER_H = 32

/** The sender block goes top right, or top left when the window is on the right. */
export function senderX(w: WindowLayout): number {
  const overlapsWindow = (x: number) =>
    x < w.links + w.breedte + 2 &&
    x + SENDER_W > w.links - 2 &&
    MARGIN_TOP < w.boven + w.hoogte + 2 &&
    MARGIN_TOP + SENDER_H > w.boven - 2
  return overlapsWindow(SENDER_X) ? MARGIN_LEFT : SENDER_X
}

function senderBlock(s: Sender, w: WindowLayout): Node {
  return placed(senderX(w), MARGIN_TOP, SENDER_W, [
    { text: s.team, bold: true, fontSize: 10 },
    { text: [`Gemeente ${s.gemeente}`, ...s.bezoekadres].join('\n'), fontSize: 9.5 },
    { text: `Telefoon ${s.telefoon}\n${s.email}`, fontSize: 9.5, margin: [0, 4, 0, 0] },
  ])
}

/** Fold marks at a third and two thirds of the sheet, in the left margin (outside the window). */
function foldMarks(): Node {
  return drawing([
    { type: 'line', x1: 4, y1: 99, x2: 10, y2: 99, lineWidth: 0.5 },
    { type: 'line', x1: 4, y1: 198, x2: 10, y2: 198, lineWidth: 0.5 },
  ])
}

/** One letter; `first` is false for every letter after the first in a batch (new page). */
export function letterContent(l: LetterInput, w: WindowLayout, first: boolean): Node[] {
  const startGap = bodyTop(w) - MARGIN_TOP
  return [
    {
      // An empty line that carries the page break and pushes the body below the window.
      text: ' ',
      margin: [0, mm(startGap) - 14, 0, 0],
      ...(first ? {} : { pageBreak: 'before' }),
    },
    senderBlock(l.sender, w),
    foldMarks(),
    windowAddress(w, addressLines(l.recipient), l.sender.postadres),
    {
      table: {
        widths: [mm(28), '*'],
        body: [
          ['Datum', l.datum],
          ['Ons kenmerk', l.kenmerk],
        ],
      },
      layout: 'noBorders',
      fontSize: 9.5,
      margin: [0, 0, 0, mm(8)],
    },
    ...richParagraphs(field(l.content, 'aanhef'), l.values),
    ...richParagraphs(field(l.content, 'tekst'), l.values),
    ...richParagraphs(field(l.content, 'afsluiting'), l.values, 0),
    {
      text: [l.ondertekening.naam, `\nTelefoon ${l.ondertekening.telefoon}`].join(''),
      margin: [0, mm(12), 0, 0],
      unbreakable: true,
    },
  ]
}

export function lettersDoc(letters: LetterInput[], w: WindowLayout, title: string) {
  return {
    pageSize: A4,
    pageMargins: [mm(MARGIN_LEFT), mm(MARGIN_TOP), mm(20), mm(20)] as [number, number, number, number],
    content: letters.flatMap((l, i) => letterContent(l, w, i === 0)),
    info: { title },
  }
}

export function renderLetters(letters: LetterInput[], w: WindowLayout, title = 'Brieven'): Promise<Buffer> {
  return renderPdf(lettersDoc(letters, w, title))
}

/** A4 test print: the window outline and a sample address, to check it against an envelope. */
export function renderCalibration(w: WindowLayout): Promise<Buffer> {
  return renderPdf({
    pageSize: A4,
    pageMargins: [mm(MARGIN_LEFT), mm(MARGIN_TOP), mm(20), mm(20)],
    info: { title: 'Proefafdruk venster' },
    content: [
      drawing([
        {
          type: 'rect',
          x: w.links,
          y: w.boven,
          w: w.breedte,
          h: w.hoogte,
          lineWidth: 0.8,
          dash: { length: 3 },
        },
      ]),
      foldMarks(),
      windowAddress(w, ['J. Voorbeeld', 'Voorbeeldstraat 1', '1234 AB  PLAATS']),
      {
        margin: [0, mm(bodyTop(w) - MARGIN_TOP), 0, 0],
        stack: [
          { text: 'Proefafdruk van het adresvenster', bold: true, fontSize: 14, margin: [0, 0, 0, 8] },
          {
            text:
              `Het gestippelde kader is het venster: ${w.links} mm van links, ${w.boven} mm van boven, ` +
              `${w.breedte} bij ${w.hoogte} mm.`,
          },
          {
            text:
              'Druk deze pagina af op gewoon papier, vouw hem zoals een brief en steek hem in een vensterenvelop. ' +
              'Het kader moet helemaal in het venster vallen, met wat ruimte rondom het adres. ' +
              'Valt het ernaast? Pas dan de maten aan bij Instellingen voor brieven.',
            margin: [0, 6, 0, 0],
          },
          {
            text: 'Let op: zet in het afdrukvenster "Werkelijke grootte" (100%) aan, niet "Passend maken".',
            margin: [0, 6, 0, 0],
          },
        ],
      },
    ],
  })
}
