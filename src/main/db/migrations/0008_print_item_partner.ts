import type { Kysely } from 'kysely'

// A home visit can be made with a chain-partner contact instead of a colleague: the announcement
// letter then names that person and organisation. Adds a nullable column; existing rows keep null.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('print_item')
    .addColumn('partner_contact_id', 'integer', (c) => c.references('partner_contact.id'))
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0008 cannot be undone')
}
