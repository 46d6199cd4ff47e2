import { ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { describe, expect, it } from 'vitest'
import { importFile, setUpTeam, signInAs, testApp } from '../../test/fixtures'

/**
 * The whole ladder as a consulent works it (issue 13): a signal of October taken in late, on 3
 * November; three calls, a WhatsApp, a visit announced from the case file with a colleague, the
 * letter printed and sent, not at home with the card, the walk-in hour, closed. Then the case
 * file, the monitor by month and the DDAS delivery are read back and compared contact by contact.
 */

const CSV = [
  'Signaal ID;Soort;Signaalpartner;Bedrag;Datum ontstaan;Signaaldatum;Crisis;Voorl.;Tussenv.;Achternaam;Geb.datum;Telefoon;Straat;Huisnr;Postcode;Woonplaats',
  'VPS-2026-10-77;Huurachterstand;Wonen Limburg;812,40;01-08-2026;28-10-2026;nee;H.;;Hendriks;12-03-1984;06-11223344;Kapellerlaan;12;6041 AB;Roermond',
].join('\n')

/** Local (Amsterdam, CET in November) time as the UTC instant the clock takes. */
const at = (day: string, hour: number, minute = 0) =>
  new Date(
    Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), hour - 1, minute),
  ).toISOString()

const EXPECTED = [
  { soort: 'Telefoon', bereikt: false, datum: '2026-11-03', dagdeel: 'Ochtend' },
  { soort: 'Telefoon', bereikt: false, datum: '2026-11-04', dagdeel: 'Middag' },
  { soort: 'Telefoon', bereikt: false, datum: '2026-11-05', dagdeel: 'Avond' },
  { soort: 'SMS/Whatsapp', bereikt: false, datum: '2026-11-06', dagdeel: 'Middag' },
  { soort: 'Brief', bereikt: false, datum: '2026-11-11', dagdeel: 'Ochtend' },
  { soort: 'Huisbezoek', bereikt: false, datum: '2026-11-19', dagdeel: 'Middag' },
  { soort: 'Kaartje', bereikt: false, datum: '2026-11-19', dagdeel: 'Middag' },
  { soort: 'Overige', bereikt: true, datum: '2026-11-24', dagdeel: 'Ochtend' },
]

describe('the whole ladder, read back three ways', () => {
  it('the case file, the monitor by month and the DDAS delivery agree, contact by contact', async () => {
    const t = await testApp(at('2026-11-03', 9))
    const { team } = await setUpTeam(t)
    const sem = team.find((m) => m.naam === 'Sem Janssen')!.id
    const { summary: imported } = await importFile(t, 'vps-oktober.csv', CSV)
    expect(imported.nieuweZaken).toBe(1)
    const caseId = (await t.call('caseload.list', { zoek: 'Hendriks' })).rows[0]!.id
    const step = async () => {
      const p = await t.call('ladder.plan', { caseId })
      return `${p.stapLabel} ${p.datum}`
    }
    const log = async (kanaal: 'telefoon' | 'whatsapp', resultaat: string) =>
      t.call('ladder.logAttempt', {
        versie: await t.versie(caseId),
        caseId,
        kanaal,
        bereikt: false,
        resultaat,
      })

    // Three calls on three days, at three parts of the day; then a WhatsApp.
    t.clock.set(at('2026-11-03', 10))
    expect(await step()).toBe('Bellen 2026-11-03')
    await log('telefoon', 'Geen gehoor')
    t.clock.set(at('2026-11-04', 14))
    expect(await step()).toBe('Bellen 2026-11-04')
    await log('telefoon', 'Geen gehoor')
    t.clock.set(at('2026-11-05', 19))
    await log('telefoon', 'Voicemail ingesproken')
    t.clock.set(at('2026-11-06', 13))
    expect(await step()).toBe('WhatsApp of sms sturen 2026-11-06')
    await log('whatsapp', 'Bericht gestuurd')

    // Tuesday 10 November: the visit is due, on every screen alike.
    t.clock.set(at('2026-11-10', 9))
    expect(await step()).toBe('Huisbezoek plannen en brief sturen 2026-11-10')
    const today = await t.call('ladder.today', {})
    const item = today.groepen.flatMap((g) => g.items).find((i) => i.caseId === caseId)!
    expect(item).toMatchObject({ stap: 'brief', huisbezoekNodig: true })
    const row = (await t.call('caseload.list', { zoek: 'Hendriks' })).rows[0]!
    expect(row).toMatchObject({ volgendeStap: 'Huisbezoek plannen en brief sturen', huisbezoekNodig: true })
    expect((await t.call('visits.candidates', { wijkId: item.wijkId! })).map((c) => c.caseId)).toEqual([
      caseId,
    ])

    // Announced from the case file with Sem, Thursday 19 November 14:00-14:30.
    const announced = await t.call('visits.announce', {
      versie: await t.versie(caseId),
      caseId,
      datum: '19-11-2026',
      van: '14:00',
      tot: '14:30',
      duoUserId: sem,
    })
    expect(announced.plan).toMatchObject({
      stap: 'huisbezoek',
      datum: '2026-11-19',
      huisbezoek: { tijd: '14:00' },
    })
    const dayList = await t.call('visits.day', { datum: '19-11-2026', wijkId: null })
    expect(dayList.bezoeken.map((v) => [v.caseId, v.tijd, v.tot, v.duo])).toEqual([
      [caseId, '14:00', '14:30', 'Sem Janssen'],
    ])

    // Printed on the 11th and posted that day; confirmed the next morning.
    t.clock.set(at('2026-11-11', 9))
    const letter = (await t.call('documents.forCase', { caseId }))[0]!
    const batch = await t.call('documents.createBatch', { itemIds: [letter.id], indeling: 'a4' })
    t.clock.set(at('2026-11-12', 9))
    await t.call('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [letter.id],
      datum: '11-11-2026',
    })

    // The visit day: nobody home, the card goes through the letterbox.
    t.clock.set(at('2026-11-19', 15))
    await t.call('visits.outcome', {
      visitId: dayList.bezoeken[0]!.id,
      uitkomst: 'niet_thuis',
      kaartje: true,
    })

    // Tuesday 24 November: the resident comes to the walk-in hour with the card.
    t.clock.set(at('2026-11-24', 10))
    const hit = (await t.call('walkin.search', { zoek: '6041 AB 12' })).hits[0]!
    await t.call('walkin.register', {
      residentId: hit.residentId,
      intake: { watSpeelt: 'Huur achter na ziekte.', vervolgstap: 'Doorverwijzen naar schuldhulp' },
    })

    t.clock.set(at('2026-11-26', 11))
    await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Vervolghulp en/of verwijzing financieel',
      hulpAangeboden: true,
      hulpGeaccepteerd: true,
      verwijzing: 'Schuldhulpverlening (warme overdracht)',
    })

    // 1. The case file.
    const dossier = await t.call('dossier.get', { caseId })
    expect(dossier.datumOpgepakt).toBe('2026-11-03')
    expect(
      [...dossier.contactpogingen]
        .reverse()
        .map((p) => ({ soort: p.soort, bereikt: p.bereikt, datum: p.datum, dagdeel: p.dagdeel })),
    ).toEqual(EXPECTED)

    // 2. The monitor: the case counts in October, the month of its signal, not in November.
    await signInAs(t, 'Fatima El Idrissi')
    const october = await t.call('monitor.dashboard', { van: '2026-10-01', tot: '2026-10-31' })
    const november = await t.call('monitor.dashboard', { van: '2026-11-01', tot: '2026-11-30' })
    expect(october).toMatchObject({ ontvangen: 1, doorgezet: 1, opgepakt: 1 })
    expect(october.bereik).toMatchObject({ teller: 1, noemer: 1 })
    expect(october.hulp).toMatchObject({ teller: 1, noemer: 1 })
    expect(october.perMaand).toEqual([{ maand: '2026-10', teller: 1, noemer: 1, pct: 100 }])
    // From picked up (3 November) to the first contact (24 November).
    expect(october.dagenTotContact).toEqual({ mediaan: 21, aantal: 1 })
    expect(november).toMatchObject({ ontvangen: 0, opgepakt: 0 })
    const kanaal = october.breakdowns.find((b) => b.key === 'kanaal')!.rows
    const by = (k: string) => kanaal.find((r) => r.key === k)!
    for (const soort of ['Telefoon', 'SMS/Whatsapp', 'Brief', 'Huisbezoek', 'Kaartje', 'Overige'])
      expect(by(soort).noemer, soort).toBe(1)
    expect(by('Overige')).toMatchObject({ extra: { viaDeze: 1, eerste: 1 } })
    expect(by('Telefoon')).toMatchObject({ extra: { viaDeze: 0, eerste: 0 } })
    const pogingen = october.breakdowns.find((b) => b.key === 'pogingen')!.rows
    expect(pogingen.find((r) => r.key === '4+')).toMatchObject({ teller: 1, noemer: 1 })

    // 3. The DDAS delivery of October: every contact once, each on its own day.
    const s = await t.call('monitor.settings', {})
    await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))
    const file = await t.call('monitor.exportDdas', { van: '2026-10-01', tot: '2026-10-31' })
    const json = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'))
    const [zaak] = json.leveringen[0].vroegsignaalzaken
    expect(zaak).toMatchObject({
      resultaat: 'Vervolghulp en/of verwijzing financieel',
      matchingsdatum: '2026-11-03',
      startdatumMatchingperiode: '2026-10-01',
      datumOpgepakt: '2026-11-03',
      einddatumMatchingperiode: '2026-10-31',
      vroegsignalen: [{ ID: 'VPS-2026-10-77' }],
    })
    expect(zaak.contactpogingen).toEqual(EXPECTED)
    expect(json.leveringen[0].vroegsignalen[0]).toMatchObject({ signaaldatum: '2026-10-28', bedrag: 812 })
    // November's delivery holds no signal, so not this case either: each signal once, in its month.
    const nov = await t.call('monitor.exportDdas', { van: '2026-11-01', tot: '2026-11-30' })
    expect(nov).toMatchObject({ vroegsignalen: 0, zaken: 0 })
  })
})
