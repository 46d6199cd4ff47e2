import type { Db } from '../../db/database'

/** What the access rules read to place a method's input in a wijk: cases, visits, signals, rows. */

/** Bound parameters per statement are limited in SQLite: long id lists are read in chunks. */
const CHUNK = 500

/** The wijk and consulent of each existing case among `ids` (a missing id has no row). */
export async function casePlaces(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; wijk_id: number | null; consulent_id: number | null }[]> {
  const rows: { id: number; wijk_id: number | null; consulent_id: number | null }[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('vroegsignaalzaak')
        .select(['id', 'wijk_id', 'consulent_id'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    )
  }
  return rows
}

export async function userWijkIds(db: Db, userId: number): Promise<number[]> {
  const wijken = await db.selectFrom('user_wijk').select('wijk_id').where('user_id', '=', userId).execute()
  return wijken.map((w) => w.wijk_id)
}

/** The case of each print item. */
export async function casesOfItems(db: Db, itemIds: number[]): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('print_item')
      .select('case_id')
      .where('id', 'in', itemIds.slice(i, i + CHUNK))
      .execute()
    out.push(...rows.map((r) => r.case_id))
  }
  return out
}

export async function casesOfBatch(db: Db, batchId: number): Promise<number[]> {
  const rows = await db.selectFrom('print_item').select('case_id').where('batch_id', '=', batchId).execute()
  return rows.map((r) => r.case_id)
}

/** The case of a visit and the two who make it. */
export async function visitPeople(
  db: Db,
  visitId: number,
): Promise<{ case_id: number; consulent_id: number | null; duo_user_id: number | null } | undefined> {
  return db
    .selectFrom('huisbezoek')
    .select(['case_id', 'consulent_id', 'duo_user_id'])
    .where('id', '=', visitId)
    .executeTakeFirst()
}

/** The raw row of a correction-list entry, as read from the file. */
/** The raw values of correction rows (at most a few hundred ids a call). */
export async function problemsValues(
  db: Db,
  problemIds: readonly number[],
): Promise<{ values_json: string }[]> {
  return db.selectFrom('import_problem').select('values_json').where('id', 'in', problemIds).execute()
}

/** A signal's case (with its wijk and consulent) and its household's wijk. */
export async function signalPlace(db: Db, signalId: number) {
  return db
    .selectFrom('vroegsignaal as s')
    .innerJoin('household as h', 'h.id', 's.household_id')
    .leftJoin('vroegsignaalzaak as z', 'z.id', 's.case_id')
    .select(['s.case_id', 'h.wijk_id as household_wijk', 'z.wijk_id', 'z.consulent_id'])
    .where('s.id', '=', signalId)
    .executeTakeFirst()
}
