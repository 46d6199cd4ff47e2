/**
 * Export benchmark: a database file filled as the caseload benchmark fills it (default 100,000
 * cases holding 160,000 signals), then the encrypted export (db/export) written and checked,
 * read back without a database, and restored into a new database (with its verification: every
 * table read back and hashed, the logboek chain). Today's backup (VACUUM INTO) is measured
 * beside it for comparison. Figures only; the run fails when a restored table differs.
 *
 *   npm run bench -- export
 *   BENCH_CASES=600000 BENCH_SIGNALS=1000000 npm run bench -- export     the caseload bench's size
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest, openDatabase } from '../db/database'
import { digestTable, tablesOf, verifyExportFile, writeExport } from '../db/export/export'
import { openExport } from '../db/export/header'
import { restoreExport } from '../db/export/restore'
import { generateKey } from '../features/keys/key'
import { loadWijkRanges } from '../features/wijken/assignment'
import { fill } from './fill'
import { benchTeamSetup, envInt, seconds } from './setup'

const TODAY = '2026-11-10'
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function runExportBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 100_000)
  const signals = Math.max(cases, envInt('BENCH_SIGNALS', Math.round(cases * 1.6)))
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-export-'))
  const key = generateKey()
  const source = openDatabase(join(dir, 'source.sqlite'), key)
  const target = openDatabase(join(dir, 'target.sqlite'), key)
  try {
    const consulenten = await benchTeamSetup(source.db, TODAY)
    fill(source.raw, {
      cases,
      signals,
      today: TODAY,
      days: 3 * 365,
      ranges: await loadWijkRanges(source.db),
      consulenten,
    })
    source.raw.pragma('wal_checkpoint(TRUNCATE)')
    const dbBytes = statSync(join(dir, 'source.sqlite')).size
    console.log(
      `Lange Adem export benchmark: ${cases.toLocaleString('en-US')} cases, ${signals.toLocaleString('en-US')} signals; database file ${mb(dbBytes)}`,
    )

    let t0 = performance.now()
    source.raw.prepare('VACUUM INTO ?').run(join(dir, 'backup.sqlite'))
    const vacuumMs = performance.now() - t0
    const backupBytes = statSync(join(dir, 'backup.sqlite')).size

    const file = join(dir, 'bench.export')
    t0 = performance.now()
    const made = await writeExport(source.db, file, key, `${TODAY}T12:00:00.000Z`)
    const exportMs = performance.now() - t0

    t0 = performance.now()
    const header = verifyExportFile(file, key)
    const verifyMs = performance.now() - t0

    await migrateToLatest(target.db)
    t0 = performance.now()
    const reader = openExport(file, key)
    const restored = await restoreExport(reader, target.db)
    reader.close()
    const restoreMs = performance.now() - t0

    // Independent of the restore's own check: hash every table of the new database again.
    const present = await tablesOf(target.db as never)
    const differ: string[] = []
    for (const t of header.tables) {
      const cols = present.get(t.name)!.map((c) => c.name)
      if ((await digestTable(target.db as never, t.name, t.key, cols)).hex() !== t.sha256) differ.push(t.name)
    }

    const perSecond = (ms: number) => `${Math.round(made.rows / (ms / 1000)).toLocaleString('en-US')} rows/s`
    console.log('')
    console.log(
      `rows in the export          ${made.rows.toLocaleString('en-US')} in ${made.tables.length} tables`,
    )
    console.log(
      `export (write + check)      ${seconds(exportMs)}  (${perSecond(exportMs)}), file ${mb(made.bytes)} (${((100 * made.bytes) / dbBytes).toFixed(0)}% of the database file)`,
    )
    console.log(`read back, no database      ${seconds(verifyMs)}`)
    console.log(
      `restore (insert + verify)   ${seconds(restoreMs)}  (${perSecond(restoreMs)}), logboek chain ${restored.auditEntries} entries`,
    )
    console.log(`today's backup, VACUUM INTO ${seconds(vacuumMs)}, file ${mb(backupBytes)}`)
    console.log(
      differ.length
        ? `\nRestored tables differ from the export: ${differ.join(', ')}`
        : '\nCheck: every restored table hashes to the value in the export header.',
    )
    process.exitCode = differ.length ? 1 : 0
  } finally {
    await source.close()
    await target.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
