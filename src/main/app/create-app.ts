import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  checkIntegrity,
  inspectFile,
  createBackup,
  DatabaseDamagedError,
  latestGoodBackup,
  type BackupInfo,
  type BackupKind,
} from '../features/backup/service'
import { backupHandlers, BACKUPS_KEPT } from '../features/backup/handlers'
import { createExportBackup } from '../features/backup/export-backup'
import { isPlainSqliteFile, migrateToLatest, openDatabase, type OpenedDatabase } from '../db/database'
import { openAndMigratePostgres, type PostgresOptions } from '../db/postgres'
import { keyCheckMatches, wrongKeyError, writeKeyCheck } from '../features/keys/key'
import { reapplyErasures } from '../features/retention/erasures'
import { encryptPlainDatabase, recoverInterruptedEncryption, upgradeCipher } from '../features/keys/service'
import { systemClock, type Clock } from '../lib/clock'
import type { Maintenance } from './maintenance'
import type { AllHandlers } from './handlers'
import type { ScryptParams } from '../features/session/passwords'
import { createDispatcher, type Dispatcher } from './dispatcher'
import { setupHandlers } from '../features/setup/handlers'
import { sessionHandlers } from '../features/session/handlers'
import { settingsHandlers } from '../features/settings/handlers'
import { signalsHandlers } from '../features/signals/handlers'
import { intakeHandlers } from '../features/intake/handlers'
import { caseloadHandlers } from '../features/caseload/handlers'
import { dossierHandlers } from '../features/dossier/handlers'
import { auditHandlers } from '../features/audit/handlers'
import { ladderHandlers } from '../features/ladder/handlers'
import { visitsHandlers } from '../features/visits/handlers'
import { appointmentsHandlers } from '../features/appointments/handlers'
import { walkinHandlers } from '../features/walkin/handlers'
import { documentsHandlers } from '../features/documents/handlers'
import { monitorHandlers } from '../features/monitor/handlers'
import { retentionHandlers } from '../features/retention/handlers'
import { ddasVsHandlers } from '../features/ddas-vs/handlers'
import { changesHandlers } from '../features/changes/handlers'
import { werkplekHandlers } from '../features/workstation/handlers'

/** Every feature's handlers together; the type makes a missing or extra method a compile error. */
export const handlers: AllHandlers = {
  ...setupHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...signalsHandlers,
  ...intakeHandlers,
  ...caseloadHandlers,
  ...dossierHandlers,
  ...auditHandlers,
  ...ladderHandlers,
  ...visitsHandlers,
  ...appointmentsHandlers,
  ...walkinHandlers,
  ...documentsHandlers,
  ...monitorHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...ddasVsHandlers,
  ...changesHandlers,
  ...werkplekHandlers,
}

export interface App {
  dispatcher: Dispatcher
  /** The open database; a restore inside the app replaces it, so read it when needed. */
  readonly database: OpenedDatabase
  clock: Clock
  /**
   * Makes a verified backup (waiting for running calls first); null for an in-memory database.
   * On PostgreSQL an encrypted export (features/backup/export-backup.ts) under the data folder's
   * key, made from one snapshot while the team works on; null without a data folder or key.
   */
  backupNow(kind?: BackupKind): Promise<BackupInfo | null>
  /**
   * Runs work that reads the database outside the dispatcher (the team server's DDAS-VS endpoint,
   * its change feed) as one more running call: a backup or a restore waits for it, and it waits
   * for them.
   */
  during<T>(fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export const DATABASE_FILE = 'lange-adem.sqlite'

/**
 * Refuses a database that cannot be used, touching nothing: a wrong key, or a damaged file (then
 * the latest good backup is named). Encrypts, once, a database from before encryption, and moves
 * one written with an older cipher to the current one.
 */
function admitDatabase(dataDir: string, file: string, key: string): void {
  recoverInterruptedEncryption(file)
  if (!existsSync(file)) return
  if (isPlainSqliteFile(file)) {
    const plain = checkIntegrity(file, null)
    if (!plain.ok) throw new DatabaseDamagedError(plain.problem, latestGoodBackup(dataDir, key))
    encryptPlainDatabase(dataDir, file, key)
    return
  }
  const keyCheck = keyCheckMatches(dataDir, key)
  if (keyCheck === false) throw wrongKeyError()
  const verdict = inspectFile(file, key)
  if (verdict.ok) {
    if (verdict.cipher) upgradeCipher(file, key, verdict.cipher)
    return
  }
  // With the right key (its fingerprint matches) an unreadable file is damaged. Without a
  // fingerprint it is called damaged too; a backup is then only offered if the key opens it.
  throw new DatabaseDamagedError(verdict.problem, latestGoodBackup(dataDir, key))
}

async function openAndMigrate(file: string, key: string | null): Promise<OpenedDatabase> {
  const database = openDatabase(file, key)
  try {
    await migrateToLatest(database.db)
    return database
  } catch (err) {
    await database.close()
    throw err
  }
}

/**
 * Opens the data folder (or an in-memory database) and wires the services. No Electron here.
 * A data folder needs its key (64 hex characters): the database and its backups are encrypted.
 */
export async function createApp(opts: {
  dataDir?: string
  memory?: boolean
  clock?: Clock
  key?: string
  /** Only tests lower the password hashing cost (see features/session/passwords.ts). */
  passwordParams?: ScryptParams
  /**
   * A `postgres://` URL: the services run on that PostgreSQL database instead of the SQLite file
   * (the team server's second store, README "PostgreSQL (team server)"). The data folder, when
   * given, still holds the server's own files (its certificate, the erasure register) and, with
   * `key`, the export backups encrypted with that key.
   */
  database?: string
  postgres?: PostgresOptions
}): Promise<App> {
  let file = ':memory:'
  const postgresUrl = opts.database ?? null
  const dataDir = opts.memory ? null : (opts.dataDir ?? null)
  const key = opts.memory ? null : (opts.key ?? null)
  if (postgresUrl) {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true })
      // The key of the export backups: the same fingerprint rule as a SQLite folder's key, so a
      // server started with another key is refused instead of writing backups nobody can open
      // with the key that is kept.
      if (key && keyCheckMatches(dataDir, key) === false) throw wrongKeyError()
    }
  } else if (!opts.memory) {
    if (!dataDir) throw new Error('dataDir is required')
    if (!key) throw new Error('a database key is required for a data folder')
    mkdirSync(dataDir, { recursive: true })
    file = join(dataDir, DATABASE_FILE)
    // Never start on a damaged database, and never write to one: check before opening it for writing.
    admitDatabase(dataDir, file, key)
  }
  const clock = opts.clock ?? systemClock
  // A data folder's database is opened with the deletion requests carried out so far applied
  // again: a restored backup must not bring back a person who asked to be deleted.
  const open = async () => {
    const opened = postgresUrl
      ? await openAndMigratePostgres(postgresUrl, opts.postgres)
      : await openAndMigrate(file, key)
    if (dataDir) {
      try {
        await reapplyErasures(opened.db, dataDir, clock.now())
      } catch (err) {
        await opened.close()
        throw err
      }
    }
    return opened
  }
  let current = await open()
  if (dataDir && key && keyCheckMatches(dataDir, key) === null) writeKeyCheck(dataDir, key)

  // Calls run concurrently (each awaits the database); a backup or a restore runs alone.
  let active = 0
  let gate: Promise<void> | null = null
  async function alone<T>(own: number, fn: () => Promise<T>): Promise<T> {
    if (gate) {
      // A call waiting here is not running: it must not hold up the one that has the gate.
      active -= own
      while (gate) await gate
      active += own
    }
    let release!: () => void
    gate = new Promise((r) => (release = r))
    try {
      while (active > own) await new Promise((r) => setTimeout(r, 10))
      return await fn()
    } finally {
      gate = null
      release()
    }
  }
  const maintenance: Maintenance = {
    // On PostgreSQL the data folder holds the export backups and the erasure register; there
    // is no database file to copy or swap.
    dataDir,
    databaseFile: dataDir && !postgresUrl ? file : null,
    key,
    store: postgresUrl ? 'postgres' : 'sqlite',
    postgres: postgresUrl ? { url: postgresUrl, options: opts.postgres ?? {} } : null,
    raw: () => current.raw,
    db: () => current.db,
    exclusive: (fn) => alone(1, fn),
    async swapFile(swap, undo) {
      await current.close()
      try {
        swap()
        current = await open()
      } catch (err) {
        undo()
        current = await open()
        throw err
      }
    },
  }
  const inner = createDispatcher(
    {
      get db() {
        return current.db
      },
      clock,
      maintenance,
      ...(opts.passwordParams ? { passwordParams: opts.passwordParams } : {}),
    },
    handlers,
  )
  async function during<T>(fn: () => Promise<T>): Promise<T> {
    while (gate) await gate
    active++
    try {
      return await fn()
    } finally {
      active--
    }
  }
  const dispatcher: Dispatcher = {
    call: (session, method, input, file) => during(() => inner.call(session, method, input, file)),
  }
  return {
    dispatcher,
    get database() {
      return current
    },
    clock,
    backupNow: (kind = 'automatisch') =>
      postgresUrl
        ? // One REPEATABLE READ snapshot: consistent without stopping the team's calls.
          dataDir && key
          ? createExportBackup(current.db, dataDir, clock.now(), { key, keep: BACKUPS_KEPT, kind })
          : Promise.resolve(null)
        : dataDir
          ? alone(0, () => createBackup(current.raw, dataDir, clock.now(), { key, keep: BACKUPS_KEPT, kind }))
          : Promise.resolve(null),
    during,
    close: () => current.close(),
  }
}
