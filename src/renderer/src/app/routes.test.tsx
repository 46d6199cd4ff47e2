import { describe, expect, it } from 'vitest'
import { documentTitle, parseRoute, routeHref, type Route } from './router'
import { mayOpen, ROUTE_LIST, startRoute } from './routes'

describe('the route table', () => {
  it('reads every address the app writes, and writes it back the same', () => {
    const places: Route[] = [
      { name: 'vandaag' },
      { name: 'caseload' },
      { name: 'mijn-zaken' },
      { name: 'zaak', id: 12 },
      { name: 'zaak', id: 12, via: 'inloop' },
      { name: 'zaak', id: 12, via: 'vandaag' },
      { name: 'huisbezoeken' },
      { name: 'huisbezoeken', wijkId: 3 },
      { name: 'huisbezoeken', wijkId: 3, caseId: 12 },
      { name: 'bezoeklijst', datum: '2026-10-06' },
      { name: 'bezoeklijst', datum: '2026-10-06', wijkId: 3 },
      { name: 'inlezing', id: 4 },
      { name: 'sjablonen' },
    ]
    for (const place of places) expect(parseRoute(routeHref(place))).toEqual(place)
    expect(routeHref({ name: 'zaak', id: 12, via: 'vandaag' })).toBe('#/zaak/12/vandaag')
    expect(routeHref({ name: 'sjablonen' })).toBe('#/brieven-en-kaartjes')
    expect(routeHref({ name: 'bezoeklijst', datum: '2026-10-06', wijkId: 3 })).toBe(
      '#/bezoeklijst/2026-10-06/3',
    )
  })

  it('leads an unknown or malformed address to the caseload', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/bestaat-niet',
      '#/zaak/abc',
      '#/zaak/12/elders',
      '#/zaak/12/',
      '#/bezoeklijst/6-10-2026',
    ])
      expect(parseRoute(hash)).toEqual({ name: 'caseload' })
  })

  it('leaves a value out from the first optional one missing', () => {
    expect(routeHref({ name: 'huisbezoeken', caseId: 12 })).toBe('#/huisbezoeken')
  })

  it('gives each role only the screens it can use, and a start page among them', () => {
    const open = (rol: 'consulent' | 'kwaliteitsmedewerker' | 'beheerder') =>
      ROUTE_LIST.filter(([name]) => mayOpen(name, rol)).map(([name]) => name)
    // The beheerder sees no residents' cases (CASE_VIEW 'geen').
    expect(open('beheerder')).toEqual([
      'monitor',
      'afwegingskader',
      'stappenplan',
      'sjablonen',
      'logboek',
      'bewaartermijnen',
      'back-ups',
      'instellingen',
    ])
    expect(open('consulent')).not.toContain('logboek')
    expect(open('consulent')).toContain('zaak')
    expect(startRoute('beheerder')).toEqual({ name: 'instellingen' })
    expect(startRoute('consulent')).toEqual({ name: 'caseload' })
    expect(startRoute('kwaliteitsmedewerker')).toEqual({ name: 'caseload' })
  })

  it('gives every screen its own window title, so a screen reader says where one is', () => {
    const titles = ROUTE_LIST.map(([, def]) => def.title)
    expect(titles.every((t) => t.trim().length > 0)).toBe(true)
    expect(new Set(titles).size).toBe(titles.length)
    expect(documentTitle({ name: 'vandaag' })).toBe('Vandaag – Lange Adem')
    expect(documentTitle({ name: 'zaak', id: 12 })).toBe('Zaak – Lange Adem')
  })
})
