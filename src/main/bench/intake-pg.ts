/**
 * The intake benchmark on PostgreSQL (issue 19): the same 100,000-row file into a database with
 * existing signals, and PostgreSQL's own write floor beside it (the same four rows per signal as
 * bench/write-floor.ts, written alone by the fastest means this app has: one unnest insert per
 * table, one transaction).
 *
 *   BENCH_STORE=postgres npm run bench -- intake
 *   BENCH_SIGNALS=100000 BENCH_CASES=60000 BENCH_ROWS=100000   the sizes (defaults as given here)
 *   LANGE_ADEM_BENCH_PG=postgres://…                           a PostgreSQL of your own (a superuser;
 *                                                              a database lange_adem_bench is made)
 *
 * The base is filled as for SQLite (bench/fill.ts, in a child process) and copied table by table
 * into PostgreSQL. CPU is counted on both sides: this process, and the PostgreSQL server
 * processes (/proc), because on PostgreSQL most of the writing is the server's.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../test/embedded-postgres'
import { openDatabase } from '../db/database'
import { openAndMigratePostgres, openPostgres } from '../db/postgres'
import {
  CASE,
  CASE_FIXED,
  HOUSEHOLD,
  insertUnnest,
  RESIDENT,
  SIGNAL,
  switchTriggers,
} from '../features/intake/pg-writer'
import { importWith, makeCsv, preparedFill, TODAY } from './intake'
import { startHost } from '../features/intake/upload/host'
import { savedMappings } from '../features/intake/service'
import { floorRows } from './write-floor'
import { envInt, seconds } from './setup'

const us = (ms: number, rows: number) => Math.round((ms * 1000) / rows)
const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** CPU ms of the postmaster `root` and its children (the server's backends and helpers), from /proc. */
function serverCpuMs(root: number | null): number {
  if (root === null) return NaN
  const tick = 10 // ms per clock tick (USER_HZ 100)
  let total = 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pid = Number(name)
    const ppid = Number(f[1])
    if (pid !== root && ppid !== root) continue
    total += (Number(f[11]) + Number(f[12])) * tick
  }
  return total
}

/** Copies the filled SQLite base into PostgreSQL, table by table, with the same ids. */
async function copyBase(sqliteFile: string, key: string, url: string): Promise<void> {
  const src = openDatabase(sqliteFile, key)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const pgTables = new Set(
      (
        await client.query<{ t: string }>(
          `select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely%'`,
        )
      ).rows.map((r) => r.t),
    )
    const tables = (
      src.raw
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like 'kysely%'`,
        )
        .pluck()
        .all() as string[]
    ).filter((t) => pgTables.has(t))
    await client.query('begin')
    // A bulk copy of a consistent base: no triggers, no foreign-key checks while it runs
    await client.query('set local session_replication_role = replica')
    await client.query(`truncate ${tables.join(', ')} cascade`)
    for (const t of tables) {
      const stmt = src.raw.prepare(`select * from ${t}`)
      let batch: unknown[] = []
      const flush = async () => {
        if (batch.length === 0) return
        await client.query(`insert into ${t} select * from json_populate_recordset(null::${t}, $1::json)`, [
          JSON.stringify(batch),
        ])
        batch = []
      }
      for (const row of stmt.iterate()) {
        batch.push(row)
        if (batch.length === 20_000) await flush()
      }
      await flush()
    }
    await client.query('commit')
    // Each identity's sequence past the ids copied
    for (const { t } of (
      await client.query<{ t: string }>(
        `select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'id' and is_identity = 'YES'`,
      )
    ).rows)
      if (tables.includes(t))
        await client.query(
          `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`,
          [t],
        )
    await client.query('vacuum analyze')
  } finally {
    await client.end()
    await src.close()
  }
}

/**
 * PostgreSQL's write floor: the floor's rows (write-floor.ts) with their ids made up front,
 * written with one unnest insert per table in one transaction, client and server CPU counted.
 * `triggers`: with the schema's insert triggers on (false: paused, as the import and SQLite's
 * floor run; foreign keys are checked either way).
 */
async function pgWriteFloor(
  url: string,
  root: number | null,
  rows: number,
  triggers: boolean,
): Promise<{ microsPerRow: number; wallMicrosPerRow: number; commitMicrosPerRow: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const wijken = (await client.query<{ id: number }>('select id from wijk order by id')).rows.map(
      (r) => r.id,
    )
    const users = (
      await client.query<{ id: number }>("select id from app_user where rol = 'consulent' order by id")
    ).rows.map((r) => r.id)
    const at = `${TODAY}T10:00:00.000Z`
    const next = async (t: string) =>
      Number((await client.query<{ n: string }>(`select coalesce(max(id), 0) + 1 as n from ${t}`)).rows[0]!.n)
    const [h0, r0, z0, s0] = [
      await next('household'),
      await next('resident'),
      await next('vroegsignaalzaak'),
      await next('vroegsignaal'),
    ]
    const made = floorRows(rows, wijken, users)
    const households = made.map((m, i) => [
      h0 + i,
      m.postcode,
      m.huisnummer,
      '',
      'Hoofdstraat',
      'Roermond',
      m.wijk,
      at,
    ])
    const residents = made.map((m, i) => [
      r0 + i,
      h0 + i,
      'J.',
      '',
      m.surname,
      m.key,
      m.birth,
      '',
      '',
      null,
      at,
      at,
      1,
    ])
    const cases = made.map((m, i) => [
      z0 + i,
      `F-${z0 + i}`,
      h0 + i,
      m.wijk,
      m.consulent,
      TODAY,
      `J. ${m.surname}`,
      `${m.key} j.`,
      m.postcode,
      `Hoofdstraat ${m.huisnummer}`,
      'Huur',
      1,
      m.cents,
      TODAY,
      0,
      at,
      m.consulent,
      0,
      TODAY,
    ])
    const signals = made.map((m, i) => [
      s0 + i,
      m.externId,
      'import',
      'Huur',
      '',
      m.cents,
      null,
      TODAY,
      0,
      0,
      null,
      r0 + i,
      h0 + i,
      z0 + i,
      at,
      m.consulent,
    ])
    const q = async <R>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as R[]
    const c0 = cpuNow()
    const s0cpu = serverCpuMs(root)
    const t0 = performance.now()
    await client.query('begin')
    if (!triggers) await switchTriggers(q, false)
    await insertUnnest(q, 'household', HOUSEHOLD, households)
    await insertUnnest(q, 'resident', RESIDENT, residents)
    await insertUnnest(q, 'vroegsignaalzaak', CASE, cases, { fixed: CASE_FIXED })
    await insertUnnest(q, 'vroegsignaal', SIGNAL, signals, { fixed: { is_demo: '0' } })
    if (!triggers) await switchTriggers(q, true)
    const beforeCommit = cpuNow() - c0 + (serverCpuMs(root) - s0cpu)
    await client.query('commit')
    const wall = performance.now() - t0
    const cpu = cpuNow() - c0 + (serverCpuMs(root) - s0cpu)
    // Taken out again, so the next floor (and nothing else) sees the same base
    await client.query('begin')
    await client.query('set local session_replication_role = replica')
    for (const [t, from] of [
      ['vroegsignaal', s0],
      ['vroegsignaalzaak', z0],
      ['resident', r0],
      ['household', h0],
    ] as const)
      await client.query(`delete from ${t} where id >= $1`, [from])
    await client.query(
      `delete from monitor_dirty where (kind = 'zaak' and ref_id >= $1) or (kind = 'signaal' and ref_id >= $2)`,
      [z0, s0],
    )
    await client.query('commit')
    return {
      microsPerRow: (cpu * 1000) / rows,
      wallMicrosPerRow: (wall * 1000) / rows,
      commitMicrosPerRow: ((cpu - beforeCommit) * 1000) / rows,
    }
  } finally {
    await client.end()
  }
}

const ms = (x: number) => `${x.toFixed(1)} ms`

/** Watches this process's event loop: the longest and the 99th-percentile delay, in ms. */
function watchMain(): { stop(): { max: number; p99: number } } {
  const h = monitorEventLoopDelay({ resolution: 10 })
  h.enable()
  return {
    stop() {
      h.disable()
      return { max: h.max / 1e6, p99: h.percentile(99) / 1e6 }
    },
  }
}

/**
 * A file imported through the import worker (built next to this bench), as the team server does:
 * read, analysed and stored in the worker on its own connections. Meanwhile this process (main)
 * answers a colleague's read every 50 ms, timed.
 */
async function importInWorker(url: string, csvFile: string) {
  const main = await openPostgres(url)
  try {
    const consulent = await main.db
      .selectFrom('app_user')
      .select('id')
      .where('rol', '=', 'consulent')
      .executeTakeFirstOrThrow()
    const t0 = performance.now()
    const stall = watchMain()
    let reads = 0
    let readMax = 0
    let busy = true
    const colleague = (async () => {
      while (busy) {
        const r0 = performance.now()
        await main.db
          .selectFrom('vroegsignaalzaak')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('consulent_id', '=', consulent.id)
          .where('is_open', '=', 1)
          .executeTakeFirst()
        readMax = Math.max(readMax, performance.now() - r0)
        reads++
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    const host = startHost(
      main.db,
      { postgres: { url, options: {} } },
      new Uint8Array(readFileSync(csvFile)),
      () => undefined,
    )
    try {
      await host.read
      const a = await host.analyse(await savedMappings(main.db), '', {
        uploadId: 'bench',
        fileName: 'export-2.csv',
      })
      const summary = await host.run({
        ctx: { at: `${TODAY}T11:00:00.000Z`, today: TODAY, userId: null },
        fileName: 'export-2.csv',
        mapping: a.mapping,
        opts: { commit: true, bron: 'Bench' },
      })
      const wallMs = performance.now() - t0
      busy = false
      await colleague
      return { summary, wallMs, stall: stall.stop(), reads, readMax }
    } finally {
      busy = false
      host.close()
    }
  } finally {
    await main.close()
  }
}

export async function runIntakePgBench(): Promise<void> {
  const signals = envInt('BENCH_SIGNALS', 100_000)
  const rows = envInt('BENCH_ROWS', 100_000)
  process.env.BENCH_SIGNALS = String(signals)
  process.env.BENCH_CASES ??= String(Math.round(signals * 0.6))
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-intake-pg-'))
  chmodSync(dir, 0o777)
  console.log(
    `Lange Adem intake benchmark on PostgreSQL: ${rows.toLocaleString('en-US')} rows into ${signals.toLocaleString('en-US')} signals`,
  )
  console.log(
    `Machine load (1, 5, 15 min) at the start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on 2 cores`,
  )
  let embedded: EmbeddedServer | null = null
  let admin = process.env.LANGE_ADEM_BENCH_PG ?? ''
  let root: number | null = null
  try {
    if (!admin) {
      // A server as IT would run it: durable commits (fsync on), the defaults otherwise.
      embedded = await startEmbeddedPostgres('lange-adem-bench-intake-pg-')
      admin = embedded.admin
      const dataDir = embedded.dataDir
      root = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    }
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    await c.query('drop database if exists lange_adem_bench with (force)')
    await c.query(`create database lange_adem_bench template template0 encoding 'UTF8' locale 'C'`)
    const version = (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v
    await c.end()
    const url = `${admin.replace(/\/[^/]*$/, '')}/lange_adem_bench`
    console.log(
      `PostgreSQL ${version}${embedded ? ' (embedded-postgres, fsync on)' : ' (LANGE_ADEM_BENCH_PG)'}`,
    )
    await (await openAndMigratePostgres(url)).close()

    const t0 = performance.now()
    const { dbFile, key } = await preparedFill(dir, signals)
    await copyBase(dbFile, key, url)
    console.log(`Base copied into PostgreSQL and analysed: ${seconds(performance.now() - t0)}`)

    const csvFile = join(dir, 'export.csv')
    writeFileSync(csvFile, '\ufeff' + makeCsv(rows, signals), 'utf8')

    const s0 = serverCpuMs(root)
    // Main's event loop while the import runs in this process (as main did before the worker)
    const inProcessStall = watchMain()
    const run = await importWith(() => openPostgres(url), '', csvFile, false)
    const stallBefore = inProcessStall.stop()
    const serverMs = serverCpuMs(root) - s0
    const s = run.summary
    console.log(
      `Import: ${s.rows.toLocaleString('en-US')} rows: ${s.nieuw} new (${s.doorgezet} followed up, ${s.nieuweZaken} new cases), ` +
        `${s.eerderIngelezen} imported before, ${s.problemen} to check; ${s.meervoudig} meervoudig, ${s.opeenvolgend} opeenvolgend`,
    )
    const cpuMs = run.cpuMs + serverMs
    console.log(
      `  wall ${seconds(run.wallMs)} (of which reading the file and proposing the mapping ${seconds(run.analyseMs)}), ` +
        `CPU ${seconds(cpuMs)} (this process ${seconds(run.cpuMs)}, PostgreSQL ${seconds(serverMs)}): ` +
        `${us(cpuMs, rows)} µs of CPU per row (${us(run.cpuMs, rows)} + ${us(serverMs, rows)}), ${us(run.wallMs, rows)} µs wall per row`,
    )
    const n = Math.min(rows, s.nieuw)
    // The floor as the import writes (insert triggers paused), and with them on for comparison
    const floor = await pgWriteFloor(url, root, n, false)
    const withTriggers = await pgWriteFloor(url, root, n, true)
    console.log(
      `PostgreSQL's write floor (the household, resident, case and signal rows alone, ids and values made up front, ` +
        `one unnest insert per table, insert triggers paused as in the import, ${n.toLocaleString('en-US')} rows, client and server CPU): ` +
        `${Math.round(floor.microsPerRow)} µs of CPU per row (commit ${Math.round(floor.commitMicrosPerRow)} µs), ` +
        `${Math.round(floor.wallMicrosPerRow)} µs wall; with the insert triggers on ${Math.round(withTriggers.microsPerRow)} µs of CPU, ` +
        `${Math.round(withTriggers.wallMicrosPerRow)} µs wall`,
    )
    // The same size of file through the import worker, as the team server runs it now: main only
    // forwards the call; its event loop is watched, and a colleague's read is timed every 50 ms
    const csv2 = join(dir, 'export-2.csv')
    writeFileSync(csv2, '\ufeff' + makeCsv(rows, signals, 'NXT'), 'utf8')
    const viaWorker = await importInWorker(url, csv2)
    console.log(
      `Main's event loop during a ${rows.toLocaleString('en-US')}-row import: in main (before) max ${ms(stallBefore.max)}, ` +
        `p99 ${ms(stallBefore.p99)}; in the import worker (now) max ${ms(viaWorker.stall.max)}, p99 ${ms(viaWorker.stall.p99)}; ` +
        `a colleague's read meanwhile: max ${ms(viaWorker.readMax)} over ${viaWorker.reads} reads ` +
        `(worker import ${seconds(viaWorker.wallMs)}, ${viaWorker.summary.nieuw} new)`,
    )
    const ratio = (cpuMs * 1000) / rows / floor.microsPerRow
    const wallRatio = (run.wallMs * 1000) / rows / floor.wallMicrosPerRow
    console.log(
      `Import per row / write floor per row: CPU ${ratio.toFixed(2)}, wall ${wallRatio.toFixed(2)}  (target <= 1.5, as on SQLite)  ${ratio <= 1.5 ? 'PASS' : 'FAIL'}`,
    )
    process.exitCode = ratio <= 1.5 ? 0 : 1
    console.log(
      `Machine load at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    )
  } finally {
    if (embedded) await embedded.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
