import { dialectOf, idColumn } from './dialect'
import type { Kysely } from 'kysely'

/**
 * Retention (issue 7). Table types live in src/main/db/schema/retention.ts.
 *
 * - retention_run: one row per purge (automatic or by hand): when, by whom, the periods that
 *   applied and the counts per kind. Counts and dates only, never names.
 * - retention_ddas_signal / _case / _attempt: what the DDAS delivery of a past period needs of a
 *   signal, case or contact attempt whose personal data were deleted. Anonymous: no name,
 *   address, birth date, BSN, partner reference (extern_id) or free text; the ids are this
 *   database's own row numbers, which point at nothing once the rows are gone. A later delivery
 *   of a past period then still counts every signal and case (see monitor/ddas.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('retention_run')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('at', 'text', (c) => c.notNull())
    /** 'automatisch' (at start and daily) or 'handmatig' (the Nu opschonen button). */
    .addColumn('soort', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    /** JSON: the periods in months and the cut-off date per kind. */
    .addColumn('periods_json', 'text', (c) => c.notNull())
    /** JSON: rows deleted per kind (signals, cases, residents, households, attempts, ...). */
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('retention_run_at_idx').on('retention_run').columns(['soort', 'at']).execute()

  await db.schema
    .createTable('retention_ddas_case')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .addColumn('datum_opgepakt', 'text', (c) => c.notNull())
    .addColumn('resultaat', 'text')
    .execute()
  await db.schema
    .createIndex('retention_ddas_case_date_idx')
    .on('retention_ddas_case')
    .column('datum_opgepakt')
    .execute()

  await db.schema
    .createTable('retention_ddas_signal')
    .addColumn('signal_id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer')
    .addColumn('partner_type', 'text', (c) => c.notNull())
    .addColumn('bedrag_euro', 'integer', (c) => c.notNull())
    .addColumn('ontstaansdatum', 'text')
    .addColumn('signaaldatum', 'text', (c) => c.notNull())
    .addColumn('crisis', 'integer', (c) => c.notNull())
    .addColumn('warme_overdracht', 'integer', (c) => c.notNull())
    .addColumn('status', 'text')
    .execute()
  await db.schema
    .createIndex('retention_ddas_signal_date_idx')
    .on('retention_ddas_signal')
    .column('signaaldatum')
    .execute()
  await db.schema
    .createIndex('retention_ddas_signal_case_idx')
    .on('retention_ddas_signal')
    .column('case_id')
    .execute()

  await db.schema
    .createTable('retention_ddas_attempt')
    .addColumn('attempt_id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('soort', 'text', (c) => c.notNull())
    .addColumn('bereikt', 'integer', (c) => c.notNull())
    .addColumn('datum', 'text', (c) => c.notNull())
    .addColumn('dagdeel', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('retention_ddas_attempt_case_idx')
    .on('retention_ddas_attempt')
    .column('case_id')
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0011_retention cannot be undone')
}
