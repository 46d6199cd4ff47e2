import type { Insertable } from 'kysely'
import type { Db } from '../../db/database'
import type { HuisbezoekTable, PartnerContactTable } from '../../db/schema'
import type { LadderConfig } from '@shared/api/ladder'
import { inScope, visitInScope, type CaseScope } from '../access/scope'
import { visitDueWhere } from '../ladder/next-step'

/** Home visits and the address book of chain partners who come along. */

type PartnerValues = Omit<Insertable<PartnerContactTable>, 'id' | 'created_at'>

export async function listPartnerRows(db: Db) {
  return db.selectFrom('partner_contact').selectAll().orderBy('organisatie').orderBy('naam').execute()
}

export async function getPartner(db: Db, id: number) {
  return db.selectFrom('partner_contact').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updatePartner(db: Db, id: number, values: PartnerValues): Promise<void> {
  await db.updateTable('partner_contact').set(values).where('id', '=', id).execute()
}

export async function insertPartner(db: Db, values: PartnerValues, at: string): Promise<number> {
  const row = await db
    .insertInto('partner_contact')
    .values({ ...values, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Cases of a wijk in the scope whose plan says a visit is due (ladder/next-step.ts), in route order. */
export async function visitDueCases(
  db: Db,
  wijkId: number,
  scope: CaseScope,
  cfg: LadderConfig,
  today: string,
) {
  return db
    .selectFrom('vroegsignaalzaak as z')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .select([
      'z.id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'z.postcode',
      'z.household_id',
      'z.is_open',
      'z.niet_benaderen',
      'z.plan_stap',
      'z.plan_poging',
      'z.plan_datum',
      'z.plan_dagdeel',
    ])
    .where('z.wijk_id', '=', wijkId)
    .where(inScope(scope, 'z'))
    .where(visitDueWhere(cfg, today, 'z'))
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .limit(200)
    .execute()
}

/** The existing cases among `ids`, in route order (postcode, house number, addition). */
export async function casesInRouteOrder(db: Db, ids: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('vroegsignaalzaak as z')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .select(['z.id'])
    .where('z.id', 'in', ids)
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .execute()
  return rows.map((r) => r.id)
}

/** The visits of one day (in one wijk, or all) that the scope may see, in route order. */
export async function visitsOnDay(db: Db, datum: string, wijkId: number | null, scope: CaseScope) {
  let q = db
    .selectFrom('huisbezoek as b')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .leftJoin('wijk as w', 'w.id', 'b.wijk_id')
    .leftJoin('app_user as c', 'c.id', 'b.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'b.duo_user_id')
    .leftJoin('partner_contact as p', 'p.id', 'b.duo_partner_id')
    .select([
      'b.id',
      'b.case_id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'h.postcode',
      'b.datum',
      'b.tijd',
      'b.tijd_tot',
      'w.naam as wijk_naam',
      'c.naam as consulent_naam',
      'u.naam as duo_user',
      'p.naam as duo_partner',
      'p.organisatie as duo_org',
      'b.afmelden_voor',
      'b.status',
      'b.uitkomst',
      'b.afmelding_via',
      'b.afmelding_reden',
      'b.afmelding_op',
    ])
    .where('b.datum', '=', datum)
    .where(visitInScope(scope))
  if (wijkId !== null) q = q.where('b.wijk_id', '=', wijkId)
  return q.orderBy('h.postcode').orderBy('h.huisnummer').orderBy('h.toevoeging').orderBy('b.tijd').execute()
}

/** Which of these cases have a letter in the print queue for a visit on `datum`. */
export async function casesWithVisitLetter(db: Db, caseIds: number[], datum: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('print_item')
    .select('case_id')
    .where('case_id', 'in', caseIds)
    .where('bezoek_datum', '=', datum)
    .execute()
  return new Set(rows.map((r) => r.case_id))
}

export async function getVisit(db: Db, visitId: number) {
  return db.selectFrom('huisbezoek').selectAll().where('id', '=', visitId).executeTakeFirst()
}

export async function markVisitCalledOff(
  db: Db,
  visitId: number,
  via: string,
  reden: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('huisbezoek')
    .set({ status: 'afgemeld', afmelding_via: via, afmelding_reden: reden, afmelding_op: at })
    .where('id', '=', visitId)
    .execute()
}

export async function markVisitMade(
  db: Db,
  visitId: number,
  uitkomst: string,
  notitie: string,
): Promise<void> {
  await db
    .updateTable('huisbezoek')
    .set({ status: 'afgelegd', uitkomst, notitie })
    .where('id', '=', visitId)
    .execute()
}

export async function colleague(
  db: Db,
  userId: number,
): Promise<{ naam: string; actief: number } | undefined> {
  return db.selectFrom('app_user').select(['naam', 'actief']).where('id', '=', userId).executeTakeFirst()
}

/** The planned visits of a day that start before `tot`, with who makes them. */
export async function plannedVisitsBefore(db: Db, datum: string, tot: string) {
  return db
    .selectFrom('huisbezoek as b')
    .leftJoin('app_user as c', 'c.id', 'b.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'b.duo_user_id')
    .leftJoin('partner_contact as p', 'p.id', 'b.duo_partner_id')
    .select([
      'b.tijd',
      'b.tijd_tot',
      'b.consulent_id',
      'b.duo_user_id',
      'b.duo_partner_id',
      'c.naam as consulent',
      'u.naam as collega',
      'p.naam as partner',
    ])
    .where('b.datum', '=', datum)
    .where('b.status', '=', 'gepland')
    .where('b.tijd', '<', tot)
    .execute()
}

export async function caseToVisit(db: Db, caseId: number) {
  return db
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'case_number', 'is_open', 'niet_benaderen', 'consulent_id', 'wijk_id'])
    .where('id', '=', caseId)
    .executeTakeFirst()
}

/** A planned visit of the case, if any. */
export async function plannedVisitOf(
  db: Db,
  caseId: number,
): Promise<{ datum: string; tijd: string } | undefined> {
  return db
    .selectFrom('huisbezoek')
    .select(['datum', 'tijd'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'gepland')
    .executeTakeFirst()
}

/** The template with this id, or the one with this code. */
export async function templateId(db: Db, by: { id: number } | { code: string }): Promise<number | undefined> {
  const row = await db
    .selectFrom('document_template')
    .select('id')
    .where((eb) => ('id' in by ? eb('id', '=', by.id) : eb('code', '=', by.code)))
    .executeTakeFirst()
  return row?.id
}

export async function insertVisit(db: Db, visit: Insertable<HuisbezoekTable>): Promise<number> {
  const row = await db.insertInto('huisbezoek').values(visit).returning('id').executeTakeFirstOrThrow()
  return row.id
}
