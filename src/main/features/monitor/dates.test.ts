import { ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { describe, expect, it } from 'vitest'
import { importFile, setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

/**
 * Every figure in its month (issue 13, point 6). A team starts on Tuesday 1 December 2026 and
 * loads July and August from its old spreadsheet; on 7 December it takes in September's file,
 * late; December's first signal is entered by hand. The monitor counts each case in the month of
 * its signals; DDAS says when Lange Adem picked each case up, and matches it in its signals' month.
 */

const HEADER =
  'Signaal ID;Soort;Signaalpartner;Bedrag;Datum ontstaan;Signaaldatum;Crisis;Voorl.;Tussenv.;Achternaam;Geb.datum;Telefoon;Straat;Huisnr;Postcode;Woonplaats'
const row = (id: string, datum: string, naam: string, nr: string, pc: string, soort = 'Huurachterstand') =>
  `${id};${soort};Wonen Limburg;300,00;01-06-2026;${datum};nee;A.;;${naam};12-03-1984;06-11223344;Markt;${nr};${pc};Roermond`
const START = [
  HEADER,
  row('VPS-07-1', '15-07-2026', 'Juli', '1', '6041 AB'),
  row('VPS-08-1', '12-08-2026', 'Augustus', '2', '6041 AB'),
]
const SEPTEMBER = [
  HEADER,
  row('VPS-09-1', '20-09-2026', 'Sept', '3', '6041 AB'),
  row('VPS-09-2', '25-09-2026', 'Dubbel', '4', '6041 AB'),
  row('VPS-09-3', '28-09-2026', 'Dubbel', '4', '6041 AB', 'Energieachterstand'),
]

type T = Awaited<ReturnType<typeof testApp>>

async function load(t: T, name: string, lines: string[]) {
  return (await importFile(t, name, lines.join('\n'))).summary
}

async function ddas(t: T, van: string, tot: string) {
  const file = await t.call('monitor.exportDdas', { van, tot })
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')).leveringen[0] as {
    vroegsignalen: { ID: string }[]
    vroegsignaalzaken: Record<string, unknown>[]
  }
}

describe('every figure in its month', () => {
  it('counts late files and earlier months loaded at the start in their own month; DDAS dates follow the definitions', async () => {
    const t = await testApp('2026-12-01T09:00:00.000Z')
    await setUpTeam(t, 'Fatima El Idrissi')
    expect((await load(t, 'start-juli-augustus.csv', START)).nieuweZaken).toBe(2)
    t.clock.set('2026-12-07T09:00:00.000Z')
    expect((await load(t, 'vps-september.csv', SEPTEMBER)).nieuweZaken).toBe(2)
    t.clock.set('2026-12-08T09:00:00.000Z')
    const sept = (await t.call('caseload.list', { zoek: 'Sept' })).rows[0]!.id
    await t.call('ladder.logAttempt', {
      versie: await t.versie(sept),
      caseId: sept,
      kanaal: 'telefoon',
      bereikt: true,
      resultaat: 'Gesprek gevoerd',
    })
    const hand = signal({
      signaaldatum: '03-12-2026',
      postcode: '6041 CD',
      huisnummer: '9',
      achternaam: 'December',
    })
    await t.call('signals.createManual', hand)

    const month = (m: string, last: string) =>
      t.call('monitor.dashboard', { van: `2026-${m}-01`, tot: `2026-${m}-${last}` })
    const [jul, aug, sep, okt, dec] = [
      await month('07', '31'),
      await month('08', '31'),
      await month('09', '30'),
      await month('10', '31'),
      await month('12', '31'),
    ]
    expect([jul, aug, sep, okt, dec].map((d) => [d.ontvangen, d.doorgezet, d.opgepakt])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [3, 3, 2],
      [0, 0, 0],
      [1, 1, 1],
    ])
    expect(sep.bereik).toMatchObject({ teller: 1, noemer: 2 })
    // From picked up (7 December) to the first contact (8 December), not from the signal date.
    expect(sep.dagenTotContact).toEqual({ mediaan: 1, aantal: 1 })
    expect(
      sep.breakdowns.find((b) => b.key === 'soort')!.rows.find((r) => r.key === 'meervoudig')!.noemer,
    ).toBe(1)
    expect(jul.inGebruikSinds).toBe('2026-12-01')
    const year = await t.call('monitor.dashboard', { van: '2026-01-01', tot: '2026-12-31' })
    expect(year.perMaand.map((m) => [m.maand, m.teller, m.noemer])).toEqual([
      ['2026-07', 0, 1],
      ['2026-08', 0, 1],
      ['2026-09', 1, 2],
      ['2026-12', 0, 1],
    ])

    await signInAs(t, 'Fatima El Idrissi')
    const s = await t.call('monitor.settings', {})
    await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))
    const september = await ddas(t, '2026-09-01', '2026-09-30')
    expect(september.vroegsignalen.map((v) => v.ID).sort()).toEqual(['VPS-09-1', 'VPS-09-2', 'VPS-09-3'])
    for (const z of september.vroegsignaalzaken)
      expect(z).toMatchObject({
        matchingsdatum: '2026-12-07',
        datumOpgepakt: '2026-12-07',
        startdatumMatchingperiode: '2026-09-01',
        einddatumMatchingperiode: '2026-09-30',
      })
    const july = await ddas(t, '2026-07-01', '2026-07-31')
    expect(july.vroegsignaalzaken).toEqual([
      expect.objectContaining({
        datumOpgepakt: '2026-12-01',
        startdatumMatchingperiode: '2026-07-01',
        einddatumMatchingperiode: '2026-07-31',
      }),
    ])
    // December's delivery: only December's signal; September's cases were picked up in December,
    // but each signal goes in the delivery of its own month, once.
    const december = await ddas(t, '2026-12-01', '2026-12-31')
    expect(december.vroegsignalen).toHaveLength(1)
    expect(december.vroegsignaalzaken).toEqual([
      expect.objectContaining({
        datumOpgepakt: '2026-12-08',
        startdatumMatchingperiode: '2026-12-01',
        einddatumMatchingperiode: '2026-12-31',
      }),
    ])
  })
})
