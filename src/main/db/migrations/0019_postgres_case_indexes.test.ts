import { describe, expect, it } from 'vitest'
import { Migrator, sql } from 'kysely'
import { openDatabase, type Db, type OpenedDatabase } from '../database'
import { openPostgres } from '../postgres'
import { freshTestDatabase, testStoreIsPostgres } from '../../test/postgres'
import { migrations } from './index'

/** An empty database on the store under test, not yet migrated. */
async function emptyDatabase(): Promise<OpenedDatabase> {
  return testStoreIsPostgres()
    ? openPostgres(await freshTestDatabase({ empty: true }))
    : openDatabase(':memory:')
}

/** Every index of vroegsignaalzaak, as the store writes it out. */
async function caseIndexes(db: Db): Promise<string[]> {
  const rows = testStoreIsPostgres()
    ? (
        await sql<{ def: string }>`select indexdef as def from pg_indexes
          where schemaname = current_schema() and tablename = 'vroegsignaalzaak' order by indexname`.execute(
          db,
        )
      ).rows
    : (
        await sql<{ def: string }>`select sql as def from sqlite_master
          where type = 'index' and tbl_name = 'vroegsignaalzaak' and sql is not null order by name`.execute(
          db,
        )
      ).rows
  return rows.map((r) => r.def)
}

describe('migration 0019_postgres_case_indexes', () => {
  it("makes PostgreSQL's Vandaag index hold what SQLite's holds, in place on a filled database, and leaves SQLite as it was", async () => {
    const { db, close } = await emptyDatabase()
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo('0018_case_version')).error).toBeUndefined()
      await sql`insert into app_user (id, naam, rol, created_at) values (1, 'Anouk', 'consulent', 'x')`.execute(
        db,
      )
      await sql`insert into household (id, postcode, huisnummer, straat, plaats, created_at)
        values (1, '6041AB', 1, 'Markt', 'Roermond', 'x')`.execute(db)
      // Forty open cases of one consulent, due on four days, inserted out of id order.
      for (let i = 40; i >= 1; i--)
        await sql`insert into vroegsignaalzaak (id, case_number, household_id, consulent_id, status, is_open, datum_opgepakt,
            display_name, sort_name, postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, created_at)
          values (${i}, ${`LA-${i}`}, 1, 1, 'nieuw', 1, '2026-10-05', '', '', '6041AB', '', '', 1, 0, '2026-10-01', 'x')`.execute(
          db,
        )
      await sql`update vroegsignaalzaak set plan_datum = '2026-11-0' || (1 + id % 4)`.execute(db)
      const before = await caseIndexes(db)

      expect((await migrator.migrateToLatest()).error).toBeUndefined()
      const after = await caseIndexes(db)
      const due = await db
        .selectFrom('vroegsignaalzaak')
        .select('id')
        .where('consulent_id', '=', 1)
        .where('is_open', '=', 1)
        .where('plan_datum', '<=', '2026-11-03')
        .orderBy('plan_datum')
        .orderBy('id')
        .limit(5)
        .execute()
      // The rows are there, in the order Vandaag reads them.
      expect(due.map((r) => r.id)).toEqual([4, 8, 12, 16, 20])

      if (!testStoreIsPostgres()) {
        expect(after).toEqual(before)
        return
      }
      expect(after.filter((d) => d.includes('zaak_plan_idx'))).toEqual([
        'CREATE INDEX zaak_plan_idx ON public.vroegsignaalzaak USING btree (consulent_id, is_open, plan_datum, id)',
      ])
      expect(after.filter((d) => !d.includes('zaak_plan_idx'))).toEqual(
        before.filter((d) => !d.includes('zaak_plan_idx')),
      )
      const stats = await sql<{ name: string }>`select stxname as name from pg_statistic_ext
        where stxrelid = 'vroegsignaalzaak'::regclass`.execute(db)
      expect(stats.rows.map((r) => r.name)).toEqual(['zaak_plan_stats'])
      // Vandaag's row limit reads the index in order and stops: no sort of every due case.
      await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx)
        await sql`set local enable_bitmapscan = off`.execute(trx)
        const plan = (
          await sql<{ 'QUERY PLAN': string }>`explain (costs off) select id from vroegsignaalzaak
            where consulent_id = 1 and is_open = 1 and plan_datum <= '2026-11-03' order by plan_datum, id limit 5`.execute(
            trx,
          )
        ).rows.map((r) => r['QUERY PLAN'])
        expect(plan.join('\n')).toMatch(/Index (Only )?Scan using zaak_plan_idx/)
        expect(plan.join('\n')).not.toMatch(/Sort/)
      })
    } finally {
      await close()
    }
  })
})
