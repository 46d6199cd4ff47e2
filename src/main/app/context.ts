import type { Db } from '../db/database'
import type { Clock } from '../lib/clock'
import type { Maintenance } from './maintenance'
import type { Viewer } from '../features/access/scope'
import type { ScryptParams } from '../features/session/passwords'

/** Who is working in this window or browser tab. */
export interface Session {
  userId: number | null
  /** Cases outside the user's scope reached through the walk-in hour today (features/access). */
  inloop?: { userId: number; datum: string; offered: Set<number>; opened: Set<number> }
  /** Locked by the user, the idle timer or main's own idle check: only the password opens it again. */
  locked?: boolean
  /** The last thing the user did (epoch ms on the app clock); background calls do not count. */
  lastActivityAt?: number | null
}

/** A new, signed-out session: one per Electron window, one per browser-mode run. */
export function createSession(): Session {
  return { userId: null, locked: false, lastActivityAt: null }
}

/** What every handler receives besides its validated input. */
export interface HandlerContext {
  db: Db
  clock: Clock
  session: Session
  /** The signed-in user's id; only set for methods with access 'user'. */
  userId: number
  /** The data folder and database swap, for backups; absent in tests that build a bare dispatcher. */
  maintenance?: Maintenance
  /** The signed-in user's role and case scope, loaded by the dispatcher (features/access). */
  viewer?: Viewer
  /** The cost of new password hashes; tests make it cheap. Defaults to the production cost. */
  passwordParams?: ScryptParams
  /** The file sent beside the input, for a method that takes one (`file` in its contract). */
  file?: Uint8Array
}
