import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { applyKey, connect, isPlainSqliteFile, type Cipher } from '../../db/database'

/**
 * Backups of the data folder's database: written with `VACUUM INTO` on the open, encrypted
 * connection (consistent while the app runs, and encrypted with the same key: SQLite3 Multiple
 * Ciphers refuses the online backup API between an encrypted and a new file), verified by
 * opening the copy with the key and checking it, kept in rotation. Restoring never overwrites a
 * database: the current file is moved aside first.
 */

export const BACKUP_FOLDER = 'backups'
const PREFIX = 'lange-adem-'
const SUFFIX = '.sqlite'

/** Why a backup was made; part of its file name. */
export type BackupKind = 'automatisch' | 'handmatig' | 'voor-terugzetten'

export interface BackupInfo {
  file: string
  name: string
  /** The instant in the file name (UTC ISO). */
  at: string
  bytes: number
  kind: BackupKind
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

/**
 * `PRAGMA quick_check` on a file opened read-only with the key; any error (not a database, a
 * wrong key, no access) counts as a failure. With a key, a plain (unencrypted) file fails too.
 */
export function checkIntegrity(
  file: string,
  key: string | null,
): { ok: true } | { ok: false; problem: string } {
  const verdict = inspectFile(file, key)
  return verdict.ok ? { ok: true } : verdict
}

/** checkIntegrity, also telling which cipher opened the file (null without a key). */
export function inspectFile(
  file: string,
  key: string | null,
): { ok: true; cipher: Cipher | null } | { ok: false; problem: string } {
  let db: BetterSqlite3.Database | null = null
  try {
    if (key && isPlainSqliteFile(file)) return { ok: false, problem: 'het bestand is niet versleuteld' }
    db = connect(file, { readonly: true, fileMustExist: true })
    const cipher = key ? applyKey(db, key) : null
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const result = rows.map((r) => r.quick_check).join('; ')
    if (result !== 'ok') return { ok: false, problem: result }
    db.prepare('select count(*) from sqlite_master').get()
    return { ok: true, cipher }
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) }
  } finally {
    db?.close()
  }
}

function stampOf(instant: string): string {
  return instant.replace(/[:.]/g, '-')
}

const KINDS: BackupKind[] = ['automatisch', 'handmatig', 'voor-terugzetten']

/** The instant and kind in a backup's file name (`suffix`: `.sqlite`, or `.export` for export-backup.ts). */
export function parseName(name: string, suffix = SUFFIX): { at: string; kind: BackupKind } {
  const s = name.slice(PREFIX.length, -suffix.length)
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:\.([a-z-]+))?$/.exec(s)
  if (!m) return { at: s, kind: 'automatisch' }
  const kind = KINDS.find((k) => k === m[6]) ?? 'automatisch'
  return { at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, kind }
}

export function listBackups(dataDir: string, suffix = SUFFIX): BackupInfo[] {
  const dir = join(dataDir, BACKUP_FOLDER)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith(suffix))
    .sort()
    .reverse()
    .map((name) => {
      const file = join(dir, name)
      return { file, name, ...parseName(name, suffix), bytes: statSync(file).size }
    })
}

/**
 * The path of a new backup made at `now`: never an existing one (two in the same millisecond
 * get the next free millisecond). Makes the backup folder.
 */
export function newBackupPath(
  dataDir: string,
  now: string,
  kind: BackupKind,
  suffix = SUFFIX,
): { file: string; name: string; at: string } {
  const dir = join(dataDir, BACKUP_FOLDER)
  mkdirSync(dir, { recursive: true })
  let at = now
  const nameAt = (instant: string) =>
    `${PREFIX}${stampOf(instant)}${kind === 'automatisch' ? '' : `.${kind}`}${suffix}`
  while (existsSync(join(dir, nameAt(at)))) at = new Date(Date.parse(at) + 1).toISOString()
  return { file: join(dir, nameAt(at)), name: nameAt(at), at }
}

/**
 * Writes a backup encrypted with the database's own key, checks it (it must not be plain
 * SQLite, and must open with `key` and pass the integrity check), then keeps the newest `keep`
 * backups. Returns the new backup.
 */
export async function createBackup(
  raw: BetterSqlite3.Database,
  dataDir: string,
  now: string,
  opts: { key: string | null; keep?: number; kind?: BackupKind },
): Promise<BackupInfo> {
  const kind = opts.kind ?? 'automatisch'
  const { file: final, name, at } = newBackupPath(dataDir, now, kind)
  const tmp = `${final}.part`
  rmSync(tmp, { force: true })
  raw.prepare('VACUUM INTO ?').run(tmp)
  const verdict =
    opts.key && isPlainSqliteFile(tmp)
      ? { ok: false as const, problem: 'de back-up is niet versleuteld' }
      : checkIntegrity(tmp, opts.key)
  if (!verdict.ok) {
    rmSync(tmp, { force: true })
    throw new Error(`backup failed its check: ${verdict.problem}`)
  }
  // Only a checked copy gets a backup name, so a crash mid-write never leaves a "backup" that is not one.
  renameSync(tmp, final)
  rotateBackups(dataDir, opts.keep ?? 14)
  return { file: final, name, at, bytes: statSync(final).size, kind }
}

/** Removes all but the newest `keep` backups (at least one is always kept). */
export function rotateBackups(dataDir: string, keep: number, suffix = SUFFIX): void {
  for (const old of listBackups(dataDir, suffix).slice(Math.max(1, keep))) rmSync(old.file, { force: true })
}

/** The newest backup that opens with the key and passes the integrity check. */
export function latestGoodBackup(dataDir: string, key: string | null): BackupInfo | null {
  for (const b of listBackups(dataDir)) if (checkIntegrity(b.file, key).ok) return b
  return null
}

/**
 * Puts a backup in place of the database. The database must be closed. The current file and its
 * WAL are moved to `damaged/<time>/`, never deleted, so nothing is lost even if this was a mistake.
 * With `discardCurrent` (a restore chosen in the app, after a verified safety backup of the
 * current database was made) the current file is removed instead, so no unrotated copies of
 * personal data pile up. Returns the folder the old file went to, or null.
 */
export function restoreBackup(
  dataDir: string,
  databaseFile: string,
  backup: BackupInfo,
  now: string,
  key: string | null,
  discardCurrent = false,
): string | null {
  const check = checkIntegrity(backup.file, key)
  if (!check.ok) throw new Error(`De back-up ${backup.name} is zelf beschadigd: ${check.problem}`)
  // Copied beside the database first and checked there, so the swap below is two renames.
  const incoming = `${databaseFile}.restore`
  copyFileSync(backup.file, incoming)
  const again = checkIntegrity(incoming, key)
  if (!again.ok) {
    rmSync(incoming, { force: true })
    throw new Error(`De kopie van back-up ${backup.name} klopt niet: ${again.problem}`)
  }
  const aside = discardCurrent ? null : join(dataDir, 'damaged', stampOf(now))
  if (aside) mkdirSync(aside, { recursive: true })
  for (const suffix of ['-wal', '-shm', '']) {
    const f = databaseFile + suffix
    if (!existsSync(f)) continue
    if (aside) renameSync(f, join(aside, `lange-adem.sqlite${suffix}`))
    else if (suffix) rmSync(f)
  }
  // One rename replaces the database: a crash leaves the old or the restored file, never half of one.
  renameSync(incoming, databaseFile)
  return aside
}

/** True when the newest backup is older than `hours` (or there is none). */
export function backupDue(dataDir: string, now: string, hours = 20): boolean {
  const latest = listBackups(dataDir)[0]
  if (!latest) return true
  return Date.parse(now) - Date.parse(latest.at) > hours * 3_600_000
}
