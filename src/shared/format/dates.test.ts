import { describe, expect, it } from 'vitest'
import { addDays, ageOn, formatDate, isIsoDate, parseDutchDate } from './dates'

describe('parseDutchDate', () => {
  it.each([
    ['05-10-2026', '2026-10-05'],
    ['5-10-2026', '2026-10-05'],
    ['2026-10-05', '2026-10-05'],
    ['5/10/2026', '2026-10-05'],
    ['05.10.2026', '2026-10-05'],
    [' 29-02-2028 ', '2028-02-29'],
  ])('%s -> %s', (input, iso) => {
    expect(parseDutchDate(input)).toBe(iso)
  })

  it.each([
    '31-02-2026',
    '29-02-2026',
    '32-01-2026',
    '01-13-2026',
    '2026-02-30',
    'abc',
    '',
    '5-10-26',
    '01-01-1850',
  ])('refuses %s', (input) => {
    expect(parseDutchDate(input)).toBeNull()
  })
})

describe('date helpers', () => {
  it('formats, adds and counts', () => {
    expect(formatDate('2026-10-05')).toBe('05-10-2026')
    expect(formatDate(null)).toBe('')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(ageOn('1990-11-10', '2026-11-09')).toBe(35)
    expect(ageOn('1990-11-10', '2026-11-10')).toBe(36)
  })
})
