import type { Db } from '../../db/database'
import { writeExport } from '../../db/export/export'
import { listBackups, newBackupPath, rotateBackups, type BackupInfo, type BackupKind } from './service'

/**
 * Backups as encrypted exports (db/export), for a store whose file cannot be copied: the team
 * server on PostgreSQL (issue 19) makes these from `backupNow` instead of `VACUUM INTO`. They
 * sit in the same `backups/` folder as `lange-adem-<time>[.kind].export`, are checked before they
 * get their name (writeExport reads the whole file back: every chunk authenticated, every
 * table's count and hash), and are kept in their own rotation. One restores onto either store
 * with `npm run cli -- import-export` (a new SQLite folder), or into an empty PostgreSQL
 * database through restoreExport.
 */
export const EXPORT_SUFFIX = '.export'

export function listExportBackups(dataDir: string): BackupInfo[] {
  return listBackups(dataDir, EXPORT_SUFFIX)
}

export async function createExportBackup(
  db: Db,
  dataDir: string,
  now: string,
  opts: { key: string; keep?: number; kind?: BackupKind },
): Promise<BackupInfo> {
  const kind = opts.kind ?? 'automatisch'
  const { file, name, at } = newBackupPath(dataDir, now, kind, EXPORT_SUFFIX)
  const made = await writeExport(db, file, opts.key, now)
  rotateBackups(dataDir, opts.keep ?? 14, EXPORT_SUFFIX)
  return { file, name, at, bytes: made.bytes, kind }
}
