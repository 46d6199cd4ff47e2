import { addDays } from '@shared/format/dates'

/**
 * Dutch public holidays on which a municipal team does not work, for the ladder's working days.
 * Goede Vrijdag is left out (not a general day off for municipalities); Bevrijdingsdag (5 May)
 * counts only in lustrum years (2025, 2030, ...), as in most collective agreements.
 */

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as ISO date. */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** The public holidays of one year with their Dutch names, in date order. */
export function publicHolidays(year: number): { datum: string; naam: string }[] {
  const easter = easterSunday(year)
  // Koningsdag moves to the 26th when the 27th is a Sunday.
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27
  const out = [
    { datum: iso(year, 1, 1), naam: 'Nieuwjaarsdag' },
    { datum: addDays(easter, 1), naam: 'Tweede paasdag' },
    { datum: iso(year, 4, kingsDay), naam: 'Koningsdag' },
    ...(year % 5 === 0 ? [{ datum: iso(year, 5, 5), naam: 'Bevrijdingsdag' }] : []),
    { datum: addDays(easter, 39), naam: 'Hemelvaartsdag' },
    { datum: addDays(easter, 50), naam: 'Tweede pinksterdag' },
    { datum: iso(year, 12, 25), naam: 'Eerste kerstdag' },
    { datum: iso(year, 12, 26), naam: 'Tweede kerstdag' },
  ]
  return out.sort((x, y) => x.datum.localeCompare(y.datum))
}

const cache = new Map<number, Set<string>>()

export function isPublicHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4))
  let days = cache.get(year)
  if (!days) {
    days = new Set(publicHolidays(year).map((h) => h.datum))
    cache.set(year, days)
  }
  return days.has(isoDate)
}
