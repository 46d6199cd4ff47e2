import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../database'
import { writeExport } from './export'
import { openExport } from './header'
import { restoreExport, type RestoreSummary } from './restore'

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
