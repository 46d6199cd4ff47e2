import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'

interface Row {
  id: number
  at: string
  user_id: number | null
  action: string
  entity_type: string
  entity_id: number | null
  summary: string
}

// The chain's hash as this migration sealed the existing entries, frozen here so no later edit
// of features/audit/chain.ts can change what it writes; a test keeps the two equal, since the
// logboek's check must go on accepting what this migration stored.
export const GENESIS_HASH = '0'.repeat(64)

export function auditHash(prevHash: string, e: Omit<Row, 'id'>): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at,
    e.user_id,
    e.action,
    e.entity_type,
    e.entity_id,
    e.summary,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

// Seals the audit trail: every entry carries the hash of the previous one. Existing entries
// are chained here, in id order, so the chain starts at the very first entry.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute()
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute()
  const rows = (await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'action', 'entity_type', 'entity_id', 'summary'])
    .orderBy('id')
    .execute()) as Row[]
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
