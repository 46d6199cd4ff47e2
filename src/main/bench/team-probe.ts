/**
 * Measurement for the team benchmark (bench/team.ts), in the server's process: which method each
 * SQL statement ran for (AsyncLocalStorage around the dispatcher), how long each statement held
 * the event loop (better-sqlite3 is synchronous, so a statement's time is time no other call is
 * served), which statements failed with SQLITE_BUSY, and how long the event loop was blocked.
 * On PostgreSQL (`watchPostgres`) a statement's time is the wait for PostgreSQL's answer (other
 * calls run meanwhile), failures are counted by SQLSTATE (40001 serialization, 40P01 deadlock:
 * db/retry.ts runs the call again), and a second connection samples every 100 ms how many of the
 * app's connections wait for a lock, and for which statement.
 * Bench-only: it wraps the app's objects from outside; nothing in the app knows about it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import pg from 'pg'
import type { App } from '../app/create-app'
import type { Dispatcher } from '../app/dispatcher'
import { writeLockWaits } from '../db/driver'

interface PerMethod {
  calls: number
  /** Wall time inside the dispatcher (queueing in the server included). */
  serverMs: number[]
  /** Synchronous SQL time: the event loop was held this long by this method's statements. */
  sqlMs: number
  statements: number
  /** The size of the first answer, as JSON: what HTTP, TLS and JSON handle per call. */
  bytes: number
}

interface LongStatement {
  ms: number
  method: string
  sql: string
  write: boolean
}

const LONG_MS = 25

/**
 * CPU time of this process's main thread (the server's thread) in ms, from Linux's per-thread
 * counters (10 ms ticks); null elsewhere. Unlike wall time it hardly grows when other programs
 * share the machine's cores.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * 10
  } catch {
    return null
  }
}

export function createTeamProbe() {
  const label = new AsyncLocalStorage<string>()
  const methods = new Map<string, PerMethod>()
  const long: LongStatement[] = []
  const busy: { method: string; sql: string; inTransaction: boolean }[] = []
  /** Per method and statement text: how often and how long in all. */
  const bySql = new Map<string, { n: number; ms: number }>()
  const of = (m: string) => {
    let s = methods.get(m)
    if (!s) methods.set(m, (s = { calls: 0, serverMs: [], sqlMs: 0, statements: 0, bytes: -1 }))
    return s
  }
  const loop = monitorEventLoopDelay({ resolution: 10 })
  let elu0 = performance.eventLoopUtilization()
  let cpu0 = process.cpuUsage()
  let thread0 = mainThreadCpuMs()
  let lastTick = performance.now()
  let postgres: ReturnType<typeof watchPostgresStatements> | null = null
  let blockedMs = 0
  let blocks = 0
  // Any gap of more than 50 ms between these ticks is time the loop was held by something.
  const ticker = setInterval(() => {
    const now = performance.now()
    const late = now - lastTick - 10
    if (late > 50) {
      blockedMs += late
      blocks++
    }
    lastTick = now
  }, 10)
  ticker.unref()

  function timed<T>(raw: BetterSqlite3.Database, sql: string, write: boolean, run: () => T): T {
    const method = label.getStore() ?? '(outside a call)'
    const start = performance.now()
    try {
      return run()
    } catch (err) {
      if ((err as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY'))
        busy.push({ method, sql: sql.replace(/\s+/g, ' ').slice(0, 90), inTransaction: raw.inTransaction })
      throw err
    } finally {
      record(method, sql, performance.now() - start, write)
    }
  }

  /** One statement's time, under its method and text; a long one is kept apart. */
  function record(method: string, sql: string, ms: number, write: boolean): void {
    const s = of(method)
    s.sqlMs += ms
    s.statements++
    const key = `${method}: ${sql.replace(/\s+/g, ' ').slice(0, 100)}`
    const t = bySql.get(key) ?? { n: 0, ms: 0 }
    t.n++
    t.ms += ms
    bySql.set(key, t)
    if (ms >= LONG_MS) long.push({ ms, method, sql: sql.replace(/\s+/g, ' ').slice(0, 90), write })
  }

  /** Times every statement prepared on this connection from now on. */
  function watch(raw: BetterSqlite3.Database): void {
    const prepare = raw.prepare.bind(raw)
    raw.prepare = ((sql: string) => {
      const stmt = prepare(sql)
      const write = !stmt.reader
      for (const fn of ['all', 'run', 'get'] as const) {
        const orig = (stmt[fn] as (...a: unknown[]) => unknown).bind(stmt)
        ;(stmt as unknown as Record<string, unknown>)[fn] = (...args: unknown[]) =>
          timed(raw, sql, write, () => orig(...args))
      }
      return stmt
    }) as typeof raw.prepare
  }

  /**
   * Times every statement the app's pool sends to the PostgreSQL database at `url` inside a call,
   * counts failures by SQLSTATE, and samples lock waits on a connection of its own.
   */
  function watchPostgres(url: string): void {
    postgres = watchPostgresStatements(
      url,
      (method, sql, ms) => record(method, sql, ms, !/^\s*select/i.test(sql)),
      () => label.getStore(),
    )
  }

  /** The app with its dispatcher labelled, for startTeamServer. */
  function wrap(app: App): App {
    const inner = app.dispatcher
    const dispatcher: Dispatcher = {
      call: (session, method, input, file) =>
        label.run(method, async () => {
          const start = performance.now()
          try {
            const result = await inner.call(session, method, input, file)
            const s = of(method)
            if (s.bytes < 0) s.bytes = JSON.stringify(result).length
            return result
          } finally {
            const s = of(method)
            s.calls++
            s.serverMs.push(performance.now() - start)
          }
        }),
    }
    return Object.create(app, { dispatcher: { value: dispatcher } }) as App
  }

  function start(): void {
    for (const s of methods.values()) {
      s.calls = 0
      s.serverMs = []
      s.sqlMs = 0
      s.statements = 0
    }
    long.length = 0
    busy.length = 0
    bySql.clear()
    blockedMs = 0
    blocks = 0
    loop.reset()
    loop.enable()
    elu0 = performance.eventLoopUtilization()
    cpu0 = process.cpuUsage()
    thread0 = mainThreadCpuMs()
    postgres?.start()
  }

  async function report(seconds: number, sameThread: boolean): Promise<void> {
    loop.disable()
    const elu = performance.eventLoopUtilization(elu0)
    const pct = (q: number) => (loop.percentile(q) / 1e6).toFixed(0)
    console.log(
      `\nServer process: event loop busy ${(elu.utilization * 100).toFixed(0)}% of ${seconds.toFixed(0)} s; ` +
        `delay p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; ` +
        `held > 50 ms ${blocks} times, ${(blockedMs / 1000).toFixed(1)} s in all`,
    )
    const cpu = process.cpuUsage(cpu0)
    const calls = [...methods.values()].reduce((n, s) => n + s.calls, 0)
    const sqlMs = [...methods.values()].reduce((n, s) => n + s.sqlMs, 0)
    console.log(
      `Per call (${calls} calls): ${(elu.active / Math.max(1, calls)).toFixed(1)} ms of the event loop ` +
        `(SQL ${(sqlMs / Math.max(1, calls)).toFixed(1)} ms; the rest is HTTP, TLS, JSON and the services' ` +
        `own work${sameThread ? ", the workstations' included: they share this thread" : ''}), process CPU ${((cpu.user + cpu.system) / 1000 / Math.max(1, calls)).toFixed(1)} ms ` +
        `(all threads: the import worker${sameThread ? '' : ' and the workstations'} included)`,
    )
    const thread = mainThreadCpuMs()
    if (thread !== null && thread0 !== null)
      console.log(
        `Server thread CPU: ${((thread - thread0) / 1000).toFixed(1)} s, ${((thread - thread0) / Math.max(1, calls)).toFixed(1)} ms per call ` +
          `(${((thread - thread0) / 10 / seconds).toFixed(0)}% of one core)`,
      )
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y)
    const q = (a: number[], f: number) => a[Math.min(a.length - 1, Math.floor(f * a.length))] ?? 0
    console.log(
      `${'server side, per method'.padEnd(26)} ${'calls'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'SQL/call'.padStart(9)} ${'SQL total'.padStart(10)} ${'answer'.padStart(9)}`,
    )
    const rows = [...methods.entries()].sort((a, b) => b[1].sqlMs - a[1].sqlMs)
    for (const [m, s] of rows) {
      const t = sorted(s.serverMs)
      const f = (x: number) => `${x.toFixed(1)}ms`.padStart(8)
      console.log(
        `${m.padEnd(26)} ${String(s.calls).padStart(6)} ${f(q(t, 0.5))} ${f(q(t, 0.95))} ${f(t[t.length - 1] ?? 0)} ${`${(s.sqlMs / Math.max(1, s.calls)).toFixed(2)}ms`.padStart(9)} ${`${(s.sqlMs / 1000).toFixed(2)}s`.padStart(10)} ${`${(Math.max(0, s.bytes) / 1024).toFixed(1)}kB`.padStart(9)}`,
      )
    }
    console.log('Statements by total time (method: statement):')
    for (const [k, t] of [...bySql.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
      console.log(`  ${(t.ms / 1000).toFixed(2)} s, ${t.n} x ${(t.ms / t.n).toFixed(2)} ms  ${k}`)
    const consulent = sorted(
      [...methods.entries()].filter(([m]) => !m.startsWith('intake.')).flatMap(([, s]) => s.serverMs),
    )
    console.log(
      `Server side, all consulent and monitor calls: p50 ${q(consulent, 0.5).toFixed(1)} ms, p95 ${q(consulent, 0.95).toFixed(1)} ms ` +
        `(from the dispatcher's start to its answer; HTTP, TLS and waiting for the event loop not included)`,
    )
    if (postgres) {
      await postgres.report(long)
      return
    }
    const top = [...long].sort((a, b) => b.ms - a.ms).slice(0, 8)
    console.log(`Statements holding the loop >= ${LONG_MS} ms: ${long.length}; the longest:`)
    for (const l of top)
      console.log(`  ${l.ms.toFixed(0).padStart(5)} ms ${l.write ? 'write' : 'read '} ${l.method}: ${l.sql}`)
    console.log(
      `Writes that waited for another connection's write lock (without blocking): ${writeLockWaits.count}, ` +
        `longest ${writeLockWaits.maxMs.toFixed(0)} ms, gave up ${writeLockWaits.gaveUp}`,
    )
    console.log(`SQLITE_BUSY in the server's connection: ${busy.length}`)
    const byKind = new Map<string, number>()
    for (const b of busy) {
      const k = `${b.method} (${b.inTransaction ? 'inside a transaction' : 'autocommit'}): ${b.sql}`
      byKind.set(k, (byKind.get(k) ?? 0) + 1)
    }
    for (const [k, n] of byKind) console.log(`  ${n} x ${k}`)
  }

  return {
    wrap,
    watch,
    watchPostgres,
    start,
    report,
    stop: async () => {
      clearInterval(ticker)
      await postgres?.stop()
    },
  }
}

/**
 * The PostgreSQL side of the probe: wraps `pg.Client.prototype.query` (the app's pool uses that
 * class), so every statement sent inside a labelled call is timed and its failures counted, and
 * samples pg_stat_activity every 100 ms for connections of the app that wait for a lock.
 */
function watchPostgresStatements(
  url: string,
  timed: (method: string, sql: string, ms: number) => void,
  methodNow: () => string | undefined,
) {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  const failures = new Map<string, number>()
  proto.query = function (this: unknown, ...args: unknown[]) {
    const method = methodNow()
    const first = args[0]
    const sql = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '')
    if (method === undefined || typeof args[args.length - 1] === 'function') return original.apply(this, args)
    const start = performance.now()
    return (original.apply(this, args) as Promise<unknown>).then(
      (r) => {
        timed(method, sql, performance.now() - start)
        return r
      },
      (err: unknown) => {
        timed(method, sql, performance.now() - start)
        const code = (err as { code?: string } | null)?.code ?? '?'
        const k = `${code} ${method}: ${sql.replace(/\s+/g, ' ').slice(0, 80)}`
        failures.set(k, (failures.get(k) ?? 0) + 1)
        throw err
      },
    )
  }
  const sampler = new pg.Client({ connectionString: url })
  let connected: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  let samples = 0
  let samplesWaiting = 0
  let maxWaiting = 0
  const waitingFor = new Map<string, number>()
  let stats0: { deadlocks: number; rollbacks: number } | null = null
  const stats = async () => {
    const r = await sampler.query<{ deadlocks: string; rollbacks: string }>(
      `select deadlocks, xact_rollback as rollbacks from pg_stat_database where datname = current_database()`,
    )
    return { deadlocks: Number(r.rows[0]!.deadlocks), rollbacks: Number(r.rows[0]!.rollbacks) }
  }
  const sample = async () => {
    const r = await sampler.query<{ query: string; wait_event: string }>(
      `select left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 90) as query, wait_event
       from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    )
    samples++
    if (r.rows.length) samplesWaiting++
    maxWaiting = Math.max(maxWaiting, r.rows.length)
    for (const w of r.rows) {
      const k = `${w.wait_event}: ${w.query}`
      waitingFor.set(k, (waitingFor.get(k) ?? 0) + 1)
    }
  }
  return {
    start() {
      failures.clear()
      const ready = (connected ??= sampler.connect().then(() => {}))
      void ready.then(async () => {
        stats0 = await stats()
        samples = samplesWaiting = maxWaiting = 0
        waitingFor.clear()
        const tick = () => {
          timer = setTimeout(() => void sample().then(tick, () => {}), 100)
          timer.unref()
        }
        tick()
      })
    },
    async report(long: LongStatement[]) {
      if (timer) clearTimeout(timer)
      timer = null
      const now = connected ? await connected.then(stats) : null
      const top = [...long].sort((a, b) => b.ms - a.ms).slice(0, 8)
      console.log(`Statements waiting >= ${LONG_MS} ms for PostgreSQL's answer: ${long.length}; the longest:`)
      for (const l of top)
        console.log(
          `  ${l.ms.toFixed(0).padStart(5)} ms ${l.write ? 'write' : 'read '} ${l.method}: ${l.sql}`,
        )
      const failed = [...failures.values()].reduce((a, b) => a + b, 0)
      const code = (c: string) =>
        [...failures.entries()].filter(([k]) => k.startsWith(`${c} `)).reduce((n, [, v]) => n + v, 0)
      console.log(
        `Statements PostgreSQL refused: ${failed} (serialization failures 40001: ${code('40001')}, deadlocks 40P01: ${code('40P01')}; ` +
          `each retried by db/retry.ts up to 4 times in all)`,
      )
      for (const [k, n] of [...failures.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8))
        console.log(`  ${n} x ${k}`)
      if (now && stats0)
        console.log(
          `pg_stat_database during the load: ${now.deadlocks - stats0.deadlocks} deadlocks, ${now.rollbacks - stats0.rollbacks} transactions rolled back`,
        )
      console.log(
        `Lock waits (sampled every 100 ms, ${samples} samples): some connection waited in ${samplesWaiting}, at most ${maxWaiting} at once`,
      )
      for (const [k, n] of [...waitingFor.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6))
        console.log(`  ${n} x ${k}`)
    },
    async stop() {
      if (timer) clearTimeout(timer)
      proto.query = original
      if (connected) await connected.then(() => sampler.end()).catch(() => {})
    },
  }
}
