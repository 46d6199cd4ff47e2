/**
 * Intake benchmark: a database with 1,000,000 signals in 600,000 cases (the caseload bench's
 * fill), then a generated 100,000-row CSV imported through the real runImport: read, validate,
 * match, triage and commit. Prints rows per second and the process's peak memory.
 *
 *   npm run bench -- intake                                  full size
 *   BENCH_CASES=60000 BENCH_SIGNALS=100000 BENCH_ROWS=20000   quick run
 *   BENCH_FILL_CACHE=/tmp/intake-fill.sqlite                 keep the filled database for the next run
 *
 * The fill runs in a child process: the memory figure is the importing process's own peak, as
 * it would be in the app, not the fill's.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DATABASE_FILE } from '../app/create-app'
import { KEY_ENV } from '../features/keys/dev-key'
import { migrateToLatest, openDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { upgradeCipher } from '../features/keys/service'
import { loadWijkRanges } from '../features/wijken/assignment'
import { analyseFile, runImport } from '../features/intake/service'
import { fill } from './fill'
import { measureWriteFloor } from './write-floor'
import { benchTeamSetup, envInt, seconds } from './setup'

const TODAY = '2026-11-10'

const TYPES = ['Huurachterstand', 'Energieleverancier', 'Zorgverzekeraar', 'Drinkwater', 'CAK']
const SURNAMES = ['Janssen', 'de Vries', 'van den Berg', 'Peeters', 'Çelik', 'Smeets', 'Yılmaz', 'Hendriks']

/** A platform export: semicolons, Dutch dates and amounts; some known addresses, re-sent IDs and bad rows. */
export function makeCsv(rows: number, existingSignals: number): string {
  const resend = existingSignals > 0
  const out = [
    'Signaal ID;Soort;Bedrag;Signaaldatum;Voorl.;Achternaam;Geb.datum;Straat;Huisnr;Postcode;Woonplaats',
  ]
  const letters = (i: number) =>
    String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + (Math.floor(i / 26) % 26))
  for (let i = 0; i < rows; i++) {
    const kind = i % 20
    // 1 in 20 re-sends a signal already stored (the fill names them VPS-n), 1 in 20 has a problem
    const id = kind === 0 && resend ? `VPS-${1 + ((i * 7919) % existingSignals)}` : `NEW-${i}`
    const known = kind < 5 // a quarter goes to addresses the fill created (6001-6050)
    const pc4 = known ? 6001 + (i % 50) : 6001 + (i % 50)
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

/**
 * The command line on a freshly set-up folder: `node out/main/cli.js import` as a child process,
 * timed from its start to its exit (node's start, opening the database, reading, importing).
 */
export async function measureCliFresh(rows: number): Promise<{ ms: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-cli-'))
  try {
    const key = generateKey()
    const opened = openDatabase(join(dir, DATABASE_FILE), key)
    await benchTeamSetup(opened.db, TODAY, { helpers: 1 })
    await opened.close()
    const file = join(dir, 'export.csv')
    writeFileSync(file, makeCsv(rows, 0), 'utf8')
    if (process.env.BENCH_CLI_KEEP) {
      const { cpSync } = await import('node:fs')
      cpSync(dir, process.env.BENCH_CLI_KEEP, { recursive: true })
      writeFileSync(join(process.env.BENCH_CLI_KEEP, 'key.txt'), key)
    }
    const cli = join(dirname(process.argv[1]!), 'cli.js')
    const t0 = performance.now()
    const child = spawnSync(process.execPath, [cli, 'import', file, '--data-dir', dir], {
      env: { ...process.env, [KEY_ENV]: key },
      encoding: 'utf8',
    })
    const ms = performance.now() - t0
    if (child.status !== 0) throw new Error(`the command-line import failed: ${child.stderr}`)
    return { ms, out: child.stdout }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runIntakeBench(): Promise<void> {
  if (process.env.BENCH_CLI_ONLY) {
    const r = await measureCliFresh(envInt('BENCH_CLI_ROWS', 50_000))
    console.log(r.out)
    console.log(`CLI on a fresh folder: ${(r.ms / 1000).toFixed(2)} s`)
    return
  }
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  const rows = envInt('BENCH_ROWS', 100_000)
  const cache = process.env.BENCH_FILL_CACHE
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-intake-'))
  console.log(
    `Lange Adem intake benchmark: ${rows.toLocaleString('en-US')} rows into ${signals.toLocaleString('en-US')} signals`,
  )
  const t0 = performance.now()
  const dbFile = join(dir, 'bench.sqlite')
  let key: string
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
    console.log(`Fill (child process): ${seconds(performance.now() - t0)}`)
  }
  // A fill from an earlier version gets this version's migrations, as the app would at its start
  {
    const m = openDatabase(dbFile, key)
    await migrateToLatest(m.db)
    await m.close()
  }
  // A copy of the filled database for the write floor, measured after the import
  const floorFile = join(dir, 'floor.sqlite')
  const floor = process.env.BENCH_FLOOR !== '0'
  if (floor) copyFileSync(dbFile, floorFile)
  const opened = openDatabase(dbFile, key)
  if (process.env.BENCH_CACHE) opened.raw.pragma(`cache_size = -${process.env.BENCH_CACHE}`)
  let closed = false
  const close = async () => {
    if (!closed) await opened.close()
    closed = true
  }
  try {
    if (process.env.BENCH_FLOOR_ONLY) {
      await close()
      const f = await measureWriteFloor(floorFile, key, 89898, TODAY, false)
      console.log(`floor only: ${f.microsPerRow.toFixed(1)} µs/row`)
      return
    }
    const file = join(dir, 'export.csv')
    writeFileSync(file, '\ufeff' + makeCsv(rows, signals), 'utf8')
    const rssBefore = process.memoryUsage().rss
    const t1 = performance.now()
    const cpu0 = process.cpuUsage()
    const bytes = new Uint8Array(readFileSync(file))
    const analysis = await analyseFile(opened.db, bytes, '')
    const analysed = performance.now() - t1
    if (analysis.unplaced.length) throw new Error(`mapping incomplete: ${analysis.unplaced.join(', ')}`)
    const s = await runImport(
      opened.db,
      { at: `${TODAY}T10:00:00.000Z`, today: TODAY, userId: null },
      { fileName: 'export.csv', table: analysis.table },
      analysis.mapping,
      { commit: true, bron: 'Bench' },
    )
    const ms = performance.now() - t1
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const perSecond = Math.round(rows / (ms / 1000))
    const peakMb = process.resourceUsage().maxRSS / 1024
    console.log(
      `Import: ${s.rows.toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(2)} s: ${s.nieuw} new (${s.doorgezet} followed up, ${s.nieuweZaken} new cases), ` +
        `${s.eerderIngelezen} imported before, ${s.problemen} to check; ${s.meervoudig} meervoudig, ${s.opeenvolgend} opeenvolgend`,
    )
    console.log(
      `Of which reading the file and proposing the mapping (the first screen): ${(analysed / 1000).toFixed(2)} s`,
    )
    // Wall time is what counts; CPU time shows what the import itself costs when other work
    // shares the machine (both include reading the file).
    console.log(
      `CPU time of the import: ${(cpuMs / 1000).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s), ` +
        `${Math.round((cpuMs * 1000) / rows)} µs per row, ${Math.round(rows / (cpuMs / 1000)).toLocaleString('en-US')} rows per CPU second`,
    )
    console.log(
      `Rows per second: ${perSecond.toLocaleString('en-US')}  (target >= 20,000)  ${perSecond >= 20_000 ? 'PASS' : 'FAIL'}`,
    )
    console.log(
      `Peak memory (max RSS of the importing process): ${peakMb.toFixed(0)} MB; RSS before import ${(rssBefore / 1048576).toFixed(0)} MB  (target < 500 MB)  ${peakMb < 500 ? 'PASS' : 'FAIL'}`,
    )
    process.exitCode = perSecond >= 20_000 && peakMb < 500 ? 0 : 1
    if (floor) {
      await close()
      for (const bare of [false, true]) {
        const copy = join(dir, `floor-${bare ? 'bare' : 'full'}.sqlite`)
        copyFileSync(floorFile, copy)
        const f = await measureWriteFloor(copy, key, Math.min(rows, s.nieuw), TODAY, bare)
        rmSync(copy, { force: true })
        console.log(
          `Write floor, ${bare ? 'without the secondary indexes (only primary and unique keys)' : `with the schema's ${f.indexes} secondary indexes`}: ` +
            `the household, resident, case and signal rows alone, values made up front, ${f.rows.toLocaleString('en-US')} rows: ` +
            `${Math.round(f.microsPerRow)} µs of CPU per row (commit ${Math.round(f.commitMicrosPerRow)} µs), ` +
            `${f.rowsPerSecond.toLocaleString('en-US')} rows per CPU second`,
        )
      }
      console.log('20,000 rows per second leaves 50 µs per row for everything.')
    }
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
}
