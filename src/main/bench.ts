/**
 * `npm run bench [-- NAME ...]`: every benchmark, or the named ones. Each prints its figures
 * and its targets; the exit code is non-zero when a target is missed.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- caseload     only the caseload benchmark
 */
import { runCaseloadBench } from './bench/caseload'
import { runLadderBench } from './bench/ladder'
import { runMonitorBench } from './bench/monitor'
import { fillIntakeBenchDb, runIntakeBench } from './bench/intake'
import { runDocumentsBench } from './bench/documents'
import { runDdasVsBench } from './bench/ddas-vs'

const BENCHES: Record<string, () => Promise<void>> = {
  caseload: runCaseloadBench,
  ladder: runLadderBench,
  monitor: runMonitorBench,
  intake: runIntakeBench,
  documents: runDocumentsBench,
  'ddas-vs': runDdasVsBench,
}

async function main(): Promise<void> {
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
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const unknown = asked.filter((a) => !(a in BENCHES))
  if (unknown.length)
    throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`)
  let failed = false
  for (const name of asked.length ? asked : Object.keys(BENCHES)) {
    console.log(`\n##### benchmark: ${name}`)
    process.exitCode = 0
    await BENCHES[name]!()
    if (process.exitCode) failed = true
  }
  process.exitCode = failed ? 1 : 0
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
