import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

/**
 * The next step, and whether a home visit is due, read from one place (ladder/next-step.ts) by
 * Vandaag, the case file, the caseload, the walk-in search and the visit planner (issue 13, points
 * 3 and 5).
 */

type T = Awaited<ReturnType<typeof testApp>>

async function take(t: T, o: { postcode: string; huisnummer: string; achternaam: string; phone: boolean }) {
  const input = signal({ postcode: o.postcode, huisnummer: o.huisnummer, achternaam: o.achternaam })
  if (!o.phone) input.bewoner.telefoon = ''
  return (await t.call('signals.createManual', input)).caseId
}

describe('the next step, on every screen alike', () => {
  it('a case without a phone number is at the visit step in the caseload, Vandaag, the case file and the walk-in search', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const caseId = await take(t, {
      postcode: '6041 AB',
      huisnummer: '12',
      achternaam: 'Zondertel',
      phone: false,
    })
    const label = 'Huisbezoek plannen en brief sturen'
    const row = (await t.call('caseload.list', { zoek: 'Zondertel' })).rows[0]!
    expect([row.volgendeStap, row.volgendeDatum, row.huisbezoekNodig]).toEqual([label, '2026-11-10', true])
    const item = (await t.call('ladder.today', {})).groepen.flatMap((g) => g.items)[0]!
    expect([item.caseId, item.stap, item.huisbezoekNodig]).toEqual([caseId, 'brief', true])
    expect(await t.call('ladder.plan', { caseId })).toMatchObject({ stapLabel: label, huisbezoekNodig: true })
    const hit = (await t.call('walkin.search', { zoek: 'Zondertel' })).hits[0]!
    expect(hit.openCase?.stap).toBe(label)
  })

  it('a plan dated on a Saturday is due on Monday everywhere', async () => {
    // Saturday 14 November 2026.
    const t = await testApp('2026-11-14T10:00:00.000Z')
    await setUpTeam(t)
    const caseId = await take(t, {
      postcode: '6041 AB',
      huisnummer: '12',
      achternaam: 'Zaterdag',
      phone: true,
    })
    expect((await t.call('caseload.list', { zoek: 'Zaterdag' })).rows[0]!.volgendeDatum).toBe('2026-11-16')
    expect((await t.call('ladder.plan', { caseId })).datum).toBe('2026-11-16')
    expect((await t.call('ladder.today', {})).totaal).toBe(0)
    t.clock.set('2026-11-16T08:00:00.000Z')
    const item = (await t.call('ladder.today', {})).groepen.flatMap((g) => g.items)[0]!
    expect([item.caseId, item.datum, item.telaat]).toEqual([caseId, '2026-11-16', false])
  })
})

describe('a visit is due: one definition for Vandaag, the planner and the caseload', () => {
  it('the planner offers exactly the cases Vandaag marks, in every wijk, and the caseload filter finds the same', async () => {
    const t = await testApp()
    const { team } = await setUpTeam(t, 'Fatima El Idrissi')
    const sem = team.find((m) => m.naam === 'Sem Janssen')!.id
    const anouk = team.find((m) => m.naam === 'Anouk Peeters')!.id
    // Centrum (Anouk) and Kapel / Donderberg (Sem), with and without phone numbers.
    const homes = [
      ['6041 AB', '1', true],
      ['6041 AB', '2', false],
      ['6041 CD', '3', false],
      ['6041 CD', '4', true],
      ['6042 AB', '5', false],
      ['6042 AB', '6', true],
      ['6043 AB', '7', false],
      ['6044 AB', '8', false],
      ['6045 AB', '9', true],
    ] as const
    const ids: number[] = []
    for (const [postcode, huisnummer, phone] of homes)
      ids.push(await take(t, { postcode, huisnummer, achternaam: `Huis${huisnummer}`, phone }))
    // Two with a phone walk the calls and the message to the letter step, due two days later.
    for (const caseId of [ids[0]!, ids[5]!]) {
      for (const resultaat of ['Verkeerd nummer'])
        await t.call('ladder.logAttempt', {
          versie: await t.versie(caseId),
          caseId,
          kanaal: 'telefoon',
          bereikt: false,
          resultaat,
        })
      await t.call('ladder.logAttempt', {
        versie: await t.versie(caseId),
        caseId,
        kanaal: 'sms',
        bereikt: false,
        resultaat: 'Bericht gestuurd',
      })
    }
    // One of Sem's without a phone gets its visit announced: no longer due.
    await t.call('visits.announce', {
      versie: await t.versie(ids[6]!),
      caseId: ids[6]!,
      datum: '20-11-2026',
      van: '10:00',
      tot: '10:30',
      duoUserId: anouk,
    })
    // And one with a phone is reached: it is no longer on the ladder's rungs.
    await t.call('ladder.logAttempt', {
      versie: await t.versie(ids[8]!),
      caseId: ids[8]!,
      kanaal: 'telefoon',
      bereikt: true,
      resultaat: 'Gesprek gevoerd',
    })

    const wijken = (await t.call('settings.get', {})).wijken
    const check = async (expected: Record<string, number[]>) => {
      const fromToday = new Set<number>()
      for (const consulentId of [anouk, sem])
        for (const g of (await t.call('ladder.today', { consulentId })).groepen)
          for (const i of g.items) if (i.huisbezoekNodig) fromToday.add(i.caseId)
      const fromCaseload = (await t.call('caseload.list', { stap: 'huisbezoek', pageSize: 200 })).rows.map(
        (r) => r.id,
      )
      expect(fromCaseload.sort()).toEqual([...fromToday].sort())
      for (const w of wijken) {
        const planner = (await t.call('visits.candidates', { wijkId: w.id })).map((c) => c.caseId).sort()
        const wijkCases = new Set(
          (await t.call('caseload.list', { wijkId: w.id, pageSize: 200 })).rows.map((r) => r.id),
        )
        expect(planner, w.naam).toEqual([...fromToday].filter((id) => wijkCases.has(id)).sort())
        expect(planner, w.naam).toEqual((expected[w.naam] ?? []).sort())
      }
    }
    // Tuesday 10 November: the cases without a phone, except the one with a visit announced.
    await check({
      Centrum: [ids[1]!, ids[2]!],
      'Kapel in het Zand': [ids[4]!],
      Donderberg: [ids[7]!],
    })
    // Thursday 12 November: the two that walked the ladder are due for their letter too.
    t.clock.set('2026-11-12T09:00:00.000Z')
    await check({
      Centrum: [ids[0]!, ids[1]!, ids[2]!],
      'Kapel in het Zand': [ids[4]!, ids[5]!],
      Donderberg: [ids[7]!],
    })
    // A consulent sees only the candidates of her own wijk.
    await signInAs(t, 'Anouk Peeters')
    const kapel = wijken.find((w) => w.naam === 'Kapel in het Zand')!
    expect(await t.call('visits.candidates', { wijkId: kapel.id })).toEqual([])
  })
})
