import type { Generated } from 'kysely'

/**
 * Retention (migration 0011): the log of purge runs and the anonymous DDAS archive that keeps a
 * delivery possible after personal data are deleted; the erasure register (migration 0012).
 */

export interface RetentionRunTable {
  id: Generated<number>
  at: string
  soort: 'automatisch' | 'handmatig'
  user_id: number | null
  periods_json: string
  counts_json: string
  total: number
}

export interface RetentionDdasCaseTable {
  case_id: number
  datum_opgepakt: string
  resultaat: string | null
}

export interface RetentionDdasSignalTable {
  signal_id: number
  case_id: number | null
  partner_type: string
  bedrag_euro: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: number
  warme_overdracht: number
  status: string | null
}

export interface RetentionDdasAttemptTable {
  attempt_id: number
  case_id: number
  soort: string
  bereikt: number
  datum: string
  dagdeel: string
}

/** Migration 0012: carried-out deletion requests, re-applied after a restore (erasures.ts). */
export interface ErasureRegisterTable {
  id: Generated<number>
  at: string
  resident_id: number
  resident_created_at: string
}
