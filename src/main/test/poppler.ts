import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Reads PDFs back with poppler, for tests: what a printer and a reader would get. */

function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'la-pdf-'))
  const file = join(dir, 'doc.pdf')
  writeFileSync(file, pdf)
  try {
    return fn(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

export interface PdfInfo {
  pages: number
  /** Page size in mm, rounded to 0.1 mm, per page. */
  sizes: { width: number; height: number }[]
  title: string
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  return withFile(pdf, (f) => {
    const out = run('pdfinfo', ['-f', '1', '-l', '9999', f])
    const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1])
    const sizes = [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Math.round((Number(m[1]) * 254) / 72) / 10,
      height: Math.round((Number(m[2]) * 254) / 72) / 10,
    }))
    return { pages, sizes, title: /^Title:\s+(.*)$/m.exec(out)?.[1] ?? '' }
  })
}

export interface Word {
  page: number
  text: string
  /** In mm from the top-left corner. */
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export function pdfWords(pdf: Buffer): Word[] {
  return withFile(pdf, (f) => {
    const html = run('pdftotext', ['-bbox', f, '-'])
    const words: Word[] = []
    let page = 0
    const toMm = (v: string) => (Number(v) * 25.4) / 72
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      )
      if (m)
        words.push({
          page,
          xMin: toMm(m[1]!),
          yMin: toMm(m[2]!),
          xMax: toMm(m[3]!),
          yMax: toMm(m[4]!),
          text: m[5]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        })
    }
    return words
  })
}

export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (f) => run('pdftotext', ['-layout', f, '-']))
}

export interface PdfFont {
  name: string
  embedded: boolean
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  return withFile(pdf, (f) =>
    run('pdffonts', [f])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/)
        // name type... emb sub uni object ID: emb is the 5th column from the end.
        return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' }
      }),
  )
}

/** Number of raster images in the PDF (pdfimages -list rows). */
export function pdfImageCount(pdf: Buffer): number {
  return withFile(
    pdf,
    (f) =>
      run('pdfimages', ['-list', f])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim()).length,
  )
}

/** Renders pages as PNG at 80 dpi into `prefix-N.png`, to look at. */
export function pdfToPng(pdf: Buffer, prefix: string, opts: { first?: number; last?: number } = {}): void {
  withFile(pdf, (f) =>
    run('pdftoppm', [
      '-png',
      '-r',
      '80',
      ...(opts.first ? ['-f', String(opts.first)] : []),
      ...(opts.last ? ['-l', String(opts.last)] : []),
      f,
      prefix,
    ]),
  )
}
