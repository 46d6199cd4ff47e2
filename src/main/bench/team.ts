/**
 * Team benchmark (issue 18): the team server over TLS with 30 workstations, each a consulent
 * doing the day's mix about every 2 s for 60 s: Vandaag, open a case, log an attempt, a caseload
 * search, a walk-in search. One 5,000-row import runs during it, and the kwaliteitsmedewerker
 * opens the monitor every 10 s. Targets: p95 per call under 100 ms, 0 errors, 0 lost updates
 * (every logged attempt present exactly once, and of each pair of concurrent edits to one case
 * exactly one wins: team-conflicts.ts, four more pairs of workstations).
 *
 *   npm run bench -- team
 *   BENCH_TEAM_SECONDS=20 BENCH_CASES=20000 npm run bench -- team     quick run
 *   npm run bench -- team --store postgres | --store both
 *
 * On PostgreSQL (issue 19) the same fill is copied into a new PostgreSQL database (stores.ts,
 * postgresCopyOf, before any load ran) and the same server, workstations, load and judging run
 * on an app made with `database: <url>`, as `npm run server -- --database` makes it; with
 * `--store both` SQLite runs first, then PostgreSQL, and the figures are printed side by side
 * with the load average at each run's start and end (the machine may be shared).
 *
 * The workstations run in a thread of their own (team-workstations.ts), as a real workstation
 * runs on its own computer; each call is timed there. BENCH_TEAM_SAME_THREAD=1 runs them in the
 * server's thread, where every figure includes their TLS and JSON work too. team-probe.ts adds
 * the server's side: time and SQL per method, the event loop, lock waits and SQLITE_BUSY.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../app/create-app'
import { createSession } from '../app/context'
import { fixedClock } from '../lib/clock'
import { generateKey } from '../features/keys/key'
import { hashPassword } from '../features/session/passwords'
import { storePassword } from '../features/session/repository'
import { loadWijkRanges } from '../features/wijken/assignment'
import { loadOrCreateCertificate, type TlsMaterial } from '../server/certificate'
import { startTeamServer } from '../server/team-server'
import { connectToServer, type RemoteDispatcher } from '../remote/client'
import { fill } from './fill'
import { benchTeamSetup, envInt, seconds } from './setup'
import { signalsCsv } from '../test/kill'
import { createTeamProbe } from './team-probe'
import { measuredMs, startWorkstationThread } from './team-workstations'
import { benchStores, postgresCopyOf, type BenchPostgres, type BenchStore } from './stores'
import { refreshFacts } from '../features/monitor/facts'
import { TEST_PASSWORD_PARAMS } from '../test/fixtures'
import type { ApiResult } from '@shared/api/define'
import {
  attemptFromCaseFile,
  casesForPairs,
  reportEditPairs,
  runEditPairs,
  type EditPairFigures,
  type TimedCall,
} from './team-conflicts'

const TODAY = '2026-11-10'
const PASSWORD = 'bench-wachtwoord-lang'

const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

/** What one store's run measured, for the verdict and the side-by-side table. */
interface TeamFigures {
  store: BenchStore
  /** Per call label, the times in ms, sorted. */
  calls: Map<string, number[]>
  /** All consulent and monitor calls (the import's steps not included), sorted. */
  all: number[]
  errors: string[]
  logged: number
  pairRows: number
  newRows: number
  distinct: number
  lost: boolean
  importMs: number | null
  pairs: EditPairFigures[]
  pairsOk: boolean
  /** The 1-minute load average at the load's start and end. */
  load: [number, number]
}

const STORE_NAME: Record<BenchStore, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }

export async function runTeamBench(): Promise<void> {
  // A `--small` run (npm test) takes both stores (BENCH_TEAM_STORE, bench.ts), so the team load on
  // PostgreSQL cannot break unnoticed; that adds about 10 s. `--store` decides when given.
  const stores = benchStores(process.env.BENCH_TEAM_STORE)
  const workstations = envInt('BENCH_TEAM_CLIENTS', 30)
  const duration = envInt('BENCH_TEAM_SECONDS', 60) * 1000
  const cases = envInt('BENCH_CASES', 60_000)
  const signals = envInt('BENCH_SIGNALS', 100_000)
  const importRows = envInt('BENCH_TEAM_IMPORT_ROWS', 5_000)
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-team-'))
  const clock = fixedClock(`${TODAY}T09:30:00.000Z`)
  const key = generateKey()
  const app = await createApp({
    dataDir: join(dir, 'sqlite'),
    key,
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  const thread = process.env.BENCH_TEAM_SAME_THREAD === '1' ? null : startWorkstationThread()
  let pgs: BenchPostgres | null = null
  try {
    const db = app.database.db
    const consulenten = await benchTeamSetup(db, TODAY)
    const t0 = performance.now()
    fill(app.database.raw, {
      cases,
      signals,
      today: TODAY,
      days: 365,
      ranges: await loadWijkRanges(db),
      consulenten,
    })
    app.database.raw.exec('ANALYZE')
    // As the server does at its start (server/background.ts): the monitor's summary up to date,
    // so the first opening of the Monitor does not build it for all of the fill's cases.
    await refreshFacts(db)
    const hash = await hashPassword(PASSWORD, TEST_PASSWORD_PARAMS)
    const users = await db.selectFrom('app_user').select(['id', 'naam', 'rol']).execute()
    for (const u of users) await storePassword(db, u.id, hash, false)
    const tls = await loadOrCreateCertificate({
      dataDir: dir,
      names: ['localhost', '127.0.0.1'],
      now: new Date(),
    })
    console.log(
      `Lange Adem team benchmark: ${workstations} workstations over TLS for ${seconds(duration)}, ` +
        `${cases.toLocaleString('en-US')} cases (fill ${seconds(performance.now() - t0)}), on ${stores.map((st) => STORE_NAME[st]).join(' and then ')}`,
    )
    // The copy is made before any load, so both stores start from the same rows.
    if (stores.includes('postgres')) pgs = await postgresCopyOf(app.database.raw)
    const results: TeamFigures[] = []
    const sizes = { workstations, duration, importRows }
    for (const store of stores) {
      console.log(`\n=== ${STORE_NAME[store]}`)
      if (store === 'sqlite') {
        results.push(await teamLoad(app, store, null, tls, thread, sizes))
        continue
      }
      const onPostgres = await createApp({
        dataDir: join(dir, 'postgres'),
        key,
        clock,
        passwordParams: TEST_PASSWORD_PARAMS,
        database: pgs!.url,
      })
      try {
        results.push(await teamLoad(onPostgres, store, pgs!.url, tls, thread, sizes))
      } finally {
        await onPostgres.close()
      }
    }
    if (results.length > 1) console.log(`\n${sideBySideTeam(results, importRows)}`)
    if (results.some((r) => !passed(r))) process.exitCode = 1
  } finally {
    await thread?.stop()
    await pgs?.close()
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const passed = (r: TeamFigures) => p(r.all, 0.95) < 100 && r.errors.length === 0 && !r.lost && r.pairsOk

/** One store's load: the server on `app`, the workstations, the day's mix, the import, the verdict. */
async function teamLoad(
  app: App,
  store: BenchStore,
  postgresUrl: string | null,
  tls: TlsMaterial,
  thread: ReturnType<typeof startWorkstationThread> | null,
  { workstations, duration, importRows }: { workstations: number; duration: number; importRows: number },
): Promise<TeamFigures> {
  const db = app.database.db
  const clients: RemoteDispatcher[] = []
  const probe = createTeamProbe()
  if (postgresUrl) probe.watchPostgres(postgresUrl)
  else probe.watch(app.database.raw)
  const server = await startTeamServer({ app: probe.wrap(app), host: '127.0.0.1', port: 0, tls })
  try {
    const users = await db.selectFrom('app_user').select(['id', 'naam', 'rol']).execute()
    const consulentUsers = users.filter((u) => u.rol === 'consulent')
    const kwaliteit = users.find((u) => u.rol === 'kwaliteitsmedewerker')!
    const times = new Map<string, number[]>()
    const errors: string[] = []
    let logged = 0
    let collidedInMix = 0
    const timedResult = async (
      remote: RemoteDispatcher,
      label: string,
      method: string,
      input: unknown,
      file?: Uint8Array,
    ): Promise<ApiResult<unknown>> => {
      const start = performance.now()
      const res = await remote.call(createSession(), method, input, file)
      // Timed in the workstations' thread when they run there (team-workstations.ts).
      const ms = measuredMs.get(res) ?? performance.now() - start
      if (!times.has(label)) times.set(label, [])
      times.get(label)!.push(ms)
      return res
    }
    const timed = async (
      remote: RemoteDispatcher,
      label: string,
      method: string,
      input: unknown,
      file?: Uint8Array,
    ) => {
      const res = await timedResult(remote, label, method, input, file)
      if (!res.ok) {
        errors.push(`${method}: ${res.error.message}`)
        return null
      }
      return res.value
    }
    const connect = async (werkplek: string, userId: number) => {
      const where = { url: server.url, fingerprint: tls.fingerprint, werkplek }
      const remote = thread ? await thread.connect(where) : await connectToServer(where)
      clients.push(remote)
      const res = await remote.call(createSession(), 'session.signIn', { userId, wachtwoord: PASSWORD })
      if (!res.ok) throw new Error(`sign-in: ${res.error.message}`)
      return remote
    }
    const desks = await Promise.all(
      Array.from({ length: workstations }, (_, i) =>
        connect(`Werkplek ${i + 1}`, consulentUsers[i % consulentUsers.length]!.id),
      ),
    )
    const office = await connect('Kwaliteit', kwaliteit.id)
    const attemptsBefore = Number(
      (
        await db
          .selectFrom('contactpoging')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

    probe.start()
    const load0 = loadavg()[0]!
    const loadStart = performance.now()
    const end = loadStart + duration
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    const surnames = ['Jansen', 'de Vries', 'Bakker', 'Smit', 'Peeters']
    // A change refused with the fresh case file is an answer (attemptFromCaseFile saves again), no error.
    const caseFileCall =
      (remote: RemoteDispatcher): TimedCall =>
      async (label, method, input) => {
        const res = await timedResult(remote, label, method, input)
        if (!res.ok && !(res.error.code === 'conflict' && res.error.dossier))
          errors.push(`${method}: ${res.error.message}`)
        return res
      }
    // Pairs of colleagues editing one case at once: the consulent of wijk k and the colleague who
    // helps in wijken 1-5, each at a workstation of their own (team-conflicts.ts).
    const helper = users.find((u) => u.naam === 'Consulent 11')!
    const pairDesks = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const own = users.find((u) => u.naam === `Consulent ${k + 1}`)!
        return {
          k,
          a: await connect(`Paar ${k + 1} A`, own.id),
          b: await connect(`Paar ${k + 1} B`, helper.id),
          caseIds: await casesForPairs(db, own.id, surnames, 10),
        }
      }),
    )
    const pairs = () =>
      Promise.all(
        pairDesks.map(async (p) => {
          await sleep(1000 + p.k * 250)
          return runEditPairs({
            db,
            a: (label, method, input) => timedResult(p.a, label, method, input),
            b: (label, method, input) => timedResult(p.b, label, method, input),
            caseIds: p.caseIds,
            tag: String(p.k + 1),
            everyMs: (duration - 2000) / 10,
            until: end,
          })
        }),
      )
    const day = async (remote: RemoteDispatcher, i: number) => {
      // Spread the starts over the first two seconds, as people do not all click at once.
      await sleep((i * 2000) / workstations)
      let round = 0
      while (performance.now() < end) {
        const started = performance.now()
        const today = (await timed(remote, 'Vandaag', 'ladder.today', {})) as {
          groepen: { items: { caseId: number }[] }[]
        } | null
        const zoek = surnames[(i + round) % surnames.length]!
        const list = (await timed(remote, 'caseload search', 'caseload.list', { zoek, status: 'open' })) as {
          rows: { id: number }[]
        } | null
        const caseId =
          today?.groepen.flatMap((g) => g.items)[round % 10]?.caseId ?? list?.rows[round % 10]?.id ?? null
        if (caseId !== null) {
          const { saved, collided } = await attemptFromCaseFile(caseFileCall(remote), caseId, {
            kanaal: 'telefoon',
            bereikt: false,
            resultaat: 'Geen gehoor',
            notitie: `Bench ${i}-${round}`,
          })
          if (collided) collidedInMix++
          if (saved?.ok) logged++
          else if (saved?.error.dossier)
            errors.push('ladder.logAttempt: refused five times, colleagues kept changing the case')
        }
        await timed(remote, 'walk-in search', 'walkin.search', { zoek })
        round++
        await sleep(Math.max(0, 2000 - (performance.now() - started)))
      }
    }
    const monitor = async () => {
      while (performance.now() < end) {
        await timed(office, 'monitor', 'monitor.dashboard', { van: '2026-01-01', tot: TODAY })
        await sleep(10_000)
      }
    }
    const importOnce = async () => {
      await sleep(Math.min(5_000, duration / 4))
      const csv = signalsCsv(importRows, { idPrefix: 'TEAM', signaaldatum: '05-11-2026' })
      const start = performance.now()
      const up = (await timed(
        office,
        'import: upload',
        'intake.upload',
        { fileName: 'team.csv' },
        new Uint8Array(Buffer.from(csv)),
      )) as {
        uploadId: string
      } | null
      if (!up) return null
      const a = (await timed(office, 'import: analyse', 'intake.analyse', { uploadId: up.uploadId })) as {
        mapping: unknown
      } | null
      if (!a) return null
      await timed(office, 'import: commit', 'intake.commit', {
        uploadId: up.uploadId,
        mapping: a.mapping,
        bron: 'Bench',
      })
      return performance.now() - start
    }
    const [importMs, pairFigures] = await Promise.all([
      importOnce(),
      pairs(),
      monitor(),
      ...desks.map((d, i) => day(d, i)),
    ])
    const load1 = loadavg()[0]!
    await probe.report((performance.now() - loadStart) / 1000, thread === null)
    const pairRows = pairFigures.reduce((n, f) => n + f.oneWinner, 0)

    const attemptsAfter = Number(
      (
        await db
          .selectFrom('contactpoging')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const benchNotes = await db
      .selectFrom('contactpoging')
      .select(['notitie'])
      .where('notitie', 'like', 'Bench %')
      .execute()
    const distinct = new Set(benchNotes.map((r) => r.notitie)).size

    const all: number[] = []
    console.log(
      `\n${'call'.padEnd(22)} ${'n'.padStart(6)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`,
    )
    for (const [label, list] of times) {
      const sorted = [...list].sort((a, b) => a - b)
      if (!label.startsWith('import')) all.push(...list)
      console.log(
        `${label.padEnd(22)} ${String(sorted.length).padStart(6)} ${p(sorted, 0.5).toFixed(1).padStart(7)}ms ${p(sorted, 0.95).toFixed(1).padStart(7)}ms ${sorted[sorted.length - 1]!.toFixed(1).padStart(7)}ms`,
      )
    }
    const sortedAll = all.sort((a, b) => a - b)
    const p95 = p(sortedAll, 0.95)
    const lost = attemptsAfter - attemptsBefore !== logged + pairRows || distinct !== logged
    console.log(
      `\nAll consulent and monitor calls: ${sortedAll.length}, p95 ${p95.toFixed(1)} ms (target < 100 ms) ${p95 < 100 ? 'PASS' : 'FAIL'}`,
    )
    console.log(`Errors: ${errors.length} (target 0) ${errors.length === 0 ? 'PASS' : 'FAIL'}`)
    for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  ${e}`)
    console.log(
      `Logged attempts confirmed: ${logged} (and ${pairRows} of the edit pairs); new rows: ${attemptsAfter - attemptsBefore}; distinct: ${distinct} ` +
        `(lost or doubled: ${lost ? 'YES' : '0'}) ${lost ? 'FAIL' : 'PASS'}`,
    )
    console.log(
      `Import of ${importRows.toLocaleString('en-US')} rows during the load: ${importMs === null ? 'FAILED' : seconds(importMs)}`,
    )
    const pairsOk = reportEditPairs(pairFigures, collidedInMix)
    console.log(
      `Load average (1 min) at the load's start and end: ${load0.toFixed(2)}, ${load1.toFixed(2)} (2 shared cores)`,
    )
    const calls = new Map([...times].map(([label, list]) => [label, [...list].sort((a, b) => a - b)]))
    return {
      store,
      calls,
      all: sortedAll,
      errors,
      logged,
      pairRows,
      newRows: attemptsAfter - attemptsBefore,
      distinct,
      lost,
      importMs,
      pairs: pairFigures,
      pairsOk,
      load: [load0, load1],
    }
  } finally {
    await probe.stop()
    for (const c of clients) await c.close()
    await server.close()
  }
}

/** The figures of both stores side by side, with the load average beside each run. */
function sideBySideTeam(results: TeamFigures[], importRows: number): string {
  const labels = [...new Set(results.flatMap((r) => [...r.calls.keys()]))]
  const ms = (v: number) => `${v.toFixed(1)} ms`
  const rows: string[][] = [
    ['Figure', ...results.map((r) => STORE_NAME[r.store]), 'Target'],
    [
      'all consulent and monitor calls, p95',
      ...results.map((r) => `${ms(p(r.all, 0.95))} ${p(r.all, 0.95) < 100 ? 'PASS' : 'FAIL'}`),
      '< 100 ms',
    ],
    ['calls', ...results.map((r) => String(r.all.length)), ''],
    ['errors', ...results.map((r) => `${r.errors.length} ${r.errors.length ? 'FAIL' : 'PASS'}`), '0'],
    [
      'attempts confirmed / new rows / lost or doubled',
      ...results.map((r) => `${r.logged + r.pairRows} / ${r.newRows} / ${r.lost ? 'YES FAIL' : '0 PASS'}`),
      '0 lost',
    ],
    [
      'edit pairs with exactly one winner',
      ...results.map(
        (r) =>
          `${r.pairs.reduce((n, f) => n + f.oneWinner, 0)} of ${r.pairs.reduce((n, f) => n + f.pairs, 0)} ${r.pairsOk ? 'PASS' : 'FAIL'}`,
      ),
      'every pair',
    ],
    [
      `import of ${importRows.toLocaleString('en-US')} rows during the load`,
      ...results.map((r) => (r.importMs === null ? 'FAILED' : seconds(r.importMs))),
      '',
    ],
    ...labels.map((label) => [
      `${label}, median / p95`,
      ...results.map((r) => {
        const list = r.calls.get(label)
        return list?.length ? `${p(list, 0.5).toFixed(1)} / ${ms(p(list, 0.95))}` : '-'
      }),
      '',
    ]),
    [
      'load average (1 min), start / end',
      ...results.map((r) => r.load.map((l) => l.toFixed(2)).join(' / ')),
      '',
    ],
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [
    'The team load side by side',
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n')
}
