/**
 * Reading the first sheet of an Excel workbook (.xlsx), bounded. A workbook is a zip of XML
 * files; a hostile one (a "zip bomb") packs a gigabyte of XML into a megabyte. Every entry is
 * checked on its stated size and compression ratio before it is unpacked, and unpacked with
 * that stated size as a hard limit, so a file that lies about its size is refused as soon as
 * it unpacks past it: refused within a second, in a few megabytes of memory.
 *
 * A small reader of our own rather than a general spreadsheet library: the one we had (exceljs)
 * builds the whole workbook as objects (100,000 rows: 6.6 s and 600 MB), and its streaming
 * reader writes sheets to temporary files in plain text when they come before the shared
 * strings in the zip, which is how Excel orders them: decrypted personal data on disk.
 */
import { inflateRawSync } from 'node:zlib'
/** One row of a sheet: its cells and the row number Excel shows. */
export interface TableRecord {
  row: string[]
  line: number
}

/** What a workbook may unpack to in total: a large city's year (100,000 rows, 20 columns) is about 90 MB. */
export const MAX_UNPACKED_BYTES = 250 * 1024 * 1024
/** Sheet XML compresses 5 to 15 times; far more than this is a bomb, not a spreadsheet. */
export const MAX_RATIO = 100
const RATIO_FLOOR = 1024 * 1024

export class WorkbookRefusedError extends Error {}

const TOO_BIG =
  'Dit Excel-bestand pakt uit tot meer dan 250 MB. Dat is veel groter dan een bestand met signalen kan zijn; ' +
  'het is niet ingelezen. Sla het in Excel op als CSV en lees dat in, of vraag de afzender om een nieuw bestand.'
const DAMAGED = 'Dit Excel-bestand kan niet gelezen worden. Is het beschadigd?'

export function tooManyRows(max: number): string {
  return `Het bestand heeft meer dan ${max.toLocaleString('nl-NL')} regels. Deel het op in kleinere bestanden.`
}

interface Entry {
  name: string
  method: number
  flags: number
  compressed: number
  size: number
  offset: number
}

function entries(buf: Buffer): Map<string, Entry> {
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes, at the end.
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw new WorkbookRefusedError(DAMAGED)
  const count = buf.readUInt16LE(eocd + 10)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  // ZIP64 (more than 65,535 entries or 4 GB) is never what Excel writes for a list of signals.
  if (count === 0xffff || cdOffset === 0xffffffff) throw new WorkbookRefusedError(TOO_BIG)
  const out = new Map<string, Entry>()
  let p = cdOffset
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new WorkbookRefusedError(DAMAGED)
    const nameLen = buf.readUInt16LE(p + 28)
    const e: Entry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    }
    out.set(e.name.replace(/^\//, ''), e)
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return out
}

/**
 * The checks on stated sizes, for every entry at once: the total and each entry's ratio. Runs
 * before anything is unpacked, so an honest bomb is refused without unpacking a byte.
 */
function checkStatedSizes(all: Map<string, Entry>): void {
  let total = 0
  for (const e of all.values()) {
    total += e.size
    if (e.size > RATIO_FLOOR && e.size > e.compressed * MAX_RATIO) throw new WorkbookRefusedError(TOO_BIG)
  }
  if (total > MAX_UNPACKED_BYTES) throw new WorkbookRefusedError(TOO_BIG)
}

/** One entry's bytes, never more than it says it holds (a lying entry fails here). */
function unpack(buf: Buffer, e: Entry): Buffer {
  if (e.flags & 1)
    throw new WorkbookRefusedError(
      'Dit Excel-bestand is beveiligd met een wachtwoord. Sla het zonder wachtwoord op en probeer het opnieuw.',
    )
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new WorkbookRefusedError(DAMAGED)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressed)
  if (e.method === 0) return data.subarray(0, e.size)
  if (e.method !== 8) throw new WorkbookRefusedError(DAMAGED)
  try {
    // maxOutputLength stops the inflater at the stated size: the memory it may take is known up front.
    return inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) })
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new WorkbookRefusedError(TOO_BIG)
    throw new WorkbookRefusedError(DAMAGED)
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** XML text to a string: entities, character references, and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  if (s.includes('&'))
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, g: string) => {
      if (g[0] === '#') {
        const code = g[1] === 'x' ? parseInt(g.slice(2), 16) : parseInt(g.slice(1), 10)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
      }
      return ENTITIES[g] ?? m
    })
  if (s.includes('_x'))
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
  return s
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)
  return m ? m[1]! : null
}

/** The text of each <si>: its <t> runs joined, phonetic runs (<rPh>) left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = []
  const si = /<si>([\s\S]*?)<\/si>|<si\/>/g
  for (let m = si.exec(xml); m; m = si.exec(xml)) {
    const body = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
    let text = ''
    const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g
    for (let r = t.exec(body); r; r = t.exec(body)) text += r[1]
    out.push(xmlText(text))
  }
  return out
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/** Whether a number format shows a date (quoted text, [colours] and escapes left out). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim())
}

/** Per style index (the s attribute of a cell): whether its number format is a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>()
  const nf = /<numFmt\b([^>]*)\/?>/g
  for (let m = nf.exec(xml); m; m = nf.exec(xml)) {
    const id = Number(attr(m[1]!, 'numFmtId'))
    custom.set(id, xmlText(attr(m[1]!, 'formatCode') ?? ''))
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? ''
  const out: boolean[] = []
  const xf = /<xf\b([^>]*)\/?>/g
  for (let m = xf.exec(xfs); m; m = xf.exec(xfs)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0)
    out.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)))
  }
  return out
}

/** An Excel serial day number as an ISO date (1900 system: day 1 is 1900-01-01, with Lotus's leap-day bug). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  return new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString().slice(0, 10)
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2)
}

/** "C12" -> 2 (zero-based column). */
function columnOf(ref: string): number {
  let c = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 65 || code > 90) break
    c = c * 26 + (code - 64)
  }
  return c - 1
}

interface Sheet {
  name: string
  path: string
}

function sheetsInOrder(all: Map<string, Entry>, buf: Buffer): { sheets: Sheet[]; date1904: boolean } {
  const read = (name: string) => {
    const e = all.get(name)
    return e ? unpack(buf, e).toString('utf8') : null
  }
  const workbook = read('xl/workbook.xml')
  const rels = read('xl/_rels/workbook.xml.rels')
  if (!workbook) throw new WorkbookRefusedError(DAMAGED)
  const targets = new Map<string, string>()
  for (const m of (rels ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id')
    const target = attr(m[1]!, 'Target')
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const sheets: Sheet[] = []
  const sheet = /<sheet\b([^>]*)\/?>/g
  for (let m = sheet.exec(workbook); m; m = sheet.exec(workbook)) {
    const id = attr(m[1]!, 'r:id')
    const path = id ? targets.get(id) : undefined
    if (path) sheets.push({ name: xmlText(attr(m[1]!, 'name') ?? ''), path })
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook)
  return { sheets, date1904 }
}

/**
 * The rows of the first sheet that has any, as text cells, with their row numbers as Excel shows
 * them. Dates (numbers in a date format) become ISO dates, whole numbers stay whole, other
 * numbers get two decimals, booleans "ja"/"nee", errors empty.
 */
export function readWorkbook(
  bytes: Uint8Array,
  onRow?: (n: number) => void,
  maxRows = Number.MAX_SAFE_INTEGER,
): TableRecord[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let all: Map<string, Entry>
  try {
    all = entries(buf)
  } catch (e) {
    if (e instanceof WorkbookRefusedError) throw e
    throw new WorkbookRefusedError(DAMAGED)
  }
  checkStatedSizes(all)
  try {
    const { sheets, date1904 } = sheetsInOrder(all, buf)
    const stylesEntry = all.get('xl/styles.xml')
    const dates = stylesEntry ? dateStyles(unpack(buf, stylesEntry).toString('utf8')) : []
    const ssEntry = all.get('xl/sharedStrings.xml')
    const strings = ssEntry ? sharedStrings(unpack(buf, ssEntry).toString('utf8')) : []
    for (const s of sheets) {
      const e = all.get(s.path)
      if (!e) continue
      const rows = sheetRows(unpack(buf, e), strings, dates, date1904, maxRows, onRow)
      if (rows.length > 0) return rows
    }
    return []
  } catch (e) {
    if (e instanceof WorkbookRefusedError) throw e
    throw new WorkbookRefusedError(DAMAGED)
  }
}

const ROW_END = Buffer.from('</row>')

/** The sheet's rows, read in slices of about a megabyte that end at a row's end. */
function sheetRows(
  xml: Buffer,
  strings: string[],
  dates: boolean[],
  date1904: boolean,
  maxRows: number,
  onRow?: (n: number) => void,
): TableRecord[] {
  const out: TableRecord[] = []
  let from = xml.indexOf('<sheetData')
  if (from < 0) return out
  let nextRow = 1
  while (from < xml.length) {
    let to = xml.indexOf(ROW_END, Math.min(from + 1_000_000, xml.length))
    to = to < 0 ? xml.length : to + ROW_END.length
    const chunk = xml.toString('utf8', from, to)
    from = to
    const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g
    for (let m = rowRe.exec(chunk); m; m = rowRe.exec(chunk)) {
      const r = Number(attr(m[1]!, 'r'))
      const line = Number.isInteger(r) && r > 0 ? r : nextRow
      nextRow = line + 1
      const cells: string[] = []
      const body = m[2] ?? ''
      const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g
      let col = 0
      for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
        const a = c[1]!
        const ref = attr(a, 'r')
        if (ref) col = columnOf(ref)
        const inner = c[2] ?? ''
        const t = attr(a, 't') ?? 'n'
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1]
        let text = ''
        if (t === 's') text = v === undefined ? '' : (strings[Number(v)] ?? '')
        else if (t === 'inlineStr') {
          for (const x of inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += x[1]
          text = xmlText(text)
        } else if (t === 'str' || t === 'd') text = v === undefined ? '' : xmlText(v)
        else if (t === 'b') text = v === '1' ? 'ja' : v === '0' ? 'nee' : ''
        else if (t === 'e') text = ''
        else if (v !== undefined && v !== '') {
          const n = Number(v)
          const style = Number(attr(a, 's') ?? 0)
          text = Number.isFinite(n) ? (dates[style] ? serialDate(n, date1904) : numberText(n)) : xmlText(v)
        }
        while (cells.length < col) cells.push('')
        cells[col] = text
        col++
      }
      if (cells.some((x) => x.trim() !== '')) {
        if (out.length > maxRows) throw new WorkbookRefusedError(tooManyRows(maxRows))
        out.push({ row: cells, line })
        if (onRow && out.length % 1000 === 0) onRow(out.length)
      }
    }
  }
  return out
}
