import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Db } from '../db/database'
import type { PostgresOptions } from '../db/postgres'

/**
 * What the backup feature needs beyond the database: the data folder, the key, and a way to
 * swap the database file while the app keeps running. Given to handlers through the context.
 */
export interface Maintenance {
  /** The data folder, or null for an in-memory database (tests): no backups there. */
  dataDir: string | null
  /** The SQLite file; null in memory and on PostgreSQL (nothing to copy or swap). */
  databaseFile: string | null
  /** The data folder's key: the database's on SQLite, the export backups' on PostgreSQL (may be null there). */
  key: string | null
  /** The PostgreSQL database and how to reach it (the import worker opens its own pool), else null. */
  postgres: { url: string; options: PostgresOptions } | null
  /** Which store the services run on: file backups on SQLite, export backups on PostgreSQL. */
  store: 'sqlite' | 'postgres'
  /** The current connection; it changes when the database file is swapped. */
  raw(): BetterSqlite3.Database
  db(): Db
  /**
   * Runs `fn` alone: first waits until no other call is running (the calling handler aside),
   * and calls that arrive meanwhile wait until `fn` is done.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /**
   * Only inside `exclusive`: closes the database, runs `swap` (file operations), then opens and
   * migrates the database again. When that fails, `undo` runs and the database is opened again.
   */
  swapFile(swap: () => void, undo: () => void): Promise<void>
}
