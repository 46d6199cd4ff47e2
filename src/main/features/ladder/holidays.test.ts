import { describe, expect, it } from 'vitest'
import { easterSunday, isPublicHoliday, publicHolidays } from './holidays'
import { addWorkdays } from './planner'

describe('Dutch public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2026)).toBe('2026-04-05')
    expect(easterSunday(2027)).toBe('2027-03-28')
    expect(easterSunday(2038)).toBe('2038-04-25')
  })

  it('lists the days off of 2026', () => {
    expect(publicHolidays(2026)).toEqual([
      { datum: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2026-04-06', naam: 'Tweede paasdag' },
      { datum: '2026-04-27', naam: 'Koningsdag' },
      { datum: '2026-05-14', naam: 'Hemelvaartsdag' },
      { datum: '2026-05-25', naam: 'Tweede pinksterdag' },
      { datum: '2026-12-25', naam: 'Eerste kerstdag' },
      { datum: '2026-12-26', naam: 'Tweede kerstdag' },
    ])
  })

  it('lists the days off of 2027', () => {
    expect(publicHolidays(2027).map((h) => h.datum)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-04-27',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ])
  })

  it('moves Koningsdag to the 26th when the 27th is a Sunday, and has Bevrijdingsdag in lustrum years only', () => {
    expect(isPublicHoliday('2025-04-26')).toBe(true)
    expect(isPublicHoliday('2025-04-27')).toBe(false)
    expect(isPublicHoliday('2025-05-05')).toBe(true)
    expect(isPublicHoliday('2030-05-05')).toBe(true)
    expect(isPublicHoliday('2026-05-05')).toBe(false)
    expect(isPublicHoliday('2027-05-05')).toBe(false)
    // Goede Vrijdag is a working day for the team
    expect(isPublicHoliday('2026-04-03')).toBe(false)
  })

  it('are skipped by the working-day count', () => {
    // Thursday before Easter 2026 + 2 working days: Friday 3 April, then Tuesday 7 April (Monday is Tweede paasdag)
    expect(addWorkdays('2026-04-02', 2)).toBe('2026-04-07')
    // Ascension Thursday 14 May 2026
    expect(addWorkdays('2026-05-13', 1)).toBe('2026-05-15')
    // Christmas 2026 falls on Friday and Saturday: Thursday 24 + 1 is Monday 28
    expect(addWorkdays('2026-12-24', 1)).toBe('2026-12-28')
    expect(addWorkdays('2026-12-31', 1)).toBe('2027-01-04')
    // Counting back over Koningsdag 2027 (Tuesday)
    expect(addWorkdays('2027-04-28', -1)).toBe('2027-04-26')
    // 0 moves a holiday to the next working day
    expect(addWorkdays('2027-05-17', 0)).toBe('2027-05-18')
  })
})
