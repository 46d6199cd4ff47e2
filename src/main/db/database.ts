import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { Kysely, Migrator, type MigrationProvider } from 'kysely'
import type { Database } from './schema'
import { migrations } from './migrations'
import { BUSY_TIMEOUT_MS, WaitingSqliteDialect } from './driver'
import { dialectOf, NotOnPostgresError, type Dialect } from './dialect'

export type Db = Kysely<Database>

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      'Deze gegevens zijn gemaakt met een nieuwere versie van Lange Adem. Installeer de nieuwste versie; ' +
        'de gegevens zijn niet aangeraakt.',
    )
    this.name = 'DatabaseTooNewError'
  }
}

export interface OpenedDatabase {
  db: Db
  /**
   * The better-sqlite3 handle. On PostgreSQL reading it throws (NotOnPostgresError): the paths
   * that use it (the file backups, the key change) are SQLite's own; check `dialect` first.
   */
  readonly raw: BetterSqlite3.Database
  dialect: Dialect
  close(): Promise<void>
}

const RAW_HANDLES = new WeakMap<Db, BetterSqlite3.Database>()

/**
 * The better-sqlite3 handle under a database opened by openDatabase, for bulk paths that need
 * prepared statements (the monthly import). Use it inside `db.transaction().execute(...)` (or
 * `db.connection().execute(...)` for reads) so no other Kysely call can interleave.
 */
export function rawHandle(db: Db): BetterSqlite3.Database {
  const raw = RAW_HANDLES.get(db)
  if (!raw && dialectOf(db) === 'postgres') throw new NotOnPostgresError('Het inlezen van een bestand')
  if (!raw) throw new Error('no raw handle for this database')
  return raw
}

let nativeBinding: string | null = null

/**
 * Makes every connection this process opens load the SQLite binding at `path` (better-sqlite3's
 * `nativeBinding` option). The Electron shell calls it once, before anything opens a database,
 * with the binding built for Electron's ABI (README, "The SQLite binding in Electron"). Node (the
 * tests, the command line, the browser mode, the benchmarks) never calls it and keeps the
 * package's own binding, so switching between the two costs no rebuild. The binding is loaded
 * here on an in-memory database, so a missing or mismatched one fails at this call, with
 * Node's own error, rather than at the first query.
 */
export function useNativeBinding(path: string): void {
  new BetterSqlite3(':memory:', { nativeBinding: path }).close()
  nativeBinding = path
}

/**
 * A raw connection to `file` with the binding this process uses. Every connection of the app
 * goes through here (lint forbids constructing better-sqlite3 elsewhere in src/main), so the
 * Electron binding is never bypassed.
 */
export function connect(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  return new BetterSqlite3(file, nativeBinding ? { ...options, nativeBinding } : options)
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file starts with SQLite's plain header, i.e. it is NOT encrypted. */
export function isPlainSqliteFile(file: string): boolean {
  if (!existsSync(file)) return false
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(16)
    const n = readSync(fd, head, 0, 16, 0)
    return n === 16 && head.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

/**
 * The page cipher of every file this version writes: AEGIS-256 (SQLite3 Multiple Ciphers), an
 * authenticated cipher like ChaCha20-Poly1305 but built on the processor's AES instructions. On
 * this project's reference machine it reads a page about four times faster and commits about
 * four times faster than ChaCha20 (README, "Sleutel en herstel"). Files written before it use
 * ChaCha20-Poly1305: they keep opening, and a database is moved to AEGIS once, at start
 * (features/keys/service.ts, upgradeCipher).
 */
export const CIPHER = 'aegis' as const
export const LEGACY_CIPHERS = ['chacha20'] as const
export type Cipher = typeof CIPHER | (typeof LEGACY_CIPHERS)[number]

function isNotADatabase(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_NOTADB'
}

/**
 * Sets the encryption key on a fresh connection and reads the schema with it. Must run before
 * anything else reads the file. Tries AEGIS, then the older cipher(s), and returns the one that
 * opens the file (a new, empty file gets AEGIS). The key is 64 hex characters, checked here so it
 * can never break out of the pragma. A wrong key fails with SQLite's "file is not a database".
 */
export function applyKey(raw: BetterSqlite3.Database, key: string): Cipher {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('invalid database key')
  let first: unknown = null
  for (const cipher of [CIPHER, ...LEGACY_CIPHERS] as Cipher[]) {
    raw.pragma(`cipher='${cipher}'`)
    raw.pragma(`hexkey='${key}'`)
    try {
      raw.prepare('select count(*) from sqlite_master').get()
      return cipher
    } catch (err) {
      if (!isNotADatabase(err)) throw err
      first ??= err
    }
  }
  throw first
}

/**
 * Opens (or creates) the database file, or ':memory:' for tests, with the pragmas the app
 * relies on. A file database is encrypted with `key`; a wrong key fails here with SQLite's
 * "file is not a database" before anything is written.
 */
export function openDatabase(file: string, key: string | null = null): OpenedDatabase {
  const raw = connect(file)
  try {
    if (key) applyKey(raw, key)
    raw.prepare('select count(*) from sqlite_master').get()
    raw.pragma('journal_mode = WAL')
  } catch (err) {
    raw.close()
    throw err
  }
  raw.pragma('foreign_keys = ON')
  // FULL: every commit is synced to disk, so an action the user saw confirmed survives a power
  // cut. NORMAL (in WAL mode) syncs only at checkpoints and may lose the last few. One user
  // action is one transaction; `npm run bench -- durability` measures what the sync costs it
  // (see the README). Batch paths (import, print batch, purge) commit once, so it costs them one.
  raw.pragma('synchronous = FULL')
  // Bounds SQLite's own wait for a lock (it sleeps in this thread). Writes through Kysely do not
  // use it: they wait for the write lock without blocking the thread (driver.ts).
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  raw.pragma('cache_size = -64000')
  // Temporary tables, sorts and statement journals stay in memory: faster, and no decrypted
  // personal data in temp files beside the encrypted database.
  raw.pragma('temp_store = MEMORY')
  const db = new Kysely<Database>({ dialect: new WaitingSqliteDialect(raw) })
  RAW_HANDLES.set(db, raw)
  return {
    db,
    raw,
    dialect: 'sqlite',
    async close() {
      await db.destroy()
    },
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/**
 * Brings the schema up to date. Refuses, without changing anything, a database that knows a
 * migration this build does not: running old code on a newer schema can corrupt data.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const known = new Set(Object.keys(migrations))
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (tables.some((t) => t.name === 'kysely_migration')) {
    const done = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute()
    const unknown = (done as { name: string }[]).map((r) => r.name).filter((n) => !known.has(n))
    if (unknown.length > 0) throw new DatabaseTooNewError(unknown)
  }
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
