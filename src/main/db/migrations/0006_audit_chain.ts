import type { Kysely } from 'kysely'
import { auditHash, GENESIS_HASH, type ChainRow } from '../../features/audit/chain'

// Seals the audit trail: every entry carries the hash of the previous one. Existing entries
// are chained here, in id order, so the chain starts at the very first entry.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute()
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute()
  const rows = (await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'action', 'entity_type', 'entity_id', 'summary'])
    .orderBy('id')
    .execute()) as ChainRow[]
  let prev = GENESIS_HASH
  for (const r of rows) {
    const hash = auditHash(prev, r)
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute()
    prev = hash
  }
  await db.schema.createIndex('audit_at_idx').on('audit_log').column('at').execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0006 cannot be undone')
}
