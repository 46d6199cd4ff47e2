import { existsSync, mkdirSync } from 'node:fs'
import { checkIntegrity, DatabaseDamagedError, latestGoodBackup } from '../features/backup/service'
import { join } from 'node:path'
import { migrateToLatest, openDatabase, type OpenedDatabase } from '../db/database'
import { systemClock, type Clock } from '../lib/clock'
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
import { walkinHandlers } from '../features/walkin/handlers'
import { documentsHandlers } from '../features/documents/handlers'
import { monitorHandlers } from '../features/monitor/handlers'

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
  ...walkinHandlers,
  ...documentsHandlers,
  ...monitorHandlers,
}

export interface App {
  dispatcher: Dispatcher
  database: OpenedDatabase
  clock: Clock
  close(): Promise<void>
}

export const DATABASE_FILE = 'lange-adem.sqlite'

/** Opens the data folder (or an in-memory database) and wires the services. No Electron here. */
export async function createApp(opts: {
  dataDir?: string
  memory?: boolean
  clock?: Clock
  /** Only tests lower the password hashing cost (see features/session/passwords.ts). */
  passwordParams?: ScryptParams
}): Promise<App> {
  let file = ':memory:'
  if (!opts.memory) {
    if (!opts.dataDir) throw new Error('dataDir is required')
    mkdirSync(opts.dataDir, { recursive: true })
    file = join(opts.dataDir, DATABASE_FILE)
  }
  // Never start on a damaged database, and never write to one: check before opening it for writing.
  if (!opts.memory && existsSync(file)) {
    const verdict = checkIntegrity(file)
    if (!verdict.ok) throw new DatabaseDamagedError(verdict.problem, latestGoodBackup(opts.dataDir!))
  }
  const database = openDatabase(file)
  try {
    await migrateToLatest(database.db)
  } catch (err) {
    await database.close()
    throw err
  }
  const clock = opts.clock ?? systemClock
  return {
    dispatcher: createDispatcher(
      { db: database.db, clock, ...(opts.passwordParams ? { passwordParams: opts.passwordParams } : {}) },
      handlers,
    ),
    database,
    clock,
    close: () => database.close(),
  }
}
