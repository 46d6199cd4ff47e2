import { describe, expect, it } from 'vitest'
import { cleanCell, cleanField, decodeText, repairC1, utf16WithoutBom } from './decode'

/**
 * Windows-1252 as Microsoft and the Unicode Consortium publish it (CP1252.TXT): Latin-1 except
 * for 0x80-0x9F, where five bytes are undefined. Written out here, not computed, so the test
 * cannot agree with a broken decoder by construction.
 */
const CP1252_80_9F: (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
]

function expected(byte: number): number {
  if (byte < 0x80 || byte >= 0xa0) return byte
  return CP1252_80_9F[byte - 0x80] ?? 0xfffd
}

describe('decoding an import file', () => {
  it('decodes every one of the 256 bytes by the Windows-1252 table', () => {
    // One byte per line after a header: no valid UTF-8, no zero bytes to look like UTF-16
    const bytes: number[] = []
    for (let b = 1; b < 256; b++) if (b !== 10 && b !== 13) bytes.push(b)
    bytes.push(0xe9) // an é at the end keeps it from ever being valid UTF-8
    const { text, encoding } = decodeText(Uint8Array.from(bytes))
    expect(encoding).toBe('Windows-1252')
    const got = [...text].map((c) => c.codePointAt(0))
    expect(got).toEqual(bytes.map(expected))
    // Byte 0 is no text: a file with it (other than UTF-16) is refused by readTable
  })

  it('is not fooled by TextDecoder: the euro sign and curly quotes come out as written', () => {
    const bytes = Uint8Array.from([
      0x80, 0x20, 0x31, 0x2e, 0x31, 0x30, 0x30, 0x2c, 0x30, 0x30, 0x3b, 0x92, 0x74, 0x20, 0x48,
    ])
    expect(decodeText(bytes).text).toBe('€ 1.100,00;’t H')
  })

  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM or without one', () => {
    const text = 'Signaal ID;Achternaam;Bedrag\r\nVPS-1;’t Hart;€ 1.100,00\r\n'
    const utf8 = Buffer.from(text, 'utf8')
    expect(decodeText(utf8)).toEqual({ text, encoding: 'UTF-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({
      text,
      encoding: 'UTF-8 (BOM)',
    })
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ text, encoding: 'UTF-16' })
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'UTF-16' })
    // Without a BOM, as some exports write it: recognised by its zero bytes, not refused as "no CSV"
    expect(utf16WithoutBom(le)).toBe('utf-16le')
    expect(utf16WithoutBom(be)).toBe('utf-16be')
    expect(decodeText(le)).toEqual({ text, encoding: 'UTF-16' })
    expect(decodeText(be)).toEqual({ text, encoding: 'UTF-16' })
    expect(utf16WithoutBom(utf8)).toBeNull()
  })

  it('repairs text that an ISO-8859-1 reading mangled, and cleans control characters from cells', () => {
    expect(repairC1('\u0080 234,50')).toBe('€ 234,50')
    expect(repairC1('\u0092t Hart \u0096 Noord')).toBe('’t Hart – Noord')
    expect(repairC1('Hoëlle')).toBe('Hoëlle')
    expect(cleanCell('  Jansen\u202e  ')).toBe('Jansen')
    expect(cleanCell('Kerk-\r\nstraat\u0007 1')).toBe('Kerk- straat 1')
    expect(cleanField('bedrag', '\u0080 234,50')).toBe('234,50')
    expect(cleanField('postcode', '6041.ab')).toBe('6041AB')
    expect(cleanField('achternaam', '’t Hart\u0000')).toBe('’t Hart')
  })
})
