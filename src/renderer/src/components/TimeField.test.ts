import { describe, expect, it } from 'vitest'
import { normalizeTime } from './TimeField'

describe('normalizeTime', () => {
  it('reads what people type as uu:mm', () => {
    expect(normalizeTime('1330')).toBe('13:30')
    expect(normalizeTime('13.30')).toBe('13:30')
    expect(normalizeTime('9')).toBe('09:00')
    expect(normalizeTime('9:5')).toBe('09:05')
    expect(normalizeTime(' 930 ')).toBe('09:30')
    expect(normalizeTime('10:00')).toBe('10:00')
  })
  it('leaves what is no time as typed, for the check to name', () => {
    expect(normalizeTime('10:0013:30')).toBe('10:0013:30')
    expect(normalizeTime('25:00')).toBe('25:00')
    expect(normalizeTime('12:75')).toBe('12:75')
    expect(normalizeTime('half tien')).toBe('half tien')
  })
})
