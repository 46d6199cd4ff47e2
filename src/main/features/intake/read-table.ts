import { ArrayRows, detectDelimiter, parseCsv, withoutFirst, type TableRows } from './csv'
import { cleanCell, decodeText } from './decode'
import { readWorkbook, tooManyRows, WorkbookRefusedError } from './xlsx'

/** A file read into rows of text cells, once per import: the header row and every row under it. */
export interface ParsedTable {
  format: 'csv' | 'xlsx'
  encoding: string
  delimiter: string | null
  headers: string[]
  /** The rows under the header. */
  rows: TableRows
}

export class UnreadableFileError extends Error {}

/** More rows than any municipality's year of signals: past this a file is refused, not read. */
export const MAX_ROWS = 1_000_000

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]

export function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b)
}

const NO_ROWS = 'Het bestand bevat geen regels met signalen onder de kopregel.'
const TOO_MANY = tooManyRows(MAX_ROWS)

// Cleaned like every text entering main (shared/format/text.ts): the mapping the screen sends
// back names these headers, and the dispatcher cleans that too, so both must match.
function headerNames(head: string[]): string[] {
  return head.map((h, i) => cleanCell(h) || `Kolom ${i + 1}`)
}

/**
 * Reads a CSV (any common dialect and encoding) or Excel file; the first non-empty row holds
 * the headers. `onProgress` hears the number of rows read now and then.
 */
export function readTable(bytes: Uint8Array, onProgress?: (rowsRead: number) => void): ParsedTable {
  let format: ParsedTable['format'] = 'csv'
  let encoding = 'Excel'
  let delimiter: string | null = null
  let all: TableRows
  if (isXlsx(bytes)) {
    format = 'xlsx'
    try {
      all = new ArrayRows(readWorkbook(bytes, onProgress, MAX_ROWS + 1))
    } catch (e) {
      if (e instanceof WorkbookRefusedError) throw new UnreadableFileError(e.message)
      throw e
    }
  } else {
    const decoded = decodeText(bytes)
    if (decoded.text.includes('\u0000'))
      throw new UnreadableFileError('Dit bestand is geen CSV- of Excel-bestand (.csv of .xlsx).')
    encoding = decoded.encoding
    delimiter = detectDelimiter(decoded.text)
    all = parseCsv(decoded.text, delimiter, (n) => {
      if (n > MAX_ROWS) throw new UnreadableFileError(TOO_MANY)
      onProgress?.(n)
    })
  }
  if (all.length > MAX_ROWS + 1) throw new UnreadableFileError(TOO_MANY)
  if (all.length < 2) throw new UnreadableFileError(NO_ROWS)
  const rows = withoutFirst(all)
  onProgress?.(rows.length)
  return { format, encoding, delimiter, headers: headerNames(all.row(0)), rows }
}
