import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Backups of the data folder's database: written with SQLite's online backup (consistent while
 * the app runs), verified by opening the copy and checking it, kept in rotation. Restoring
 * never overwrites a database: the current file is moved aside first.
 */

export const BACKUP_FOLDER = 'backups'
const PREFIX = 'lange-adem-'
const SUFFIX = '.sqlite'

export interface BackupInfo {
  file: string
  name: string
  /** The instant in the file name (UTC ISO). */
  at: string
  bytes: number
}

export class DatabaseDamagedError extends Error {
  constructor(
    readonly problem: string,
    readonly latestBackup: BackupInfo | null,
  ) {
    super(
      'De gegevens van Lange Adem zijn beschadigd. Lange Adem start niet op beschadigde gegevens, zodat er niets verloren gaat.' +
        (latestBackup
          ? ` De laatste goede back-up is van ${latestBackup.at.slice(0, 16).replace('T', ' ')} (UTC).`
          : ' Er is geen back-up gevonden. Neem contact op met de beheerder.'),
    )
    this.name = 'DatabaseDamagedError'
  }
}

/** `PRAGMA quick_check` on a file opened read-only; any error (not a database, no access) counts as damage. */
export function checkIntegrity(file: string): { ok: true } | { ok: false; problem: string } {
  let db: BetterSqlite3.Database | null = null
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const result = rows.map((r) => r.quick_check).join('; ')
    if (result !== 'ok') return { ok: false, problem: result }
    db.prepare('select count(*) from sqlite_master').get()
    return { ok: true }
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) }
  } finally {
    db?.close()
  }
}

function stampOf(instant: string): string {
  return instant.replace(/[:.]/g, '-')
}

function instantOf(name: string): string {
  const s = name.slice(PREFIX.length, -SUFFIX.length)
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(s)
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : s
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_FOLDER)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX))
    .sort()
    .reverse()
    .map((name) => {
      const file = join(dir, name)
      return { file, name, at: instantOf(name), bytes: statSync(file).size }
    })
}

/** Writes a backup, checks it, then keeps the newest `keep` backups. Returns the new backup. */
export async function createBackup(
  raw: BetterSqlite3.Database,
  dataDir: string,
  now: string,
  keep = 14,
): Promise<BackupInfo> {
  const dir = join(dataDir, BACKUP_FOLDER)
  mkdirSync(dir, { recursive: true })
  const name = `${PREFIX}${stampOf(now)}${SUFFIX}`
  const final = join(dir, name)
  const tmp = `${final}.part`
  rmSync(tmp, { force: true })
  await raw.backup(tmp)
  const verdict = checkIntegrity(tmp)
  if (!verdict.ok) {
    rmSync(tmp, { force: true })
    throw new Error(`backup failed its check: ${verdict.problem}`)
  }
  // Only a checked copy gets a backup name, so a crash mid-write never leaves a "backup" that is not one.
  renameSync(tmp, final)
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) rmSync(old.file, { force: true })
  return { file: final, name, at: now, bytes: statSync(final).size }
}

/** The newest backup that passes the integrity check. */
export function latestGoodBackup(dataDir: string): BackupInfo | null {
  for (const b of listBackups(dataDir)) if (checkIntegrity(b.file).ok) return b
  return null
}

/**
 * Puts a backup in place of the database. The database must be closed. The current file and its
 * WAL are moved to `damaged/<time>/`, never deleted, so nothing is lost even if this was a mistake.
 */
export function restoreBackup(
  dataDir: string,
  databaseFile: string,
  backup: BackupInfo,
  now: string,
): string {
  const check = checkIntegrity(backup.file)
  if (!check.ok) throw new Error(`De back-up ${backup.name} is zelf beschadigd: ${check.problem}`)
  const aside = join(dataDir, 'damaged', stampOf(now))
  mkdirSync(aside, { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) {
    const f = databaseFile + suffix
    if (existsSync(f)) renameSync(f, join(aside, `lange-adem.sqlite${suffix}`))
  }
  copyFileSync(backup.file, databaseFile)
  return aside
}

/** True when the newest backup is older than `hours` (or there is none). */
export function backupDue(dataDir: string, now: string, hours = 20): boolean {
  const latest = listBackups(dataDir)[0]
  if (!latest) return true
  return Date.parse(now) - Date.parse(latest.at) > hours * 3_600_000
}
