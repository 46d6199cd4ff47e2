/**
 * Intake benchmark. Targets (issue 12), both in the same run:
 * - at 1,000,000 signals (600,000 cases, the caseload bench's fill) a 100,000-row file imports
 *   at a time per row within 1.5 times the machine's write floor (the same four rows per signal
 *   with nothing else, bench/write-floor.ts);
 * - 50,000 rows import from the command line on a freshly set-up folder in under 5 s, the
 *   process start included.
 * It also prints where the import's time goes, and how a zip bomb disguised as a workbook is
 * refused (time and memory).
 *
 *   npm run bench -- intake                                  full size
 *   BENCH_CASES=60000 BENCH_SIGNALS=100000 BENCH_ROWS=20000   quick run (BENCH_CLI_ROWS, BENCH_BOMB_MB too)
 *   BENCH_FILL_CACHE=/tmp/intake-fill.sqlite                 keep the filled database for the next run
 *
 * The fill runs in a child process: the memory figure is the importing process's own peak, as
 * it would be in the app, not the fill's.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest, openDatabase, rawHandle, type OpenedDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { upgradeCipher } from '../features/keys/service'
import { loadWijkRanges } from '../features/wijken/assignment'
import { analyseFile, storeRows } from '../features/intake/service'
import { columnIndex, extractValues } from '../features/intake/rows'
import type { ImportSummary } from '@shared/api/intake'
import { fill } from './fill'
import { CATEGORIES, instrument } from './intake-breakdown'
import { freshFolder, measureBomb, measureCliImport } from './intake-cli'
import { DATABASE_FILE } from '../app/create-app'
import { measureWriteFloor } from './write-floor'
import { benchTeamSetup, envInt, seconds } from './setup'

export const TODAY = '2026-11-10'

const TYPES = ['Huurachterstand', 'Energieleverancier', 'Zorgverzekeraar', 'Drinkwater', 'CAK']
const SURNAMES = ['Janssen', 'de Vries', 'van den Berg', 'Peeters', 'Çelik', 'Smeets', 'Yılmaz', 'Hendriks']

/**
 * A platform export: semicolons, Dutch dates and amounts with euro signs; some known addresses,
 * re-sent IDs (when the database has signals) and bad rows.
 */
export function makeCsv(rows: number, existingSignals: number, prefix = 'NEW'): string {
  const out = [
    'Signaal ID;Soort;Bedrag;Signaaldatum;Voorl.;Achternaam;Geb.datum;Straat;Huisnr;Postcode;Woonplaats',
  ]
  const letters = (i: number) =>
    String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + (Math.floor(i / 26) % 26))
  for (let i = 0; i < rows; i++) {
    const kind = i % 20
    // 1 in 20 re-sends a signal already stored (the fill names them VPS-n), 1 in 20 has a problem
    const id =
      kind === 0 && existingSignals > 0 ? `VPS-${1 + ((i * 7919) % existingSignals)}` : `${prefix}-${i}`
    const known = kind < 5 // a quarter goes to addresses the fill created (6001-6050)
    const pc4 = 6001 + (i % 50)
    const pc = `${pc4} ${letters(known ? Math.floor(i / 50) % 676 : 300 + (i % 376))}`
    const nr = known ? 1 + (Math.floor(i / 50) % 30) : 200 + Math.floor(i / 376)
    const amount =
      kind === 19
        ? '-12,00'
        : `${(40 + ((i * 37) % 2400)).toLocaleString('nl-NL')},${String(i % 100).padStart(2, '0')}`
    const day = 1 + (i % 28)
    out.push(
      [
        id,
        TYPES[i % TYPES.length],
        `"€ ${amount}"`,
        `${day}-10-2026`,
        'J.',
        SURNAMES[i % SURNAMES.length],
        `${1 + (i % 28)}-0${1 + (i % 9)}-19${40 + (i % 60)}`,
        'Hoofdstraat',
        String(nr),
        pc,
        'Roermond',
      ].join(';'),
    )
  }
  return out.join('\r\n') + '\r\n'
}

/** Child-process entry: fills `file`, encrypted with `key`, and exits (see runIntakeBench). */
export async function fillIntakeBenchDb(
  file: string,
  key: string,
  cases: number,
  signals: number,
): Promise<void> {
  const opened = openDatabase(file, key)
  const consulenten = await benchTeamSetup(opened.db, TODAY, { helpers: 1 })
  fill(opened.raw, {
    cases,
    signals,
    today: TODAY,
    days: 3 * 365,
    ranges: await loadWijkRanges(opened.db),
    consulenten,
  })
  opened.raw.exec('ANALYZE')
  opened.raw.pragma('wal_checkpoint(TRUNCATE)')
  await opened.close()
}

const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const us = (ms: number, rows: number) => Math.round((ms * 1000) / rows)
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')

export interface ImportRun {
  summary: ImportSummary
  wallMs: number
  cpuMs: number
  analyseMs: number
  /** CPU after the rows were written and before the commit (the breakdown's commit share). */
  beforeCommitCpu: number
}

/**
 * The import as the command line and the import worker run it: read, analyse, then store in one
 * transaction. With `breakdown` every statement is timed (instrument).
 */
export async function importWith(
  open: string | (() => Promise<OpenedDatabase>),
  key: string,
  csvFile: string,
  breakdown: boolean,
): Promise<ImportRun & { spent?: ReturnType<typeof instrument> }> {
  const opened = typeof open === 'string' ? openDatabase(open, key) : await open()
  try {
    const spent = breakdown ? instrument(rawHandle(opened.db)) : undefined
    const t0 = performance.now()
    const c0 = cpuNow()
    const bytes = new Uint8Array(readFileSync(csvFile))
    const analysis = await analyseFile(opened.db, bytes, '', 'export.csv')
    const analyseMs = performance.now() - t0
    if (analysis.unplaced.length) throw new Error(`mapping incomplete: ${analysis.unplaced.join(', ')}`)
    const index = columnIndex(analysis.table.headers, analysis.mapping)
    const rows = analysis.table.rows
    function* items() {
      for (let i = 0; i < rows.length; i++)
        yield { line: rows.line(i), values: extractValues(rows, i, index) }
    }
    let beforeCommitCpu = 0
    const summary = await storeRows(
      opened.db,
      { at: `${TODAY}T10:00:00.000Z`, today: TODAY, userId: null },
      items(),
      analysis.mapping,
      { commit: true, bron: 'Bench', fileName: 'export.csv', after: () => (beforeCommitCpu = cpuNow()) },
    )
    return {
      summary,
      wallMs: performance.now() - t0,
      cpuMs: cpuNow() - c0,
      analyseMs,
      beforeCommitCpu: beforeCommitCpu - c0,
      ...(spent ? { spent } : {}),
    }
  } finally {
    await opened.close()
  }
}

export async function preparedFill(dir: string, signals: number): Promise<{ dbFile: string; key: string }> {
  const cache = process.env.BENCH_FILL_CACHE
  const dbFile = join(dir, 'bench.sqlite')
  let key: string
  const t0 = performance.now()
  if (cache && existsSync(cache) && existsSync(`${cache}.key`)) {
    key = readFileSync(`${cache}.key`, 'utf8')
    // A cache filled by an earlier version is moved to the current cipher once, as the app would
    if (upgradeCipher(cache, key)) console.log(`Fill cache moved to the current cipher: ${cache}`)
    copyFileSync(cache, dbFile)
    console.log(`Fill: copied from ${cache}`)
  } else {
    key = generateKey()
    const child = spawnSync(process.execPath, [process.argv[1]!, 'intake'], {
      env: { ...process.env, BENCH_INTAKE_FILL: dbFile, BENCH_INTAKE_KEY: key },
      stdio: 'inherit',
    })
    if (child.status !== 0) throw new Error('the fill failed')
    if (cache) {
      copyFileSync(dbFile, cache)
      writeFileSync(`${cache}.key`, key, { mode: 0o600 })
    }
    console.log(
      `Fill (child process, ${signals.toLocaleString('en-US')} signals): ${seconds(performance.now() - t0)}`,
    )
  }
  // A fill from an earlier version gets this version's migrations, as the app would at its start
  const m = openDatabase(dbFile, key)
  await migrateToLatest(m.db)
  await m.close()
  return { dbFile, key }
}

function printBreakdown(
  title: string,
  run: ImportRun & { spent?: ReturnType<typeof instrument> },
  rows: number,
) {
  const spent = run.spent!.spent
  const sql = Object.values(spent).reduce((a, b) => a + b, 0) / 1000
  const commitMs = run.cpuMs - run.beforeCommitCpu
  console.log(
    `${title} (a run of its own, each of its ${run.spent!.calls.toLocaleString('en-US')} statement calls timed, about 1 µs each; ` +
      `CPU ${seconds(run.cpuMs)}), µs of CPU per row:`,
  )
  for (const [cat, label] of CATEGORIES)
    console.log(`  ${String(us(spent[cat] / 1000, rows)).padStart(4)}  ${label}`)
  console.log(
    `  ${String(us(commitMs, rows)).padStart(4)}  commit (the import's own row and audit entry included)`,
  )
  console.log(
    `  ${String(us(run.cpuMs - sql - commitMs, rows)).padStart(4)}  JavaScript: reading the file, validating, matching, triage, and garbage collection`,
  )
}

export async function runIntakeBench(): Promise<void> {
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  const rows = envInt('BENCH_ROWS', 100_000)
  const cliRows = envInt('BENCH_CLI_ROWS', 50_000)
  const bombMb = envInt('BENCH_BOMB_MB', 1300)
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-intake-'))
  console.log(
    `Lange Adem intake benchmark: ${rows.toLocaleString('en-US')} rows into ${signals.toLocaleString('en-US')} signals; ` +
      `${cliRows.toLocaleString('en-US')} rows from the command line; a ${bombMb} MB workbook bomb`,
  )
  console.log(`Machine load (1, 5, 15 min) at the start: ${load()} on 2 cores; other work shares the machine`)
  try {
    const { dbFile, key } = await preparedFill(dir, signals)
    const copy = (name: string) => {
      const f = join(dir, name)
      copyFileSync(dbFile, f)
      return f
    }
    const csvFile = join(dir, 'export.csv')
    writeFileSync(csvFile, '\ufeff' + makeCsv(rows, signals), 'utf8')

    // 1. The import, then the floor on an identical copy, right after each other
    const rssBefore = process.memoryUsage().rss
    const run = await importWith(copy('import.sqlite'), key, csvFile, false)
    const peakMb = process.resourceUsage().maxRSS / 1024
    const s = run.summary
    const floor = await measureWriteFloor(copy('floor.sqlite'), key, Math.min(rows, s.nieuw), TODAY, false)
    const bare = await measureWriteFloor(copy('bare.sqlite'), key, Math.min(rows, s.nieuw), TODAY, true)
    console.log(
      `Import: ${s.rows.toLocaleString('en-US')} rows: ${s.nieuw} new (${s.doorgezet} followed up, ${s.nieuweZaken} new cases), ` +
        `${s.eerderIngelezen} imported before, ${s.problemen} to check; ${s.meervoudig} meervoudig, ${s.opeenvolgend} opeenvolgend`,
    )
    console.log(
      `  wall ${seconds(run.wallMs)} (of which reading the file and proposing the mapping ${seconds(run.analyseMs)}), ` +
        `CPU ${seconds(run.cpuMs)}: ${us(run.cpuMs, rows)} µs of CPU per row, ${us(run.wallMs, rows)} µs wall per row`,
    )
    console.log(
      `  peak memory (max RSS of the importing process) ${peakMb.toFixed(0)} MB, RSS before ${(rssBefore / 1048576).toFixed(0)} MB  (target < 500 MB)  ${peakMb < 500 ? 'PASS' : 'FAIL'}`,
    )
    console.log(
      `Write floor with the schema's ${floor.indexes} secondary indexes (the household, resident, case and signal rows alone, values made up front, ` +
        `${floor.rows.toLocaleString('en-US')} rows): ${Math.round(floor.microsPerRow)} µs of CPU per row (commit ${Math.round(floor.commitMicrosPerRow)} µs); ` +
        `without them ${Math.round(bare.microsPerRow)} µs`,
    )
    const ratio = (run.cpuMs * 1000) / rows / floor.microsPerRow
    const ratioOk = ratio <= 1.5
    console.log(
      `Import per row / write floor per row: ${ratio.toFixed(2)}  (target <= 1.5)  ${ratioOk ? 'PASS' : 'FAIL'}`,
    )

    // 2. Where the time goes: the same import again, every statement timed
    printBreakdown(
      `Where the time goes at ${signals.toLocaleString('en-US')} signals`,
      await importWith(copy('breakdown.sqlite'), key, csvFile, true),
      rows,
    )

    // 3. The command line on a fresh folder, and a workbook bomb
    const cli = await measureCliImport(makeCsv(cliRows, 0), TODAY)
    const cliOk = cli.importRun.wallMs < 5000
    const imported = /nieuw\s+(\d+)/.exec(cli.importRun.stdout)?.[1] ?? '?'
    console.log(
      `Command line, fresh folder: ${cliRows.toLocaleString('en-US')} rows (${imported} new) in ${seconds(cli.importRun.wallMs)} wall from start to exit, ` +
        `CPU ${seconds(cli.importRun.cpuMs)}, peak ${cli.importRun.rssMb.toFixed(0)} MB  (target < 5 s)  ${cliOk ? 'PASS' : 'FAIL'}`,
    )
    console.log(
      `  of which starting node and opening the folder (the same start with a purge preview instead): wall ${seconds(cli.startRun.wallMs)}, CPU ${seconds(cli.startRun.cpuMs)}`,
    )
    {
      const fresh = await freshFolder(TODAY)
      const freshCsv = join(fresh.dir, 'export.csv')
      writeFileSync(freshCsv, makeCsv(cliRows, 0), 'utf8')
      printBreakdown(
        'Where the time goes on a fresh folder (in this process)',
        await importWith(join(fresh.dir, DATABASE_FILE), fresh.key, freshCsv, true),
        cliRows,
      )
      rmSync(fresh.dir, { recursive: true, force: true })
    }
    const bomb = await measureBomb(bombMb, TODAY)
    const refused = /pakt uit tot meer dan/.test(bomb.stderr)
    const bombOk = refused && bomb.wallMs < 5000 && bomb.rssMb < 300
    console.log(
      `Workbook bomb (${bomb.fileMb.toFixed(1)} MB file, ${bombMb} MB of sheet): ${refused ? 'refused' : 'NOT refused'} in ${seconds(bomb.wallMs)} ` +
        `(process start included), peak ${bomb.rssMb.toFixed(0)} MB  (target: refused within seconds, < 300 MB)  ${bombOk ? 'PASS' : 'FAIL'}`,
    )
    if (refused) console.log(`  "${bomb.stderr.trim().split('\n').pop()}"`)
    // The same bomb stating 5 MB: unpacked only up to what it states, then refused
    const liar = await measureBomb(bombMb, TODAY, 5)
    const liarOk = /pakt uit tot meer dan/.test(liar.stderr) && liar.wallMs < 5000 && liar.rssMb < 300
    console.log(
      `The same bomb stating 5 MB: ${liarOk ? 'refused' : 'NOT refused'} in ${seconds(liar.wallMs)}, peak ${liar.rssMb.toFixed(0)} MB  ${liarOk ? 'PASS' : 'FAIL'}`,
    )
    console.log(`Machine load at the end: ${load()}`)
    process.exitCode = ratioOk && cliOk && bombOk && liarOk && peakMb < 500 ? 0 : 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
