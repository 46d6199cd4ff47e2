import type { Db } from '../db/database'
import type { Clock } from '../lib/clock'
import type { Maintenance } from './maintenance'
import type { Viewer } from '../features/access/scope'

/** Who is working in this window or browser tab. */
export interface Session {
  userId: number | null
  /** Cases outside the user's scope reached through the walk-in hour today (features/access). */
  inloop?: { userId: number; datum: string; offered: Set<number>; opened: Set<number> }
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
}
