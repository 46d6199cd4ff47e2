/**
 * `npm run bench [-- NAME ...]`: every benchmark, or the named ones. Each prints its figures
 * and its targets; the exit code is non-zero when a target is missed.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- caseload     only the caseload benchmark
 *   npm run bench -- --list       the names, one a line
 *   npm run bench -- caseload --store postgres   on PostgreSQL (caseload, ladder, monitor, team; see
 *                                 bench/stores.ts); `--store both`: SQLite and PostgreSQL side by side
 *   npm run bench -- --small      every benchmark once at a few hundred rows, targets not judged:
 *                                 npm test runs this, so a benchmark cannot break unnoticed
 */
import { runCaseloadBench } from './bench/caseload'
import { runLadderBench } from './bench/ladder'
import { runMonitorBench } from './bench/monitor'
import { fillIntakeBenchDb, runIntakeBench } from './bench/intake'
import { runIntakePgBench } from './bench/intake-pg'
import { runDocumentsBench } from './bench/documents'
import { runDdasVsBench } from './bench/ddas-vs'
import { runDurabilityBench } from './bench/durability'
import { runTeamBench } from './bench/team'
import { runExportBench } from './bench/export'
import { isWorkstationThread, serveWorkstations } from './bench/team-workstations'

const BENCHES: Record<string, () => Promise<void>> = {
  caseload: runCaseloadBench,
  ladder: runLadderBench,
  monitor: runMonitorBench,
  // BENCH_STORE=postgres: the same import on PostgreSQL (bench/intake-pg.ts)
  intake: () => (process.env.BENCH_STORE === 'postgres' ? runIntakePgBench() : runIntakeBench()),
  documents: runDocumentsBench,
  'ddas-vs': runDdasVsBench,
  durability: runDurabilityBench,
  team: runTeamBench,
  export: runExportBench,
}

/** The sizes of a `--small` run; a size already set in the environment wins. */
const SMALL_SIZES: Record<string, string> = {
  BENCH_CASES: '300',
  BENCH_SIGNALS: '500',
  BENCH_ATTEMPTS: '1500',
  BENCH_ROWS: '300',
  BENCH_LETTERS: '40',
  BENCH_ACTIONS: '40',
  BENCH_TEAM_SECONDS: '4',
  BENCH_TEAM_CLIENTS: '5',
  BENCH_TEAM_IMPORT_ROWS: '200',
  // The team bench on both stores (team.ts); `--store` still decides when given.
  BENCH_TEAM_STORE: 'both',
}

async function main(): Promise<void> {
  // The team bench's workstations run in a worker thread started on this same bundle
  if (isWorkstationThread()) return serveWorkstations()
  // The intake bench fills its database in a child process of this same script.
  const fillFile = process.env.BENCH_INTAKE_FILL
  if (fillFile) {
    const { envInt } = await import('./bench/setup')
    return fillIntakeBenchDb(
      fillFile,
      process.env.BENCH_INTAKE_KEY ?? '',
      envInt('BENCH_CASES', 600_000),
      envInt('BENCH_SIGNALS', 1_000_000),
    )
  }
  if (process.argv.includes('--list')) return console.log(Object.keys(BENCHES).join('\n'))
  const small = process.argv.includes('--small')
  if (small) {
    for (const [k, v] of Object.entries(SMALL_SIZES)) process.env[k] ??= v
    // A cache of a full-size fill must not stand in for the small one
    delete process.env.BENCH_FILL_CACHE
  }
  // `--store sqlite|postgres|both` (or `--store=...`) for the benches that run on either store
  const args: string[] = []
  const given = process.argv.slice(2)
  for (let i = 0; i < given.length; i++) {
    const a = given[i]!
    if (a === '--store') process.env.BENCH_STORE = given[++i] ?? ''
    else if (a.startsWith('--store=')) process.env.BENCH_STORE = a.slice('--store='.length)
    else args.push(a)
  }
  const asked = args.filter((a) => !a.startsWith('-'))
  const unknown = asked.filter((a) => !(a in BENCHES))
  if (unknown.length)
    throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`)
  let failed = false
  for (const name of asked.length ? asked : Object.keys(BENCHES)) {
    console.log(`\n##### benchmark: ${name}`)
    process.exitCode = 0
    await BENCHES[name]!()
    // A small run checks that the benchmark runs to its end; its figures say nothing of the targets
    if (small)
      console.log(`(small run: ${process.exitCode ? 'a target was missed, which' : 'targets'} not judged)`)
    else if (process.exitCode) failed = true
  }
  process.exitCode = failed ? 1 : 0
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
