import type { SignInResult, TeamMember } from '@shared/api/session'
import { wachtwoordProbleem } from '@shared/api/session'
import type { HandlerContext, Session } from '../../app/context'
import { AppError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { uncounted } from '../../db/commit-watch'
import {
  blockSignIn,
  clearFailedSignIns,
  countFailedSignIn,
  findActiveUserByName,
  getCredentials,
  storePassword,
  type Credentials,
} from './repository'
import type { Db } from '../../db/database'
import {
  hashPassword,
  needsRehash,
  PASSWORD_PARAMS,
  verifyDummy,
  verifyPassword,
  type ScryptParams,
} from './passwords'

/** Wrong tries in a row before a name is blocked, and for how long. */
export const MAX_TRIES = 5
export const BLOCK_SECONDS = 60

/** One message for an unknown name and a wrong password alike. */
export const WRONG = 'Deze combinatie van naam en wachtwoord klopt niet. Probeer het opnieuw.'
export const NO_PASSWORD =
  'Je hebt nog geen wachtwoord. Vraag de beheerder om een startwachtwoord voor je in te stellen.'

const member = (c: Credentials): TeamMember => ({ id: c.id, naam: c.naam, rol: c.rol })

function blockedMessage(seconds: number): string {
  return `Er is te vaak een verkeerd wachtwoord ingevuld. Wacht nog ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} en probeer het dan opnieuw.`
}

async function failed(ctx: HandlerContext, userId: number | null, summary: string): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.clock.now(), {
      userId,
      action: 'aanmelden mislukt',
      entityType: 'sessie',
      entityId: null,
      summary,
    }),
  )
}

/**
 * Checks a password with the throttle: a blocked name is refused without checking; a wrong
 * password counts (in the database, so a restart does not reset it), and the fifth in a row
 * blocks the name for 60 s. Every refusal is written to the logboek. Returns the user on success.
 */
export async function authenticate(
  ctx: HandlerContext,
  userId: number,
  password: string,
): Promise<Credentials> {
  const now = ctx.clock.now()
  const user = await getCredentials(ctx.db, userId)
  if (!user || !user.actief) {
    await verifyDummy(password, ctx.passwordParams)
    await failed(ctx, null, 'Aanmelden mislukt: onbekende of niet-actieve medewerker')
    throw new AppError('forbidden', WRONG)
  }
  if (user.blockedUntil && user.blockedUntil > now) {
    const seconds = Math.max(1, Math.ceil((Date.parse(user.blockedUntil) - Date.parse(now)) / 1000))
    await failed(ctx, user.id, `Aanmelden geweigerd voor ${user.naam}: nog ${seconds} s geblokkeerd`)
    throw new AppError('forbidden', blockedMessage(seconds))
  }
  if (!user.passwordHash) {
    await failed(ctx, user.id, `Aanmelden mislukt voor ${user.naam}: nog geen wachtwoord`)
    throw new AppError('forbidden', NO_PASSWORD)
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const blocked = await ctx.db.transaction().execute(async (trx) => {
      const block = (await countFailedSignIn(trx, user.id)) >= MAX_TRIES
      if (block)
        await blockSignIn(trx, user.id, new Date(Date.parse(now) + BLOCK_SECONDS * 1000).toISOString())
      await recordAudit(trx, now, {
        userId: user.id,
        action: 'aanmelden mislukt',
        entityType: 'sessie',
        entityId: null,
        summary: `Verkeerd wachtwoord voor ${user.naam}${block ? `; ${BLOCK_SECONDS} s geblokkeerd` : ''}`,
      })
      return block
    })
    throw new AppError('forbidden', blocked ? `${WRONG} ${blockedMessage(BLOCK_SECONDS)}` : WRONG)
  }
  const params = ctx.passwordParams ?? PASSWORD_PARAMS
  const rehash = !user.mustChange && needsRehash(user.passwordHash, params)
  const fresh = rehash ? await hashPassword(password, params) : null
  // Its own write, before the caller's transaction: the same reset again when a call is retried
  // after a serialization failure, so it does not count as part stored (db/commit-watch.ts)
  await uncounted(() => clearFailedSignIns(ctx.db, user.id, fresh))
  return user
}

/** The logboek's entry for a sign-in, inside the caller's transaction. */
export function auditSignedIn(db: Db, at: string, user: { id: number; naam: string }): Promise<void> {
  return recordAudit(db, at, {
    userId: user.id,
    action: 'aangemeld',
    entityType: 'sessie',
    entityId: null,
    summary: `${user.naam} heeft zich aangemeld`,
  })
}

function startSession(ctx: HandlerContext, userId: number): void {
  ctx.session.userId = userId
  ctx.session.locked = false
  ctx.session.lastActivityAt = Date.parse(ctx.clock.now())
}

export async function signIn(ctx: HandlerContext, userId: number, password: string): Promise<SignInResult> {
  const user = await authenticate(ctx, userId, password)
  // A starting password only opens the step where the user chooses their own.
  if (user.mustChange) return { ...member(user), moetWachtwoordKiezen: true }
  await ctx.db.transaction().execute((trx) => auditSignedIn(trx, ctx.clock.now(), user))
  startSession(ctx, user.id)
  return { ...member(user), moetWachtwoordKiezen: false }
}

function checkNewPassword(naam: string, current: string, next: string): void {
  const problem = wachtwoordProbleem(next, naam)
  if (problem) throw new ValidationError(problem, { nieuwWachtwoord: problem })
  if (next === current) {
    const msg = 'Kies een ander wachtwoord dan het wachtwoord dat je nu hebt.'
    throw new ValidationError(msg, { nieuwWachtwoord: msg })
  }
}

/** First sign-in with a starting password (or any sign-in that changes the password): proves the old one, sets the new one, signs in. */
export async function choosePassword(
  ctx: HandlerContext,
  userId: number,
  current: string,
  next: string,
): Promise<TeamMember> {
  const known = await getCredentials(ctx.db, userId)
  // The rules are checked first: a new password that is refused costs no try.
  if (known?.actief) checkNewPassword(known.naam, current, next)
  const user = await authenticate(ctx, userId, current)
  const hash = await hashPassword(next, ctx.passwordParams)
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await storePassword(trx, user.id, hash, false)
    await recordAudit(trx, at, {
      userId: user.id,
      action: 'wachtwoord gewijzigd',
      entityType: 'medewerker',
      entityId: user.id,
      summary: `${user.naam} heeft een eigen wachtwoord gekozen`,
    })
    await auditSignedIn(trx, at, user)
  })
  startSession(ctx, user.id)
  return member(user)
}

/** Signed in and working: a new own password, after typing the current one. */
export async function changePassword(ctx: HandlerContext, current: string, next: string): Promise<void> {
  const me = await getCredentials(ctx.db, ctx.userId)
  if (!me) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
  checkNewPassword(me.naam, current, next)
  try {
    await authenticate(ctx, me.id, current)
  } catch (err) {
    if (err instanceof AppError && err.message === WRONG) {
      const msg = 'Je huidige wachtwoord klopt niet.'
      throw new ValidationError(msg, { wachtwoord: msg })
    }
    throw err
  }
  const hash = await hashPassword(next, ctx.passwordParams)
  await ctx.db.transaction().execute(async (trx) => {
    await storePassword(trx, me.id, hash, false)
    await recordAudit(trx, ctx.clock.now(), {
      userId: me.id,
      action: 'wachtwoord gewijzigd',
      entityType: 'medewerker',
      entityId: me.id,
      summary: `${me.naam} heeft het eigen wachtwoord gewijzigd`,
    })
  })
}

/** The beheerder gives a colleague a starting password: for a new colleague, or one who forgot theirs. */
export async function setStartPassword(ctx: HandlerContext, userId: number, password: string): Promise<void> {
  if (userId === ctx.userId)
    throw new ValidationError(
      'Je eigen wachtwoord wijzig je met "Wachtwoord wijzigen" bovenin, niet met een startwachtwoord.',
    )
  const target = await getCredentials(ctx.db, userId)
  if (!target) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
  const problem = wachtwoordProbleem(password, target.naam)
  if (problem)
    throw new ValidationError(problem.replace('je eigen naam', 'de naam van je collega'), {
      wachtwoord: problem.replace('je eigen naam', 'de naam van je collega'),
    })
  const hash = await hashPassword(password, ctx.passwordParams)
  await ctx.db.transaction().execute(async (trx) => {
    await storePassword(trx, target.id, hash, true)
    await recordAudit(trx, ctx.clock.now(), {
      userId: ctx.userId,
      action: 'wachtwoord ingesteld',
      entityType: 'medewerker',
      entityId: target.id,
      summary: `Startwachtwoord ingesteld voor ${target.naam}`,
    })
  })
}

/** Opens a locked window again with the signed-in user's own password. */
export async function unlock(ctx: HandlerContext, password: string): Promise<TeamMember> {
  const userId = ctx.session.userId
  if (userId === null) throw new AppError('not_signed_in', 'Meld je eerst aan.')
  const user = await authenticate(ctx, userId, password)
  if (user.mustChange) {
    ctx.session.userId = null
    ctx.session.locked = false
    throw new AppError(
      'not_signed_in',
      'De beheerder heeft je wachtwoord opnieuw ingesteld. Meld je opnieuw aan met je startwachtwoord.',
    )
  }
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.clock.now(), {
      userId: user.id,
      action: 'ontgrendeld',
      entityType: 'sessie',
      entityId: null,
      summary: `${user.naam} heeft Lange Adem ontgrendeld`,
    }),
  )
  startSession(ctx, user.id)
  return member(user)
}

export function lock(session: Session): void {
  if (session.userId !== null) session.locked = true
}

export async function signOut(ctx: HandlerContext): Promise<void> {
  const userId = ctx.session.userId
  if (userId !== null)
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.clock.now(), {
        userId,
        action: 'afgemeld',
        entityType: 'sessie',
        entityId: null,
        summary: 'Afgemeld',
      }),
    )
  ctx.session.userId = null
  ctx.session.locked = false
  ctx.session.lastActivityAt = null
}

/**
 * From the command line, on the machine that holds the data (a database from before passwords
 * existed, or a beheerder who forgot theirs): a starting password for an active colleague by
 * name, to be replaced at their next sign-in. Recorded in the logboek without a user.
 */
export async function setStartPasswordFromCli(
  db: Db,
  at: string,
  naam: string,
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<void> {
  const user = await findActiveUserByName(db, naam)
  if (!user) throw new NotFoundError(`Er is geen actieve medewerker met de naam "${naam}".`)
  const problem = wachtwoordProbleem(password, user.naam)
  if (problem) throw new ValidationError(problem.replace('je eigen naam', 'de naam van de medewerker'))
  const hash = await hashPassword(password, params)
  await db.transaction().execute(async (trx) => {
    await storePassword(trx, user.id, hash, true)
    await recordAudit(trx, at, {
      userId: null,
      action: 'wachtwoord ingesteld',
      entityType: 'medewerker',
      entityId: user.id,
      summary: `Startwachtwoord ingesteld voor ${user.naam} via de opdrachtregel`,
    })
  })
}
