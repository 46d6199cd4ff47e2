import { describe, expect, it } from 'vitest'
import { foldText, isValidBsn, isValidPhone, normalizeInitials, splitPrefix, surnameKey } from './person'

describe('isValidBsn (elfproef)', () => {
  it.each(['111222333', '123456782', '111 222 333', '11122.2333'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true)
  })
  it.each(['123456789', '12345678a', '', '1234567', '1234567890', '000000000', '111222334'])(
    'refuses %s',
    (bsn) => {
      expect(isValidBsn(bsn)).toBe(false)
    },
  )
})

describe('surnameKey', () => {
  it.each([
    ['van der Berg', '', 'berg'],
    ['Berg', 'van der', 'berg'],
    ['Berg, van der', '', 'berg'],
    ['VAN DEN HEUVEL', '', 'heuvel'],
    ["van 't Hof", '', 'hof'],
    ["in 't Zandt", '', 'zandt'],
    ['de Vries', '', 'vries'],
    ['El Amrani', '', 'amrani'],
    ['Çelik', '', 'celik'],
    ['Müller', '', 'muller'],
    ['Kreß', '', 'kress'],
    ['Gülşen', '', 'gulsen'],
    ['Hoëlle', '', 'hoelle'],
    ['Yılmaz', '', 'yilmaz'],
    ['Wiśniewski', '', 'wisniewski'],
    ['Janssen-Peeters', '', 'janssenpeeters'],
    ['Devries', '', 'devries'],
  ])('%s (prefix "%s") -> %s', (surname, prefix, key) => {
    expect(surnameKey(surname, prefix)).toBe(key)
  })

  it('lets spellings with and without diacritics meet', () => {
    expect(foldText('Çelik')).toBe(foldText('celik'))
    expect(foldText('Michał')).toBe('michal')
  })
})

describe('splitPrefix', () => {
  it.each([
    ['van der Berg', 'van der', 'Berg'],
    ['Van Den Heuvel', 'Van Den', 'Heuvel'],
    ['de Vries', 'de', 'Vries'],
    ["in 't Zandt", "in 't", 'Zandt'],
    ['  van   Dijk ', 'van', 'Dijk'],
    ['Berg', '', 'Berg'],
    ['Vandijk', '', 'Vandijk'],
  ])('%s -> "%s" + "%s"', (input, prefix, surname) => {
    expect(splitPrefix(input)).toEqual({ prefix, surname })
  })
})

describe('normalizeInitials', () => {
  it.each([
    ['jp', 'J.P.'],
    ['J.P.', 'J.P.'],
    ['J P', 'J.P.'],
    ['j.p.m', 'J.P.M.'],
    ['Th.', 'Th.'],
    ['ij', 'IJ.'],
    ['Ş.', 'Ş.'],
    ['Ł.', 'Ł.'],
    ['Ö', 'Ö.'],
    ['', ''],
    ['..', ''],
  ])('%s -> %s', (input, out) => {
    expect(normalizeInitials(input)).toBe(out)
  })
})

describe('isValidPhone', () => {
  it.each([
    '06 12345678',
    '0475-359999',
    '+31 6 12345678',
    '0031475359999',
    '+32 470 12 34 56',
    '14 0475',
    '140475',
    '14 020',
    '14 010',
    '0800 1234',
    '0800-0123456',
    '0900 8844',
  ])('accepts %s', (n) => expect(isValidPhone(n)).toBe(true))

  it.each(['14', '14 04', '14 04751', '141 0475', '06 1234567', '0800 123', '12345', 'bel mij'])(
    'refuses %s',
    (n) => expect(isValidPhone(n)).toBe(false),
  )
})
