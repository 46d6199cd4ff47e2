/**
 * Monitor benchmark: the caseload benchmark's database (default 600,000 cases, 1,000,000 signals
 * over three years) plus 3,000,000 contact attempts, then
 *   - the first build of the monitor's anonymous facts (once, after a bulk load or upgrade);
 *   - the full dashboard for one year (target: median under 300 ms);
 *   - the DDAS export of a large municipality's month: the most recent days holding 4,000
 *     signals (target: under 2 s), in v1.2 and in v0.9, each checked against its official schema.
 *
 *   npm run bench -- monitor
 *   BENCH_CASES=60000 BENCH_SIGNALS=100000 BENCH_ATTEMPTS=300000 npm run bench -- monitor   quick run
 *   --store postgres | --store both                on PostgreSQL, or on both side by side (stores.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { CONTACTSOORTEN, dagdeelForHour, type Contactsoort } from '@shared/domain/ddas'
import { addDays } from '@shared/format/dates'
import { openDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { loadWijkRanges } from '../features/wijken/assignment'
import { createRandom } from '../features/demo/random'
import { refreshFacts } from '../features/monitor/facts'
import { getDashboard } from '../features/monitor/service'
import { exportDdas } from '../features/monitor/exports'
import type { DdasVersie } from '@shared/api/monitor'
import { fill } from './fill'
import { benchMonitorSettings, benchTeamSetup, envInt, seconds } from './setup'
import {
  type BenchPostgres,
  type StoreFigure,
  benchStores,
  loadAverage,
  postgresCopyOf,
  sideBySide,
  vacuumAnalyze,
} from './stores'

const TODAY = '2026-11-10'
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const fmt = (n: number) => n.toLocaleString('en-US')

/** Attempts along the contact ladder, spread over the cases; about 40% of cases are reached. */
function fillAttempts(raw: BetterSqlite3.Database, attempts: number): number {
  const rnd = createRandom(6_000_006)
  const cases = raw.prepare('select id, datum_opgepakt from vroegsignaalzaak order by id').raw().all() as [
    number,
    string,
  ][]
  const ins = raw.prepare(
    `insert into contactpoging (case_id, soort, bereikt, datum, dagdeel, resultaat, notitie, created_at, created_by)
     values (?, ?, ?, ?, ?, '', '', ?, null)`,
  )
  const share: Record<Contactsoort, number> = {
    Telefoon: 40,
    'SMS/Whatsapp': 25,
    Mail: 5,
    Brief: 10,
    Huisbezoek: 12,
    Kaartje: 6,
    'Afspraak op locatie': 2,
    Overige: 1,
    Administratief: 1,
    Onbekend: 0,
  }
  const weights = CONTACTSOORTEN.map((s) => [s, share[s]] as const)
  let written = 0
  const perCase = attempts / cases.length
  raw.exec('begin')
  cases.forEach(([id, opened], i) => {
    // Spread evenly so the total is exact: this case's share of the running total.
    const n = Math.round((i + 1) * perCase) - Math.round(i * perCase)
    const reachAt = rnd.chance(0.4) ? rnd.int(0, Math.max(0, n - 1)) : -1
    for (let k = 0; k < n; k++) {
      const datum = addDays(opened, k * rnd.int(1, 4))
      const hour = rnd.int(8, 20)
      ins.run(
        id,
        rnd.weighted(weights),
        k === reachAt ? 1 : 0,
        datum,
        dagdeelForHour(hour),
        `${datum}T${String(hour).padStart(2, '0')}:00:00.000Z`,
      )
      if (++written % 50_000 === 0) {
        raw.exec('commit')
        raw.exec('begin')
      }
    }
  })
  raw.exec('commit')
  return written
}

export async function runMonitorBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 600_000)
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  const attempts = envInt('BENCH_ATTEMPTS', 3_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-monitor-'))
  const opened = openDatabase(join(dir, 'bench.sqlite'), generateKey())
  try {
    const db = opened.db
    const consulenten = await benchTeamSetup(db, TODAY, { helpers: 0 })
    await benchMonitorSettings(db, TODAY, 'BENCH')

    console.log(
      `Lange Adem monitor benchmark: ${fmt(cases)} cases, ${fmt(signals)} signals, ${fmt(attempts)} attempts`,
    )
    let t = performance.now()
    fill(opened.raw, {
      cases,
      signals,
      today: TODAY,
      days: 3 * 365,
      ranges: await loadWijkRanges(db),
      consulenten,
    })
    const written = fillAttempts(opened.raw, attempts)
    console.log(`Fill: ${seconds(performance.now() - t)} (${fmt(written)} attempts)`)

    // The most recent days that together hold about 4,000 signals: a large municipality's month.
    const perDay = opened.raw
      .prepare(
        'select signaaldatum, count(*) from vroegsignaal group by signaaldatum order by signaaldatum desc',
      )
      .raw()
      .all() as [string, number][]
    let n = 0
    let van = TODAY
    for (const [day, c] of perDay) {
      if (n >= 4000) break
      n += c
      van = day
    }
    const stores = benchStores()
    const figures: StoreFigure[] = [
      { label: 'First build of the anonymous facts', ms: {} },
      { label: 'Dashboard, one year', ms: {}, targetMs: 300 },
      { label: `DDAS export v1.2, ${fmt(n)} signals`, ms: {}, targetMs: 2000 },
      { label: `DDAS export v0.9, ${fmt(n)} signals`, ms: {}, targetMs: 2000 },
    ]
    const load: Record<string, string> = {}
    // PostgreSQL gets the rows before the facts are built, so it builds its own (and is timed).
    let pgs: BenchPostgres | null = null
    try {
      if (stores.includes('postgres')) {
        pgs = await postgresCopyOf(opened.raw)
      }
      for (const store of stores) {
        const db = store === 'postgres' ? pgs!.opened.db : opened.db
        console.log(`\n${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}:`)
        t = performance.now()
        const built = await refreshFacts(db)
        if (store === 'postgres') await vacuumAnalyze(pgs!.url)
        else opened.raw.exec('ANALYZE')
        figures[0]!.ms[store] = performance.now() - t
        console.log(
          `First build of the anonymous facts (once after a bulk load or upgrade; later only changed cases): ` +
            `${seconds(performance.now() - t)} for ${fmt(built.cases)} cases and ${fmt(built.signals)} signals`,
        )

        const year = { van: addDays(TODAY, -364), tot: TODAY }
        let d = await getDashboard(db, year)
        for (let i = 0; i < 3; i++) d = await getDashboard(db, year)
        const times: number[] = []
        for (let i = 0; i < 15; i++) {
          const t0 = performance.now()
          d = await getDashboard(db, year)
          times.push(performance.now() - t0)
        }
        const dashMs = median(times)
        console.log(
          `Dashboard, one year (${year.van} to ${year.tot}): ${fmt(d.ontvangen)} signals, ${fmt(d.opgepakt)} cases, reach ${d.bereik.pct}%; ` +
            `median ${dashMs.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target < 300 ms) ${dashMs < 300 ? 'PASS' : 'FAIL'}`,
        )

        // v1.2 (the default, target < 2 s) and v0.9 on request; each checked against its schema.
        const ddasMs: Record<DdasVersie, number> = { '1.2': 0, '0.9': 0 }
        for (const versie of ['1.2', '0.9'] as const) {
          const ddasTimes: number[] = []
          let file: Awaited<ReturnType<typeof exportDdas>> | null = null
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now()
            file = await exportDdas(
              db,
              { at: `${TODAY}T12:00:00.000Z`, today: TODAY, userId: null },
              { van, tot: TODAY, versie },
            )
            ddasTimes.push(performance.now() - t0)
          }
          ddasMs[versie] = median(ddasTimes)
          console.log(
            `DDAS export v${versie} ${van} to ${TODAY}: ${fmt(file!.vroegsignalen)} signals, ${fmt(file!.zaken)} cases, ` +
              `${((file!.base64.length * 0.75) / 1024 / 1024).toFixed(1)} MB; median ${ddasMs[versie].toFixed(0)} ms (target < 2000 ms) ${ddasMs[versie] < 2000 ? 'PASS' : 'FAIL'}` +
              (file!.opmerkingen.length ? `; ${file!.opmerkingen.join(' ')}` : ''),
          )
        }
        figures[1]!.ms[store] = dashMs
        figures[2]!.ms[store] = ddasMs['1.2']
        figures[3]!.ms[store] = ddasMs['0.9']
        load[store] = await loadAverage()
        if (dashMs >= 300 || ddasMs['1.2'] >= 2000 || ddasMs['0.9'] >= 2000) process.exitCode = 1
      }
    } finally {
      await pgs?.close()
    }
    if (stores.length > 1) {
      console.log('\nMonitor side by side (medians)')
      console.log(sideBySide(figures, stores, load))
    }
  } finally {
    await opened.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
