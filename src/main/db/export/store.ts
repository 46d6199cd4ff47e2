import { PostgresAdapter, sql, SqliteAdapter, type Kysely } from 'kysely'

/**
 * What an export and a restore need from the store that Kysely cannot say in one neutral query:
 * the counters of generated ids, and writing rows exactly as exported (no trigger adding or
 * changing rows, foreign keys checked at commit because afspraak.verzet_naar points forward).
 * One implementation per dialect; everything else in db/export is plain Kysely.
 *
 * SQLite and PostgreSQL (issue 19) have one each; another dialect is refused by `storeFor`.
 */
export interface ExportStore {
  readonly kind: 'sqlite' | 'postgres'
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

/** The identity columns of the current schema's tables, with their sequences. */
async function identitySequences(db: Kysely<unknown>): Promise<{ table: string; sequence: string }[]> {
  const r = await sql<{ table: string; sequence: string }>`
    select c.table_name as table, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
    from information_schema.columns c
    where c.table_schema = current_schema() and c.is_identity = 'YES'
    order by c.table_name`.execute(db)
  return r.rows
}

/**
 * PostgreSQL: the ids come from identity sequences. A sequence that has handed out an id
 * (`is_called`) counts as SQLite's sqlite_sequence row with that id; one that has not, as no row.
 * The rules (the PL/pgSQL triggers of db/dialect.ts, the foreign keys, the indexes) are dropped
 * while the rows load and created again from their own definition (pg_get_triggerdef,
 * pg_get_constraintdef, pg_get_indexdef) in the same transaction, as on SQLite: a foreign key
 * added over the loaded rows checks them all at once (afspraak.verzet_naar points forward, so
 * row-by-row checks could not work), an index is built once. This needs the table owner, the
 * role that ran the migrations; no superuser (session_replication_role is not used).
 */
const postgresStore: ExportStore = {
  kind: 'postgres',
  async readCounters(db) {
    const out: Record<string, number> = {}
    for (const { table, sequence } of await identitySequences(db)) {
      const r = await sql<{
        last_value: number
        is_called: boolean
      }>`select last_value, is_called from ${sql.raw(sequence)}`.execute(db)
      const row = r.rows[0]
      if (row?.is_called) out[table] = Number(row.last_value)
    }
    return out
  },
  async writeCounters(trx, counters) {
    for (const { table, sequence } of await identitySequences(trx)) {
      const n = counters[table]
      if (n === undefined) await sql`select setval(${sequence}::regclass, 1, false)`.execute(trx)
      else await sql`select setval(${sequence}::regclass, ${n}, true)`.execute(trx)
    }
  },
  async suspendRules(trx) {
    const schemaTables = sql`(select c.oid from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r')`
    const triggers = (
      await sql<{ tbl: string; name: string; def: string }>`
        select quote_ident(c.relname) as tbl, quote_ident(t.tgname) as name, pg_get_triggerdef(t.oid) as def
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and t.tgrelid in ${schemaTables}
        order by c.relname, t.tgname`.execute(trx)
    ).rows
    const foreignKeys = (
      await sql<{ tbl: string; name: string; def: string }>`
        select quote_ident(c.relname) as tbl, quote_ident(k.conname) as name, pg_get_constraintdef(k.oid) as def
        from pg_constraint k join pg_class c on c.oid = k.conrelid
        where k.contype = 'f' and k.conrelid in ${schemaTables}
        order by c.relname, k.conname`.execute(trx)
    ).rows
    // Indexes that belong to no constraint (a primary key's or a unique constraint's stay).
    const indexes = (
      await sql<{ name: string; def: string }>`
        select quote_ident(x.relname) as name, pg_get_indexdef(i.indexrelid) as def
        from pg_index i join pg_class x on x.oid = i.indexrelid
        where i.indrelid in ${schemaTables}
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        order by x.relname`.execute(trx)
    ).rows
    for (const t of triggers) await sql.raw(`drop trigger ${t.name} on ${t.tbl}`).execute(trx)
    for (const k of foreignKeys) await sql.raw(`alter table ${k.tbl} drop constraint ${k.name}`).execute(trx)
    for (const x of indexes) await sql.raw(`drop index ${x.name}`).execute(trx)
    return async () => {
      for (const x of indexes) await sql.raw(x.def).execute(trx)
      for (const k of foreignKeys)
        await sql.raw(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`).execute(trx)
      for (const t of triggers) await sql.raw(t.def).execute(trx)
    }
  },
}

/** The store behind `db`; refuses a dialect this module has no implementation for. */
export function storeFor(db: Kysely<unknown>): ExportStore {
  const adapter = db.getExecutor().adapter
  if (adapter instanceof SqliteAdapter) return sqliteStore
  if (adapter instanceof PostgresAdapter) return postgresStore
  throw new Error(`no export store for ${adapter.constructor.name} yet (see db/export/store.ts)`)
}
