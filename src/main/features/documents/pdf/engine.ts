import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type pdfmakeModule from 'pdfmake'

/** pdfmake content nodes are plain objects; the app builds them with the helpers in this folder. */
export type Node = Record<string, unknown> | string | Node[]

/** Millimetres to PDF points. */
export const mm = (v: number): number => (v * 72) / 25.4

let loaded: Promise<typeof pdfmakeModule> | null = null

/**
 * Loads pdfmake at its first use (it takes a few hundred milliseconds, which a command-line
 * import or a start without printing need not pay), and sets it up once: Roboto from the
 * pdfmake package (read from node_modules at run time, the main bundle keeps dependencies
 * external), no fetching of URLs, and local reads only of those font files.
 */
function loadPdfmake(): Promise<typeof pdfmakeModule> {
  loaded ??= import('pdfmake').then((m) => {
    const pdfmake = m.default
    configure(pdfmake)
    return pdfmake
  })
  return loaded
}

function configure(pdfmake: typeof pdfmakeModule): void {
  const resolveFrom = createRequire(import.meta.url)
  const regular = resolveFrom.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf')
  const dir = dirname(regular)
  pdfmake.setFonts({
    Roboto: {
      normal: regular,
      bold: `${dir}/Roboto-Medium.ttf`,
      italics: `${dir}/Roboto-Italic.ttf`,
      bolditalics: `${dir}/Roboto-MediumItalic.ttf`,
    },
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(dir))
}

export interface PdfDoc {
  pageSize: { width: number; height: number }
  pageMargins: [number, number, number, number]
  content: Node[]
  info: { title: string; author?: string }
  footer?: (page: number, pages: number) => Node
  defaultStyle?: Record<string, unknown>
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: PdfDoc): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  return pdfmake
    .createPdf({
      ...doc,
      info: { author: 'Lange Adem', creator: 'Lange Adem', producer: 'Lange Adem', ...doc.info },
      defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25, ...doc.defaultStyle },
      // No compression of metadata is needed; keep the files small.
      compress: true,
    })
    .getBuffer()
}

export const A4 = { width: mm(210), height: mm(297) }
export const A6 = { width: mm(105), height: mm(148) }
/** C6 envelope lying flat: 162 x 114 mm. */
export const C6 = { width: mm(162), height: mm(114) }

/** A text block at a fixed place on the page, wrapped within `width` (mm). */
export function placed(xMm: number, yMm: number, widthMm: number, stack: Node[]): Node {
  return { absolutePosition: { x: mm(xMm), y: mm(yMm) }, columns: [{ width: mm(widthMm), stack }] }
}

/** Lines and rectangles drawn at a fixed place (coordinates in mm, relative to the page). */
export function drawing(items: Record<string, unknown>[]): Node {
  return {
    absolutePosition: { x: 0, y: 0 },
    canvas: items.map((it) => {
      const out: Record<string, unknown> = { ...it }
      for (const k of ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'w', 'h'] as const)
        if (typeof it[k] === 'number') out[k] = mm(it[k])
      return out
    }),
  }
}
