import { ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

/**
 * Every path that records a contact attempt (the ladder, visits, the print queue, the walk-in
 * hour, cards) records exactly one attempt per real contact, dated the day it happened and never
 * after the day it was recorded (issue 13, points 1 and 2).
 */

// Tuesday 10 November 2026; two households of Centrum (Anouk's wijk).
async function twoCases() {
  const t = await testApp()
  const { team } = await setUpTeam(t)
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  const a = await t.call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '12' }))
  const b = await t.call(
    'signals.createManual',
    signal({ postcode: '6041 CD', huisnummer: '3', achternaam: 'Claessen', voorletters: 'M.' }),
  )
  const wijk = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!
  const attempts = async (caseId: number) =>
    (await t.call('dossier.get', { caseId })).contactpogingen
      .map((p) => ({ soort: p.soort, datum: p.datum, bereikt: p.bereikt }))
      .reverse()
  const plan19 = () =>
    t.call('visits.plan', {
      wijkId: wijk.id,
      datum: '19-11-2026',
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: [a.caseId, b.caseId],
      duoUserId: member('Sem Janssen'),
    })
  return { t, member, a: a.caseId, b: b.caseId, wijk, attempts, plan19 }
}

/** The DDAS delivery of November 2026, as the kwaliteitsmedewerker makes it. */
async function ddasNovember(t: Awaited<ReturnType<typeof testApp>>) {
  await signInAs(t, 'Fatima El Idrissi')
  const s = await t.call('monitor.settings', {})
  await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))
  const file = await t.call('monitor.exportDdas', { van: '2026-11-01', tot: '2026-11-30' })
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
    leveringen: {
      vroegsignaalzaken: {
        datumOpgepakt: string
        contactpogingen: { soort: string; datum: string; bereikt: boolean }[]
      }[]
    }[]
  }
}

describe('one letter, one Brief attempt', () => {
  it('is recorded when the printed letter is confirmed as sent, dated the day it went out; a letter not sent is none', async () => {
    const { t, a, b, attempts, plan19 } = await twoCases()
    t.clock.set('2026-11-12T09:00:00.000Z')
    await plan19()
    // Planned and queued: nothing went out yet.
    expect(await attempts(a)).toEqual([])
    expect(await attempts(b)).toEqual([])

    t.clock.set('2026-11-13T08:00:00.000Z')
    const queue = await t.call('documents.queue', {})
    const batch = await t.call('documents.createBatch', {
      itemIds: queue.wachtrij.map((i) => i.id),
      indeling: 'a4',
    })
    // Confirmed on Monday: A's letter went out on Friday 13 November, B's stayed on the desk.
    t.clock.set('2026-11-16T08:00:00.000Z')
    const itemA = batch.items.find((i) => i.caseId === a)!
    const after = await t.call('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [itemA.id],
      datum: '13-11-2026',
    })
    expect(await attempts(a)).toEqual([{ soort: 'Brief', datum: '2026-11-13', bereikt: false }])
    expect(await attempts(b)).toEqual([])
    expect(after.wachtrij.map((i) => i.caseId)).toEqual([b])

    const ddas = await ddasNovember(t)
    const zaken = ddas.leveringen[0]!.vroegsignaalzaken
    expect(zaken.map((z) => z.contactpogingen)).toEqual([
      [{ soort: 'Brief', bereikt: false, datum: '2026-11-13', dagdeel: 'Ochtend' }],
      [],
    ])
  })

  it('is never dated before the letter was printed, nor after today', async () => {
    const { t, a, plan19 } = await twoCases()
    t.clock.set('2026-11-12T09:00:00.000Z')
    await plan19()
    const item = (await t.call('documents.forCase', { caseId: a }))[0]!
    const batch = await t.call('documents.createBatch', { itemIds: [item.id], indeling: 'a4' })
    for (const datum of ['11-11-2026', '13-11-2026']) {
      const res = await t.raw('documents.confirmBatch', { batchId: batch.id, verstuurdIds: [item.id], datum })
      expect(res.ok, datum).toBe(false)
    }
  })
})

describe('no attempt dated after the day it is recorded', () => {
  it('refuses a visit outcome before the visit day; an opt-out can be recorded any time', async () => {
    const { t, a, b, attempts, plan19 } = await twoCases()
    t.clock.set('2026-11-12T09:00:00.000Z')
    const day = await plan19()
    const [va, vb] = [day.bezoeken.find((v) => v.caseId === a)!, day.bezoeken.find((v) => v.caseId === b)!]
    expect(va.uitkomstMogelijk).toBe(false)
    const early = await t.raw('visits.outcome', { visitId: va.id, uitkomst: 'niet_thuis', kaartje: true })
    expect(!early.ok && early.error.message).toMatch(/pas op 19-11-2026/)
    expect(await attempts(a)).toEqual([])

    // B calls to say no: recorded now, dated today.
    await t.call('visits.optOut', { visitId: vb.id, via: 'telefoon', reden: 'Heeft het zelf geregeld.' })
    expect(await attempts(b)).toEqual([{ soort: 'Telefoon', datum: '2026-11-12', bereikt: true }])

    // On the visit day the outcome and the card are recorded, dated that day.
    t.clock.set('2026-11-19T14:00:00.000Z')
    const done = await t.call('visits.outcome', { visitId: va.id, uitkomst: 'niet_thuis', kaartje: true })
    expect(done.bezoeken.find((v) => v.id === va.id)!.status).toBe('afgelegd')
    expect(await attempts(a)).toEqual([
      { soort: 'Huisbezoek', datum: '2026-11-19', bereikt: false },
      { soort: 'Kaartje', datum: '2026-11-19', bereikt: false },
    ])
  })

  it('refuses an attempt logged with a date in the future', async () => {
    const { t, a, attempts } = await twoCases()
    const res = await t.raw('ladder.logAttempt', {
      versie: await t.versie(a),
      caseId: a,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
      datum: '11-11-2026',
    })
    expect(!res.ok && res.error.fields?.datum).toMatch(/vandaag of een dag in het verleden/)
    await t.call('ladder.logAttempt', {
      versie: await t.versie(a),
      caseId: a,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
      datum: '09-11-2026',
    })
    expect(await attempts(a)).toEqual([{ soort: 'Telefoon', datum: '2026-11-09', bereikt: false }])
  })
})

describe('one card, one Kaartje attempt', () => {
  /** A's visit planned for 19 November and a card for A printed on the 12th, to take along. */
  async function cardForTheVisit() {
    const w = await twoCases()
    const card = (await w.t.call('documents.templates', {})).find((x) => x.code === 'kaartje')!
    w.t.clock.set('2026-11-12T09:00:00.000Z')
    const visit = (await w.plan19()).bezoeken.find((v) => v.caseId === w.a)!
    const item = await w.t.call('documents.addToQueue', { caseId: w.a, templateId: card.id })
    const batch = await w.t.call('documents.createBatch', { itemIds: [item.id], indeling: 'a6' })
    const confirm = () =>
      w.t.call('documents.confirmBatch', { batchId: batch.id, verstuurdIds: [item.id], datum: '19-11-2026' })
    return { ...w, visit, item, confirm }
  }

  it('a printed card left at the visit is not counted again when its batch is confirmed', async () => {
    const { t, a, attempts, visit, item, confirm } = await cardForTheVisit()
    t.clock.set('2026-11-19T14:00:00.000Z')
    await t.call('visits.outcome', { visitId: visit.id, uitkomst: 'deur_dicht', kaartje: true })
    await confirm()
    expect(await attempts(a)).toEqual([
      { soort: 'Huisbezoek', datum: '2026-11-19', bereikt: false },
      { soort: 'Kaartje', datum: '2026-11-19', bereikt: false },
    ])
    expect((await t.call('documents.forCase', { caseId: a })).find((i) => i.id === item.id)).toMatchObject({
      status: 'verstuurd',
      verstuurdOp: '2026-11-19',
    })
  })

  it('a card confirmed as delivered is not counted again by the visit outcome of that day', async () => {
    const { t, a, attempts, visit, confirm } = await cardForTheVisit()
    t.clock.set('2026-11-19T16:00:00.000Z')
    await confirm()
    await t.call('visits.outcome', { visitId: visit.id, uitkomst: 'niet_thuis', kaartje: true })
    expect((await attempts(a)).filter((x) => x.soort === 'Kaartje')).toHaveLength(1)
    // Logging the same card by hand is refused: it is the same contact.
    const again = await t.raw('ladder.logAttempt', {
      versie: await t.versie(a),
      caseId: a,
      kanaal: 'kaartje',
      bereikt: false,
      resultaat: 'Kaartje achtergelaten',
    })
    expect(!again.ok && again.error.message).toMatch(/al een kaartje/)
  })
})
