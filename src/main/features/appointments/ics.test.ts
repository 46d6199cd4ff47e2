import { describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'
import { icsText } from './ics'

/** Reads an .ics text back with ical.js (Mozilla's parser), time zones registered from the file. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'),
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: v.getFirstPropertyValue('status'),
      klass: v.getFirstPropertyValue('class'),
      stamp: v.getFirstPropertyValue('dtstamp')!.toString(),
    }
  })
}

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8')

async function world() {
  const t = await testApp()
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  const settings = await t.call('settings.get', {})
  const places = await t.call('appointments.savePlace', {
    wijkId: settings.wijken.find((w) => w.naam === 'Centrum')!.id,
    naam: 'Wijkcentrum De Roerstreek',
    adres: 'Roerstraat 10',
    postcode: '6041 AB',
    plaats: 'Roermond',
    dagen: [1, 2, 3, 4, 5],
    van: '09:00',
    tot: '17:00',
    toegankelijk: true,
  })
  const place = (soort: string) => places.find((p) => p.soort === soort)!.id
  await signInAs(t, 'Anouk Peeters')
  const { caseId } = await t.call(
    'signals.createManual',
    signal({ achternaam: 'Hendriks', voorletters: 'M.', postcode: '6041 CD', huisnummer: '77' }),
  )
  return { t, member, place, caseId }
}

describe('.ics files', () => {
  it('writes Europe/Amsterdam wall-clock times that read back right in winter and in summer', () => {
    const text = icsText(
      [
        {
          uid: 'winter@lange-adem',
          sequence: 0,
          datum: '2026-11-17',
          tijd: '14:30',
          tot: '15:15',
          summary: 'Gesprek vroegsignalering (LA-2026-00001)',
          location: 'Stadskantoor',
          description: 'Zaak LA-2026-00001 in Lange Adem.',
          cancelled: false,
          stamp: '2026-11-10T09:30:00.000Z',
        },
        {
          uid: 'zomer@lange-adem',
          sequence: 2,
          datum: '2027-06-15',
          tijd: '09:00',
          tot: '10:00',
          summary: 'Gesprek',
          location: 'Telefonisch',
          description: '',
          cancelled: true,
          stamp: '2026-11-10T09:30:00.000Z',
        },
      ],
      'Agenda',
    )
    expect(text).toContain('BEGIN:VTIMEZONE')
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261117T143000')
    const [winter, zomer] = parse(text)
    expect(winter).toMatchObject({
      uid: 'winter@lange-adem',
      tzid: 'Europe/Amsterdam',
      // CET is UTC+1 in November, CEST UTC+2 in June.
      start: '2026-11-17T13:30:00.000Z',
      end: '2026-11-17T14:15:00.000Z',
      status: 'CONFIRMED',
      klass: 'PRIVATE',
      stamp: '2026-11-10T09:30:00Z',
    })
    expect(zomer).toMatchObject({
      start: '2027-06-15T07:00:00.000Z',
      end: '2027-06-15T08:00:00.000Z',
      status: 'CANCELLED',
      sequence: 2,
    })
  })

  it('does not depend on the time zone of the machine that writes it', () => {
    const event = {
      uid: 'x@lange-adem',
      sequence: 0,
      datum: '2027-03-28',
      tijd: '10:00',
      tot: '10:30',
      summary: 'Gesprek',
      location: 'Stadskantoor',
      description: '',
      cancelled: false,
      stamp: '2026-11-10T09:30:00.000Z',
    }
    const before = process.env.TZ
    const texts: string[] = []
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Amsterdam']) {
        process.env.TZ = tz
        texts.push(icsText([event], 'Agenda'))
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
    expect(new Set(texts).size).toBe(1)
    // The day summer time starts: 10:00 in Amsterdam is 08:00 UTC.
    expect(parse(texts[0]!)[0]!.start).toBe('2027-03-28T08:00:00.000Z')
  })

  it('exports an appointment with a stable UID and nothing personal beyond what the consulent needs', async () => {
    const { t, place, caseId } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '14:30',
      duur: 45,
      plekId: place('thuis'),
      notitie: 'Heeft schulden bij de woningcorporatie',
    })
    const first = await t.call('appointments.ics', { afspraakId: made.afspraak.id })
    expect(first).toMatchObject({
      fileName: 'afspraak-LA-2026-00001-2026-11-17.ics',
      mimeType: 'text/calendar',
    })
    t.clock.set('2026-11-11T09:00:00.000Z')
    const second = await t.call('appointments.ics', { afspraakId: made.afspraak.id })
    const [a] = parse(decode(first.base64))
    const [b] = parse(decode(second.base64))
    expect(a!.uid).toBe(b!.uid)
    expect(a).toMatchObject({
      summary: 'Gesprek vroegsignalering (LA-2026-00001)',
      location: 'Bij de bewoner thuis',
      start: '2026-11-17T13:30:00.000Z',
      klass: 'PRIVATE',
    })
    const text = decode(first.base64)
    // No name, address, phone, birth date, amount, creditor or note.
    for (const secret of [
      'Hendriks',
      'Kapellerlaan',
      '6041',
      '0611223344',
      '1984',
      '450',
      'Wonen Limburg',
      'schulden',
    ])
      expect(text, secret).not.toContain(secret)
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER/)
  })

  it('exports the week with appointments and home visits, and a moved appointment as cancelled', async () => {
    const { t, place, caseId, member } = await world()
    const made = await t.call('appointments.make', {
      versie: await t.versie(caseId),
      caseId,
      datum: '17-11-2026',
      tijd: '10:00',
      duur: 30,
      plekId: place('wijk'),
      collegaId: member('Sem Janssen'),
    })
    const moved = await t.call('appointments.reschedule', {
      afspraakId: made.afspraak.id,
      datum: '18-11-2026',
      tijd: '11:00',
      duur: 45,
      plekId: place('wijk'),
    })
    const other = await t.call('signals.createManual', signal({ achternaam: 'Smits', huisnummer: '14' }))
    await t.call('visits.announce', {
      versie: await t.versie(other.caseId),
      caseId: other.caseId,
      datum: '19-11-2026',
      van: '13:00',
      tot: '13:30',
      duoUserId: member('Sem Janssen'),
    })
    const week = await t.call('appointments.icsWeek', { datum: '20-11-2026' })
    expect(week.fileName).toBe('agenda-anouk-peeters-2026-11-16.ics')
    const events = parse(decode(week.base64))
    expect(events.map((e) => [e.start, e.status, e.sequence, e.location])).toEqual([
      [
        '2026-11-17T09:00:00.000Z',
        'CANCELLED',
        1,
        'Wijkcentrum De Roerstreek, Roerstraat 10, 6041 AB Roermond',
      ],
      [
        '2026-11-18T10:00:00.000Z',
        'CONFIRMED',
        0,
        'Wijkcentrum De Roerstreek, Roerstraat 10, 6041 AB Roermond',
      ],
      ['2026-11-19T12:00:00.000Z', 'CONFIRMED', 0, 'Bij de bewoner thuis'],
    ])
    expect(events[0]!.uid).toBe(
      parse(decode((await t.call('appointments.ics', { afspraakId: made.afspraak.id })).base64))[0]!.uid,
    )
    expect(events[1]!.uid).not.toBe(events[0]!.uid)
    expect(events[0]!.description).toContain('Met: Sem Janssen.')
    expect(events[2]!.summary).toBe('Huisbezoek vroegsignalering (LA-2026-00002)')
    expect(decode(week.base64)).not.toMatch(/Hendriks|Smits|Kapellerlaan/)
    // The same week exported again: the same UIDs, so Outlook updates instead of adding.
    const again = parse(decode((await t.call('appointments.icsWeek', { datum: '16-11-2026' })).base64))
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid))
    void moved
  })
})
