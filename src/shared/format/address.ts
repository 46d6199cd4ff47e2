/** Dutch address parts, normalised once so that matching on an address is exact. */

const POSTCODE_RE = /^([1-9][0-9]{3})\s*([A-Za-z]{2})$/

/** "6041 ab" -> "6041AB"; null when it is not a Dutch postcode. */
export function normalizePostcode(input: string): string | null {
  const m = POSTCODE_RE.exec(input.trim())
  if (!m) return null
  const letters = m[2]!.toUpperCase()
  // PostNL never issues SA, SD and SS.
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null
  return `${m[1]}${letters}`
}

/** "6041AB" -> "6041 AB", the way it is written on an envelope. */
export function formatPostcode(pc: string): string {
  return pc.length === 6 ? `${pc.slice(0, 4)} ${pc.slice(4)}` : pc
}

/** House number additions are compared without spaces, dashes and case: "-a", " A" and "a" are one. */
export function normalizeAddition(input: string | null | undefined): string {
  return (input ?? '').replace(/[\s\-_/.]+/g, '').toUpperCase()
}

/**
 * Splits "12", "12a", "12 A", "12-3" or "12 bis" into number and addition.
 * Returns null when there is no leading house number.
 */
export function parseHouseNumber(input: string): { number: number; addition: string } | null {
  const m = /^\s*(\d{1,5})\s*[-\s]?\s*(.*)$/.exec(input)
  if (!m) return null
  const n = Number(m[1])
  if (!Number.isInteger(n) || n < 1 || n > 99999) return null
  return { number: n, addition: normalizeAddition(m[2]) }
}

export function formatHouseNumber(number: number, addition: string): string {
  if (!addition) return String(number)
  return /^\d/.test(addition) ? `${number}-${addition}` : `${number}${addition}`
}

/** A postcode as a number, so ranges can be compared: 1000AA is 0, 9999ZZ is the largest. */
export function postcodeOrdinal(pc6: string): number {
  const digits = Number(pc6.slice(0, 4))
  const a = pc6.charCodeAt(4) - 65
  const b = pc6.charCodeAt(5) - 65
  return (digits - 1000) * 676 + a * 26 + b
}

export interface PostcodeRange {
  from: string
  to: string
}

/**
 * Reads a postcode range as a team writes it: "6041", "6041-6045", "6041AB", "6041AB-6041CZ",
 * "6041 AB - 6041 CZ". PC4 bounds cover all letters (6041 = 6041AA up to 6041ZZ).
 * Returns null when the text is not a range.
 */
export function parsePostcodeRange(input: string): PostcodeRange | null {
  const parts = input
    .trim()
    .toUpperCase()
    .split(/\s*(?:-|t\/m|tot en met)\s*/i)
  if (parts.length < 1 || parts.length > 2) return null
  const bound = (p: string, low: boolean): string | null => {
    const compact = p.replace(/\s+/g, '')
    if (/^[1-9]\d{3}$/.test(compact)) return compact + (low ? 'AA' : 'ZZ')
    if (/^[1-9]\d{3}[A-Z]{2}$/.test(compact)) return compact
    return null
  }
  const from = bound(parts[0]!, true)
  const to = bound(parts[1] ?? parts[0]!, false)
  if (!from || !to) return null
  if (postcodeOrdinal(from) > postcodeOrdinal(to)) return null
  return { from, to }
}

export function formatPostcodeRange(r: PostcodeRange): string {
  const short = (pc: string, low: boolean) => (pc.endsWith(low ? 'AA' : 'ZZ') ? pc.slice(0, 4) : pc)
  const a = short(r.from, true)
  const b = short(r.to, false)
  if (r.from.slice(0, 4) === r.to.slice(0, 4) && r.from.endsWith('AA') && r.to.endsWith('ZZ')) return a
  return `${a}-${b}`
}
