import type { TeamMember, UpgradeStatus } from '@shared/api/session'
import { wachtwoordProbleem } from '@shared/api/session'
import type { Rol } from '@shared/domain/case'
import type { HandlerContext } from '../../app/context'
import type { Db } from '../../db/database'
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { isSetupDone } from '../settings/repository'
import { hashPassword } from './passwords'
import { activeBeheerders, anyActivePassword, getCredentials, storePassword } from './repository'
import { auditSignedIn } from './service'

/**
 * A database from before passwords (migration 0010) has a team but no password at all, so nobody
 * could sign in. Then, and only then, an active beheerder may set his own password from the
 * sign-in screen: the same trust as the first set-up, where whoever sits at the machine with the
 * data makes the first beheerder. Once any active colleague has a password this path is closed,
 * and a forgotten password goes through a beheerder or the command line (`start-password`).
 */

export const ALREADY_PASSWORDS =
  'Er zijn al wachtwoorden ingesteld. Meld je aan met je eigen wachtwoord, of vraag de beheerder om een startwachtwoord.'
export const ONLY_BEHEERDER =
  'Alleen een beheerder kan hier het eerste wachtwoord instellen. Kies een beheerder uit de lijst.'

export async function upgradeStatus(db: Db): Promise<UpgradeStatus> {
  if (!(await isSetupDone(db)) || (await anyActivePassword(db)))
    return { geenWachtwoorden: false, beheerders: [] }
  const rows = await activeBeheerders(db)
  return { geenWachtwoorden: true, beheerders: rows.map((r) => ({ ...r, rol: r.rol as Rol })) }
}

async function refuseUnlessNoPasswords(db: Db): Promise<void> {
  if (!(await isSetupDone(db)))
    throw new ConflictError('Lange Adem is nog niet ingesteld. Doe eerst de eerste instelling.')
  if (await anyActivePassword(db)) throw new ConflictError(ALREADY_PASSWORDS)
}

/** Sets the first password of an active beheerder while nobody active has one, and signs him in. */
export async function setFirstPassword(
  ctx: HandlerContext,
  userId: number,
  password: string,
): Promise<TeamMember> {
  await refuseUnlessNoPasswords(ctx.db)
  const user = await getCredentials(ctx.db, userId)
  if (!user || !user.actief) throw new NotFoundError('Deze medewerker is niet (meer) actief in het team.')
  if (user.rol !== 'beheerder') throw new AppError('forbidden', ONLY_BEHEERDER)
  const problem = wachtwoordProbleem(password, user.naam)
  if (problem) throw new ValidationError(problem, { nieuwWachtwoord: problem })
  // Hashed outside the transaction (slow); the rule is checked again inside it, so two windows
  // racing here cannot both set a "first" password.
  const hash = await hashPassword(password, ctx.passwordParams)
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await refuseUnlessNoPasswords(trx)
    await storePassword(trx, user.id, hash, false)
    await recordAudit(trx, at, {
      userId: user.id,
      action: 'wachtwoord ingesteld',
      entityType: 'medewerker',
      entityId: user.id,
      summary: `${user.naam} heeft na de update als eerste beheerder een eigen wachtwoord ingesteld (er waren nog geen wachtwoorden)`,
    })
    await auditSignedIn(trx, at, user)
  })
  ctx.session.userId = user.id
  ctx.session.locked = false
  ctx.session.lastActivityAt = Date.parse(at)
  return { id: user.id, naam: user.naam, rol: user.rol }
}
