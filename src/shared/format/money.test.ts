import { describe, expect, it } from 'vitest'
import { formatCents, parseEuroToCents } from './money'

describe('parseEuroToCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['€ 450,00', 45000],
    ['75', 7500],
    ['-5', -500],
    ['75.5', 7550],
    ['75,5', 7550],
    ['1,234.56', 123456],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['EUR 12,30', 1230],
    ['0', 0],
  ])('%s -> %i cents', (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents)
  })

  it.each(['abc', '', '€', '12,345,6', '1,2,3', '12a', '1.23.4,567', '12.34,5', '1,234'])(
    'refuses %s',
    (input) => {
      expect(parseEuroToCents(input)).toBeNull()
    },
  )
})

describe('formatCents', () => {
  it('writes euros the Dutch way', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56')
    expect(formatCents(5)).toBe('€ 0,05')
    expect(formatCents(-500)).toBe('-€ 5,00')
    expect(formatCents(100_000_000)).toBe('€ 1.000.000,00')
  })
})
