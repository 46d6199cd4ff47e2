import { describe, expect, it } from 'vitest'
import { choicePeriod, defaultChoice, loadChoice, periodOptions, saveChoice, shortMonth } from './periods'

describe('monitor periods', () => {
  it('offers months, quarters and years counted back from today, with their first and last day', () => {
    const months = periodOptions('maand', '2026-03-15')
    expect(months[0]).toEqual({ value: '2026-03', label: 'maart 2026', van: '2026-03-01', tot: '2026-03-31' })
    expect(months[1]).toMatchObject({ value: '2026-02', van: '2026-02-01', tot: '2026-02-28' })
    expect(months[3]).toMatchObject({ value: '2025-12', tot: '2025-12-31' })
    const quarters = periodOptions('kwartaal', '2026-03-15')
    expect(quarters[0]).toMatchObject({ label: '1e kwartaal 2026', van: '2026-01-01', tot: '2026-03-31' })
    expect(quarters[1]).toMatchObject({ label: '4e kwartaal 2025', van: '2025-10-01', tot: '2025-12-31' })
    expect(periodOptions('jaar', '2024-02-29')[0]).toMatchObject({ van: '2024-01-01', tot: '2024-12-31' })
    expect(periodOptions('maand', '2024-02-10')[0]!.tot).toBe('2024-02-29')
    expect(shortMonth('2026-10')).toBe('okt 26')
  })

  it('keeps the chosen period for the session, and falls back to this year on anything unreadable', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    }
    expect(choicePeriod(loadChoice('2026-12-10', storage), '2026-12-10')).toEqual({
      van: '2026-01-01',
      tot: '2026-12-31',
      label: '2026',
    })
    saveChoice({ ...defaultChoice('2026-12-10'), kind: 'maand', value: '2026-09' }, storage)
    expect(choicePeriod(loadChoice('2026-12-10', storage), '2026-12-10')).toEqual({
      van: '2026-09-01',
      tot: '2026-09-30',
      label: 'september 2026',
    })
    saveChoice({ kind: 'eigen', value: null, van: '15-10-2026', tot: '01-10-2026' }, storage)
    expect(choicePeriod(loadChoice('2026-12-10', storage), '2026-12-10')).toBeNull()
    store.set('lange-adem:monitor:periode', '{broken')
    expect(loadChoice('2026-12-10', storage)).toEqual(defaultChoice('2026-12-10'))
  })
})
