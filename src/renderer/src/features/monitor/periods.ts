/** The periods the Monitor offers: a month, a quarter, a year, or any two dates. Pure, for tests. */
import { MONTH_NAMES } from '@shared/format/dates'

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
