import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readTable, UnreadableFileError } from './read-table'
import { MAX_UNPACKED_BYTES } from './xlsx'
import { bombSheet, workbook } from '../../test/zip'

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

describe('reading an Excel workbook', () => {
  it('reads what Excel writes: shared and inline strings, dates, whole and broken numbers, booleans', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Leeg')
    const ws = wb.addWorksheet('Signalen')
    ws.addRow(['Signaal-ID', 'Achternaam', 'Bedrag', 'Signaaldatum', 'Crisis', 'Mobiel', 'Straat'])
    ws.addRow([
      'X-1',
      '’t Hart',
      1100,
      new Date(Date.UTC(2026, 9, 9)),
      true,
      612345678,
      'Maria Theresialaan – Noord',
    ])
    ws.addRow([])
    ws.addRow(['X-2', 'D’Souza & Šimić <jr>', 310.5, new Date(Date.UTC(1999, 11, 31)), false, null, 'Markt'])
    const t = readTable(new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(t.format).toBe('xlsx')
    expect(t.headers).toEqual([
      'Signaal-ID',
      'Achternaam',
      'Bedrag',
      'Signaaldatum',
      'Crisis',
      'Mobiel',
      'Straat',
    ])
    expect(t.rows.length).toBe(2)
    expect(t.rows.row(0)).toEqual([
      'X-1',
      '’t Hart',
      '1100',
      '2026-10-09',
      'ja',
      '612345678',
      'Maria Theresialaan – Noord',
    ])
    expect(t.rows.row(1).slice(0, 5)).toEqual(['X-2', 'D’Souza & Šimić <jr>', '310.50', '1999-12-31', 'nee'])
    // The row number as Excel shows it: the empty row 3 is skipped, not renumbered
    expect([t.rows.line(0), t.rows.line(1)]).toEqual([2, 4])
  })

  it('refuses a workbook that states it unpacks to more than the bound, without unpacking it', () => {
    // 1.3 GB stated for 1.4 MB of data that is not even deflate: had it been unpacked, the answer
    // would be "beschadigd". (The bench unpacks a real 1.3 GB bomb and measures time and memory.)
    const bomb = workbook({ deflated: Buffer.alloc(1_400_000, 7), statedSize: 1_300_000_000 })
    expect(() => readTable(bytesOf(bomb))).toThrow(UnreadableFileError)
    expect(() => readTable(bytesOf(bomb))).toThrow(/pakt uit tot meer dan 250 MB/)
    // And one entry's ratio alone gives it away, even when the total would pass
    const dense = workbook({ deflated: Buffer.alloc(100_000, 7), statedSize: 200_000_000 })
    expect(() => readTable(bytesOf(dense))).toThrow(/pakt uit tot meer dan 250 MB/)
  })

  it('refuses a workbook that lies about its size as soon as it unpacks past what it stated', async () => {
    const deflated = await bombSheet(MAX_UNPACKED_BYTES + 50_000_000)
    // States 5 MB, a ratio a spreadsheet can have; holds 300 MB
    const liar = workbook({ deflated, statedSize: 5_000_000 })
    expect(() => readTable(bytesOf(liar))).toThrow(/pakt uit tot meer dan 250 MB/)
  })

  it('says a damaged or password-protected workbook cannot be read', () => {
    const good = workbook({ data: Buffer.from('<worksheet><sheetData/></worksheet>') })
    const cut = good.subarray(0, good.length - 30)
    expect(() => readTable(bytesOf(cut))).toThrow(/kan niet gelezen worden/)
  })
})
