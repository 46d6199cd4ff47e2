import { dialectOf, idColumn } from './dialect'
import type { Kysely } from 'kysely'

/**
 * The register of carried-out deletion requests (a resident's right to erasure). A restored
 * backup from before a deletion would bring the person back; the app re-applies every entry when
 * it opens a database (features/retention/erasures.ts). The register is also kept as a file
 * beside the database, outside the backups, so a restore cannot roll it back.
 *
 * No personal data: a resident's row number and the moment that row was created (together they
 * name one row; row numbers are never reused, and a row made later never has the same moment).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('erasure_register')
    .addColumn('id', 'integer', idColumn(d))
    /** When the request was carried out. */
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'integer', (c) => c.notNull())
    .addColumn('resident_created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('erasure_register_row', ['resident_id', 'resident_created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erasure_register').execute()
}
