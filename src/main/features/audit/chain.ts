import { createHash } from 'node:crypto'
import { cleanText } from '@shared/format/text'

/** The fields of an audit entry that its hash seals, in a fixed order. */
export interface ChainedFields {
  at: string
  user_id: number | null
  action: string
  entity_type: string
  entity_id: number | null
  summary: string
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * Each entry's hash covers its own fields and the previous entry's hash, so changing, removing
 * or inserting an entry anywhere breaks every hash after it.
 */
export function auditHash(prevHash: string, e: ChainedFields): string {
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

/**
 * The entry as it is stored, and its hash over exactly that: every path that writes the trail
 * goes through here. A lone surrogate would be stored as bytes that read back as replacement
 * characters (a false alarm at the next check), and a bidi override would make the logboek show
 * a summary in another order than it was written: texts are cleaned first, whatever path they
 * came by.
 */
export function sealEntry<E extends ChainedFields>(prevHash: string, e: E): { entry: E; hash: string } {
  const entry = { ...e, action: cleanText(e.action), summary: cleanText(e.summary) }
  return { entry, hash: auditHash(prevHash, entry) }
}

export interface ChainRow extends ChainedFields {
  id: number
  prev_hash: string | null
  hash: string | null
}

export type ChainVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number; reason: string }

/** Walks the chain in id order and reports the first entry that does not match. */
export function verifyRows(rows: Iterable<ChainRow>): ChainVerdict {
  let prev = GENESIS_HASH
  let n = 0
  for (const r of rows) {
    n++
    if (r.prev_hash !== prev)
      return {
        ok: false,
        entries: n,
        brokenAtId: r.id,
        reason: 'de koppeling met de vorige regel klopt niet',
      }
    if (r.hash !== auditHash(prev, r))
      return { ok: false, entries: n, brokenAtId: r.id, reason: 'de inhoud van de regel is gewijzigd' }
    prev = r.hash
  }
  return { ok: true, entries: n }
}
