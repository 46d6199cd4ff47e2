import type { TemplateContent } from '@shared/api/documents-text'
import { fillPlaceholders } from '@shared/api/documents-text'
import { A4, A6, C6, drawing, mm, placed, renderPdf, type Node } from './engine'
import { addressLines, field, richParagraphs, type Recipient } from './text'

/** The clock at five to twelve as SVG: vector, crisp on any printer, fine in black and white. */
export function clockSvg(): string {
  const c = 50
  const ticks: string[] = []
  for (let i = 0; i < 60; i++) {
    const a = (i * Math.PI) / 30
    const hour = i % 5 === 0
    const r1 = hour ? 36 : 40
    const r2 = 43
    ticks.push(
      `<line x1="${(c + r1 * Math.sin(a)).toFixed(2)}" y1="${(c - r1 * Math.cos(a)).toFixed(2)}" ` +
        `x2="${(c + r2 * Math.sin(a)).toFixed(2)}" y2="${(c - r2 * Math.cos(a)).toFixed(2)}" ` +
        `stroke="#000" stroke-width="${hour ? 3 : 1}" stroke-linecap="round"/>`,
    )
  }
  const hand = (minutesOnDial: number, length: number, width: number) => {
    const a = (minutesOnDial * Math.PI) / 30
    return (
      `<line x1="${c}" y1="${c}" x2="${(c + length * Math.sin(a)).toFixed(2)}" ` +
      `y2="${(c - length * Math.cos(a)).toFixed(2)}" stroke="#000" stroke-width="${width}" stroke-linecap="round"/>`
    )
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">` +
    `<circle cx="${c}" cy="${c}" r="47" fill="none" stroke="#000" stroke-width="4"/>` +
    ticks.join('') +
    // 11:55 - the hour hand just before twelve, the minute hand on the 55.
    hand(59.58, 24, 5) +
    hand(55, 35, 3) +
    `<circle cx="${c}" cy="${c}" r="3.5" fill="#000"/>` +
    `</svg>`
  )
}

export interface CardInput {
  content: TemplateContent
  values: Record<string, string>
}

const CARD_W = 105
const INSET = 9

/** One card, drawn with its top-left corner at (x, y) mm on the page. */
export function cardAt(card: CardInput, x: number, y: number): Node[] {
  const w = CARD_W - 2 * INSET
  const lineY = y + 112
  return [
    {
      absolutePosition: { x: mm(x + (CARD_W - 30) / 2), y: mm(y + INSET) },
      svg: clockSvg(),
      width: mm(30),
    },
    placed(x + INSET, y + INSET + 33, w, [
      {
        text: fillPlaceholders(field(card.content, 'titel'), card.values),
        bold: true,
        fontSize: 13,
        alignment: 'center',
        margin: [0, 0, 0, 6],
      },
      { stack: richParagraphs(field(card.content, 'tekst'), card.values, 5), fontSize: 9.5, lineHeight: 1.2 },
    ]),
    // Blank lines for the consulent to write name and phone number by hand.
    placed(x + INSET, lineY - 4.5, w, [{ text: 'Mijn naam', fontSize: 8 }]),
    placed(x + INSET, lineY + 9.5, w, [{ text: 'Mijn telefoonnummer', fontSize: 8 }]),
    drawing([
      { type: 'line', x1: x + INSET + 30, y1: lineY, x2: x + CARD_W - INSET, y2: lineY, lineWidth: 0.6 },
      {
        type: 'line',
        x1: x + INSET + 30,
        y1: lineY + 14,
        x2: x + CARD_W - INSET,
        y2: lineY + 14,
        lineWidth: 0.6,
      },
    ]),
  ]
}

/** One card per A6 page. */
export function renderCardsA6(cards: CardInput[]): Promise<Buffer> {
  return renderPdf({
    pageSize: A6,
    pageMargins: [0, 0, 0, 0],
    info: { title: 'Kaartjes' },
    content: cards.map((c, i) => ({ stack: cardAt(c, 0, 0), ...(i > 0 ? { pageBreak: 'before' } : {}) })),
  })
}

/** Cut marks for four A6 cards on A4: in the margins and a cross where the cuts meet. */
function cutMarks(): Node {
  const cx = 105
  const cy = 148.5
  const s = { lineWidth: 0.4 }
  return drawing([
    { type: 'line', x1: cx, y1: 3, x2: cx, y2: 8, ...s },
    { type: 'line', x1: cx, y1: 289, x2: cx, y2: 294, ...s },
    { type: 'line', x1: 3, y1: cy, x2: 8, y2: cy, ...s },
    { type: 'line', x1: 202, y1: cy, x2: 207, y2: cy, ...s },
    { type: 'line', x1: cx - 3, y1: cy, x2: cx + 3, y2: cy, ...s },
    { type: 'line', x1: cx, y1: cy - 3, x2: cx, y2: cy + 3, ...s },
  ])
}

/** Four cards per A4 sheet, with cut marks. */
export function renderCardsFourUp(cards: CardInput[]): Promise<Buffer> {
  const sheets: Node[] = []
  for (let i = 0; i < cards.length; i += 4) {
    const four = cards.slice(i, i + 4)
    const cells = [
      [0, 0],
      [105, 0],
      [0, 148.5],
      [105, 148.5],
    ] as const
    sheets.push({
      stack: [
        cutMarks(),
        ...four.flatMap((c, k) => cardAt(c, cells[k]![0], cells[k]![1] + (k >= 2 ? 0.5 : 0))),
      ],
      ...(i > 0 ? { pageBreak: 'before' } : {}),
    })
  }
  return renderPdf({ pageSize: A4, pageMargins: [0, 0, 0, 0], info: { title: 'Kaartjes' }, content: sheets })
}

/** The red C6 envelope: only the resident's address, no sender, nothing else. */
export function renderEnvelopes(recipients: Recipient[]): Promise<Buffer> {
  return renderPdf({
    pageSize: C6,
    pageMargins: [0, 0, 0, 0],
    info: { title: 'Enveloppen' },
    content: recipients.map((r, i) => ({
      stack: [placed(78, 58, 70, [{ text: addressLines(r).join('\n'), fontSize: 11, lineHeight: 1.25 }])],
      ...(i > 0 ? { pageBreak: 'before' } : {}),
    })),
  })
}
