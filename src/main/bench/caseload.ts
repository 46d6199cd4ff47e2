/**
 * Caseload benchmark: a database file with the real migrations, filled with a large town's
 * three years of work (default 600,000 cases holding 1,000,000 signals), then the real
 * listCaseload measured on the paths a consulent uses every day.
 *
 *   npm run bench -- caseload                      full size (about 2 minutes on 2 cores)
 *   BENCH_CASES=60000 BENCH_SIGNALS=100000 npm run bench     quick run
 *   BENCH_EXPLAIN=1                                print the query plans
 *   BENCH_NO_ANALYZE=1                             skip ANALYZE, as in an app database without statistics
 *   BENCH_KEEP=1                                   keep the database file
 *   --store postgres | --store both                on PostgreSQL, or on both side by side (stores.ts)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatDate } from '@shared/format/dates'
import { openDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { loadWijkRanges } from '../features/wijken/assignment'
import { fill } from './fill'
import { checkSummaries, explain, measure, table, type Measurement, type Scenario } from './measure'
import { benchTeamSetup, envInt, seconds } from './setup'
import {
  type BenchPostgres,
  type StoreFigure,
  benchStores,
  explainPostgres,
  loadAverage,
  postgresCopyOf,
  sideBySide,
} from './stores'
import { listCaseload } from '../features/caseload/service'
import { caseloadQuery } from '@shared/api/caseload'
import { ALL_CASES } from '../features/access/scope'

const TODAY = '2026-11-10'

export async function runCaseloadBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 600_000)
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  if (signals < cases)
    throw new Error('BENCH_SIGNALS must be at least BENCH_CASES: every case holds a signal')
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-'))
  const file = join(dir, 'bench.sqlite')
  const opened = openDatabase(file, generateKey())
  const started = performance.now()
  try {
    // 10 wijken of five PC4 areas each; one consulent per wijk and two who help in five each.
    const consulenten = await benchTeamSetup(opened.db, TODAY)
    console.log(
      `Lange Adem caseload benchmark: ${cases.toLocaleString('en-US')} cases, ${signals.toLocaleString('en-US')} signals`,
    )
    console.log(`Database: ${file}`)
    const t0 = performance.now()
    const filled = fill(opened.raw, {
      cases,
      signals,
      today: TODAY,
      days: 3 * 365,
      ranges: await loadWijkRanges(opened.db),
      consulenten,
      onProgress: (done) => {
        if (process.stdout.isTTY) process.stdout.write(`\r  filling ${Math.round((100 * done) / cases)}%`)
      },
    })
    const fillMs = performance.now() - t0
    const t1 = performance.now()
    if (!process.env.BENCH_NO_ANALYZE) opened.raw.exec('ANALYZE')
    opened.raw.pragma('wal_checkpoint(TRUNCATE)')
    const analyzeMs = performance.now() - t1
    const size = statSync(file).size / 1024 / 1024
    if (process.stdout.isTTY) process.stdout.write('\r')
    console.log(
      `Fill: ${seconds(fillMs)} (${filled.households.toLocaleString('en-US')} households, ${filled.residents.toLocaleString('en-US')} residents, ` +
        `${filled.cases.toLocaleString('en-US')} cases of which ${filled.open.toLocaleString('en-US')} open, ${filled.signals.toLocaleString('en-US')} signals); ` +
        `${process.env.BENCH_NO_ANALYZE ? 'no ANALYZE' : `ANALYZE ${seconds(analyzeMs)}`}; file ${size.toFixed(0)} MB`,
    )
    const mismatches = await checkSummaries(opened.db, cases)
    if (mismatches.length)
      throw new Error(`Bulk rows differ from what the app writes:\n${mismatches.slice(0, 10).join('\n')}`)
    console.log(
      'Check: summary columns of 300 sampled cases equal what refreshCaseSummary computes; every open-case flag agrees.',
    )

    const donderberg = await wijkId(opened, 'Donderberg')
    const consulent = consulenten.get(donderberg)![0]!
    // What a consulent is allowed to see (features/access): her wijken, plus cases assigned to her
    const own = { kind: 'own' as const, userId: consulent, wijkIds: [donderberg] }
    const scenarios: Scenario[] = [
      { label: '(1) consulent, open, newest first', query: { consulent }, targetMs: 20 },
      {
        label: '(2) wijk, open, newest first',
        query: { wijkId: await wijkId(opened, 'Donderberg') },
        targetMs: 20,
      },
      {
        label: `(3a) surname, common: "${filled.surnames.common}"`,
        query: { zoek: filled.surnames.common },
        targetMs: 20,
      },
      {
        label: `(3b) surname, rare: "${filled.surnames.rare}"`,
        query: { zoek: filled.surnames.rare },
        targetMs: 20,
      },
      {
        label: "(1b) a consulent's own view, open, newest first",
        query: {},
        scope: own,
        targetMs: 20,
      },
      {
        label: `(3c) "${filled.surnames.common}" in a consulent's own view`,
        query: { zoek: filled.surnames.common },
        scope: own,
        targetMs: 20,
      },
      { label: '(4) no filter, open, newest first', query: {} },
      {
        label: `(5) birth date ${formatDate(filled.birthDate)}`,
        query: { zoek: formatDate(filled.birthDate) },
      },
    ]
    const stores = benchStores()
    const figures: StoreFigure[] = scenarios.map((s) => ({ label: s.label, ms: {}, targetMs: s.targetMs }))
    const load: Record<string, string> = {}
    let failed = 0
    for (const store of stores) {
      let pgs: BenchPostgres | null = null
      try {
        if (store === 'postgres') {
          pgs = await postgresCopyOf(opened.raw)
        }
        const db = pgs ? pgs.opened.db : opened.db
        const results: Measurement[] = []
        for (const s of scenarios) results.push(await measure(db, TODAY, s))
        load[store] = await loadAverage()
        results.forEach((r, i) => (figures[i]!.ms[store] = r.medianMs))
        console.log('')
        console.log(
          `${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: listCaseload, page 1 of 50 rows with its total count; 5 warm-up runs, then 50 timed runs (load ${load[store]})`,
        )
        console.log(table(results))
        const missed = results.filter((r) => r.pass === false)
        failed += missed.length
        if (process.env.BENCH_EXPLAIN || missed.length) {
          for (const r of process.env.BENCH_EXPLAIN ? results : missed) {
            console.log(`\n${r.scenario.label}`)
            console.log(
              pgs
                ? await explainPostgres(
                    pgs.url,
                    (spy) =>
                      listCaseload(
                        spy,
                        TODAY,
                        caseloadQuery.parse(r.scenario.query),
                        r.scenario.scope ?? ALL_CASES,
                      ),
                    /vroegsignaalzaak/,
                  )
                : await explain(opened.raw, TODAY, r.scenario),
            )
          }
        }
      } finally {
        await pgs?.close()
      }
    }
    if (stores.length > 1) {
      console.log('\nlistCaseload side by side (median of 50 runs)')
      console.log(sideBySide(figures, stores, load))
    }
    console.log(
      `\nTotal time ${seconds(performance.now() - started)}; ${failed ? `${failed} target(s) missed` : 'all targets met'}.`,
    )
    process.exitCode = failed ? 1 : 0
  } finally {
    await opened.close()
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true })
  }
}

async function wijkId(opened: ReturnType<typeof openDatabase>, naam: string): Promise<number> {
  return (await opened.db.selectFrom('wijk').select('id').where('naam', '=', naam).executeTakeFirstOrThrow())
    .id
}
