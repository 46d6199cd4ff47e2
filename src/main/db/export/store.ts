import { sql, SqliteAdapter, type Kysely } from 'kysely'

/**
 * What an export and a restore need from the store that Kysely cannot say in one neutral query:
 * the counters of generated ids, and writing rows exactly as exported (no trigger adding or
 * changing rows, foreign keys checked at commit because afspraak.verzet_naar points forward).
 * One implementation per dialect; everything else in db/export is plain Kysely.
 *
 * PostgreSQL (issue 19) adds its own: counters from `pg_sequences` / `pg_get_serial_sequence`
 * and `setval(seq, n, true)` (n = the last id handed out, the same meaning as SQLite's
 * sqlite_sequence), and `ALTER TABLE … DISABLE TRIGGER USER` / deferrable foreign keys for the
 * rules. Until then a restore or export on another dialect is refused by `storeFor`.
 */
export interface ExportStore {
  readonly kind: 'sqlite'
  /** The last id handed out per table with a generated key (ids are never reused). */
  readCounters(db: Kysely<unknown>): Promise<Record<string, number>>
  /** Sets the counters exactly; runs inside the restore's transaction. */
  writeCounters(trx: Kysely<unknown>, counters: Record<string, number>): Promise<void>
  /**
   * Inside the restore's transaction: turns off what would add or change rows while the
   * exported rows are inserted, and returns what turns it back on (in the same transaction).
   */
  suspendRules(trx: Kysely<unknown>): Promise<() => Promise<void>>
}

const sqliteStore: ExportStore = {
  kind: 'sqlite',
  async readCounters(db) {
    const r = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(db)
    return Object.fromEntries(r.rows.map((x) => [x.name, Number(x.seq)]))
  },
  async writeCounters(trx, counters) {
    await sql`delete from sqlite_sequence`.execute(trx)
    for (const [name, seq] of Object.entries(counters))
      await sql`insert into sqlite_sequence (name, seq) values (${name}, ${seq})`.execute(trx)
  },
  async suspendRules(trx) {
    // Reset by SQLite itself at commit or rollback.
    await sql`pragma defer_foreign_keys = on`.execute(trx)
    // SQLite cannot switch triggers off: they are dropped here and created again from their own
    // text (sqlite_master keeps it verbatim), in the same transaction, so a failed restore
    // leaves them as they were. The declared indexes go the same way: building an index once
    // over the loaded rows is several times faster than keeping it up to date row by row, and
    // a unique one is checked when it is built. (Indexes SQLite makes for a primary key or a
    // UNIQUE constraint have no text and stay.)
    const objects = (
      await sql<{
        type: 'trigger' | 'index'
        name: string
        sql: string
      }>`select type, name, sql from sqlite_master
         where type in ('trigger', 'index') and sql is not null order by rowid`.execute(trx)
    ).rows
    for (const o of objects)
      await sql`drop ${sql.raw(o.type === 'trigger' ? 'trigger' : 'index')} ${sql.id(o.name)}`.execute(trx)
    return async () => {
      // Indexes first: a trigger may rely on one, never the other way round.
      for (const o of objects) if (o.type === 'index') await sql.raw(o.sql).execute(trx)
      for (const o of objects) if (o.type === 'trigger') await sql.raw(o.sql).execute(trx)
    }
  },
}

/** The store behind `db`; refuses a dialect this module has no implementation for yet. */
export function storeFor(db: Kysely<unknown>): ExportStore {
  const adapter = db.getExecutor().adapter
  if (adapter instanceof SqliteAdapter) return sqliteStore
  throw new Error(`no export store for ${adapter.constructor.name} yet (see db/export/store.ts)`)
}
