import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/database'
import {
  AFSPRAAK_STATUS_LABELS,
  endTime,
  mondayOf,
  type AfspraakStatus,
  type AgendaItem,
  type AgendaView,
  type PlekSoort,
  type ReminderTask,
} from '@shared/api/appointments'
import { addDays } from '@shared/format/dates'
import { NotFoundError } from '../../lib/errors'
import { inScope, visitInScope, type CaseScope } from '../access/scope'
import { addWorkdays } from '../ladder/planner'
import { phonesOf } from '../ladder/repository'

/**
 * The consulent's agenda: her appointments (as consulent or as the colleague who comes along) and
 * her home visits (as the case's consulent or as the second of the pair), for a day or a week.
 * Appointments that were moved or fell away are left out: the new one is there.
 */

/** An appointment's rows a viewer may see: of the cases in her scope, or where she takes part. */
export function appointmentInScope(scope: CaseScope): Expression<SqlBool> {
  if (scope.kind !== 'own') return inScope(scope, 'z')
  const me = scope.userId
  return sql<SqlBool>`(${inScope(scope, 'z')} or ${sql.ref('a.consulent_id')} = ${me} or ${sql.ref('a.collega_id')} = ${me})`
}

const VISIT_STATUS: Record<string, string> = { gepland: 'Gepland', afgelegd: 'Afgelegd' }

export async function loadAgenda(
  db: Db,
  consulentId: number,
  van: string,
  tot: string,
  scope: CaseScope,
): Promise<AgendaView> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'naam'])
    .where('id', '=', consulentId)
    .executeTakeFirst()
  if (!user) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
  const apps = await db
    .selectFrom('afspraak as a')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'a.case_id')
    .innerJoin('ontmoetplek as p', 'p.id', 'a.plek_id')
    .leftJoin('app_user as c', 'c.id', 'a.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'a.collega_id')
    .leftJoin('partner_contact as pc', 'pc.id', 'a.partner_contact_id')
    .select([
      'a.id',
      'a.case_id',
      'a.datum',
      'a.tijd',
      'a.duur',
      'a.status',
      'a.plek_soort',
      'a.consulent_id',
      'z.case_number',
      'z.display_name',
      'p.naam as plek_naam',
      'c.naam as consulent_naam',
      'u.naam as collega_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
    ])
    .where((eb) => eb.or([eb('a.consulent_id', '=', consulentId), eb('a.collega_id', '=', consulentId)]))
    .where('a.datum', '>=', van)
    .where('a.datum', '<=', tot)
    .where('a.status', 'not in', ['verzet', 'vervallen'])
    .where(appointmentInScope(scope))
    .execute()
  const visits = await db
    .selectFrom('huisbezoek as b')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .leftJoin('app_user as c', 'c.id', 'b.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'b.duo_user_id')
    .leftJoin('partner_contact as pc', 'pc.id', 'b.duo_partner_id')
    .select([
      'b.id',
      'b.case_id',
      'b.datum',
      'b.tijd',
      'b.tijd_tot',
      'b.status',
      'b.consulent_id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'c.naam as consulent_naam',
      'u.naam as duo_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
    ])
    .where((eb) => eb.or([eb('b.consulent_id', '=', consulentId), eb('b.duo_user_id', '=', consulentId)]))
    .where('b.datum', '>=', van)
    .where('b.datum', '<=', tot)
    .where('b.status', '!=', 'afgemeld')
    .where(visitInScope(scope))
    .execute()
  const partner = (naam: string | null, org: string | null) => (naam ? `${naam} (${org})` : null)
  const items: AgendaItem[] = [
    ...apps.map((a): AgendaItem => {
      const eigen = a.consulent_id === consulentId
      return {
        soort: 'afspraak',
        id: a.id,
        caseId: a.case_id,
        caseNumber: a.case_number,
        naam: a.display_name,
        datum: a.datum,
        tijd: a.tijd,
        tot: endTime(a.tijd, a.duur),
        waar: a.plek_naam,
        plekSoort: a.plek_soort as PlekSoort,
        met: eigen ? (a.collega_naam ?? partner(a.partner_naam, a.partner_organisatie)) : a.consulent_naam,
        status: a.status,
        statusLabel: AFSPRAAK_STATUS_LABELS[a.status as AfspraakStatus] ?? a.status,
        rol: eigen ? 'eigen' : 'mee',
      }
    }),
    ...visits.map((v): AgendaItem => {
      const eigen = v.consulent_id === consulentId
      return {
        soort: 'huisbezoek',
        id: v.id,
        caseId: v.case_id,
        caseNumber: v.case_number,
        naam: v.display_name,
        datum: v.datum,
        tijd: v.tijd,
        tot: v.tijd_tot ?? endTime(v.tijd, 30),
        waar: v.adres,
        plekSoort: null,
        met: eigen ? (v.duo_naam ?? partner(v.partner_naam, v.partner_organisatie)) : v.consulent_naam,
        status: v.status,
        statusLabel: VISIT_STATUS[v.status] ?? v.status,
        rol: eigen ? 'eigen' : 'mee',
      }
    }),
  ].sort((a, b) => a.datum.localeCompare(b.datum) || a.tijd.localeCompare(b.tijd) || a.id - b.id)
  return { consulent: user, van, tot, items }
}

/** The days an agenda view covers: the day itself, or Monday to Sunday of its week. */
export function agendaRange(datum: string, weergave: 'dag' | 'week'): { van: string; tot: string } {
  if (weergave === 'dag') return { van: datum, tot: datum }
  const van = mondayOf(datum)
  return { van, tot: addDays(van, 6) }
}

/**
 * Vandaag's "Herinnering sturen": the consulent's appointments whose reminder is due (the working
 * day before, or later up to the day itself) and not yet sent.
 */
export async function reminderTasks(
  db: Db,
  today: string,
  consulentId: number,
  scope: CaseScope,
): Promise<ReminderTask[]> {
  const rows = await db
    .selectFrom('afspraak as a')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'a.case_id')
    .innerJoin('ontmoetplek as p', 'p.id', 'a.plek_id')
    .select([
      'a.id',
      'a.case_id',
      'a.datum',
      'a.tijd',
      'z.case_number',
      'z.display_name',
      'z.household_id',
      'p.naam as plek_naam',
    ])
    .where('a.consulent_id', '=', consulentId)
    .where('a.status', '=', 'gepland')
    .where('a.herinnering', '=', 'nodig')
    .where('a.datum', '>=', today)
    .where('a.datum', '<=', addWorkdays(today, 1))
    .where(appointmentInScope(scope))
    .orderBy('a.datum')
    .orderBy('a.tijd')
    .execute()
  const due = rows.filter((r) => addWorkdays(r.datum, -1) <= today)
  const phones = await phonesOf(db, [...new Set(due.map((r) => r.household_id))])
  return due.map((r) => ({
    afspraakId: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    naam: r.display_name,
    telefoon: phones.get(r.household_id) ?? '',
    datum: r.datum,
    tijd: r.tijd,
    plek: r.plek_naam,
  }))
}

/** The appointments and home visits (any status) of this person's days that the viewer may see. */
export async function visibleIds(
  db: Db,
  userId: number,
  van: string,
  tot: string,
  scope: CaseScope,
): Promise<{ afspraken: Set<number>; bezoeken: Set<number> }> {
  const apps = await db
    .selectFrom('afspraak as a')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'a.case_id')
    .select('a.id')
    .where((eb) => eb.or([eb('a.consulent_id', '=', userId), eb('a.collega_id', '=', userId)]))
    .where('a.datum', '>=', van)
    .where('a.datum', '<=', tot)
    .where(appointmentInScope(scope))
    .execute()
  const visits = await db
    .selectFrom('huisbezoek as b')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .select('b.id')
    .where((eb) => eb.or([eb('b.consulent_id', '=', userId), eb('b.duo_user_id', '=', userId)]))
    .where('b.datum', '>=', van)
    .where('b.datum', '<=', tot)
    .where(visitInScope(scope))
    .execute()
  return { afspraken: new Set(apps.map((a) => a.id)), bezoeken: new Set(visits.map((v) => v.id)) }
}
