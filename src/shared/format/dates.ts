/** Dates are ISO calendar dates (YYYY-MM-DD) in storage and Dutch (dd-mm-jjjj) on screen. */

/** Dutch month names, January first. */
export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Whether a year, month and day make a real date (1900-2200); arithmetic, no Date object. */
function validDay(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31
  return d <= days
}

/** Reads "05-10-2026", "5-10-2026", "5/10/2026", "05.10.2026" and "2026-10-05"; null if impossible. */
export function parseDutchDate(input: string): string | null {
  const s = input.trim()
  if (isIsoDate(s)) return s
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s)
  if (!m) return null
  if (!validDay(Number(m[3]), Number(m[2]), Number(m[1]))) return null
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}-${m}-${y}`
}

export function formatDateLong(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`
}

/** A stored instant (UTC ISO) shown in Dutch local time. */
export function formatDateTime(instant: string): string {
  const dt = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(dt.getDate())}-${pad(dt.getMonth() + 1)}-${dt.getFullYear()} ${pad(dt.getHours())}:${pad(dt.getMinutes())}`
}

export function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.UTC(+fromIso.slice(0, 4), +fromIso.slice(5, 7) - 1, +fromIso.slice(8, 10))
  const b = Date.UTC(+toIso.slice(0, 4), +toIso.slice(5, 7) - 1, +toIso.slice(8, 10))
  return Math.round((b - a) / 86_400_000)
}

export function addDays(iso: string, days: number): string {
  const dt = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)))
  dt.setUTCDate(dt.getUTCDate() + days)
  return dt.toISOString().slice(0, 10)
}

/**
 * The ISO date `months` calendar months before `iso`, the day clamped to the target month's
 * length: 31 August minus six months is 28 February (29 in a leap year), never a day in March.
 * This is how a consulent counts "six months back", and it is the one rule for month arithmetic
 * on both stores (retention cut-offs, the import's six-month window, "eerder bekend" in SQL via
 * `isoDateMonthsBefore` in db/dialect.ts).
 */
export function monthsBefore(iso: string, months: number): string {
  const m = +iso.slice(5, 7) - 1 - months
  const year = +iso.slice(0, 4) + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(+iso.slice(8, 10), last)
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole years between a birth date and a reference date. */
export function ageOn(birthIso: string, onIso: string): number {
  let age = +onIso.slice(0, 4) - +birthIso.slice(0, 4)
  if (onIso.slice(5) < birthIso.slice(5)) age--
  return age
}
