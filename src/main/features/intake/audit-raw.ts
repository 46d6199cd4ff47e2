import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { GENESIS_HASH, sealEntry, type ChainedFields } from '../audit/chain'
import { insertMany } from './sql-batch'

/**
 * recordAudit for the raw batch path: the same rows, each sealed into the audit chain (the hash of
 * its fields and the previous entry's hash), written 100 to a statement.
 */
export function appendAudit(raw: BetterSqlite3.Database, entries: ChainedFields[]): void {
  if (entries.length === 0) return
  let prev =
    (raw.prepare('select hash from audit_log order by id desc limit 1').pluck().get() as
      string | null | undefined) ?? GENESIS_HASH
  const rows: unknown[][] = []
  for (const given of entries) {
    const { entry: e, hash } = sealEntry(prev, given)
    rows.push([e.at, e.user_id, e.action, e.entity_type, e.entity_id, e.summary, prev, hash])
    prev = hash
  }
  insertMany(
    raw,
    'audit_log',
    ['at', 'user_id', 'action', 'entity_type', 'entity_id', 'summary', 'prev_hash', 'hash'],
    rows,
  )
}
