import { describe, expect, it } from 'vitest'
import {
  formatHouseNumber,
  formatPostcodeRange,
  normalizeAddition,
  normalizePostcode,
  parseHouseNumber,
  parsePostcodeRange,
} from './address'

describe('parsePostcodeRange', () => {
  it.each([
    ['6041', { from: '6041AA', to: '6041ZZ' }],
    ['6041-6045', { from: '6041AA', to: '6045ZZ' }],
    ['6041AB-6041CZ', { from: '6041AB', to: '6041CZ' }],
    ['6041 ab - 6041 cz', { from: '6041AB', to: '6041CZ' }],
    ['6041 t/m 6045', { from: '6041AA', to: '6045ZZ' }],
    ['6041AB', { from: '6041AB', to: '6041AB' }],
  ])('%s', (input, range) => {
    expect(parsePostcodeRange(input)).toEqual(range)
  })

  it.each(['6045-6041', '6041CZ-6041AB', '604', '0123', 'Centrum', '6041-6042-6043', ''])(
    'refuses %s',
    (input) => {
      expect(parsePostcodeRange(input)).toBeNull()
    },
  )

  it('writes a range back the way it was typed', () => {
    expect(formatPostcodeRange({ from: '6041AA', to: '6041ZZ' })).toBe('6041')
    expect(formatPostcodeRange({ from: '6041AA', to: '6045ZZ' })).toBe('6041-6045')
    expect(formatPostcodeRange({ from: '6041AB', to: '6041CZ' })).toBe('6041AB-6041CZ')
  })
})

describe('postcodes and house numbers', () => {
  it('normalises postcodes', () => {
    expect(normalizePostcode('6041ab')).toBe('6041AB')
    expect(normalizePostcode(' 6041 AB ')).toBe('6041AB')
    expect(normalizePostcode('0041AB')).toBeNull()
    expect(normalizePostcode('6041 SS')).toBeNull()
    expect(normalizePostcode('60411AB')).toBeNull()
  })

  it('treats "12a", "12 A" and "12-a" as one address and "12" as another', () => {
    const a = parseHouseNumber('12a')
    expect(parseHouseNumber('12 A')).toEqual(a)
    expect(parseHouseNumber('12-a')).toEqual(a)
    expect(a).toEqual({ number: 12, addition: 'A' })
    expect(parseHouseNumber('12')).toEqual({ number: 12, addition: '' })
    expect(parseHouseNumber('12-3')).toEqual({ number: 12, addition: '3' })
    expect(parseHouseNumber('a12')).toBeNull()
    expect(parseHouseNumber('0')).toBeNull()
    expect(normalizeAddition(' -a ')).toBe('A')
    expect(formatHouseNumber(12, 'A')).toBe('12A')
    expect(formatHouseNumber(12, '3')).toBe('12-3')
  })
})
