import type ExcelJS from 'exceljs'

/**
 * The one writer for every CSV and Excel cell the app produces. Text in an export often comes
 * from outside (a signal partner's ID, a partner's name, an import file), and a spreadsheet
 * reads a cell that starts with = + - or @ as a formula: `=HYPERLINK("http://…")` in a feedback
 * file would run on the partner's computer. Following OWASP's advice on CSV injection, such a
 * cell (and one starting with a tab or carriage return, which some spreadsheets skip before
 * reading a formula) gets a leading apostrophe, which spreadsheets show as text, and every
 * CSV field that holds a delimiter, a quote or a line break is quoted with its quotes doubled.
 * Numbers stay numbers: only text is changed.
 */

const FORMULA_START = /^[=+\-@\t\r]/

export type Cell = string | number | null | undefined

/** Text that a spreadsheet would read as a formula, made plain text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function csvField(value: Cell, delimiter: string): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value)
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text)
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * A CSV file as Dutch Excel opens it: a byte order mark (so accents come through), semicolons
 * between fields (the comma is the decimal sign here) and CRLF line ends.
 */
export function csvText(rows: readonly (readonly Cell[])[], delimiter = ';'): string {
  const lines = rows.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Adds a row to an Excel sheet with its text cells neutralised; returns the row for styling. */
export function addSheetRow(ws: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  return ws.addRow(cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : (c ?? null))))
}
