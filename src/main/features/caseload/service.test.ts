import { describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api'
import { setUpTeam, signal, testApp } from '../../test/fixtures'
import { parseSearch } from './search'

type T = Awaited<ReturnType<typeof testApp>>

/**
 * Five households picked up on different days (the clock stands at 10-11-2026 09:30 UTC):
 * a case is opened on the day the clock says, which the age filter works on.
 */
async function caseload() {
  const t = await testApp()
  // The kwaliteitsmedewerker sees every wijk; a consulent's scope is tested in features/access.
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const at = async (instant: string, input: ApiInput<'signals.createManual'>) => {
    t.clock.set(instant)
    return t.call('signals.createManual', input)
  }
  const berg = await at(
    '2026-09-20T09:00:00Z',
    signal({ huisnummer: '12', geboortedatum: '12-03-1984', bedrag: '450,00' }),
  )
  const celik = await at(
    '2026-10-20T09:00:00Z',
    signal({
      postcode: '6042 CD',
      huisnummer: '5',
      tussenvoegsel: '',
      achternaam: 'Çelik',
      voorletters: 'E.',
      geboortedatum: '01-02-1970',
      partnerType: 'Zorg',
      bedrag: '1.200,00',
    }),
  )
  const bergman = await at(
    '2026-11-08T09:00:00Z',
    signal({
      postcode: '6045 AX',
      huisnummer: '7a',
      tussenvoegsel: '',
      achternaam: 'Bergman',
      voorletters: 'P.',
      geboortedatum: '15-06-1999',
      partnerType: 'Energie',
      bedrag: '80',
    }),
  )
  const vries = await at(
    '2026-11-09T09:00:00Z',
    signal({
      postcode: '1011 AB',
      huisnummer: '3',
      tussenvoegsel: 'de',
      achternaam: 'Vries',
      voorletters: 'A.',
      geboortedatum: '30-12-1960',
      partnerType: 'Water',
      bedrag: '50',
    }),
  )
  const janssen = await at(
    '2026-11-10T09:30:00Z',
    signal({
      huisnummer: '14',
      tussenvoegsel: '',
      achternaam: 'Janssen',
      voorletters: 'M.',
      geboortedatum: '05-05-1990',
      partnerType: 'Zorg',
      bedrag: '300',
    }),
  )
  // A second signal (Energie) for Çelik's household
  await t.call(
    'signals.createManual',
    signal({
      postcode: '6042CD',
      huisnummer: '5',
      tussenvoegsel: '',
      achternaam: 'Çelik',
      voorletters: 'E.',
      geboortedatum: '01-02-1970',
      partnerType: 'Energie',
      bedrag: '100',
    }),
  )
  await t.db
    .updateTable('vroegsignaalzaak')
    .set({ status: 'in_behandeling' })
    .where('id', '=', celik.caseId)
    .execute()
  // A closed case: the previous tenants of Janssen's address
  const closed = await at(
    '2026-05-01T09:00:00Z',
    signal({
      huisnummer: '16',
      tussenvoegsel: 'van den',
      achternaam: 'Heuvel',
      voorletters: 'T.',
      geboortedatum: '01-01-1950',
    }),
  )
  await t.db
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'gesloten',
      is_open: 0,
      resultaat: '(Budget)advies en/of quick fix',
      gesloten_op: '2026-06-01',
    })
    .where('id', '=', closed.caseId)
    .execute()
  t.clock.set('2026-11-10T09:30:00.000Z')
  const settings = await t.call('settings.get', {})
  return {
    t,
    ids: {
      berg: berg.caseId,
      celik: celik.caseId,
      bergman: bergman.caseId,
      vries: vries.caseId,
      janssen: janssen.caseId,
      closed: closed.caseId,
    },
    member: (naam: string) => team.find((m) => m.naam === naam)!.id,
    wijk: (naam: string) => settings.wijken.find((w) => w.naam === naam)!.id,
  }
}

const ids = async (t: T, q: ApiInput<'caseload.list'>) =>
  (await t.call('caseload.list', q)).rows.map((r) => r.id)

describe('caseload filters', () => {
  it('shows open cases, newest first, with their summary', async () => {
    const { t, ids: c } = await caseload()
    const page = await t.call('caseload.list', {})
    expect(page.rows.map((r) => r.id)).toEqual([c.janssen, c.vries, c.bergman, c.celik, c.berg])
    expect(page.total).toBe(5)
    expect(page.zoekUitleg).toBeNull()
    const celik = page.rows.find((r) => r.id === c.celik)!
    expect(celik).toMatchObject({
      naam: 'E. Çelik',
      adres: 'Kapellerlaan 5',
      postcode: '6042 CD',
      wijkNaam: 'Kapel in het Zand',
      consulentNaam: 'Sem Janssen',
      status: 'in_behandeling',
      partnerTypes: ['Energie', 'Zorg'],
      signalen: 2,
      bedragCents: 130_000,
      geopendOp: '2026-10-20',
      laatsteSignaal: '2026-11-05',
      crisis: false,
      demo: false,
    })
  })

  it('filters by consulent, by "nobody", by wijk and by partner type', async () => {
    const { t, ids: c, member, wijk } = await caseload()
    expect(await ids(t, { consulent: member('Anouk Peeters') })).toEqual([c.janssen, c.berg])
    expect(await ids(t, { consulent: member('Sem Janssen') })).toEqual([c.bergman, c.celik])
    expect(await ids(t, { consulent: 'geen' })).toEqual([c.vries])
    expect(await ids(t, { wijkId: wijk('Kapel in het Zand') })).toEqual([c.celik])
    expect(await ids(t, { wijkId: wijk('Centrum'), status: 'alle' })).toEqual([c.janssen, c.berg, c.closed])
    expect(await ids(t, { partnerType: 'Energie' })).toEqual([c.bergman, c.celik])
    expect(await ids(t, { partnerType: 'Hypotheek' })).toEqual([])
    expect(await ids(t, { consulent: member('Sem Janssen'), partnerType: 'Zorg' })).toEqual([c.celik])
  })

  it('filters by status', async () => {
    const { t, ids: c } = await caseload()
    expect(await ids(t, { status: 'in_behandeling' })).toEqual([c.celik])
    expect(await ids(t, { status: 'nieuw' })).toEqual([c.janssen, c.vries, c.bergman, c.berg])
    expect(await ids(t, { status: 'gesloten' })).toEqual([c.closed])
    expect((await t.call('caseload.list', { status: 'alle' })).total).toBe(6)
  })

  it('filters by the age of the case against today', async () => {
    const { t, ids: c } = await caseload()
    // today 10-11: a week is after 03-11; four weeks is after 13-10
    expect(await ids(t, { leeftijd: 'week' })).toEqual([c.janssen, c.vries, c.bergman])
    expect(await ids(t, { leeftijd: 'maand' })).toEqual([c.celik])
    expect(await ids(t, { leeftijd: 'ouder' })).toEqual([c.berg])
    // Bergman was picked up on 08-11: younger than a week up to 14-11, not on 15-11
    t.clock.advanceDays(4)
    expect(await ids(t, { leeftijd: 'week' })).toEqual([c.janssen, c.vries, c.bergman])
    t.clock.advanceDays(1)
    expect(await ids(t, { leeftijd: 'week' })).toEqual([c.janssen, c.vries])
    expect(await ids(t, { leeftijd: 'maand' })).toEqual([c.bergman, c.celik])
  })
})

describe('caseload search', () => {
  it.each([
    ['berg', ['berg', 'bergman']],
    ['van der Berg', ['berg', 'bergman']],
    ['J. van der Berg', ['berg', 'bergman']],
    ['Berg, van der', ['berg', 'bergman']],
    ['Bergm', ['bergman']],
    ['Celik', ['celik']],
    ['çelik', ['celik']],
    ['VRIES', ['vries']],
    ['de Vries', ['vries']],
    ['Heuvel', []],
    ['Pietersen', []],
  ] as const)('"%s" finds %j by surname', async (zoek, expected) => {
    const { t, ids: c } = await caseload()
    const page = await t.call('caseload.list', { zoek })
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((k) => c[k]).sort())
    expect(page.total).toBe(expected.length)
  })

  it('finds closed cases by surname when asked for every status', async () => {
    const { t, ids: c } = await caseload()
    expect(await ids(t, { zoek: 'van den Heuvel', status: 'alle' })).toEqual([c.closed])
  })

  it.each([
    ['6041AB', ['janssen', 'berg'], 'Postcode 6041AB'],
    ['6041 ab', ['janssen', 'berg'], 'Postcode 6041AB'],
    ['6041AB 12', ['berg'], 'Postcode 6041AB, huisnummer 12'],
    ['6041 AB 14', ['janssen'], 'Postcode 6041AB, huisnummer 14'],
    ['6045AX 7a', ['bergman'], 'Postcode 6045AX, huisnummer 7A'],
    // Without an addition, every addition of the number is found; with one, only that one
    ['6045AX 7', ['bergman'], 'Postcode 6045AX, huisnummer 7'],
    ['6045AX 7b', [], 'Postcode 6045AX, huisnummer 7B'],
    ['6041', ['janssen', 'berg'], 'Postcodegebied 6041'],
    ['6042 5', ['celik'], 'Postcodegebied 6042, huisnummer 5'],
    ['05-05-1990', ['janssen'], 'Geboortedatum 05-05-1990'],
    ['5-5-1990', ['janssen'], 'Geboortedatum 05-05-1990'],
    ['LA-2026-00002', ['celik'], 'Zaaknummer LA-2026-00002'],
    ['la-2026-00002', ['celik'], 'Zaaknummer LA-2026-00002'],
    ['7', ['bergman'], 'Huisnummer 7'],
  ] as const)('"%s" finds %j (%s)', async (zoek, expected, uitleg) => {
    const { t, ids: c } = await caseload()
    const page = await t.call('caseload.list', { zoek })
    expect(page.rows.map((r) => r.id)).toEqual(expected.map((k) => c[k]))
    expect(page.zoekUitleg).toBe(uitleg)
  })

  it('understands what was typed', () => {
    expect(parseSearch('')).toEqual({ kind: 'none' })
    expect(parseSearch('  ')).toEqual({ kind: 'none' })
    expect(parseSearch('6041')).toEqual({ kind: 'pc4', pc4: '6041', huisnummer: null })
    expect(parseSearch('12-03-1984')).toEqual({ kind: 'birthDate', date: '1984-03-12' })
    expect(parseSearch('31-02-1984')).toEqual({ kind: 'surname', keyPrefix: '31021984' })
    expect(parseSearch("in 't Zandt")).toEqual({ kind: 'surname', keyPrefix: 'zandt' })
  })
})

describe('caseload sorting and paging', () => {
  it.each([
    ['nieuwste', ['janssen', 'vries', 'bergman', 'celik', 'berg']],
    ['oudste', ['berg', 'celik', 'bergman', 'vries', 'janssen']],
    ['bedrag', ['celik', 'berg', 'janssen', 'bergman', 'vries']],
    ['naam', ['berg', 'bergman', 'celik', 'janssen', 'vries']],
    ['postcode', ['vries', 'berg', 'janssen', 'celik', 'bergman']],
  ] as const)('sorts by %s', async (sort, expected) => {
    const { t, ids: c } = await caseload()
    expect(await ids(t, { sort })).toEqual(expected.map((k) => c[k]))
  })

  it('pages through the list with a stable order and the total of the filter', async () => {
    const t = await testApp()
    await setUpTeam(t)
    for (let i = 1; i <= 23; i++) await t.call('signals.createManual', signal({ huisnummer: String(i) }))
    const pages = []
    for (let page = 1; page <= 3; page++) pages.push(await t.call('caseload.list', { pageSize: 10, page }))
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 3])
    expect(pages.every((p) => p.total === 23 && p.pageSize === 10)).toBe(true)
    const all = pages.flatMap((p) => p.rows.map((r) => r.id))
    expect(new Set(all).size).toBe(23)
    // Same day for all: newest first falls back to the highest id first
    expect(all).toEqual([...all].sort((a, b) => b - a))
    const beyond = await t.call('caseload.list', { pageSize: 10, page: 4 })
    expect(beyond.rows).toEqual([])
    expect(beyond.total).toBe(23)
    const filtered = await t.call('caseload.list', { pageSize: 10, zoek: '6041AB 2' })
    expect(filtered.total).toBe(1)
  })
})
