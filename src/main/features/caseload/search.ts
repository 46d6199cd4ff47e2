import { parseDutchDate } from '@shared/format/dates'
import { normalizePostcode, parseHouseNumber } from '@shared/format/address'
import { splitPrefix, surnameKey } from '@shared/format/person'

/** What a consulent typed in the caseload's search box, understood as one kind of search. */
export type ParsedSearch =
  | { kind: 'none' }
  | { kind: 'caseNumber'; value: string }
  | { kind: 'postcode'; postcode: string; huisnummer: number | null; toevoeging: string | null }
  | { kind: 'pc4'; pc4: string; huisnummer: number | null }
  | { kind: 'birthDate'; date: string }
  | { kind: 'houseNumber'; huisnummer: number }
  | { kind: 'surname'; keyPrefix: string }

export function parseSearch(input: string): ParsedSearch {
  const s = input.trim()
  if (!s) return { kind: 'none' }
  if (/^la-\d{4}-\d{1,6}$/i.test(s)) return { kind: 'caseNumber', value: s.toUpperCase() }
  const pc = /^([1-9]\d{3}\s*[a-z]{2})(?:\s+(.+))?$/i.exec(s)
  if (pc && normalizePostcode(pc[1]!)) {
    const hn = pc[2] ? parseHouseNumber(pc[2]) : null
    return {
      kind: 'postcode',
      postcode: normalizePostcode(pc[1]!)!,
      huisnummer: hn?.number ?? null,
      toevoeging: hn && hn.addition ? hn.addition : null,
    }
  }
  const pc4 = /^([1-9]\d{3})(?:\s+(\d{1,5}))?$/.exec(s)
  if (pc4 && (pc4[2] || s.length === 4))
    return { kind: 'pc4', pc4: pc4[1]!, huisnummer: pc4[2] ? Number(pc4[2]) : null }
  const date = parseDutchDate(s)
  if (date) return { kind: 'birthDate', date }
  const hn = /^(\d{1,5})\s*[a-z]?$/i.exec(s)
  if (hn) return { kind: 'houseNumber', huisnummer: Number(hn[1]) }
  // "J. van der Berg": drop initials, then the prefix
  const withoutInitials = s.replace(/^([A-Za-z]\.\s*)+/, '').trim() || s
  const { surname, prefix } = splitPrefix(withoutInitials)
  const key = surnameKey(surname, prefix)
  if (!key) return { kind: 'none' }
  return { kind: 'surname', keyPrefix: key }
}

export function explainSearch(p: ParsedSearch): string | null {
  switch (p.kind) {
    case 'none':
      return null
    case 'caseNumber':
      return `Zaaknummer ${p.value}`
    case 'postcode':
      return `Postcode ${p.postcode}${p.huisnummer ? `, huisnummer ${p.huisnummer}${p.toevoeging ?? ''}` : ''}`
    case 'pc4':
      return `Postcodegebied ${p.pc4}${p.huisnummer ? `, huisnummer ${p.huisnummer}` : ''}`
    case 'birthDate':
      return `Geboortedatum ${p.date.split('-').reverse().join('-')}`
    case 'houseNumber':
      return `Huisnummer ${p.huisnummer}`
    case 'surname':
      return `Achternaam begint met "${p.keyPrefix}"`
  }
}

/** The upper bound of a prefix range: "jan" -> "jao", so `key >= 'jan' and key < 'jao'` uses the index. */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}
