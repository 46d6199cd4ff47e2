import { sql, type Kysely } from 'kysely'
import { dialectOf, insertOrIgnoreSql } from './dialect'

/**
 * The monitor's daily summary (issue 6: the dashboard for a year must compute in under 300 ms
 * over a million signals; reading one fact row per case took seconds).
 *
 * - monitor_daily: per day (the day a case was picked up; for tabel 'signaal' the signal date),
 *   per breakdown table and row, the sums of the anonymous facts: cases (n), reached, help
 *   accepted, and the extra counts per channel. Ages are kept in whole years and amounts in steps
 *   of 10 euros, so configured bands still apply; 'dagen' is a histogram of days to first contact.
 *   Anonymous like the facts it sums, and kept equal to them by refreshFacts.
 * - an index on the case facts by amount, for bands whose limit falls inside a 10-euro step.
 *
 * The table is filled by the next refreshFacts (a 'daily' row in monitor_dirty asks for that), so
 * the summing lives in one place (features/monitor/facts.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('monitor_daily')
    .addColumn('dag', 'text', (c) => c.notNull())
    .addColumn('tabel', 'text', (c) => c.notNull())
    .addColumn('groep', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('bereikt', 'integer', (c) => c.notNull())
    .addColumn('hulp', 'integer', (c) => c.notNull())
    .addColumn('via', 'integer', (c) => c.notNull())
    .addColumn('eerste', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_daily_pk', ['dag', 'tabel', 'groep'])
    // SQLite keeps the rows in the key's order; PostgreSQL has no such table kind (its heap and
    // the key's index do the same work).
    .$call((t) => (d === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute()
  await db.schema
    .createIndex('monitor_case_fact_bedrag_idx')
    .on('monitor_case_fact')
    .columns(['bedrag_euro', 'datum_opgepakt', 'opgepakt', 'bereikt'])
    .execute()
  await sql.raw(insertOrIgnoreSql(d, 'monitor_dirty', `(kind, ref_id) values ('daily', 0)`)).execute(db)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0007_monitor_daily cannot be undone')
}
