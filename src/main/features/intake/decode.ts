import iconv from 'iconv-lite'
import { cleanText, isUnclean } from '@shared/format/text'

/**
 * Bytes to text for an import file. A BOM decides (UTF-8 or UTF-16); without one, UTF-16 is
 * recognised by its zero bytes (exports from some platforms write it without a BOM), valid
 * UTF-8 is UTF-8, and anything else is Windows-1252, the encoding Excel on Windows writes CSV in.
 *
 * Windows-1252 is decoded with iconv-lite, never with `TextDecoder('windows-1252')`: since
 * Node 20.18.3 and 22.13.0 (and so in Electron) that label decodes as ISO-8859-1, turning bytes
 * 0x80-0x9F (€ ‚ „ … ‘ ’ “ ” – — Š š Ž ž Ÿ) into control characters (nodejs/node 56542, 60888).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: utf8(buf.subarray(3), false)!, encoding: 'UTF-8 (BOM)' }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16' }
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16' }
  const wide = utf16WithoutBom(buf)
  if (wide) return { text: iconv.decode(buf, wide), encoding: 'UTF-16' }
  const text = utf8(buf, true)
  if (text !== null) return { text, encoding: 'UTF-8' }
  return { text: iconv.decode(buf, 'windows-1252'), encoding: 'Windows-1252' }
}

function utf8(buf: Buffer, fatal: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal }).decode(buf)
  } catch {
    return null
  }
}

/**
 * UTF-16 without a BOM: text of a table is mostly ASCII (digits, separators, Latin names), which
 * UTF-16 writes as the character and a zero byte. When at least a third of the first 4 kB's
 * byte pairs have a zero on one side and (almost) none on the other, that side tells the order.
 */
export function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1
  if (n < 16) return null
  let zeroOdd = 0
  let zeroEven = 0
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++
    if (buf[i + 1] === 0) zeroOdd++
  }
  const pairs = n / 2
  if (zeroOdd >= pairs / 3 && zeroEven <= pairs / 50) return 'utf-16le'
  if (zeroEven >= pairs / 3 && zeroOdd <= pairs / 50) return 'utf-16be'
  return null
}

/** What Windows-1252 puts at 0x80-0x9F; the five bytes it leaves undefined are empty here. */
const CP1252_HIGH = iconv
  .decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252')
  .split('')
  .map((c) => (c === '\ufffd' ? '' : c))

/**
 * Repairs text that went through the broken decoder once (or another tool that read
 * Windows-1252 as ISO-8859-1): C1 control characters U+0080-U+009F become the Windows-1252
 * characters of those bytes ("\u0080 234,50" -> "€ 234,50"). Real text never holds C1 controls,
 * so this changes nothing else. "Opnieuw proberen" uses it on rows stored before this fix.
 */
export function repairC1(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
    : text
}

/**
 * One cell as the import keeps it: repaired C1 characters, no other control characters (a line
 * break inside a quoted cell becomes a space), no bidirectional overrides that could make a
 * name read differently on screen than it is stored, and trimmed.
 */
export function cleanCell(text: string): string {
  if (!isUnclean(text) && !/[\t\n]/.test(text)) return text.trim()
  // Mangled Windows-1252 first (its C1 characters would otherwise be removed as control
  // characters), then the cleaning every text entering main gets; inside a cell a line break
  // or tab is a space.
  return cleanText(repairC1(text))
    .replace(/[\t\n]+/g, ' ')
    .trim()
}

/**
 * A field without what cannot belong in it (the bulk fix "opschonen"): stray signs around an
 * amount, a date, a postcode, a phone number or a BSN, and odd characters in text.
 */
export function cleanField(field: string, value: string): string {
  const v = cleanCell(value)
  switch (field) {
    case 'bedrag':
      return v.replace(/[^\d.,-]/g, '')
    case 'signaaldatum':
    case 'ontstaansdatum':
    case 'geboortedatum':
      return v.replace(/[^\d\-/.]/g, '')
    case 'postcode':
      return v.replace(/[^\dA-Za-z ]/g, '').toUpperCase()
    case 'bsn':
      return v.replace(/\D/g, '')
    case 'telefoon':
      return v.replace(/[^\d+ -]/g, '')
    case 'email':
      return v.replace(/\s/g, '')
    default:
      // Letters, digits, spaces and the punctuation names and addresses use
      return v.replace(/[^\p{L}\p{M}\p{N} .,'’‘\-/&()]/gu, '').replace(/\s+/g, ' ')
  }
}
