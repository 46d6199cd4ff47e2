import ExcelJS from 'exceljs'

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

/**
 * RFC 4180 CSV with any delimiter: quoted fields may hold delimiters, quotes ("") and line breaks.
 * Unquoted runs are sliced out of the text, not built character by character (100,000 rows).
 */
export function parseCsv(text: string, delimiter: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = []
  const lines: number[] = []
  const delim = delimiter.charCodeAt(0)
  let row: string[] = []
  /** The field's text before `start`: quoted parts, and what came before them. */
  let field = ''
  let start = 0
  let quoted = false
  let line = 1
  let rowLine = 1
  const n = text.length
  const endRow = () => {
    if (row.some((c) => c.trim() !== '')) {
      rows.push(row)
      lines.push(rowLine)
    }
    row = []
  }
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
      endRow()
      line++
      rowLine = line
    }
  }
  row.push(field + text.slice(start))
  endRow()
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
    const decoded = decodeText(bytes)
    encoding = decoded.encoding
    if (decoded.text.includes('\u0000'))
      throw new UnreadableFileError('Dit bestand is geen CSV- of Excel-bestand (.csv of .xlsx).')
    delimiter = detectDelimiter(decoded.text)
    parsed = parseCsv(decoded.text, delimiter)
  }
  const [head, ...rows] = parsed.rows
  if (!head || rows.length === 0)
    throw new UnreadableFileError('Het bestand bevat geen regels met signalen onder de kopregel.')
  const headers = head.map((h, i) => h.trim() || `Kolom ${i + 1}`)
  return { format, encoding, delimiter, headers, rows, lines: parsed.lines.slice(1) }
}
