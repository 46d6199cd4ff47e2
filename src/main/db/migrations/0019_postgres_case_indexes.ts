import { sql, type Kysely } from 'kysely'
import { dialectOf, inTransaction } from './dialect'

/**
 * Two indexes of vroegsignaalzaak made again on PostgreSQL to hold what SQLite's hold already
 * (issue 19, the benchmarks on PostgreSQL). SQLite keeps its own, unchanged.
 *
 * - zaak_plan_idx (consulent_id, is_open, plan_datum): on SQLite every index ends in the rowid,
 *   which is the id, so Vandaag's `order by plan_datum, id limit 501` reads it in order and stops.
 *   PostgreSQL's index has no id, so it sorted all of a consulent's due cases first. Made again
 *   as (consulent_id, is_open, plan_datum, id).
 * - zaak_household_idx (household_id, is_open): a caseload search by surname, birth date or
 *   address finds households first and then their cases. SQLite's count of those cases reads
 *   only this index; PostgreSQL has to visit every case row to test the consulent's scope
 *   (consulent_id or wijk_id). Made again with consulent_id, wijk_id and datum_opgepakt carried
 *   in the index (`include`), so the count in a consulent's own view reads the index only.
 *
 * Same names as on SQLite, so a plan or a comment means the same index on either store. On a
 * filled database the two indexes are built in the migration's transaction (writes to cases wait
 * for it: about a second per 100,000 cases).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await inTransaction(db, async (trx) => {
    const run = (q: string) => sql.raw(q).execute(trx)
    await run('drop index zaak_plan_idx')
    await run('create index zaak_plan_idx on vroegsignaalzaak (consulent_id, is_open, plan_datum, id)')
    await run('drop index zaak_household_idx')
    await run(
      'create index zaak_household_idx on vroegsignaalzaak (household_id, is_open) include (consulent_id, wijk_id, datum_opgepakt)',
    )
  })
}
