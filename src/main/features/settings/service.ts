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
  getTeamSettings,
  insertWijk,
  listUsers,
  listWijken,
  replaceWijkRanges,
  saveTeamSettings,
  setUserWijken,
} from './repository'

export async function getSettings(db: Db): Promise<SettingsView> {
  const team = await getTeamSettings(db)
  if (!team) throw new NotFoundError('Lange Adem is nog niet ingesteld.')
  const wijken = await listWijken(db)
  const counts = await db
    .selectFrom('vroegsignaalzaak')
    .select(['wijk_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .groupBy('wijk_id')
    .execute()
  const users = await listUsers(db)
  return {
    team,
    wijken: wijken.map((w) => ({
      id: w.id,
      naam: w.naam,
      postcodes: w.ranges,
      openZaken: Number(counts.find((c) => c.wijk_id === w.id)?.n ?? 0),
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
    const sameName = await trx
      .selectFrom('wijk')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['naam']), '=', input.naam.toLowerCase()))
      .executeTakeFirst()
    if (sameName && sameName.id !== input.id)
      throw new ConflictError(`Er is al een wijk met de naam "${input.naam}".`)
    let id = input.id
    if (id) {
      const exists = await trx.selectFrom('wijk').select('id').where('id', '=', id).executeTakeFirst()
      if (!exists) throw new NotFoundError('Deze wijk bestaat niet (meer).')
      await trx.updateTable('wijk').set({ naam: input.naam }).where('id', '=', id).execute()
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
    const wijk = await trx.selectFrom('wijk').select(['id', 'naam']).where('id', '=', id).executeTakeFirst()
    if (!wijk) throw new NotFoundError('Deze wijk bestaat niet (meer).')
    const { n } = await trx
      .selectFrom('vroegsignaalzaak')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wijk_id', '=', id)
      .executeTakeFirstOrThrow()
    if (Number(n) > 0)
      throw new ConflictError(
        `De wijk ${wijk.naam} heeft nog ${n} ${Number(n) === 1 ? 'zaak' : 'zaken'}. Geef de postcodes eerst aan een andere wijk; een wijk met zaken kan niet weg.`,
      )
    await trx.deleteFrom('wijk').where('id', '=', id).execute()
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
    const wijkIds = (await trx.selectFrom('wijk').select('id').execute()).map((w) => w.id)
    for (const w of input.wijkIds)
      if (!wijkIds.includes(w)) throw new ValidationError('Een gekozen wijk bestaat niet (meer).')
    let id = input.id
    // Who is in the team, and with which role, is the beheerder's (the users and their passwords);
    // a kwaliteitsmedewerker may still change contact details and wijken.
    const actor = await trx
      .selectFrom('app_user')
      .select('rol')
      .where('id', '=', ctx.userId)
      .executeTakeFirst()
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
      const exists = await trx
        .selectFrom('app_user')
        .select(['id', 'rol', 'actief'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!exists) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
      if (!isBeheerder && (exists.rol !== input.rol || exists.actief !== values.actief))
        throw new AppError(
          'forbidden',
          'De rol wijzigen of iemand op (in)actief zetten mag alleen de beheerder.',
        )
      if (id === ctx.userId && !input.actief)
        throw new ConflictError('Je kunt jezelf niet op inactief zetten.')
      await trx.updateTable('app_user').set(values).where('id', '=', id).execute()
    } else {
      id = (
        await trx
          .insertInto('app_user')
          .values({ ...values, created_at: ctx.at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    await setUserWijken(trx, id, input.wijkIds)
    const remaining = await trx
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rol', '=', 'kwaliteitsmedewerker')
      .where('actief', '=', 1)
      .executeTakeFirstOrThrow()
    if (Number(remaining.n) === 0)
      throw new ConflictError('Er moet altijd een actieve kwaliteitsmedewerker zijn.')
    const beheerders = await trx
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rol', '=', 'beheerder')
      .where('actief', '=', 1)
      .executeTakeFirstOrThrow()
    if (Number(beheerders.n) === 0) throw new ConflictError('Er moet altijd een actieve beheerder zijn.')
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
