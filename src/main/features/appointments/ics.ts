import { createHash } from 'node:crypto'
import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import type { ExportFile } from '@shared/api/monitor'
import { endTime, PLEK_SOORT_LABELS, type PlekSoort } from '@shared/api/appointments'
import type { Db } from '../../db/database'
import { formatPostcode } from '@shared/format/address'
import { TIME_ZONE } from '../../lib/clock'
import { getSetting } from '../settings/repository'

/**
 * Appointments and home visits as iCalendar (.ics) files that Outlook opens (ical-generator writes
 * them; the tests read them back with ical.js).
 *
 * Such a file is copied into Outlook and from there synced to the mail server and the consulent's
 * phone, and a calendar is often shared with colleagues. So it holds what the consulent needs to
 * be at the right place at the right time, and nothing that says who the resident is or why:
 * - the summary "Gesprek vroegsignalering" (or "Huisbezoek vroegsignalering") with the case
 *   number, which finds the case in Lange Adem; no name;
 * - the place: a wijk place or the stadskantoor with its address; at home, by phone or by video
 *   call only those words, never the resident's address or phone number;
 * - who comes along (a colleague or chain-partner contact), as the consulent already knows;
 * - CLASS:PRIVATE, so colleagues who see the calendar see "private" instead of the details.
 * No attendees (Outlook would send invitations), no amounts, creditors or notes.
 *
 * Times are wall-clock times in Europe/Amsterdam with its VTIMEZONE (from @touch4it/ical-timezones),
 * so an appointment at 14:30 stays at 14:30 across summer and winter time. The UID is the
 * appointment's own random uid (a home visit's is derived from its number and this installation),
 * so opening a newer file of the same appointment updates it instead of adding a second one; a
 * moved or dropped appointment is sent as cancelled with a higher SEQUENCE.
 */

const PRODUCT = { company: 'Lange Adem', product: 'Agenda', language: 'NL' }

export interface IcsEvent {
  uid: string
  sequence: number
  datum: string
  tijd: string
  tot: string
  summary: string
  location: string
  description: string
  cancelled: boolean
  stamp: string
}

/** The .ics text for these events. Exported for the tests, which parse it back. */
export function icsText(events: IcsEvent[], name: string): string {
  const cal = ical({ prodId: PRODUCT, name, method: ICalCalendarMethod.PUBLISH })
  // The VTIMEZONE for the events' zone. An empty calendar zone name keeps DTSTAMP in UTC, as
  // RFC 5545 asks, while every event carries TZID=Europe/Amsterdam.
  cal.timezone({ name: '', generator: getVtimezoneComponent })
  for (const e of events)
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      // Wall-clock strings without an offset: ical-generator writes them as they are with the TZID.
      start: `${e.datum}T${e.tijd}:00`,
      end: `${e.datum}T${e.tot}:00`,
      timezone: TIME_ZONE,
      stamp: new Date(e.stamp),
      summary: e.summary,
      location: e.location,
      description: e.description,
      class: ICalEventClass.PRIVATE,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  return cal.toString()
}

function file(fileName: string, text: string): ExportFile {
  return { fileName, mimeType: 'text/calendar', base64: Buffer.from(text, 'utf8').toString('base64') }
}

/** A stable name for this installation's home visits in UIDs, not derived from anyone's data. */
async function installationTag(db: Db): Promise<string> {
  const team = (await getSetting(db, 'team')) ?? ''
  const first = await db.selectFrom('app_user').select('created_at').orderBy('id').executeTakeFirst()
  return createHash('sha256')
    .update(`${first?.created_at ?? ''}|${JSON.parse(team || '{}').gemeenteCode ?? ''}`)
    .digest('hex')
    .slice(0, 16)
}

async function appointmentEvents(db: Db, where: { id?: number; users?: [number, string, string] }) {
  let q = db
    .selectFrom('afspraak as a')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'a.case_id')
    .innerJoin('ontmoetplek as p', 'p.id', 'a.plek_id')
    .leftJoin('app_user as c', 'c.id', 'a.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'a.collega_id')
    .leftJoin('partner_contact as pc', 'pc.id', 'a.partner_contact_id')
    .select([
      'a.id',
      'a.uid',
      'a.volgnummer',
      'a.datum',
      'a.tijd',
      'a.duur',
      'a.status',
      'a.plek_soort',
      'a.consulent_id',
      'a.updated_at',
      'z.case_number',
      'p.naam as plek_naam',
      'p.adres',
      'p.postcode',
      'p.plaats',
      'c.naam as consulent_naam',
      'u.naam as collega_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
    ])
  if (where.id !== undefined) q = q.where('a.id', '=', where.id)
  if (where.users) {
    const [userId, van, tot] = where.users
    q = q
      .where((eb) => eb.or([eb('a.consulent_id', '=', userId), eb('a.collega_id', '=', userId)]))
      .where('a.datum', '>=', van)
      .where('a.datum', '<=', tot)
  }
  return q.execute()
}

type AppointmentEventRow = Awaited<ReturnType<typeof appointmentEvents>>[number]

function appointmentEvent(r: AppointmentEventRow, office: string, forUser: number | null): IcsEvent {
  const soort = r.plek_soort as PlekSoort
  const location =
    soort === 'wijk'
      ? [r.plek_naam, r.adres, `${formatPostcode(r.postcode)} ${r.plaats}`.trim()].filter(Boolean).join(', ')
      : soort === 'stadskantoor'
        ? [r.plek_naam, office].filter(Boolean).join(', ')
        : PLEK_SOORT_LABELS[soort]
  const others = [
    forUser !== null && r.consulent_id !== forUser ? r.consulent_naam : null,
    r.collega_naam && r.collega_naam !== null ? r.collega_naam : null,
    r.partner_naam ? `${r.partner_naam} (${r.partner_organisatie})` : null,
  ].filter((x): x is string => !!x)
  const description = [
    `Zaak ${r.case_number} in Lange Adem.`,
    ...(others.length ? [`Met: ${others.join(', ')}.`] : []),
    'De gegevens van de bewoner staan in Lange Adem.',
  ].join('\n')
  return {
    uid: r.uid,
    sequence: r.volgnummer,
    datum: r.datum,
    tijd: r.tijd,
    tot: endTime(r.tijd, r.duur),
    summary: `Gesprek vroegsignalering (${r.case_number})`,
    location,
    description,
    cancelled: r.status === 'verzet' || r.status === 'vervallen',
    stamp: r.updated_at,
  }
}

async function officeLine(db: Db): Promise<string> {
  const team = await getSetting(db, 'team')
  const lines = ((JSON.parse(team || '{}') as { bezoekadres?: string }).bezoekadres ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  return lines.join(', ')
}

/** One appointment as an .ics file. */
export async function appointmentIcs(db: Db, afspraakId: number, now: string): Promise<ExportFile | null> {
  const [row] = await appointmentEvents(db, { id: afspraakId })
  if (!row) return null
  const event = { ...appointmentEvent(row, await officeLine(db), row.consulent_id), stamp: now }
  return file(`afspraak-${row.case_number}-${row.datum}.ics`, icsText([event], 'Afspraak vroegsignalering'))
}

/**
 * One consulent's week (Monday to Sunday) as one .ics file: her appointments (as consulent or
 * colleague) and home visits (as consulent or second of the pair), moved and cancelled ones
 * marked cancelled so an earlier import of them is updated. `visible` filters by the viewer's
 * scope (agenda.ts decides it).
 */
export async function weekIcs(
  db: Db,
  user: { id: number; naam: string },
  van: string,
  tot: string,
  now: string,
  visible: { afspraken: Set<number>; bezoeken: Set<number> },
): Promise<ExportFile> {
  const office = await officeLine(db)
  const apps = (await appointmentEvents(db, { users: [user.id, van, tot] }))
    .filter((r) => visible.afspraken.has(r.id))
    .map((r) => ({ ...appointmentEvent(r, office, user.id), stamp: now }))
  const tag = await installationTag(db)
  const visits = await db
    .selectFrom('huisbezoek as b')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .leftJoin('app_user as c', 'c.id', 'b.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'b.duo_user_id')
    .leftJoin('partner_contact as pc', 'pc.id', 'b.duo_partner_id')
    .select([
      'b.id',
      'b.datum',
      'b.tijd',
      'b.tijd_tot',
      'b.status',
      'b.consulent_id',
      'z.case_number',
      'c.naam as consulent_naam',
      'u.naam as duo_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
    ])
    .where((eb) => eb.or([eb('b.consulent_id', '=', user.id), eb('b.duo_user_id', '=', user.id)]))
    .where('b.datum', '>=', van)
    .where('b.datum', '<=', tot)
    .execute()
  const visitEvents: IcsEvent[] = visits
    .filter((v) => visible.bezoeken.has(v.id))
    .map((v) => {
      const others = [
        v.consulent_id !== user.id ? v.consulent_naam : null,
        v.consulent_id === user.id ? v.duo_naam : null,
        v.partner_naam ? `${v.partner_naam} (${v.partner_organisatie})` : null,
      ].filter((x): x is string => !!x)
      return {
        uid: `huisbezoek-${v.id}-${tag}@lange-adem`,
        sequence: v.status === 'afgemeld' ? 1 : 0,
        datum: v.datum,
        tijd: v.tijd,
        tot: v.tijd_tot ?? endTime(v.tijd, 30),
        summary: `Huisbezoek vroegsignalering (${v.case_number})`,
        location: 'Bij de bewoner thuis',
        description: [
          `Zaak ${v.case_number} in Lange Adem.`,
          ...(others.length ? [`Met: ${others.join(', ')}.`] : []),
          'Het adres staat in Lange Adem (daglijst huisbezoeken).',
        ].join('\n'),
        cancelled: v.status === 'afgemeld',
        stamp: now,
      }
    })
  const events = [...apps, ...visitEvents].sort(
    (a, b) => a.datum.localeCompare(b.datum) || a.tijd.localeCompare(b.tijd),
  )
  const slug = user.naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
  return file(`agenda-${slug || 'consulent'}-${van}.ics`, icsText(events, `Agenda ${user.naam}`))
}
