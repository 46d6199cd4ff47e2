import type { Generated } from 'kysely'

/** One page CBS collected through the DDAS-VS API (migration 0015); no personal data. */
export interface DdasVsCollectionTable {
  id: Generated<number>
  at: string
  client_id: string
  van: string
  tot: string
  page: number
  total_pages: number
  signals: number
  total_signals: number
  cases: number
}
