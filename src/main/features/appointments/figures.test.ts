import { describe, expect, it } from 'vitest'
import type { PlaceView } from '@shared/api/appointments'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

/**
 * Issue 21's figures against hand-counted data: the monitor's appointments by kind of place and
 * the share of reached cases with an appointment, and Vandaag's "best reached" hint with its
 * threshold of 30 cases. The clock starts on Tuesday 10 November 2026 in Roermond.
 */
async function world() {
  const t = await testApp()
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const settings = await t.call('settings.get', {})
  const centrum = settings.wijken.find((w) => w.naam === 'Centrum')!.id
  const places = await t.call('appointments.savePlace', {
    wijkId: centrum,
    naam: 'Wijkcentrum De Roerstreek',
    adres: 'Roerstraat 10',
    postcode: '6041 AB',
    plaats: 'Roermond',
    dagen: [1, 2, 3, 4, 5],
    van: '09:00',
    tot: '17:00',
    toegankelijk: true,
    toelichting: '',
  })
  const place = (soort: PlaceView['soort']) => places.find((p) => p.soort === soort)!.id
  await signInAs(t, 'Anouk Peeters')
  let n = 0
  const newCase = async (partnerType: 'Huur' | 'Energie' = 'Huur') =>
    (
      await t.call(
        'signals.createManual',
        signal({ achternaam: `Jansen${++n}`, huisnummer: String(n), partnerType, tussenvoegsel: '' }),
      )
    ).caseId
  return { t, team, place, newCase }
}

const make = async (t: T, caseId: number, datum: string, tijd: string, plekId: number) =>
  t.call('appointments.make', { versie: await t.versie(caseId), caseId, datum, tijd, duur: 30, plekId })

const phone = async (t: T, caseId: number, bereikt: boolean) =>
  t.call('ladder.logAttempt', {
    versie: await t.versie(caseId),
    caseId,
    kanaal: 'telefoon',
    bereikt,
    resultaat: bereikt ? 'Gesprek gevoerd' : 'Geen gehoor',
    notitie: '',
  })

describe('the monitor counts appointments', () => {
  it('kept, missed and moved per kind of place, and the reached cases that had one, as counted by hand', async () => {
    const { t, place, newCase } = await world()
    const [a, b, c, d, e] = [
      await newCase(),
      await newCase(),
      await newCase(),
      await newCase(),
      await newCase(),
    ]
    // Tuesday: A, B, C and E are reached by phone; D is not.
    for (const id of [a, b, c, e]) await phone(t, id, true)
    await phone(t, d, false)
    const a1 = await make(t, a, '12-11-2026', '10:00', place('wijk'))
    const b1 = await make(t, b, '13-11-2026', '10:00', place('thuis'))
    const c1 = await make(t, c, '12-11-2026', '09:00', place('stadskantoor'))
    const d1 = await make(t, d, '13-11-2026', '11:00', place('telefonisch'))
    // C moves to the wijk place next Tuesday, and that one is still to come.
    await t.call('appointments.reschedule', {
      afspraakId: c1.afspraak.id,
      datum: '17-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('wijk'),
    })
    t.clock.set('2026-11-13T13:00:00.000Z')
    await t.call('appointments.outcome', { afspraakId: a1.afspraak.id, uitkomst: 'niet_gekomen' })
    await t.call('appointments.outcome', { afspraakId: b1.afspraak.id, uitkomst: 'geweest' })
    await t.call('appointments.outcome', { afspraakId: d1.afspraak.id, uitkomst: 'niet_gekomen' })
    // A: a new appointment at the stadskantoor on Monday, and she comes.
    const a2 = await make(t, a, '16-11-2026', '10:00', place('stadskantoor'))
    t.clock.set('2026-11-16T10:00:00.000Z')
    await t.call('appointments.outcome', { afspraakId: a2.afspraak.id, uitkomst: 'geweest' })

    await signInAs(t, 'Fatima El Idrissi')
    const dash = await t.call('monitor.dashboard', { van: '01-11-2026', tot: '30-11-2026' })
    const rows = Object.fromEntries(
      dash.afspraken.map((r) => [
        r.soort,
        [r.geweest, r.nietGekomen, r.verzet, r.gepland, r.opkomst.teller, r.opkomst.noemer, r.opkomst.pct],
      ]),
    )
    // geweest, niet gekomen, verzet, gepland; opkomst = geweest / (geweest + niet gekomen).
    expect(rows).toEqual({
      stadskantoor: [1, 0, 1, 0, 1, 1, 100], // A's second; C's first, moved
      wijk: [0, 1, 0, 1, 0, 1, 0], // A's first, missed; C's second, to come
      thuis: [1, 0, 0, 0, 1, 1, 100], // B
      telefonisch: [0, 1, 0, 0, 0, 1, 0], // D
      beeldbellen: [0, 0, 0, 0, 0, 0, null],
    })
    // Reached: A, B, C, E (4). An appointment made: A, B, C (3); one that took place: A, B (2).
    const share = dash.breakdowns.find((x) => x.key === 'afspraak')!
    expect(share.rows.map((r) => [r.key, r.teller, r.noemer])).toEqual([
      ['gemaakt', 3, 4],
      ['geweest', 2, 4],
    ])
    // Outside the period, nothing.
    const october = await t.call('monitor.dashboard', { van: '01-10-2026', tot: '31-10-2026' })
    expect(october.afspraken.every((r) => r.geweest + r.nietGekomen + r.verzet + r.gepland === 0)).toBe(true)
  })
})

describe("Vandaag's best-reached hint", () => {
  it('shows the part of the day from 30 cases in the group on, and nothing below that or for another group', async () => {
    const { t, newCase } = await world()
    const group: number[] = []
    for (let i = 0; i < 29; i++) group.push(await newCase())
    const energie = await newCase('Energie')
    // Wednesday: every case called in the morning (one in five answers) and in the evening (two in three).
    const callAll = async (ids: number[], offset: number) => {
      t.clock.set('2026-11-11T08:00:00.000Z')
      for (const [i, id] of ids.entries()) await phone(t, id, (i + offset) % 5 === 0)
      t.clock.set('2026-11-11T18:30:00.000Z')
      for (const [i, id] of ids.entries()) await phone(t, id, (i + offset) % 3 !== 0)
    }
    await callAll(group, 0)
    // Thursday: one new household of the same group, due for its first call.
    t.clock.set('2026-11-12T08:00:00.000Z')
    const fresh = await newCase()
    const hintOf = async (caseId: number) => {
      // The figures as of the last refresh: opening the monitor refreshes them.
      await signInAs(t, 'Fatima El Idrissi')
      await t.call('monitor.dashboard', { van: '01-11-2026', tot: '30-11-2026' })
      await signInAs(t, 'Anouk Peeters')
      const today = await t.call('ladder.today', {})
      const item = today.groepen.flatMap((g) => g.items).find((i) => i.caseId === caseId)
      expect(item, `case ${caseId} in Vandaag`).toBeDefined()
      return item!.moment
    }
    // 29 cases: too few to say anything.
    expect(await hintOf(fresh)).toBeNull()

    // A 30th case with the same calls: Ochtend 6 of 30 reached (20%), Avond 20 of 30 (67%).
    t.clock.set('2026-11-11T08:00:00.000Z')
    const thirtieth = await newCase()
    await callAll([thirtieth], 29)
    t.clock.set('2026-11-12T08:00:00.000Z')
    expect(await hintOf(fresh)).toEqual({
      dagdeel: 'Avond',
      pct: 67,
      zaken: 30,
      groep: '36-45 jaar, huur (verhuurder)',
    })
    // The Energie household is another group, with one case: no hint.
    expect(await hintOf(energie)).toBeNull()
  })
})
