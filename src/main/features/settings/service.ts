import type { Db } from '../../db/database'
import type { SettingsView } from '@shared/api/settings'
import type { settingsContract } from '@shared/api/settings'
import type { TeamSettings } from '@shared/api/setup'
import type { ParsedInputOf } from '@shared/api/define'
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { findSameRange, loadWijkRanges } from '../wijken/assignment'
import {
  countActiveWithRole,
  countCasesInWijk,
  deleteWijkRow,
  findWijkByName,
  getTeamSettings,
  getWijk,
  insertUser,
  insertWijk,
  listUsers,
  listWijken,
  openCasesPerWijk,
  renameWijk,
  replaceWijkRanges,
  saveTeamSettings,
  setUserWijken,
  updateUser,
  userRole,
  wijkIds,
} from './repository'

export async function getSettings(db: Db): Promise<SettingsView> {
  const team = await getTeamSettings(db)
  if (!team) throw new NotFoundError('Lange Adem is nog niet ingesteld.')
  const wijken = await listWijken(db)
  const counts = await openCasesPerWijk(db)
  const users = await listUsers(db)
  return {
    team,
    wijken: wijken.map((w) => ({
      id: w.id,
      naam: w.naam,
      postcodes: w.ranges,
      openZaken: counts.get(w.id) ?? 0,
    })),
    medewerkers: users,
  }
}

export async function saveTeam(db: Db, ctx: UseCaseContext, team: TeamSettings): Promise<SettingsView> {
  await db.transaction().execute(async (trx) => {
    await saveTeamSettings(trx, team, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gewijzigd',
      entityType: 'instellingen',
      entityId: null,
      summary: 'Teamgegevens gewijzigd',
    })
  })
  return getSettings(db)
}

export async function saveWijk(
  db: Db,
  ctx: UseCaseContext,
  input: ParsedInputOf<(typeof settingsContract)['settings.saveWijk']>,
): Promise<SettingsView> {
  await db.transaction().execute(async (trx) => {
    // Case-insensitive, as in the set-up: "centrum" beside "Centrum" would split one wijk in two.
    const sameName = await findWijkByName(trx, input.naam)
    if (sameName && sameName.id !== input.id)
      throw new ConflictError(`Er is al een wijk met de naam "${input.naam}".`)
    let id = input.id
    if (id) {
      if (!(await getWijk(trx, id))) throw new NotFoundError('Deze wijk bestaat niet (meer).')
      await renameWijk(trx, id, input.naam)
      await replaceWijkRanges(trx, id, input.postcodes)
    } else {
      id = await insertWijk(trx, input.naam, input.postcodes, ctx.at)
    }
    if (findSameRange(await loadWijkRanges(trx)))
      throw new ValidationError(
        'Een andere wijk heeft precies hetzelfde postcodegebied. Geef elk gebied aan één wijk.',
        {
          postcodes: 'Dit postcodegebied hoort al bij een andere wijk.',
        },
      )
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: input.id ? 'gewijzigd' : 'toegevoegd',
      entityType: 'wijk',
      entityId: id,
      summary: `Wijk ${input.naam}`,
    })
  })
  return getSettings(db)
}

export async function deleteWijk(db: Db, ctx: UseCaseContext, id: number): Promise<SettingsView> {
  await db.transaction().execute(async (trx) => {
    const wijk = await getWijk(trx, id)
    if (!wijk) throw new NotFoundError('Deze wijk bestaat niet (meer).')
    const n = await countCasesInWijk(trx, id)
    if (n > 0)
      throw new ConflictError(
        `De wijk ${wijk.naam} heeft nog ${n} ${n === 1 ? 'zaak' : 'zaken'}. Geef de postcodes eerst aan een andere wijk; een wijk met zaken kan niet weg.`,
      )
    await deleteWijkRow(trx, id)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'verwijderd',
      entityType: 'wijk',
      entityId: id,
      summary: `Wijk ${wijk.naam}`,
    })
  })
  return getSettings(db)
}

export async function saveMedewerker(
  db: Db,
  ctx: UseCaseContext,
  input: ParsedInputOf<(typeof settingsContract)['settings.saveMedewerker']>,
): Promise<SettingsView> {
  await db.transaction().execute(async (trx) => {
    const known = await wijkIds(trx)
    for (const w of input.wijkIds)
      if (!known.includes(w)) throw new ValidationError('Een gekozen wijk bestaat niet (meer).')
    let id = input.id
    // Who is in the team, and with which role, is the beheerder's (the users and their passwords);
    // a kwaliteitsmedewerker may still change contact details and wijken.
    const actor = ctx.userId === null ? undefined : await userRole(trx, ctx.userId)
    const isBeheerder = actor?.rol === 'beheerder'
    if (!id && !isBeheerder)
      throw new AppError('forbidden', 'Een medewerker toevoegen mag alleen de beheerder.')
    const values = {
      naam: input.naam,
      rol: input.rol,
      telefoon: input.telefoon,
      email: input.email,
      actief: input.actief ? 1 : 0,
    }
    if (id) {
      const exists = await userRole(trx, id)
      if (!exists) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
      if (!isBeheerder && (exists.rol !== input.rol || exists.actief !== values.actief))
        throw new AppError(
          'forbidden',
          'De rol wijzigen of iemand op (in)actief zetten mag alleen de beheerder.',
        )
      if (id === ctx.userId && !input.actief)
        throw new ConflictError('Je kunt jezelf niet op inactief zetten.')
      await updateUser(trx, id, values)
    } else {
      id = await insertUser(trx, values, ctx.at)
    }
    await setUserWijken(trx, id, input.wijkIds)
    if ((await countActiveWithRole(trx, 'kwaliteitsmedewerker')) === 0)
      throw new ConflictError('Er moet altijd een actieve kwaliteitsmedewerker zijn.')
    if ((await countActiveWithRole(trx, 'beheerder')) === 0)
      throw new ConflictError('Er moet altijd een actieve beheerder zijn.')
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: input.id ? 'gewijzigd' : 'toegevoegd',
      entityType: 'medewerker',
      entityId: id,
      summary: `Medewerker ${input.naam} (${input.rol}${input.actief ? '' : ', inactief'})`,
    })
  })
  return getSettings(db)
}
