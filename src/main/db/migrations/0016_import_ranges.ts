import { sql, type Kysely } from 'kysely'

/**
 * The import's undo record, smaller and exact (issue 12).
 *
 * - import_range: the cases, households and residents an import run created, as one id range
 *   per kind. A run writes in one transaction with no other writer, and these tables use
 *   AUTOINCREMENT (ids are never reused), so the range is exactly what the run made: one row
 *   instead of one per created row. import_effect stays for what is added one at a time later.
 * - import_resident_before: the phone number, e-mail, BSN and birth date an import changed on a
 *   resident who was already known, as they were before and as the import set them, so undoing
 *   the import puts back what it changed (and leaves what someone changed after it).
 * - signaal_intake_signal_idx indexed the table's own primary key (signal_id is the rowid): a
 *   second copy of every key to write on every imported row, and never a better plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_range')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('import_range_idx').on('import_range').column('import_id').execute()

  await db.schema
    .createTable('import_resident_before')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('resident.id').onDelete('cascade'))
    .addColumn('telefoon', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('bsn', 'text')
    .addColumn('geboortedatum', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('set_telefoon', 'text', (c) => c.notNull())
    .addColumn('set_email', 'text', (c) => c.notNull())
    .addColumn('set_bsn', 'text')
    .addColumn('set_geboortedatum', 'text')
    .addPrimaryKeyConstraint('import_resident_before_pk', ['import_id', 'resident_id'])
    .execute()
  await db.schema
    .createIndex('import_resident_before_resident_idx')
    .on('import_resident_before')
    .column('resident_id')
    .execute()

  await sql`drop index signaal_intake_signal_idx`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0013_import_ranges cannot be undone')
}
