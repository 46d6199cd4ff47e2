import { describe, expect, it } from 'vitest'
import type { PlaceView } from '@shared/api/appointments'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

/**
 * Appointments on the real dispatcher: places, making, moving and ending an appointment, its
 * texts, reminder and letter, and what each does to the ladder. The clock starts on Tuesday
 * 10 November 2026, 10:30 in Roermond.
 */
async function world() {
  const t = await testApp()
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  const settings = await t.call('settings.get', {})
  const centrum = settings.wijken.find((w) => w.naam === 'Centrum')!.id
  const places = await t.call('appointments.savePlace', {
    wijkId: centrum,
    naam: 'Wijkcentrum De Roerstreek',
    adres: 'Roerstraat 10',
    postcode: '6041 AB',
    plaats: 'Roermond',
    dagen: [2, 4],
    van: '09:00',
    tot: '16:00',
    toegankelijk: false,
    toelichting: 'Ingang aan de achterkant',
  })
  const place = (soort: PlaceView['soort']) => places.find((p) => p.soort === soort)!.id
  await signInAs(t, 'Anouk Peeters')
  const { caseId } = await t.call(
    'signals.createManual',
    signal({ achternaam: 'Hendriks', voorletters: 'M.', tussenvoegsel: '' }),
  )
  return { t, member, centrum, place, caseId }
}

async function attemptsOf(t: T, caseId: number) {
  return t.db
    .selectFrom('contactpoging')
    .select(['soort', 'kanaal', 'bereikt', 'datum', 'dagdeel', 'resultaat'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
}

describe('meeting places', () => {
  it('has the four built-in places, and wijk places kept by the kwaliteitsmedewerker only', async () => {
    const { t, centrum } = await world()
    const places = await t.call('appointments.places', {})
    expect(places.filter((p) => p.vast).map((p) => p.soort)).toEqual([
      'stadskantoor',
      'thuis',
      'telefonisch',
      'beeldbellen',
    ])
    // The stadskantoor's address is the team's visiting address.
    expect(places[0]).toMatchObject({ adres: 'Markt 31', postcode: '6041 EM', plaats: 'Roermond' })
    expect(places.find((p) => p.soort === 'wijk')).toMatchObject({
      naam: 'Wijkcentrum De Roerstreek',
      wijkNaam: 'Centrum',
      dagen: [2, 4],
      toegankelijk: false,
    })
    const refused = await t.raw('appointments.savePlace', {
      wijkId: centrum,
      naam: 'Bibliotheek',
      adres: 'Markt 1',
      plaats: 'Roermond',
      dagen: [1],
      van: '09:00',
      tot: '12:00',
      toegankelijk: true,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await signInAs(t, 'Fatima El Idrissi')
    const noAddress = await t.raw('appointments.savePlace', {
      wijkId: centrum,
      naam: 'Bibliotheek',
      dagen: [1],
      van: '09:00',
      tot: '12:00',
      toegankelijk: true,
    })
    expect(noAddress).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { adres: expect.any(String) } },
    })
    const home = places.find((p) => p.soort === 'thuis')!
    const off = await t.raw('appointments.savePlace', { ...home, id: home.id, actief: false })
    expect(off).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})

describe('an appointment', () => {
  it('is made after contact, becomes the next step, and refuses a taken, closed or past slot', async () => {
    const { t, place, caseId } = await world()
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: true,
      resultaat: 'Gesprek gevoerd',
    })
    const wijk = place('wijk')
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '14:30',
      duur: 45,
      plekId: wijk,
      notitie: 'Neemt de brieven mee',
    })
    expect(made.afspraak).toMatchObject({
      datum: '2026-11-17',
      tijd: '14:30',
      tot: '15:15',
      status: 'gepland',
      herinnering: 'nodig',
      herinneringDag: '2026-11-16',
      uitkomstMogelijk: false,
      plek: {
        naam: 'Wijkcentrum De Roerstreek',
        adres: 'Wijkcentrum De Roerstreek, Roerstraat 10, 6041 AB Roermond',
      },
    })
    expect(made.plan).toMatchObject({
      stap: 'afspraak',
      datum: '2026-11-17',
      dagdeel: 'Middag',
      afspraak: { datum: '2026-11-17', tijd: '14:30' },
    })
    const again = await t.raw('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '19-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: wijk,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const other = await t.call('signals.createManual', signal({ achternaam: 'Smits', huisnummer: '14' }))
    const cases = [
      // The wijkcentrum opens on Tuesday and Thursday from 9 to 16.
      [{ datum: '18-11-2026', tijd: '10:00' }, 'datum'],
      [{ datum: '17-11-2026', tijd: '15:30' }, 'tijd'],
      // Anouk already meets Hendriks then.
      [{ datum: '17-11-2026', tijd: '15:00' }, 'tijd'],
      // In the past, and on a public holiday (Christmas).
      [{ datum: '09-11-2026', tijd: '10:00' }, 'datum'],
      [{ datum: '25-12-2026', tijd: '10:00' }, 'datum'],
    ] as const
    for (const [slot, field] of cases) {
      const res = await t.raw('appointments.make', {
        versie: await t.versie(other.caseId),
        caseId: other.caseId,
        ...slot,
        duur: 45,
        plekId: slot.datum === '25-12-2026' ? place('stadskantoor') : wijk,
      })
      expect(res, JSON.stringify(slot)).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(Object.keys((res as { error: { fields: object } }).error.fields), JSON.stringify(slot)).toEqual([
        field,
      ])
    }
    // Right after Hendriks, at the same place: fine.
    await t.call('appointments.make', {
      versie: await t.versie(other.caseId),
      caseId: other.caseId,
      datum: '17-11-2026',
      tijd: '15:15',
      duur: 30,
      plekId: wijk,
    })
  })

  it('gets texts in plain Dutch that pass the word check and say nothing about money', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '14:30',
      duur: 45,
      plekId: place('wijk'),
      collegaId: null,
    })
    const texts = await t.call('appointments.texts', { afspraakId: made.afspraak.id })
    expect(texts.woordcheck).toEqual([])
    expect(texts.whatsapp).toContain('Beste M. Hendriks')
    expect(texts.whatsapp).toContain('Dinsdag 17 november om 14.30 uur')
    expect(texts.whatsapp).toContain('Wijkcentrum De Roerstreek, Roerstraat 10, 6041 AB Roermond')
    expect(texts.whatsapp).toContain('niet goed te bereiken met een rolstoel')
    expect(texts.sms).not.toContain('\n')
    expect(texts.mailOnderwerp).toBe('Onze afspraak op dinsdag 17 november')
    expect(texts.herinnering).toContain(
      'een herinnering aan onze afspraak. Wanneer: dinsdag 17 november om 14.30 uur.',
    )
    for (const text of [texts.whatsapp, texts.sms, texts.mail, texts.herinnering]) {
      expect(text.toLowerCase()).not.toMatch(/schuld|€|450|wonen limburg|huur/)
      expect(text).toContain('06 12345678')
    }
    // The team's own list of words to avoid is applied, as for letters.
    await signInAs(t, 'Fatima El Idrissi')
    const docs = await t.call('documents.settings', {})
    await t.call('documents.saveSettings', {
      ...docs,
      vermijdWoorden: [...docs.vermijdWoorden, 'roerstraat'],
    })
    const flagged = await t.call('appointments.texts', { afspraakId: made.afspraak.id })
    expect(flagged.woordcheck.map((i) => i.veld)).toEqual(expect.arrayContaining(['whatsapp', 'sms', 'mail']))
  })

  it('asks for a reminder in Vandaag on the working day before, until it is sent', async () => {
    const { t, place, caseId } = await world()
    // Made on Tuesday for next Monday: the reminder is due on Friday.
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '16-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('telefonisch'),
    })
    expect(made.afspraak.herinneringDag).toBe('2026-11-13')
    expect((await t.call('ladder.today', {})).herinneringen).toEqual([])
    t.clock.set('2026-11-13T08:00:00.000Z')
    const friday = await t.call('ladder.today', {})
    expect(friday.herinneringen).toEqual([
      expect.objectContaining({
        afspraakId: made.afspraak.id,
        naam: 'M. Hendriks',
        plek: 'Telefonisch',
        telefoon: '0611223344',
      }),
    ])
    await t.call('appointments.reminderSent', { afspraakId: made.afspraak.id })
    expect((await t.call('ladder.today', {})).herinneringen).toEqual([])
    // An appointment made for the next working day needs none: it was just agreed.
    const other = await t.call('signals.createManual', signal({ achternaam: 'Smits', huisnummer: '14' }))
    const soon = await t.call('appointments.make', {
      versie: await t.versie(other.caseId),
      caseId: other.caseId,
      datum: '16-11-2026',
      tijd: '11:00',
      duur: 30,
      plekId: place('stadskantoor'),
    })
    expect(soon.afspraak.herinnering).toBe('niet_nodig')
  })

  it('records "niet gekomen" as an attempt of the place\'s kind and plans a call the next working day', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '12-11-2026',
      tijd: '14:30',
      duur: 45,
      plekId: place('wijk'),
    })
    // Thursday at 14:00: the appointment has not begun.
    t.clock.set('2026-11-12T13:00:00.000Z')
    expect(
      await t.raw('appointments.outcome', { afspraakId: made.afspraak.id, uitkomst: 'niet_gekomen' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    // Recorded the next Tuesday: dated Thursday, in the afternoon, as "Afspraak op locatie".
    t.clock.set('2026-11-17T08:00:00.000Z')
    const res = await t.call('appointments.outcome', {
      afspraakId: made.afspraak.id,
      uitkomst: 'niet_gekomen',
    })
    expect(res.afspraak.status).toBe('niet_gekomen')
    expect(await attemptsOf(t, caseId)).toEqual([
      {
        soort: 'Afspraak op locatie',
        kanaal: 'afspraak',
        bereikt: 0,
        datum: '2026-11-12',
        dagdeel: 'Middag',
        resultaat: 'Niet gekomen',
      },
    ])
    // The call: the working day after the appointment (Friday), in the part of the day it was.
    expect(res.plan).toMatchObject({ stap: 'bellen', datum: '2026-11-13', dagdeel: 'Middag', poging: 1 })
    expect(
      await t.raw('appointments.outcome', { afspraakId: made.afspraak.id, uitkomst: 'geweest' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('follows the Stappenplan for a missed appointment', async () => {
    const { t, place, caseId } = await world()
    await signInAs(t, 'Fatima El Idrissi')
    const cfg = await t.call('ladder.config', {})
    await t.call('ladder.saveConfig', { ...cfg, nietGekomen: { stap: 'opvolgen', werkdagen: 2 } })
    await signInAs(t, 'Anouk Peeters')
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '12-11-2026',
      tijd: '09:00',
      duur: 30,
      plekId: place('stadskantoor'),
    })
    t.clock.set('2026-11-12T10:00:00.000Z')
    const res = await t.call('appointments.outcome', {
      afspraakId: made.afspraak.id,
      uitkomst: 'niet_gekomen',
    })
    expect(res.plan).toMatchObject({ stap: 'opvolgen', datum: '2026-11-16', dagdeel: 'Ochtend' })
  })

  it('records "geweest" as reached contact of the kind that follows the place', async () => {
    const { t, place, caseId } = await world()
    const expected: [PlaceView['soort'], string, string][] = [
      ['thuis', 'Huisbezoek', 'huisbezoek'],
      ['stadskantoor', 'Afspraak op locatie', 'afspraak'],
      ['telefonisch', 'Telefoon', 'telefoon'],
      ['beeldbellen', 'Overige', 'beeldbellen'],
    ]
    const days = ['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16']
    for (const [soort, ddas, kanaal] of expected) {
      const datum = days.shift()!
      const made = await t.call('appointments.make', {
        versie: await t.versie(caseId),
        caseId,
        datum,
        tijd: '10:00',
        duur: 30,
        plekId: place(soort),
      })
      t.clock.set(`${datum}T11:00:00.000Z`)
      const res = await t.call('appointments.outcome', {
        afspraakId: made.afspraak.id,
        uitkomst: 'geweest',
        notitie: 'Goed gesprek',
      })
      expect(res.plan.stap).toBe('opvolgen')
      const last = (await attemptsOf(t, caseId)).at(-1)
      expect(last, soort).toEqual({
        soort: ddas,
        kanaal,
        bereikt: 1,
        datum,
        dagdeel: 'Ochtend',
        resultaat: 'Gesprek gevoerd',
      })
    }
  })

  it('is moved (verzet) to a new one, and falls away with the case when it is closed', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('thuis'),
    })
    const moved = await t.call('appointments.reschedule', {
      afspraakId: made.afspraak.id,
      datum: '19-11-2026',
      tijd: '11:00',
      duur: 45,
      plekId: place('wijk'),
    })
    expect(moved.plan).toMatchObject({ stap: 'afspraak', datum: '2026-11-19' })
    const list = await t.call('appointments.forCase', { caseId })
    expect(list.map((a) => [a.datum, a.status])).toEqual([
      ['2026-11-19', 'gepland'],
      ['2026-11-17', 'verzet'],
    ])
    expect(list[1]!.verzetNaar).toMatchObject({ id: moved.afspraak.id, datum: '2026-11-19' })
    const letter = await t.call('appointments.queueLetter', { afspraakId: moved.afspraak.id })
    expect(letter.templateNaam).toBe('Bevestiging afspraak')
    await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      hulpAangeboden: true,
      hulpGeaccepteerd: false,
    })
    expect((await t.call('appointments.forCase', { caseId }))[0]!.status).toBe('vervallen')
    expect((await t.call('documents.queue', {})).wachtrij).toEqual([])
    expect(await attemptsOf(t, caseId)).toEqual([])
  })

  it('puts its confirmation letter in the print queue; sending it is no contact attempt', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('wijk'),
    })
    const item = await t.call('appointments.queueLetter', { afspraakId: made.afspraak.id })
    expect(await t.raw('appointments.queueLetter', { afspraakId: made.afspraak.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    // Not on its own: the letter names an appointment.
    const template = (await t.call('documents.templates', {})).find((x) => x.code === 'afspraakbevestiging')!
    expect(await t.raw('documents.addToQueue', { caseId, templateId: template.id })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    const batch = await t.call('documents.createBatch', {
      itemIds: [item.id],
      indeling: 'a4',
      enveloppen: false,
    })
    await t.call('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [item.id],
      datum: '10-11-2026',
    })
    expect(await attemptsOf(t, caseId)).toEqual([])
    const sent = (await t.call('documents.forCase', { caseId }))[0]!
    expect(sent).toMatchObject({ status: 'verstuurd', verstuurdOp: '2026-11-10' })
    const stored = await t.db
      .selectFrom('print_item')
      .select('values_json')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(stored.values_json!).values).toMatchObject({
      afspraakdag: 'dinsdag 17 november 2026',
      afspraak_tijd: '10.00 uur',
      afspraak_met: 'Anouk Peeters',
    })
  })

  it('shows in the agenda of the consulent and of the colleague who comes along', async () => {
    const { t, place, caseId, member } = await world()
    await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('stadskantoor'),
      collegaId: member('Sem Janssen'),
    })
    const mine = await t.call('appointments.agenda', { datum: '18-11-2026', weergave: 'week' })
    expect(mine).toMatchObject({ van: '2026-11-16', tot: '2026-11-22' })
    expect(mine.items).toEqual([
      expect.objectContaining({
        soort: 'afspraak',
        datum: '2026-11-17',
        tijd: '10:00',
        tot: '10:30',
        met: 'Sem Janssen',
        rol: 'eigen',
      }),
    ])
    expect((await t.call('appointments.agenda', { datum: '18-11-2026', weergave: 'dag' })).items).toEqual([])
    await signInAs(t, 'Sem Janssen')
    const his = await t.call('appointments.agenda', { datum: '17-11-2026', weergave: 'dag' })
    expect(his.items).toEqual([
      expect.objectContaining({ naam: 'M. Hendriks', met: 'Anouk Peeters', rol: 'mee' }),
    ])
    // Sem comes along, so he may see it, but not the rest of the case.
    const id = his.items[0]!.id
    expect((await t.raw('appointments.texts', { afspraakId: id })).ok).toBe(true)
    expect(await t.raw('appointments.forCase', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('stays in the anonymous facts when retention deletes the case', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '12-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('wijk'),
    })
    t.clock.set('2026-11-12T11:00:00.000Z')
    await t.call('appointments.outcome', { afspraakId: made.afspraak.id, uitkomst: 'geweest' })
    const adb = t.db
    expect(await adb.selectFrom('monitor_afspraak_fact').selectAll().execute()).toEqual([
      {
        afspraak_id: made.afspraak.id,
        case_id: caseId,
        datum: '2026-11-12',
        plek_soort: 'wijk',
        status: 'geweest',
      },
    ])
  })
})
