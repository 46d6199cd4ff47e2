import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

// Tuesday 10 November 2026. Three households in Centrum walk the ladder to the letter step, which
// is due two working days later: Thursday 12 November, the day the tests plan on.
async function atLetterStep() {
  const t = await testApp()
  const { team } = await setUpTeam(t)
  const ids: number[] = []
  for (const [pc, nr] of [
    ['6041 CD', '30'],
    ['6041 AB', '12'],
    ['6041 AB', '4'],
  ] as const) {
    const { caseId } = await t.call('signals.createManual', signal({ postcode: pc, huisnummer: nr }))
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Verkeerd nummer',
    })
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'sms',
      bereikt: false,
      resultaat: 'Bericht gestuurd',
    })
    ids.push(caseId)
  }
  const wijk = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!
  const sem = team.find((m) => m.naam === 'Sem Janssen')!
  t.clock.set('2026-11-12T09:30:00.000Z')
  return { t, ids, wijk, sem }
}

describe('announced home visits', () => {
  it('plans visits in route order with time slots, sets the opt-out deadline and queues the letter', async () => {
    const { t, ids, wijk, sem } = await atLetterStep()
    const candidates = await t.call('visits.candidates', { wijkId: wijk.id })
    expect(candidates.map((c) => c.adres)).toEqual(['Kapellerlaan 4', 'Kapellerlaan 12', 'Kapellerlaan 30'])
    await expect(
      t.call('visits.plan', {
        wijkId: wijk.id,
        datum: '11-11-2026',
        startTijd: '13:00',
        slotMinuten: 30,
        caseIds: ids,
        duoUserId: sem.id,
      }),
    ).rejects.toThrow(/te snel/)
    await expect(
      t.call('visits.plan', {
        wijkId: wijk.id,
        datum: '19-11-2026',
        startTijd: '13:00',
        slotMinuten: 30,
        caseIds: ids,
      }),
    ).rejects.toThrow(/met zijn tweeën/)
    const day = await t.call('visits.plan', {
      wijkId: wijk.id,
      datum: '19-11-2026',
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: ids,
      duoUserId: sem.id,
    })
    expect(day.bezoeken.map((b) => [b.adres, b.tijd, b.afmeldenVoor, b.duo, b.status])).toEqual([
      ['Kapellerlaan 4', '13:00', '2026-11-17', 'Sem Janssen', 'gepland'],
      ['Kapellerlaan 12', '13:30', '2026-11-17', 'Sem Janssen', 'gepland'],
      ['Kapellerlaan 30', '14:00', '2026-11-17', 'Sem Janssen', 'gepland'],
    ])
    expect(day.bezoeken.every((b) => b.briefKlaargezet)).toBe(true)
    const plan = await t.call('ladder.plan', { caseId: ids[0]! })
    expect(plan).toMatchObject({ stap: 'huisbezoek', datum: '2026-11-19', dagdeel: 'Middag' })
    // The letter is queued, not sent: no Brief attempt until it is confirmed as sent.
    const d = await t.call('dossier.get', { caseId: ids[0]! })
    expect(d.contactpogingen.map((a) => a.soort)).toEqual(['SMS/Whatsapp', 'Telefoon'])
    expect(await t.call('visits.candidates', { wijkId: wijk.id })).toEqual([])
  })

  it('an opt-out by phone cancels the visit, records why, counts as contact; not at home leads to the card', async () => {
    const { t, ids, wijk, sem } = await atLetterStep()
    const day = await t.call('visits.plan', {
      wijkId: wijk.id,
      datum: '19-11-2026',
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: ids,
      duoUserId: sem.id,
    })
    const [first, second] = day.bezoeken
    const after = await t.call('visits.optOut', {
      visitId: first!.id,
      via: 'telefoon',
      reden: 'Regelt het zelf met de verhuurder.',
    })
    expect(after.bezoeken[0]).toMatchObject({
      status: 'afgemeld',
      afmelding: { via: 'telefoon', reden: 'Regelt het zelf met de verhuurder.', telaat: false },
    })
    expect((await t.call('ladder.plan', { caseId: first!.caseId })).stap).toBe('opvolgen')
    await expect(t.call('visits.outcome', { visitId: first!.id, uitkomst: 'gesproken' })).rejects.toThrow(
      /afgezegd/,
    )

    t.clock.set('2026-11-19T13:10:00.000Z')
    await t.call('visits.outcome', { visitId: second!.id, uitkomst: 'niet_thuis' })
    expect(await t.call('ladder.plan', { caseId: second!.caseId })).toMatchObject({
      stap: 'kaartje',
      datum: '2026-11-19',
    })
    const card = await t.call('ladder.logAttempt', {
      versie: await t.versie(second!.caseId),
      caseId: second!.caseId,
      kanaal: 'kaartje',
      bereikt: false,
      resultaat: 'Kaartje achtergelaten',
    })
    expect(card.dossier.contactpogingen[0]).toMatchObject({ soort: 'Kaartje' })
    expect(card.plan.stap).toBe('afronden')

    const third = day.bezoeken[2]!
    await t.call('visits.outcome', { visitId: third.id, uitkomst: 'deur_dicht', kaartje: true })
    const d = await t.call('dossier.get', { caseId: third.caseId })
    expect(d.contactpogingen.slice(0, 2).map((a) => a.soort)).toEqual(['Kaartje', 'Huisbezoek'])
  })

  it('keeps an address book of chain partners who can go along', async () => {
    const { t, ids, wijk } = await atLetterStep()
    const book = await t.call('visits.savePartner', {
      organisatie: 'Wonen Limburg',
      naam: 'Ria Hermans',
      functie: 'Woonconsulent',
      telefoon: '06 34567890',
    })
    const day = await t.call('visits.plan', {
      wijkId: wijk.id,
      datum: '20-11-2026',
      startTijd: '10:00',
      slotMinuten: 20,
      caseIds: [ids[1]!],
      duoPartnerId: book[0]!.id,
    })
    expect(day.bezoeken[0]!.duo).toBe('Ria Hermans (Wonen Limburg)')
  })

  it('edits and deactivates a chain partner, with an audit entry per change', async () => {
    const { t, ids, wijk } = await atLetterStep()
    const [ria] = await t.call('visits.savePartner', { organisatie: 'Wonen Limburg', naam: 'Ria Hermans' })
    const edited = await t.call('visits.savePartner', {
      id: ria!.id,
      organisatie: 'Wonen Limburg',
      naam: 'Ria Hermans-Smeets',
      functie: 'Woonconsulent',
      actief: true,
    })
    expect(edited).toHaveLength(1)
    expect(edited[0]).toMatchObject({ naam: 'Ria Hermans-Smeets', functie: 'Woonconsulent', actief: true })
    const off = await t.call('visits.savePartner', { ...edited[0]!, actief: false })
    expect(off[0]!.actief).toBe(false)
    // An inactive contact cannot be chosen for a visit
    const res = await t.raw('visits.plan', {
      wijkId: wijk.id,
      datum: '20-11-2026',
      startTijd: '10:00',
      slotMinuten: 20,
      caseIds: [ids[1]!],
      duoPartnerId: ria!.id,
    })
    expect(res.ok).toBe(false)
    await t.call('visits.savePartner', { ...off[0]!, actief: true })
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'instellingen')
      .where('entity_id', '=', ria!.id)
      .where('summary', 'like', 'Ketenpartner%')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['toegevoegd', 'gewijzigd', 'gedeactiveerd', 'weer actief'])
    expect(audit[1]!.summary).toMatch(/gewijzigd: naam, functie/)
    const missing = await t.raw('visits.savePartner', { id: 9999, organisatie: 'X', naam: 'Y' })
    expect(missing.ok).toBe(false)
  })
})

describe('one way to announce a visit, wherever it starts', () => {
  it('from the case file: the visit is on the day list, the plan moves, the letter names the same day', async () => {
    const { t, ids, sem } = await atLetterStep()
    const r = await t.call('visits.announce', {
      versie: await t.versie(ids[0]!),
      caseId: ids[0]!,
      datum: '19-11-2026',
      van: '10:00',
      tot: '10:45',
      duoUserId: sem.id,
    })
    expect(r.plan).toMatchObject({ stap: 'huisbezoek', datum: '2026-11-19', huisbezoekNodig: false })
    expect(r.plan.huisbezoek).toMatchObject({ datum: '2026-11-19', tijd: '10:00', tot: '10:45' })
    const day = await t.call('visits.day', { datum: '19-11-2026', wijkId: null })
    expect(
      day.bezoeken.map((v) => [v.caseId, v.tijd, v.tot, v.duo, v.afmeldenVoor, v.briefKlaargezet]),
    ).toEqual([[ids[0]!, '10:00', '10:45', 'Sem Janssen', '2026-11-17', true]])
    const [letter] = await t.call('documents.forCase', { caseId: ids[0]! })
    expect(letter!.bezoek).toMatchObject({
      datum: '2026-11-19',
      van: '10:00',
      tot: '10:45',
      afmelddatum: '2026-11-17',
    })
    // A second visit for the same case, from either screen, is refused.
    await expect(
      t.call('visits.announce', {
        versie: await t.versie(ids[0]!),
        caseId: ids[0]!,
        datum: '20-11-2026',
        van: '10:00',
        tot: '10:30',
        duoUserId: sem.id,
      }),
    ).rejects.toThrow(/al een huisbezoek gepland op 19-11-2026/)
    const wijk = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!
    await expect(
      t.call('visits.plan', {
        wijkId: wijk.id,
        datum: '20-11-2026',
        startTijd: '13:00',
        slotMinuten: 30,
        caseIds: [ids[0]!],
        duoUserId: sem.id,
      }),
    ).rejects.toThrow(/al een huisbezoek gepland/)
  })

  it('refuses a slot that is already taken by the consulent, the colleague or the chain partner', async () => {
    const { t, ids, sem, wijk } = await atLetterStep()
    const fatima = (await t.call('session.team', {})).find((m) => m.naam === 'Fatima El Idrissi')!.id
    await t.call('visits.announce', {
      versie: await t.versie(ids[0]!),
      caseId: ids[0]!,
      datum: '19-11-2026',
      van: '10:00',
      tot: '11:00',
      duoUserId: sem.id,
    })
    // Anouk (the consulent of all three) is at the first door until 11:00.
    const busy = await t.raw('visits.announce', {
      versie: await t.versie(ids[1]!),
      caseId: ids[1]!,
      datum: '19-11-2026',
      van: '10:30',
      tot: '11:30',
      duoUserId: fatima,
    })
    expect(!busy.ok && busy.error.fields?.van).toMatch(
      /Anouk Peeters heeft op 19-11-2026 van 10:00 tot 11:00/,
    )
    // The planner too: a batch that would start inside the taken slot.
    const batch = await t.raw('visits.plan', {
      wijkId: wijk.id,
      datum: '19-11-2026',
      startTijd: '09:30',
      slotMinuten: 45,
      caseIds: [ids[1]!],
      duoUserId: fatima,
    })
    expect(!batch.ok && batch.error.fields?.startTijd).toMatch(/al een huisbezoek/)
    // Right after it is free.
    await t.call('visits.announce', {
      versie: await t.versie(ids[1]!),
      caseId: ids[1]!,
      datum: '19-11-2026',
      van: '11:00',
      tot: '11:30',
      duoUserId: sem.id,
    })
    // A chain partner cannot be at two doors either.
    const [ria] = await t.call('visits.savePartner', { organisatie: 'Wonen Limburg', naam: 'Ria Hermans' })
    await t.call('visits.announce', {
      versie: await t.versie(ids[2]!),
      caseId: ids[2]!,
      datum: '20-11-2026',
      van: '09:00',
      tot: '09:30',
      duoPartnerId: ria!.id,
    })
    const again = await t.raw('visits.plan', {
      wijkId: wijk.id,
      datum: '20-11-2026',
      startTijd: '09:15',
      slotMinuten: 30,
      caseIds: [ids[0]!],
      duoPartnerId: ria!.id,
    })
    expect(again.ok).toBe(false)
    // The consulent cannot be her own second visitor.
    const alone = await t.raw('visits.announce', {
      versie: await t.versie(ids[2]!),
      caseId: ids[2]!,
      datum: '23-11-2026',
      van: '09:00',
      tot: '09:30',
      duoUserId: (await t.call('session.team', {})).find((m) => m.naam === 'Anouk Peeters')!.id,
    })
    expect(alone.ok).toBe(false)
  })

  it('a visit called off takes its unprinted letter out of the queue', async () => {
    const { t, ids, sem } = await atLetterStep()
    await t.call('visits.announce', {
      versie: await t.versie(ids[0]!),
      caseId: ids[0]!,
      datum: '19-11-2026',
      van: '10:00',
      tot: '10:30',
      duoUserId: sem.id,
    })
    const [visit] = (await t.call('visits.day', { datum: '19-11-2026', wijkId: null })).bezoeken
    await t.call('visits.optOut', { visitId: visit!.id, via: 'mail', reden: 'Wil geen bezoek.' })
    expect(await t.call('documents.forCase', { caseId: ids[0]! })).toEqual([])
    expect((await t.call('documents.queue', {})).wachtrij).toEqual([])
  })
})
