import { createHash, randomBytes } from 'node:crypto'
import { createSession, type Session } from '../app/context'

/**
 * The team server's sessions: one per workstation connection. A workstation opens one (giving
 * its name) and gets a token; every call carries it, and the dispatcher's session, so the
 * signed-in user, the lock and the idle time, is the one the token belongs to. There is no
 * "current user" in the server process. Sign-in happens through the dispatcher as in solo
 * mode; when a call changes who is signed in, the token is replaced (the old one stops working),
 * so a token seen before a sign-in never opens the signed-in session.
 *
 * Tokens are 32 random bytes; the map is keyed by their SHA-256, so a lookup compares no secret.
 * A session unused for SESSION_TTL_MS is forgotten (the workstation then opens a new one and
 * signs in again); the idle lock itself is the dispatcher's, per session, on the server's clock.
 */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000
/** More open sessions than any team has workstations: beyond it the oldest unused one goes. */
export const MAX_SESSIONS = 2000

export interface TeamSession {
  werkplek: string
  session: Session
  openedAt: number
  lastSeenAt: number
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')
const newToken = () => randomBytes(32).toString('base64url')

/** A workstation's name as the logboek shows it: letters, digits, space, dot, dash, underscore. */
export function cleanWorkstationName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ')
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u.test(name) ? name : null
}

export function createSessionStore(now: () => number = Date.now) {
  const byHash = new Map<string, TeamSession>()

  function sweep() {
    const t = now()
    for (const [h, s] of byHash) if (t - s.lastSeenAt > SESSION_TTL_MS) byHash.delete(h)
    while (byHash.size >= MAX_SESSIONS) {
      let oldest: [string, TeamSession] | null = null
      for (const e of byHash) if (!oldest || e[1].lastSeenAt < oldest[1].lastSeenAt) oldest = e
      byHash.delete(oldest![0])
    }
  }

  return {
    open(werkplek: string): { token: string; entry: TeamSession } {
      sweep()
      const t = now()
      const entry: TeamSession = { werkplek, session: createSession(), openedAt: t, lastSeenAt: t }
      const token = newToken()
      byHash.set(hashOf(token), entry)
      return { token, entry }
    },
    get(token: string | undefined): TeamSession | null {
      if (!token) return null
      const entry = byHash.get(hashOf(token))
      if (!entry) return null
      if (now() - entry.lastSeenAt > SESSION_TTL_MS) {
        byHash.delete(hashOf(token))
        return null
      }
      entry.lastSeenAt = now()
      return entry
    },
    /** A fresh token for the same session; the old one stops working at once. */
    rotate(oldToken: string): string {
      const entry = byHash.get(hashOf(oldToken))
      if (!entry) throw new Error('unknown session')
      byHash.delete(hashOf(oldToken))
      const token = newToken()
      byHash.set(hashOf(token), entry)
      return token
    },
    close(token: string): void {
      byHash.delete(hashOf(token))
    },
    /** Who is signed in where (for the server's own view; no tokens). */
    signedIn(): { werkplek: string; userId: number }[] {
      return [...byHash.values()]
        .filter((s) => s.session.userId !== null)
        .map((s) => ({ werkplek: s.werkplek, userId: s.session.userId! }))
    },
    get size() {
      return byHash.size
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>

/** Methods that check a password: their refusals count towards a workstation's throttle. */
export const PASSWORD_METHODS: ReadonlySet<string> = new Set([
  'session.signIn',
  'session.choosePassword',
  'session.unlock',
  'session.setFirstPassword',
])

/**
 * Failed sign-ins per workstation, beside the per-name block the session service keeps in the
 * database: someone trying many names from one desk is slowed down too. After
 * WORKSTATION_MAX_FAILS refusals within WORKSTATION_WINDOW_MS the workstation must wait
 * WORKSTATION_BLOCK_MS before a password is checked again. In memory: a server restart resets
 * it, the per-name block (in the database) does not.
 */
export const WORKSTATION_MAX_FAILS = 10
export const WORKSTATION_WINDOW_MS = 15 * 60 * 1000
export const WORKSTATION_BLOCK_MS = 60 * 1000

export function createWorkstationThrottle(now: () => number = Date.now) {
  const fails = new Map<string, number[]>()
  const blockedUntil = new Map<string, number>()
  const key = (w: string) => w.toLowerCase()
  return {
    /** Seconds still to wait, or 0. */
    waitSeconds(werkplek: string): number {
      const until = blockedUntil.get(key(werkplek)) ?? 0
      return until > now() ? Math.ceil((until - now()) / 1000) : 0
    },
    failed(werkplek: string): void {
      const k = key(werkplek)
      const t = now()
      const recent = (fails.get(k) ?? []).filter((at) => t - at < WORKSTATION_WINDOW_MS)
      recent.push(t)
      if (recent.length >= WORKSTATION_MAX_FAILS) {
        blockedUntil.set(k, t + WORKSTATION_BLOCK_MS)
        fails.delete(k)
      } else fails.set(k, recent)
    },
    succeeded(werkplek: string): void {
      fails.delete(key(werkplek))
    },
  }
}

export function workstationBlockedMessage(seconds: number): string {
  return `Vanaf deze werkplek is te vaak een verkeerd wachtwoord ingevuld. Wacht nog ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} en probeer het dan opnieuw.`
}
