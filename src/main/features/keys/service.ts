import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { applyKey, CIPHER, connect, isPlainSqliteFile, type Cipher } from '../../db/database'
import { checkIntegrity, listBackups } from '../backup/service'
import { generateKey, keyCheckMatches, writeKeyCheck, DatabaseKeyError, type KeyStore } from './key'

/**
 * Everything that changes which key a file is encrypted with: encrypting a database from before
 * encryption existed, and rotating the key. Every step writes a new file beside the old one,
 * verifies it (opened with the key, integrity check, the same row count in every table) and
 * only then puts it in place, so a crash or a failed check never costs the original.
 */

const PLAIN_ASIDE = '.plain-before-encryption'

/** True when the file opens with the key (null: no key, plain SQLite) and its schema can be read. */
export function opensWith(file: string, key: string | null): boolean {
  let db: BetterSqlite3.Database | null = null
  try {
    db = connect(file, { readonly: true, fileMustExist: true })
    if (key) applyKey(db, key)
    db.prepare('select count(*) from sqlite_master').get()
    return true
  } catch {
    return false
  } finally {
    db?.close()
  }
}

function rowCounts(db: BetterSqlite3.Database): Record<string, number> {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[]
  const out: Record<string, number> = {}
  for (const t of tables)
    out[t] = db
      .prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number
  return out
}

/**
 * Folds the WAL into the file and returns the row counts, with the file closed afterwards, so
 * a plain copy of the file holds everything.
 */
function settle(file: string, key: string | null): Record<string, number> {
  const db = connect(file, { fileMustExist: true, timeout: 1000 })
  try {
    if (key) applyKey(db, key)
    // Leaving WAL mode needs every other connection gone: this refuses while Lange Adem runs.
    try {
      db.pragma('journal_mode = DELETE')
    } catch {
      throw new DatabaseKeyError(
        'Lange Adem gebruikt deze gegevens nog. Sluit Lange Adem eerst af; er is niets gewijzigd.',
        'unavailable',
      )
    }
    return rowCounts(db)
  } finally {
    db.close()
  }
}

/**
 * Writes `file` encrypted with `newKey` (from plain when `oldKey` is null) to a new file beside
 * it and verifies that copy. Returns the copy's path; the original is not touched.
 */
export function reencryptCopy(file: string, oldKey: string | null, newKey: string): string {
  const counts = settle(file, oldKey)
  const tmp = `${file}.rekey`
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(tmp + s, { force: true })
  copyFileSync(file, tmp)
  const db = connect(tmp, { fileMustExist: true })
  try {
    if (oldKey) applyKey(db, oldKey)
    // SQLite3 Multiple Ciphers refuses to rekey in WAL mode.
    db.pragma('journal_mode = DELETE')
    // The copy is written with the current cipher, whatever the original used.
    db.pragma(`cipher='${CIPHER}'`)
    db.pragma(`hexrekey='${newKey}'`)
  } finally {
    db.close()
  }
  const problem = verifyCopy(tmp, newKey, counts)
  if (problem) {
    rmSync(tmp, { force: true })
    throw new Error(`het versleutelde afschrift van ${file} klopt niet: ${problem}`)
  }
  return tmp
}

function verifyCopy(file: string, key: string, expected: Record<string, number>): string | null {
  if (isPlainSqliteFile(file)) return 'het afschrift is niet versleuteld'
  const check = checkIntegrity(file, key)
  if (!check.ok) return check.problem
  const db = connect(file, { readonly: true, fileMustExist: true })
  try {
    applyKey(db, key)
    const got = rowCounts(db)
    if (JSON.stringify(got) !== JSON.stringify(expected)) return 'andere aantallen rijen'
    return null
  } finally {
    db.close()
  }
}

/** Puts a verified copy in place of the file (one rename: either the old or the new file is there). */
function replaceWith(file: string, copy: string): void {
  for (const s of ['-wal', '-shm']) rmSync(file + s, { force: true })
  renameSync(copy, file)
}

/** The cipher a file is encrypted with; throws when the key does not open it. */
export function cipherOf(file: string, key: string): Cipher {
  const db = connect(file, { readonly: true, fileMustExist: true })
  try {
    return applyKey(db, key)
  } finally {
    db.close()
  }
}

/**
 * Moves a database written with an older cipher to the current one (see CIPHER), through a
 * verified copy like a key rotation: the original is only replaced once the copy checks out.
 * Backups keep their cipher (they open either way) and are rewritten by the next rotation.
 * Returns true when the file was moved. `current`: the file's cipher, when the caller knows it.
 */
export function upgradeCipher(file: string, key: string, current: Cipher = cipherOf(file, key)): boolean {
  if (current === CIPHER) return false
  replaceWith(file, reencryptCopy(file, key, key))
  return true
}

/** Finishes an encryption that a crash interrupted between its two renames. */
export function recoverInterruptedEncryption(file: string): void {
  const aside = file + PLAIN_ASIDE
  if (!existsSync(aside)) return
  if (!existsSync(file)) renameSync(aside, file)
  else rmSync(aside, { force: true })
}

/**
 * Encrypts a database (and its backups) written by a version of Lange Adem without encryption.
 * The plain file is only removed after the encrypted copy is verified and in place.
 */
export function encryptPlainDatabase(dataDir: string, file: string, key: string): void {
  const copy = reencryptCopy(file, null, key)
  const aside = file + PLAIN_ASIDE
  renameSync(file, aside)
  renameSync(copy, file)
  writeKeyCheck(dataDir, key)
  rmSync(aside, { force: true })
  for (const s of ['-wal', '-shm']) rmSync(aside + s, { force: true })
  for (const b of listBackups(dataDir))
    if (isPlainSqliteFile(b.file)) replaceWith(b.file, reencryptCopy(b.file, null, key))
}

/**
 * The key for a data folder. Finishes a rotation a crash interrupted, and creates a key when the
 * folder has no encrypted database yet (a new folder, or one from before encryption). Refuses,
 * touching nothing, when an encrypted database exists and no key is stored.
 */
export function settleKey(store: KeyStore, dataDir: string, file: string): string {
  const next = store.loadNext()
  const current = store.load()
  if (next) {
    if (current && existsSync(file) && (opensWith(file, next) || opensWith(file, current)))
      completeRotation(dataDir, file, store, current, next)
    else store.discardNext()
    return store.load()!
  }
  if (current) return current
  if (existsSync(file) && !isPlainSqliteFile(file))
    throw new DatabaseKeyError(
      `De gegevens in deze map zijn versleuteld, maar de sleutel ontbreekt (${store.description}). ` +
        'Zonder de sleutel zijn de gegevens en de back-ups niet te lezen. Lange Adem heeft niets gewijzigd.',
      'missing',
    )
  const key = generateKey()
  store.save(key)
  return key
}

/**
 * Replaces the key of a data folder: the database and every backup are re-encrypted with a new
 * key. The new key is stored (as "next") before any file changes, so at every moment each file
 * opens with a key that is kept. The database must be closed (the app not running).
 */
export function rotateKey(dataDir: string, file: string, store: KeyStore): { backups: number } {
  const oldKey = store.load()
  if (!oldKey) throw new DatabaseKeyError('Er is geen sleutel om te vervangen.', 'missing')
  if (keyCheckMatches(dataDir, oldKey) === false || !opensWith(file, oldKey))
    throw new DatabaseKeyError('De huidige sleutel opent de gegevens niet; er is niets gewijzigd.', 'wrong')
  const newKey = generateKey()
  store.saveNext(newKey)
  return completeRotation(dataDir, file, store, oldKey, newKey)
}

function completeRotation(
  dataDir: string,
  file: string,
  store: KeyStore,
  oldKey: string,
  newKey: string,
): { backups: number } {
  if (!opensWith(file, newKey)) replaceWith(file, reencryptCopy(file, oldKey, newKey))
  writeKeyCheck(dataDir, newKey)
  let backups = 0
  for (const b of listBackups(dataDir)) {
    if (opensWith(b.file, newKey)) continue
    // Backups are re-encrypted too: one key opens everything in the folder, and the old key
    // stops mattering for the files here. A backup the old key cannot open is left alone.
    if (!opensWith(b.file, oldKey)) continue
    replaceWith(b.file, reencryptCopy(b.file, oldKey, newKey))
    backups++
  }
  store.promoteNext()
  return { backups }
}
