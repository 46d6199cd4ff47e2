import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  countLabel,
  hasActiveFilters,
  loadFilters,
  saveFilters,
  toQuery,
} from './caseloadFilters'

function memoryStorage() {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m }
}

describe('caseload filters', () => {
  it('turns the default filters into the default query', () => {
    expect(toQuery(DEFAULT_FILTERS, null)).toEqual({
      status: 'open',
      sort: 'nieuwste',
      page: 1,
      pageSize: 50,
      zoek: '',
    })
  })

  it('maps each select to its query field', () => {
    const q = toQuery(
      {
        ...DEFAULT_FILTERS,
        zoek: ' berg ',
        consulent: '4',
        wijk: '2',
        partnerType: 'Energie',
        status: 'alle',
        leeftijd: 'maand',
        stap: 'huisbezoek',
        page: 3,
      },
      null,
    )
    expect(q).toEqual({
      zoek: 'berg',
      consulent: 4,
      wijkId: 2,
      partnerType: 'Energie',
      status: 'alle',
      leeftijd: 'maand',
      stap: 'huisbezoek',
      sort: 'nieuwste',
      page: 3,
      pageSize: 50,
    })
    expect(toQuery({ ...DEFAULT_FILTERS, consulent: 'geen' }, null).consulent).toBe('geen')
  })

  it('fixes the consulent to the signed-in user in "Mijn zaken", whatever was stored', () => {
    expect(toQuery({ ...DEFAULT_FILTERS, consulent: 'geen' }, 9).consulent).toBe(9)
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, consulent: '4' }, true)).toBe(false)
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, consulent: '4' }, false)).toBe(true)
  })

  it('remembers filters per list and survives unreadable or outdated storage', () => {
    const s = memoryStorage()
    const mine = { ...DEFAULT_FILTERS, wijk: '3', sort: 'bedrag' as const, page: 2 }
    saveFilters(true, mine, s)
    expect(loadFilters(true, s)).toEqual(mine)
    expect(loadFilters(false, s)).toEqual(DEFAULT_FILTERS)
    s.setItem('lange-adem:caseload:alle', '{not json')
    expect(loadFilters(false, s)).toEqual(DEFAULT_FILTERS)
    s.setItem(
      'lange-adem:caseload:alle',
      JSON.stringify({ status: 'weg', partnerType: 'Gas', consulent: 'x', page: -1, zoek: 5 }),
    )
    expect(loadFilters(false, s)).toEqual(DEFAULT_FILTERS)
  })

  it('counts in Dutch, singular for one', () => {
    expect(countLabel(1)).toBe('1 zaak')
    expect(countLabel(0)).toBe('0 zaken')
    expect(countLabel(1234)).toBe('1.234 zaken')
  })
})
