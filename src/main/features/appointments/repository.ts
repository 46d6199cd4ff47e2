import type { Db } from '../../db/database'
import {
  endTime,
  type AfspraakStatus,
  type AppointmentView,
  type PlaceView,
  type PlekSoort,
} from '@shared/api/appointments'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { getTeamSettings } from '../settings/repository'
import { addWorkdays } from '../ladder/planner'
import type { OntmoetplekTable } from '../../db/schema'
import type { Selectable } from 'kysely'

/** The team's visiting address (Instellingen) as one line: where the stadskantoor is. */
export async function stadskantoorAdres(
  db: Db,
): Promise<{ adres: string; postcode: string; plaats: string }> {
  const team = await getTeamSettings(db)
  const lines = (team?.bezoekadres ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const pc = /^(\d{4}\s?[A-Z]{2})\s+(.+)$/i.exec(lines[1] ?? '')
  return pc
    ? {
        adres: lines[0] ?? '',
        postcode: formatPostcode(pc[1]!.replace(/\s/g, '').toUpperCase()),
        plaats: pc[2]!,
      }
    : { adres: lines.join(', '), postcode: '', plaats: '' }
}

export function toPlaceView(
  r: Selectable<OntmoetplekTable> & { wijk_naam: string | null },
  stadskantoor: { adres: string; postcode: string; plaats: string },
): PlaceView {
  const office = r.soort === 'stadskantoor'
  return {
    id: r.id,
    soort: r.soort as PlekSoort,
    naam: r.naam,
    wijkId: r.wijk_id,
    wijkNaam: r.wijk_naam,
    adres: office ? stadskantoor.adres : r.adres,
    postcode: office ? stadskantoor.postcode : formatPostcode(r.postcode),
    plaats: office ? stadskantoor.plaats : r.plaats,
    dagen: [...r.dagen].map(Number),
    van: r.van,
    tot: r.tot,
    toegankelijk: r.toegankelijk === 1,
    toelichting: r.toelichting,
    actief: r.actief === 1,
    vast: r.vast === 1,
  }
}

export async function loadPlaces(db: Db): Promise<PlaceView[]> {
  const rows = await db
    .selectFrom('ontmoetplek as p')
    .leftJoin('wijk as w', 'w.id', 'p.wijk_id')
    .selectAll('p')
    .select('w.naam as wijk_naam')
    .orderBy('p.vast', 'desc')
    .orderBy('p.id')
    .execute()
  const office = await stadskantoorAdres(db)
  const vast = rows.filter((r) => r.vast === 1)
  const wijk = rows
    .filter((r) => r.vast !== 1)
    .sort(
      (a, b) =>
        (a.wijk_naam ?? '').localeCompare(b.wijk_naam ?? '', 'nl') || a.naam.localeCompare(b.naam, 'nl'),
    )
  return [...vast, ...wijk].map((r) => toPlaceView(r, office))
}

/** The query every appointment view reads: the appointment with its case, place and people. */
export function appointmentQuery(db: Db) {
  return db
    .selectFrom('afspraak as a')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'a.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .innerJoin('ontmoetplek as p', 'p.id', 'a.plek_id')
    .leftJoin('app_user as c', 'c.id', 'a.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'a.collega_id')
    .leftJoin('partner_contact as pc', 'pc.id', 'a.partner_contact_id')
    .leftJoin('afspraak as n', 'n.id', 'a.verzet_naar')
    .select([
      'a.id',
      'a.uid',
      'a.case_id',
      'a.plek_id',
      'a.plek_soort',
      'a.datum',
      'a.tijd',
      'a.duur',
      'a.consulent_id',
      'a.collega_id',
      'a.partner_contact_id',
      'a.status',
      'a.herinnering',
      'a.notitie',
      'a.uitkomst_notitie',
      'a.volgnummer',
      'a.created_at',
      'z.case_number',
      'z.display_name',
      'z.household_id',
      'z.wijk_id as case_wijk_id',
      'h.straat',
      'h.huisnummer',
      'h.toevoeging',
      'h.postcode as h_postcode',
      'h.plaats as h_plaats',
      'p.naam as plek_naam',
      'p.adres as plek_adres',
      'p.postcode as plek_postcode',
      'p.plaats as plek_plaats',
      'p.toegankelijk',
      'c.naam as consulent_naam',
      'c.telefoon as consulent_telefoon',
      'c.email as consulent_email',
      'u.naam as collega_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
      'n.id as nieuw_id',
      'n.datum as nieuw_datum',
      'n.tijd as nieuw_tijd',
    ])
}

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number]

/** Where the appointment is, in one line; at home the household's address. */
export function whereLine(
  r: AppointmentRow,
  office: { adres: string; postcode: string; plaats: string },
): string {
  const soort = r.plek_soort as PlekSoort
  const join = (...parts: string[]) => parts.filter(Boolean).join(', ')
  if (soort === 'thuis')
    return join(
      `${r.straat} ${formatHouseNumber(r.huisnummer, r.toevoeging)}`,
      `${formatPostcode(r.h_postcode)} ${r.h_plaats}`.trim(),
    )
  if (soort === 'stadskantoor')
    return join(r.plek_naam, office.adres, `${office.postcode} ${office.plaats}`.trim())
  if (soort === 'wijk')
    return join(r.plek_naam, r.plek_adres, `${formatPostcode(r.plek_postcode)} ${r.plek_plaats}`.trim())
  return r.plek_naam
}

/** Who else comes, in words: a colleague, or a chain-partner contact with the organisation. */
export function withWhom(r: AppointmentRow): string | null {
  if (r.collega_naam) return r.collega_naam
  if (r.partner_naam) return `${r.partner_naam} (${r.partner_organisatie})`
  return null
}

/** Whether the appointment has begun at `now` (local date and time): then its outcome can be told. */
export function hasStarted(r: { datum: string; tijd: string }, today: string, nowHhmm: string): boolean {
  return r.datum < today || (r.datum === today && r.tijd <= nowHhmm)
}

export function toAppointmentView(
  r: AppointmentRow,
  office: { adres: string; postcode: string; plaats: string },
  today: string,
  nowHhmm: string,
): AppointmentView {
  const status = r.status as AfspraakStatus
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    naam: r.display_name,
    datum: r.datum,
    tijd: r.tijd,
    tot: endTime(r.tijd, r.duur),
    duur: r.duur,
    plek: {
      id: r.plek_id,
      soort: r.plek_soort as PlekSoort,
      naam: r.plek_naam,
      adres: whereLine(r, office),
      toegankelijk: r.toegankelijk === 1,
    },
    consulent: r.consulent_id !== null ? { id: r.consulent_id, naam: r.consulent_naam ?? '' } : null,
    met: withWhom(r),
    collegaId: r.collega_id,
    partnerId: r.partner_contact_id,
    status,
    herinnering: r.herinnering as AppointmentView['herinnering'],
    herinneringDag: addWorkdays(r.datum, -1),
    uitkomstMogelijk: status === 'gepland' && hasStarted(r, today, nowHhmm),
    verzetNaar:
      r.nieuw_id !== null ? { id: r.nieuw_id, datum: r.nieuw_datum ?? '', tijd: r.nieuw_tijd ?? '' } : null,
    notitie: r.notitie,
    uitkomstNotitie: r.uitkomst_notitie,
  }
}

/** The appointment still to come of a case, for its plan (ladder/service.ts, loadPlan). */
export async function pendingAppointment(
  db: Db,
  caseId: number,
): Promise<{ id: number; datum: string; tijd: string; plek: string } | null> {
  const a = await db
    .selectFrom('afspraak as a')
    .innerJoin('ontmoetplek as p', 'p.id', 'a.plek_id')
    .select(['a.id', 'a.datum', 'a.tijd', 'p.naam as plek'])
    .where('a.case_id', '=', caseId)
    .where('a.status', '=', 'gepland')
    .orderBy('a.id', 'desc')
    .executeTakeFirst()
  return a ?? null
}
