import { dialectOf, idColumn } from './dialect'
import type { Kysely } from 'kysely'

/**
 * The collections CBS made through the DDAS-VS API (issue 22): one row per answered page, so the
 * Monitor can list the last ones without reading the logboek's text. No personal data: who
 * collected (the token's client id), the period, the page and the counts. Every row also has its
 * entry in the logboek (audit_log), written in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('ddas_vs_collection')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('van', 'text', (c) => c.notNull())
    .addColumn('tot', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('total_pages', 'integer', (c) => c.notNull())
    .addColumn('signals', 'integer', (c) => c.notNull())
    .addColumn('total_signals', 'integer', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ddas_vs_collection').execute()
}
