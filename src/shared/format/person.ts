/** Names, BSN and birth dates of residents. */

/** Dutch surname prefixes (tussenvoegsels), longest first so "van der" wins over "van". */
const PREFIXES = [
  'van de',
  'van der',
  'van den',
  'van het',
  "van 't",
  'in de',
  'in het',
  'in den',
  "in 't",
  'op de',
  'op den',
  'op het',
  'uit de',
  'uit den',
  'aan de',
  'aan den',
  'bij de',
  'voor de',
  'onder de',
  'over de',
  'de la',
  'de le',
  'du',
  'van',
  'de',
  'den',
  'der',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'la',
  'le',
  'el',
  'al',
].sort((a, b) => b.length - a.length)

const FOLD_EXTRA: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe', þ: 'th' }

/**
 * Folded texts remembered: an import folds the same few thousand names and words again and
 * again (NFKD and five regular expressions each time). Bounded, so memory stays flat.
 */
const folded = new Map<string, string>()
const FOLD_CACHE_SIZE = 20_000

/** Lowercase, without diacritics and punctuation: "Çelik" and "celik" meet. */
export function foldText(input: string): string {
  let out = folded.get(input)
  if (out === undefined) {
    if (folded.size >= FOLD_CACHE_SIZE) folded.clear()
    folded.set(input, (out = foldUncached(input)))
  }
  return out
}

function foldUncached(input: string): string {
  return (
    input
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      // Letters that have no decomposition: without this "Yılmaz" and "Michał" lose a letter.
      .replace(/[ıłøđæœþ]/g, (c) => FOLD_EXTRA[c] ?? c)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

// The surname is folded before its prefix is stripped, so the prefixes must be folded too
// ("van 't" becomes "van t").
const FOLDED_PREFIXES = [...new Set(PREFIXES.map(foldText))].sort((a, b) => b.length - a.length)

/**
 * The key a surname is searched and matched on: folded, without prefix and spaces.
 * "van der Berg", "Berg" and "Berg, van der" all give "berg".
 */
export function surnameKey(surname: string, prefix = ''): string {
  let s = foldText(surname)
  // "Berg, van der" written the way registers sort it
  s = s.replace(/ (van|de|der|den|het|ten|ter|te)( (de|der|den|het))?$/, '')
  for (const p of FOLDED_PREFIXES) {
    if (s.startsWith(p + ' ')) {
      s = s.slice(p.length + 1)
      break
    }
  }
  void prefix
  return s.replace(/\s+/g, '')
}

/** Splits "van der Berg" typed in the surname field into prefix and surname. */
export function splitPrefix(fullSurname: string): { prefix: string; surname: string } {
  const trimmed = fullSurname.trim().replace(/\s+/g, ' ')
  // Every prefix is followed by a space: a name without one has none (most names; an import asks 100,000 times)
  if (!trimmed.includes(' ')) return { prefix: '', surname: trimmed }
  // "’t Hart" with a typographic apostrophe (Word, Excel) is "'t Hart"; the name keeps its own sign
  const lower = trimmed.toLowerCase().replace(/[’‘ʼ`´]/g, "'")
  for (const p of PREFIXES) {
    if (lower.startsWith(p + ' '))
      return { prefix: trimmed.slice(0, p.length), surname: trimmed.slice(p.length + 1) }
  }
  return { prefix: '', surname: trimmed }
}

/** "J.P.", "jp", "J P" -> "J.P." */
export function normalizeInitials(input: string): string {
  // Any letter, not only Latin-1: "Ş." and "Ł." are initials too.
  const letters = input.replace(/[^\p{L}]/gu, '')
  if (!letters) return ''
  // "Th." and "IJ." are single initials in Dutch
  const out: string[] = []
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!
    const next = letters[i + 1]
    if (c.toUpperCase() === 'I' && next?.toUpperCase() === 'J') {
      out.push('IJ')
      i++
    } else if (c.toUpperCase() === 'T' && next === 'h') {
      out.push('Th')
      i++
    } else out.push(c.toUpperCase())
  }
  return out.map((x) => x + '.').join('')
}

export function displayName(p: { initials: string; prefix: string; surname: string }): string {
  return [p.initials, p.prefix, p.surname].filter((x) => x && x.trim()).join(' ')
}

/** The BSN eleven-test ("elfproef"): 9 digits, weights 9..2 and -1, sum divisible by 11. */
export function isValidBsn(input: string): boolean {
  const digits = input.replace(/[\s.]/g, '')
  if (!/^\d{8,9}$/.test(digits)) return false
  const d = digits.padStart(9, '0')
  if (d === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i)
  sum -= Number(d[8])
  return sum % 11 === 0
}

export function normalizeBsn(input: string): string {
  return input.replace(/[\s.]/g, '').padStart(9, '0')
}

/** Dutch phone numbers: keeps digits and a leading +, so any usual notation is stored alike. */
export function normalizePhone(input: string): string {
  const trimmed = input.trim()
  if (!trimmed) return ''
  let digits = trimmed.replace(/[^\d+]/g, '')
  if (digits.startsWith('+31')) digits = '0' + digits.slice(3)
  else if (digits.startsWith('0031')) digits = '0' + digits.slice(4)
  return digits
}

/**
 * A Dutch number of ten digits, an international one, or one of the short numbers a municipal
 * team gives as its general number: the 14-number (14 plus the area code, "14 0475", "14 020")
 * and the 0800/0900 service numbers of 8 or 11 digits.
 */
export function isValidPhone(input: string): boolean {
  const n = normalizePhone(input)
  return (
    /^0\d{9}$/.test(n) ||
    /^\+\d{8,15}$/.test(n) ||
    /^140\d{2,3}$/.test(n) ||
    /^0(800|900|906|909)\d{4}(\d{3})?$/.test(n)
  )
}

export function isValidEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(input.trim())
}
