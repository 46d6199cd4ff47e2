import type { ApiErrorPayload } from '@shared/api/define'
import type { Session } from '../../app/context'
import type { Db } from '../../db/database'
import type { Clock } from '../../lib/clock'
import { getIdleMinutes } from './repository'

/**
 * Calls the screen makes by itself (polling a progress bar): they are answered, but do not count
 * as the user being there, so they never keep a session from locking.
 */
export const BACKGROUND_METHODS: ReadonlySet<string> = new Set([
  'documents.renderProgress',
  'intake.progress',
  'changes.since',
])

export const LOCKED_MESSAGE = 'Lange Adem is vergrendeld. Vul je wachtwoord in om verder te gaan.'

/**
 * Main's own lock, behind the screen's idle timer: a locked session, or one idle for longer than
 * the team's limit on the app clock, is refused (and stays locked until the password is given).
 * A call that passes counts as activity, unless it is background polling.
 */
export async function sessionGate(
  db: Db,
  clock: Clock,
  session: Session,
  method: string,
): Promise<ApiErrorPayload | null> {
  if (session.locked) return { code: 'locked', message: LOCKED_MESSAGE }
  const now = Date.parse(clock.now())
  const last = session.lastActivityAt
  if (last !== null && last !== undefined) {
    const limit = (await getIdleMinutes(db)) * 60_000
    if (now - last > limit) {
      session.locked = true
      return { code: 'locked', message: LOCKED_MESSAGE }
    }
  }
  if (!BACKGROUND_METHODS.has(method)) session.lastActivityAt = now
  return null
}
