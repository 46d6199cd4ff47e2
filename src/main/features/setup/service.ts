import type { Db } from '../../db/database'
import type { AppStatus } from '@shared/api/setup'
import type { setupInput } from '@shared/api/setup'
import type { z } from 'zod'
import type { Rol } from '@shared/domain/case'
import { ConflictError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import {
  getTeamSettings,
  getUser,
  insertUser,
  insertWijk,
  isDemo,
  isSetupDone,
  markSetupDone,
  saveTeamSettings,
  setUserWijken,
} from '../settings/repository'
import { findSameRange } from '../wijken/assignment'
import type { Session } from '../../app/context'
import { hashPassword, PASSWORD_PARAMS, type ScryptParams } from '../session/passwords'
import { getIdleMinutes, storePassword } from '../session/repository'
import { DEMO_WACHTWOORD } from '../demo/password'
import { APP_VERSION } from '@shared/version'

export async function appStatus(db: Db, session: Session, now: string): Promise<AppStatus> {
  const team = await getTeamSettings(db)
  const user = session.userId ? await getUser(db, session.userId) : null
  const demo = await isDemo(db)
  return {
    setupDone: await isSetupDone(db),
    demo,
    gemeenteNaam: team?.gemeenteNaam ?? null,
    teamNaam: team?.teamNaam ?? null,
    currentUser: user && user.actief ? { id: user.id, naam: user.naam, rol: user.rol } : null,
    locked: Boolean(user && session.locked),
    vergrendelMinuten: await getIdleMinutes(db),
    // Never for real data: only a database filled with the made-up demo team has this password.
    demoWachtwoord: demo ? DEMO_WACHTWOORD : null,
    version: APP_VERSION,
    nu: now,
  }
}

/**
 * The first-run set-up: team, wijken and team members, stored together or not at all. The
 * person doing it is one of the beheerders and leaves with their own password.
 */
export async function completeSetup(
  db: Db,
  at: string,
  input: z.output<typeof setupInput>,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<void> {
  // Hashed before the transaction: the slow part holds no lock on the database.
  const hash = await hashPassword(input.beheerder.wachtwoord, params)
  await db.transaction().execute((trx) => applySetup(trx, at, input, hash))
}

/**
 * The set-up's steps inside the caller's transaction, so the demo loader can set up and fill
 * the database as one all-or-nothing change (Kysely cannot nest transactions).
 */
export async function applySetup(
  trx: Db,
  at: string,
  input: z.output<typeof setupInput>,
  beheerderHash: string,
): Promise<void> {
  if (await isSetupDone(trx))
    throw new ConflictError('Lange Adem is al ingesteld. Wijzig de gegevens onder Instellingen.')
  await saveTeamSettings(trx, input.team, at, null)
  const wijkIds = new Map<string, number>()
  for (const w of input.wijken)
    wijkIds.set(w.naam.toLowerCase(), await insertWijk(trx, w.naam, w.postcodes, at))
  const clash = findSameRange(
    input.wijken.flatMap((w) =>
      w.postcodes.map((r) => ({ ...r, wijkId: wijkIds.get(w.naam.toLowerCase())! })),
    ),
  )
  if (clash)
    throw new ValidationError(
      'Twee wijken hebben precies hetzelfde postcodegebied. Geef elk gebied aan één wijk.',
    )
  for (const m of input.medewerkers) {
    const id = await insertUser(
      trx,
      { naam: m.naam, rol: m.rol as Rol, telefoon: m.telefoon, email: m.email, actief: 1 },
      at,
    )
    await setUserWijken(
      trx,
      id,
      m.wijken.map((w) => wijkIds.get(w.toLowerCase())!),
    )
    if (m.rol === 'beheerder' && m.naam.toLowerCase() === input.beheerder.naam.toLowerCase())
      await storePassword(trx, id, beheerderHash, false)
  }
  await markSetupDone(trx, at)
  await recordAudit(trx, at, {
    userId: null,
    action: 'instellen',
    entityType: 'instellingen',
    entityId: null,
    summary: `Eerste instelling: ${input.wijken.length} wijken, ${input.medewerkers.length} medewerkers`,
  })
}
