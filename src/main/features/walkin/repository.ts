import type { Insertable } from 'kysely'
import type { Db } from '../../db/database'
import type { WalkinBezoekTable } from '../../db/schema'
import { prefixUpperBound, type ParsedSearch } from '../caseload/search'

/** The walk-in hour's reads (visitors, today's visits) and its writes (the session, a visit). */

type VisitorSearch = Exclude<ParsedSearch, { kind: 'none' } | { kind: 'houseNumber' }>

/**
 * Residents matching the search, newest first, at most `limit`. Every variant starts from an
 * index on the typed value, so it stays fast on a big database.
 */
export async function findVisitors(
  db: Db,
  parsed: VisitorSearch,
  birthDate: string | null,
  limit: number,
): Promise<{ id: number; household_id: number }[]> {
  let q = db.selectFrom('resident').select(['resident.id', 'resident.household_id'])
  switch (parsed.kind) {
    case 'caseNumber':
      q = q.where(
        'resident.household_id',
        'in',
        db.selectFrom('vroegsignaalzaak').select('household_id').where('case_number', '=', parsed.value),
      )
      break
    case 'postcode':
    case 'pc4': {
      let hh = db.selectFrom('household').select('household.id')
      if (parsed.kind === 'postcode') {
        hh = hh.where('household.postcode', '=', parsed.postcode)
        if (parsed.toevoeging !== null) hh = hh.where('household.toevoeging', '=', parsed.toevoeging)
      } else
        hh = hh
          .where('household.postcode', '>=', parsed.pc4)
          .where('household.postcode', '<', String(Number(parsed.pc4) + 1))
      if (parsed.huisnummer !== null) hh = hh.where('household.huisnummer', '=', parsed.huisnummer)
      q = q.where('resident.household_id', 'in', hh)
      break
    }
    case 'birthDate':
      q = q.where('resident.geboortedatum', '=', parsed.date)
      break
    case 'surname':
      q = q
        .where('resident.achternaam_key', '>=', parsed.keyPrefix)
        .where('resident.achternaam_key', '<', prefixUpperBound(parsed.keyPrefix))
      if (birthDate) q = q.where('resident.geboortedatum', '=', birthDate)
      break
  }
  return q.orderBy('resident.id', 'desc').limit(limit).execute()
}

/** The found residents, their homes, and every case of those homes with its consulent's name. */
export async function visitorDetails(db: Db, residentIds: number[], householdIds: number[]) {
  return Promise.all([
    db
      .selectFrom('resident')
      .select(['id', 'household_id', 'voorletters', 'tussenvoegsel', 'achternaam', 'geboortedatum'])
      .where('id', 'in', residentIds)
      .execute(),
    db
      .selectFrom('household')
      .select(['id', 'straat', 'huisnummer', 'toevoeging', 'postcode', 'plaats', 'niet_benaderen'])
      .where('id', 'in', householdIds)
      .execute(),
    db
      .selectFrom('vroegsignaalzaak as z')
      .leftJoin('app_user as u', 'u.id', 'z.consulent_id')
      .select([
        'z.id',
        'z.household_id',
        'z.case_number',
        'z.is_open',
        'z.niet_benaderen',
        'z.plan_stap',
        'z.plan_poging',
        'z.plan_datum',
        'z.plan_dagdeel',
        'u.naam',
      ])
      .where('z.household_id', 'in', householdIds)
      .execute(),
  ])
}

/** The visits registered on this day, in order, with their case and who registered them. */
export async function visitsOfDay(db: Db, datum: string) {
  return db
    .selectFrom('walkin_bezoek as b')
    .innerJoin('walkin_sessie as s', 's.id', 'b.sessie_id')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.tijd',
      'b.case_id',
      'z.case_number',
      'z.display_name',
      'b.nieuwe_zaak',
      'b.urgentie',
      'b.urgentie_datum',
      'b.vervolgstap',
      'u.naam',
    ])
    .where('s.datum', '=', datum)
    .orderBy('b.id')
    .execute()
}

export async function getResident(db: Db, residentId: number) {
  return db.selectFrom('resident').selectAll().where('id', '=', residentId).executeTakeFirstOrThrow()
}

export async function residentHome(
  db: Db,
  residentId: number,
): Promise<{ id: number; household_id: number } | undefined> {
  return db
    .selectFrom('resident')
    .select(['id', 'household_id'])
    .where('id', '=', residentId)
    .executeTakeFirst()
}

/** The household's open case (the newest, should there be two). */
export async function openCaseOf(db: Db, householdId: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('vroegsignaalzaak')
    .select('id')
    .where('household_id', '=', householdId)
    .where('is_open', '=', 1)
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

export async function caseDoNotApproach(db: Db, caseId: number): Promise<boolean> {
  const zaak = await db
    .selectFrom('vroegsignaalzaak')
    .select('niet_benaderen')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  return zaak.niet_benaderen !== 0
}

/** Today's walk-in session, made on the first visit of the day. */
export async function sessionOfDay(db: Db, datum: string, at: string, by: number | null): Promise<number> {
  const sessie = await db
    .selectFrom('walkin_sessie')
    .select('id')
    .where('datum', '=', datum)
    .executeTakeFirst()
  if (sessie) return sessie.id
  const made = await db
    .insertInto('walkin_sessie')
    .values({ datum, created_at: at, created_by: by })
    .returning('id')
    .executeTakeFirstOrThrow()
  return made.id
}

export async function insertWalkinVisit(db: Db, visit: Insertable<WalkinBezoekTable>): Promise<void> {
  await db.insertInto('walkin_bezoek').values(visit).execute()
}
