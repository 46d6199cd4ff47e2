/** The periods the Monitor offers: a month, a quarter, a year, or any two dates. Pure, for tests. */
import { formatDate, MONTH_NAMES, parseDutchDate } from '@shared/format/dates'

export type PeriodKind = 'maand' | 'kwartaal' | 'jaar' | 'eigen'

export interface PeriodOption {
  value: string
  label: string
  van: string
  tot: string
}

export const MONTHS_SHORT = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
]

const pad = (n: number) => String(n).padStart(2, '0')
function lastDay(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`
}

/** The choices for a kind, newest first, counted back from today (ISO). */
export function periodOptions(kind: Exclude<PeriodKind, 'eigen'>, today: string): PeriodOption[] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  if (kind === 'maand')
    return Array.from({ length: 24 }, (_, i) => {
      const idx = y * 12 + (m - 1) - i
      const yy = Math.floor(idx / 12)
      const mm = (idx % 12) + 1
      return {
        value: `${yy}-${pad(mm)}`,
        label: `${MONTH_NAMES[mm - 1]} ${yy}`,
        van: `${yy}-${pad(mm)}-01`,
        tot: lastDay(yy, mm),
      }
    })
  if (kind === 'kwartaal')
    return Array.from({ length: 8 }, (_, i) => {
      const idx = y * 4 + Math.floor((m - 1) / 3) - i
      const yy = Math.floor(idx / 4)
      const q = (idx % 4) + 1
      return {
        value: `${yy}-K${q}`,
        label: `${q}e kwartaal ${yy}`,
        van: `${yy}-${pad(q * 3 - 2)}-01`,
        tot: lastDay(yy, q * 3),
      }
    })
  return Array.from({ length: 6 }, (_, i) => ({
    value: String(y - i),
    label: String(y - i),
    van: `${y - i}-01-01`,
    tot: `${y - i}-12-31`,
  }))
}

/** "2026-10" as "okt 2026", for chart axes. */
export function shortMonth(ym: string): string {
  return `${MONTHS_SHORT[Number(ym.slice(5, 7)) - 1]} ${ym.slice(2, 4)}`
}

/** What the user chose in the period picker: a kind and an option, or two typed dates. */
export interface PeriodChoice {
  kind: PeriodKind
  /** The chosen option of a month, quarter or year; null: the newest. */
  value: string | null
  /** The typed dates of "Eigen periode", as typed (dd-mm-jjjj). */
  van: string
  tot: string
}

export interface ChosenPeriod {
  van: string
  tot: string
  label: string
}

export function defaultChoice(today: string): PeriodChoice {
  return { kind: 'jaar', value: null, van: formatDate(`${today.slice(0, 4)}-01-01`), tot: formatDate(today) }
}

/** The period a choice stands for, or null while the typed dates are not a valid period. */
export function choicePeriod(c: PeriodChoice, today: string): ChosenPeriod | null {
  if (c.kind !== 'eigen') {
    const options = periodOptions(c.kind, today)
    const o = options.find((x) => x.value === c.value) ?? options[0]!
    return { van: o.van, tot: o.tot, label: o.label }
  }
  const van = parseDutchDate(c.van)
  const tot = parseDutchDate(c.tot)
  return van && tot && van <= tot ? { van, tot, label: `${formatDate(van)} t/m ${formatDate(tot)}` } : null
}

const CHOICE_KEY = 'lange-adem:monitor:periode'

/**
 * The chosen period stays until the user changes it: across the monitor's tabs and other screens
 * for the rest of the session (a new sign-in starts afresh, app/user-switch.ts).
 */
export function loadChoice(today: string, storage: Pick<Storage, 'getItem'> = sessionStorage): PeriodChoice {
  try {
    const raw = storage.getItem(CHOICE_KEY)
    const s = raw ? (JSON.parse(raw) as Partial<PeriodChoice>) : null
    if (!s || !['maand', 'kwartaal', 'jaar', 'eigen'].includes(s.kind as string)) return defaultChoice(today)
    return {
      kind: s.kind as PeriodKind,
      value: typeof s.value === 'string' ? s.value : null,
      van: typeof s.van === 'string' ? s.van : defaultChoice(today).van,
      tot: typeof s.tot === 'string' ? s.tot : defaultChoice(today).tot,
    }
  } catch {
    return defaultChoice(today)
  }
}

export function saveChoice(c: PeriodChoice, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  try {
    storage.setItem(CHOICE_KEY, JSON.stringify(c))
  } catch {
    // Blocked storage: the choice lasts as long as the page.
  }
}
