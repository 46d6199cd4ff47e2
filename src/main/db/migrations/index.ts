import type { Migration } from 'kysely'
import * as m0001 from './0001_initial'

/**
 * Every migration, in order. Imported statically so they survive bundling.
 * Append only: a shipped migration is never edited.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
}
