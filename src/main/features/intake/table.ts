import ExcelJS from 'exceljs'
import { cleanText } from '@shared/format/text'

/** A file read into rows of text cells, before any field is known. */
export interface RawTable {
  format: 'csv' | 'xlsx'
  encoding: string
  delimiter: string | null
  headers: string[]
  rows: string[][]
  /** The line (CSV) or row (Excel) number of each row, as the user sees it in the file. */
  lines: number[]
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]

export function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b)
}

/**
 * Bytes to text: a BOM decides (UTF-8 or UTF-16); without one, valid UTF-8 is UTF-8 and
 * anything else is read as Windows-1252, the encoding Excel on Windows writes CSV in.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' }
  }
}

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length)
  let best = ','
  let bestCount = -1
  for (const d of [';', ',', '\t', '|']) {
    let n = 0
    let quoted = false
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted
      else if (ch === d && !quoted) n++
    }
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

/** One record of a file: its cells and the line (CSV) or row (Excel) number the user sees. */
export interface TableRecord {
  row: string[]
  line: number
}

/**
 * RFC 4180 CSV with any delimiter: quoted fields may hold delimiters, quotes ("") and line breaks.
 * Unquoted runs are sliced out of the text, not built character by character (100,000 rows).
 * A generator, so an import holds one record at a time, not the whole file as arrays; empty
 * lines are left out.
 */
export function* csvRecords(text: string, delimiter: string): Generator<TableRecord> {
  const delim = delimiter.charCodeAt(0)
  let row: string[] = []
  /** The field's text before `start`: quoted parts, and what came before them. */
  let field = ''
  let start = 0
  let quoted = false
  let line = 1
  let rowLine = 1
  const n = text.length
  const filled = (r: string[]) => r.some((c) => c.trim() !== '')
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i)
    if (quoted) {
      if (ch === 34) {
        field += text.slice(start, i)
        if (text.charCodeAt(i + 1) === 34) {
          field += '"'
          i++
        } else quoted = false
        start = i + 1
      } else if (ch === 10) line++
      continue
    }
    if (ch === 34 && (field + text.slice(start, i)).trim() === '') {
      field = ''
      quoted = true
      start = i + 1
    } else if (ch === delim) {
      row.push(field + text.slice(start, i))
      field = ''
      start = i + 1
    } else if (ch === 10 || ch === 13) {
      row.push(field + text.slice(start, i))
      field = ''
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++
      start = i + 1
      if (filled(row)) yield { row, line: rowLine }
      row = []
      line++
      rowLine = line
    }
  }
  row.push(field + text.slice(start))
  if (filled(row)) yield { row, line: rowLine }
}

/** The whole CSV as arrays (for the analysis and the tests); an import streams `csvRecords`. */
export function parseCsv(text: string, delimiter: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = []
  const lines: number[] = []
  for (const r of csvRecords(text, delimiter)) {
    rows.push(r.row)
    lines.push(r.line)
  }
  return { rows, lines }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2)
  if (typeof value === 'boolean') return value ? 'ja' : 'nee'
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value as unknown)
}

async function readXlsx(bytes: Uint8Array): Promise<{ rows: string[][]; lines: number[] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0)
  const rows: string[][] = []
  const lines: number[] = []
  if (!sheet) return { rows, lines }
  const width = sheet.actualColumnCount || sheet.columnCount
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= width; c++) cells.push(cellText(r.getCell(c).value))
    if (cells.some((x) => x.trim() !== '')) {
      rows.push(cells)
      lines.push(rowNumber)
    }
  })
  return { rows, lines }
}

export class UnreadableFileError extends Error {}

/** A file's headers and its records one by one: what an import needs, without the whole file as arrays. */
export interface TableStream {
  format: RawTable['format']
  encoding: string
  delimiter: string | null
  headers: string[]
  records: Iterable<TableRecord>
}

const NO_ROWS = 'Het bestand bevat geen regels met signalen onder de kopregel.'

// Cleaned like every text entering main (shared/format/text.ts): the mapping the screen sends
// back names these headers, and the dispatcher cleans that too, so both must match.
function headerNames(head: string[]): string[] {
  return head.map((h, i) => cleanText(h).trim() || `Kolom ${i + 1}`)
}

function decodeCsv(bytes: Uint8Array): { text: string; encoding: string; delimiter: string } {
  const decoded = decodeText(bytes)
  if (decoded.text.includes('\u0000'))
    throw new UnreadableFileError('Dit bestand is geen CSV- of Excel-bestand (.csv of .xlsx).')
  return { ...decoded, delimiter: detectDelimiter(decoded.text) }
}

/** Like readTable, but a CSV's records come one at a time (Excel files are read whole). */
export async function streamTable(bytes: Uint8Array): Promise<TableStream> {
  if (isXlsx(bytes)) {
    const table = await readTable(bytes)
    return {
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      records: table.rows.map((row, i) => ({ row, line: table.lines[i]! })),
    }
  }
  const { text, encoding, delimiter } = decodeCsv(bytes)
  const it = csvRecords(text, delimiter)
  const head = it.next()
  if (head.done) throw new UnreadableFileError(NO_ROWS)
  const first = it.next()
  if (first.done) throw new UnreadableFileError(NO_ROWS)
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers: headerNames(head.value.row),
    records: (function* () {
      yield first.value
      yield* it
    })(),
  }
}

/** Reads a CSV (any common dialect) or Excel file; the first non-empty row holds the headers. */
export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  let parsed: { rows: string[][]; lines: number[] }
  let format: RawTable['format'] = 'csv'
  let encoding = 'Excel'
  let delimiter: string | null = null
  if (isXlsx(bytes)) {
    format = 'xlsx'
    try {
      parsed = await readXlsx(bytes)
    } catch {
      throw new UnreadableFileError('Dit Excel-bestand kan niet gelezen worden. Is het beschadigd?')
    }
  } else {
    const decoded = decodeCsv(bytes)
    encoding = decoded.encoding
    delimiter = decoded.delimiter
    parsed = parseCsv(decoded.text, delimiter)
  }
  const [head, ...rows] = parsed.rows
  if (!head || rows.length === 0) throw new UnreadableFileError(NO_ROWS)
  const headers = headerNames(head)
  return { format, encoding, delimiter, headers, rows, lines: parsed.lines.slice(1) }
}
