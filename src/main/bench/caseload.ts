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
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setupInput } from '@shared/api/setup'
import { formatDate } from '@shared/format/dates'
import { migrateToLatest, openDatabase } from '../db/database'
import { completeSetup } from '../features/setup/service'
import { loadWijkRanges } from '../features/wijken/assignment'
import { fill } from './fill'
import { checkSummaries, explain, measure, table, type Measurement, type Scenario } from './measure'

const TODAY = '2026-11-10'
const WIJKEN = [
  'Centrum',
  "Kapel in 't Zand",
  'Maasniel',
  'Roermond-Oost',
  'Donderberg',
  'Leeuwen',
  'Hoogvonderen',
  'Herten',
  'Swalmen',
  'Asenray',
]

function envInt(name: string, fallback: number): number {
  const v = process.env[name]
  if (!v) return fallback
  const n = Number(v.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${v}"`)
  return n
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export async function runCaseloadBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 600_000)
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  if (signals < cases)
    throw new Error('BENCH_SIGNALS must be at least BENCH_CASES: every case holds a signal')
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-'))
  const file = join(dir, 'bench.sqlite')
  const opened = openDatabase(file)
  const started = performance.now()
  try {
    await migrateToLatest(opened.db)
    // 10 wijken of five PC4 areas each; one consulent per wijk and two who help in five each.
    await completeSetup(
      opened.db,
      `${TODAY}T08:00:00.000Z`,
      setupInput.parse({
        team: {
          gemeenteNaam: 'Roermond',
          gemeenteCode: '0957',
          teamNaam: 'Team Vroegsignalering',
          postadres: 'Postbus 900\n6040 AX Roermond',
          bezoekadres: 'Markt 31\n6041 EM Roermond',
          telefoon: '0475 359 999',
          email: 'vroegsignalering@roermond.nl',
          inloopDag: 'dinsdag',
          inloopStart: '09:00',
          inloopEind: '11:00',
          inloopPlaats: 'Stadskantoor',
        },
        wijken: WIJKEN.map((naam, w) => ({ naam, postcodes: `${6001 + 5 * w}-${6005 + 5 * w}` })),
        medewerkers: [
          ...WIJKEN.map((w, i) => ({ naam: `Consulent ${i + 1}`, rol: 'consulent', wijken: [w] })),
          { naam: 'Consulent 11', rol: 'consulent', wijken: WIJKEN.slice(0, 5) },
          { naam: 'Consulent 12', rol: 'consulent', wijken: WIJKEN.slice(5) },
          { naam: 'Kwaliteit', rol: 'kwaliteitsmedewerker', wijken: [] },
        ],
      }),
    )
    const links = await opened.db
      .selectFrom('user_wijk')
      .innerJoin('app_user', 'app_user.id', 'user_wijk.user_id')
      .select(['user_wijk.wijk_id', 'app_user.id'])
      .where('app_user.rol', '=', 'consulent')
      .orderBy('app_user.id')
      .execute()
    const consulenten = new Map<number, number[]>()
    for (const l of links) consulenten.set(l.wijk_id, [...(consulenten.get(l.wijk_id) ?? []), l.id])

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

    const consulent = consulenten.get(await wijkId(opened, 'Donderberg'))![0]!
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
      { label: '(4) no filter, open, newest first', query: {} },
      {
        label: `(5) birth date ${formatDate(filled.birthDate)}`,
        query: { zoek: formatDate(filled.birthDate) },
      },
    ]
    const results: Measurement[] = []
    for (const s of scenarios) results.push(await measure(opened.db, TODAY, s))
    console.log('')
    console.log('listCaseload, page 1 of 50 rows with its total count; 5 warm-up runs, then 50 timed runs')
    console.log(table(results))
    const failed = results.filter((r) => r.pass === false)
    if (process.env.BENCH_EXPLAIN || failed.length) {
      for (const r of process.env.BENCH_EXPLAIN ? results : failed) {
        console.log(`\n${r.scenario.label}`)
        console.log(await explain(opened.raw, TODAY, r.scenario))
      }
    }
    console.log(
      `\nTotal time ${seconds(performance.now() - started)}; ${failed.length ? `${failed.length} target(s) missed` : 'all targets met'}.`,
    )
    process.exitCode = failed.length ? 1 : 0
  } finally {
    await opened.close()
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true })
  }
}

async function wijkId(opened: ReturnType<typeof openDatabase>, naam: string): Promise<number> {
  return (await opened.db.selectFrom('wijk').select('id').where('naam', '=', naam).executeTakeFirstOrThrow())
    .id
}
