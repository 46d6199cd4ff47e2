import type { z } from 'zod'
import { sql, type SelectQueryBuilder } from 'kysely'
import type { Db } from '../../db/database'
import type { Database } from '../../db/schema'
import type { caseloadQuery } from '@shared/api/caseload'
import { addDays } from '@shared/format/dates'
import type { LadderConfig } from '@shared/api/ladder'
import { visitDueWhere } from '../ladder/next-step'
import { inScope, type CaseScope } from '../access/scope'
import { prefixUpperBound, type ParsedSearch } from './search'
import { nextVersion } from '../dossier/version'

export type CaseloadQuery = z.output<typeof caseloadQuery>
type ZaakQuery = SelectQueryBuilder<Database, 'vroegsignaalzaak', object>
type Query = CaseloadQuery

function applyFilters(
  db: Db,
  q: ZaakQuery,
  f: Query,
  search: ParsedSearch,
  today: string,
  cfg: LadderConfig | null,
): ZaakQuery {
  if (f.consulent === 'geen') q = q.where('vroegsignaalzaak.consulent_id', 'is', null)
  else if (f.consulent !== undefined) q = q.where('vroegsignaalzaak.consulent_id', '=', f.consulent)
  if (f.wijkId !== undefined) q = q.where('vroegsignaalzaak.wijk_id', '=', f.wijkId)
  // A search that names households (postcode, birth date, surname...) must drive the lookup:
  // without statistics SQLite would rather walk every open case in date order and test each one
  // against the search, which is slow when few match. The unary + keeps is_open from steering
  // the choice of index; the household set then leads, with or without ANALYZE (src/main/bench.ts).
  const isOpen =
    search.kind === 'none' || search.kind === 'caseNumber'
      ? sql.ref('vroegsignaalzaak.is_open')
      : sql`+"vroegsignaalzaak"."is_open"`
  if (f.status === 'open') q = q.where(isOpen, '=', 1)
  else if (f.status === 'gesloten') q = q.where(isOpen, '=', 0)
  else if (f.status !== 'alle') q = q.where(isOpen, '=', 1).where('vroegsignaalzaak.status', '=', f.status)
  if (f.partnerType) {
    const type = f.partnerType
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('vroegsignaal')
          .select('vroegsignaal.id')
          .whereRef('vroegsignaal.case_id', '=', 'vroegsignaalzaak.id')
          .where('vroegsignaal.partner_type', '=', type),
      ),
    )
  }
  if (f.stap === 'huisbezoek') {
    if (!cfg) throw new Error('the home-visit filter needs the ladder settings')
    q = q.where(visitDueWhere(cfg, today, 'vroegsignaalzaak'))
  }
  if (f.leeftijd === 'week') q = q.where('vroegsignaalzaak.datum_opgepakt', '>', addDays(today, -7))
  else if (f.leeftijd === 'maand')
    q = q
      .where('vroegsignaalzaak.datum_opgepakt', '<=', addDays(today, -7))
      .where('vroegsignaalzaak.datum_opgepakt', '>', addDays(today, -28))
  else if (f.leeftijd === 'ouder') q = q.where('vroegsignaalzaak.datum_opgepakt', '<=', addDays(today, -28))

  switch (search.kind) {
    case 'none':
      break
    case 'caseNumber':
      q = q.where('vroegsignaalzaak.case_number', '=', search.value)
      break
    case 'postcode': {
      let hh = db
        .selectFrom('household')
        .select('household.id')
        .where('household.postcode', '=', search.postcode)
      if (search.huisnummer !== null) hh = hh.where('household.huisnummer', '=', search.huisnummer)
      if (search.toevoeging !== null) hh = hh.where('household.toevoeging', '=', search.toevoeging)
      q = q.where('vroegsignaalzaak.household_id', 'in', hh)
      break
    }
    case 'pc4': {
      const next = String(Number(search.pc4) + 1)
      let hh = db
        .selectFrom('household')
        .select('household.id')
        .where('household.postcode', '>=', search.pc4)
        .where('household.postcode', '<', next)
      if (search.huisnummer !== null) hh = hh.where('household.huisnummer', '=', search.huisnummer)
      q = q.where('vroegsignaalzaak.household_id', 'in', hh)
      break
    }
    case 'houseNumber':
      q = q.where(
        'vroegsignaalzaak.household_id',
        'in',
        db
          .selectFrom('household')
          .select('household.id')
          .where('household.huisnummer', '=', search.huisnummer),
      )
      break
    case 'birthDate':
      q = q.where(
        'vroegsignaalzaak.household_id',
        'in',
        db
          .selectFrom('resident')
          .select('resident.household_id')
          .where('resident.geboortedatum', '=', search.date),
      )
      break
    case 'surname': {
      let residents = db
        .selectFrom('resident')
        .select('resident.household_id')
        .where('resident.achternaam_key', '>=', search.keyPrefix)
        .where('resident.achternaam_key', '<', prefixUpperBound(search.keyPrefix))
      // Only open cases wanted: skip the (many) households whose cases are all closed, through
      // resident_open_name_idx. A common surname otherwise costs thousands of index probes.
      if (f.status !== 'alle' && f.status !== 'gesloten')
        residents = residents.where('resident.has_open_case', '=', 1)
      q = q.where('vroegsignaalzaak.household_id', 'in', residents)
      break
    }
  }
  return q
}

/**
 * One page of case rows for the filters, search and scope, sorted, and the total for the same.
 * `cfg`, the ladder settings, is needed (and required) only for the due-home-visit filter.
 */
export async function caseloadPage(
  db: Db,
  f: Query,
  search: ParsedSearch,
  today: string,
  cfg: LadderConfig | null,
  scope: CaseScope,
) {
  const base = applyFilters(db, db.selectFrom('vroegsignaalzaak'), f, search, today, cfg).where(
    inScope(scope),
  )
  let rowsQ = base.select([
    'vroegsignaalzaak.id',
    'case_number',
    'display_name',
    'adres',
    'postcode',
    'wijk_id',
    'consulent_id',
    'status',
    'partner_types',
    'signal_count',
    'total_amount_cents',
    'datum_opgepakt',
    'latest_signal_date',
    'crisis',
    'is_demo',
    'household_id',
    'is_open',
    'plan_stap',
    'plan_poging',
    'plan_datum',
    'plan_dagdeel',
    'niet_benaderen',
  ])
  switch (f.sort) {
    case 'nieuwste':
      rowsQ = rowsQ.orderBy('datum_opgepakt', 'desc').orderBy('vroegsignaalzaak.id', 'desc')
      break
    case 'oudste':
      rowsQ = rowsQ.orderBy('datum_opgepakt', 'asc').orderBy('vroegsignaalzaak.id', 'asc')
      break
    case 'bedrag':
      rowsQ = rowsQ.orderBy('total_amount_cents', 'desc').orderBy('vroegsignaalzaak.id', 'desc')
      break
    case 'naam':
      rowsQ = rowsQ.orderBy('sort_name', 'asc').orderBy('vroegsignaalzaak.id', 'asc')
      break
    case 'postcode':
      rowsQ = rowsQ.orderBy('postcode', 'asc').orderBy('adres', 'asc').orderBy('vroegsignaalzaak.id', 'asc')
      break
  }
  // The page and its count side by side: on PostgreSQL two pool connections, one round trip of
  // waiting instead of two; SQLite runs them one after the other as before.
  const [rows, { n }] = await Promise.all([
    rowsQ
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, n: Number(n) }
}

/** Every wijk's and colleague's name by id, for the rows of a page. */
export async function teamNames(db: Db) {
  const [wijken, users] = await Promise.all([
    db.selectFrom('wijk').select(['id', 'naam']).execute(),
    db.selectFrom('app_user').select(['id', 'naam']).execute(),
  ])
  return {
    wijken: new Map(wijken.map((w) => [w.id, w.naam])),
    users: new Map(users.map((u) => [u.id, u.naam])),
  }
}

// --- the distribution of cases over the consulenten (distribution.ts) ---

/** The active consulenten, their wijken, and the open cases per consulent and status. */
export async function consulentLoads(db: Db) {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'naam'])
    .where('rol', '=', 'consulent')
    .where('actief', '=', 1)
    .orderBy('naam')
    .execute()
  const wijken = await db
    .selectFrom('user_wijk')
    .innerJoin('wijk', 'wijk.id', 'user_wijk.wijk_id')
    .select(['user_wijk.user_id', 'wijk.naam'])
    .orderBy('wijk.naam')
    .execute()
  const counts = await db
    .selectFrom('vroegsignaalzaak')
    .select(['consulent_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .groupBy(['consulent_id', 'status'])
    .execute()
  return { users, wijken, counts }
}

/** Open cases of a consulent (or of nobody active: 'geen') within the scope, newest first, at most 500. */
export async function openCasesQuery(db: Db, consulentId: number | 'geen', scope: CaseScope) {
  let q = db
    .selectFrom('vroegsignaalzaak as z')
    .leftJoin('wijk as w', 'w.id', 'z.wijk_id')
    .select([
      'z.id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'z.postcode',
      'w.naam as wijk',
      'z.datum_opgepakt',
      'z.status',
    ])
    .where('z.is_open', '=', 1)
    .where(inScope(scope, 'z'))
    .orderBy('z.datum_opgepakt', 'desc')
    .orderBy('z.id', 'desc')
    .limit(500)
  if (consulentId === 'geen')
    q = q.where((eb) =>
      eb.or([
        eb('z.consulent_id', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('app_user as u')
              .select('u.id')
              .whereRef('u.id', '=', 'z.consulent_id')
              .where('u.actief', '=', 1),
          ),
        ),
      ]),
    )
  else q = q.where('z.consulent_id', '=', consulentId)
  return q.execute()
}

export async function userRole(db: Db, consulentId: number) {
  return db
    .selectFrom('app_user')
    .select(['naam', 'rol', 'actief'])
    .where('id', '=', consulentId)
    .executeTakeFirst()
}

export async function casesOpen(db: Db, caseIds: number[]) {
  return db.selectFrom('vroegsignaalzaak').select(['id', 'is_open']).where('id', 'in', caseIds).execute()
}

export async function assignCases(db: Db, caseIds: number[], consulentId: number): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({ consulent_id: consulentId, versie: nextVersion })
    .where('id', 'in', caseIds)
    .execute()
}
