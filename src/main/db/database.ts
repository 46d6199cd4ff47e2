import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely'
import type { Database } from './schema'
import { migrations } from './migrations'

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
  raw: BetterSqlite3.Database
  close(): Promise<void>
}

const RAW_HANDLES = new WeakMap<Db, BetterSqlite3.Database>()

/**
 * The better-sqlite3 handle under a database opened by openDatabase, for bulk paths that need
 * prepared statements (the monthly import). Use it inside `db.connection().execute(...)` so no
 * Kysely transaction can interleave.
 */
export function rawHandle(db: Db): BetterSqlite3.Database {
  const raw = RAW_HANDLES.get(db)
  if (!raw) throw new Error('no raw handle for this database')
  return raw
}

/** Opens (or creates) the database file, or ':memory:' for tests, with the pragmas the app relies on. */
export function openDatabase(file: string): OpenedDatabase {
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('busy_timeout = 5000')
  raw.pragma('cache_size = -64000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  RAW_HANDLES.set(db, raw)
  return {
    db,
    raw,
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
