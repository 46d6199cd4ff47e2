import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Db } from '../database'
import { migrationsOf, tablesOf, writeExport } from './export'
import { openExport } from './header'
import { restoreExport, type RestoreSummary } from './restore'
import { SEEDED_TABLES } from './tables'

/**
 * Copies a whole database into another, empty one at the same migration level, on any store
 * with an ExportStore: `move-to-server --via-export` into a new SQLite file, and (issue 19)
 * into PostgreSQL. The rows travel as an encrypted export in `workDir` (under `databaseKey`, the
 * source's key), verified on both ends, and the file is removed afterwards, whatever happens.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  opts: { databaseKey: string; workDir: string; now: string },
): Promise<RestoreSummary & { exportBytes: number }> {
  const file = join(opts.workDir, `.lange-adem-move-${randomBytes(6).toString('hex')}.export`)
  try {
    const made = await writeExport(source, file, opts.databaseKey, opts.now)
    const reader = openExport(file, opts.databaseKey)
    try {
      return { ...(await restoreExport(reader, target)), exportBytes: made.bytes }
    } finally {
      reader.close()
    }
  } finally {
    rmSync(file, { force: true })
    rmSync(`${file}.part`, { force: true })
  }
}

/**
 * True when a table of the database holds a row a fresh migration did not put there: what makes
 * a target of a move or a restore not empty. A new database (no tables) and a freshly migrated
 * one are empty.
 */
export async function holdsRows(db: Db): Promise<boolean> {
  const seeded = new Set<string>(SEEDED_TABLES)
  for (const name of (await tablesOf(db as never)).keys()) {
    if (seeded.has(name)) continue
    const r = await sql`select 1 as x from ${sql.table(name)} limit 1`.execute(db)
    if (r.rows.length) return true
  }
  return false
}

/** The migrations a database has run; none for a new database (no migration table yet). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === 'kysely_migration')) return []
  return migrationsOf(db as never)
}
