import type { Db } from '../../db/database'
import type { TeamSettings } from '@shared/api/setup'
import type { Rol } from '@shared/domain/case'
import type { MedewerkerView } from '@shared/api/settings'
import type { PostcodeRange } from '@shared/format/address'

const TEAM_KEY = 'team'
const SETUP_DONE_KEY = 'setup_done'
const DEMO_KEY = 'demo'

/** One row of the `setting` table: a JSON value per key (team, monitor, ddas-vs, ...). */
export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function putSetting(
  db: Db,
  key: string,
  value: string,
  at: string,
  by: number | null,
): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute()
}

export async function getTeamSettings(db: Db): Promise<TeamSettings | null> {
  const v = await getSetting(db, TEAM_KEY)
  return v ? (JSON.parse(v) as TeamSettings) : null
}

export async function saveTeamSettings(
  db: Db,
  team: TeamSettings,
  at: string,
  by: number | null,
): Promise<void> {
  await putSetting(db, TEAM_KEY, JSON.stringify(team), at, by)
}

export async function isSetupDone(db: Db): Promise<boolean> {
  return (await getSetting(db, SETUP_DONE_KEY)) === '1'
}

export async function markSetupDone(db: Db, at: string): Promise<void> {
  await putSetting(db, SETUP_DONE_KEY, '1', at, null)
}

export async function isDemo(db: Db): Promise<boolean> {
  return (await getSetting(db, DEMO_KEY)) === '1'
}

export async function markDemo(db: Db, at: string): Promise<void> {
  await putSetting(db, DEMO_KEY, '1', at, null)
}

// --- wijken ---

export interface WijkWithRanges {
  id: number
  naam: string
  ranges: PostcodeRange[]
}

export async function listWijken(db: Db): Promise<WijkWithRanges[]> {
  const wijken = await db.selectFrom('wijk').select(['id', 'naam']).orderBy('naam').execute()
  const ranges = await db
    .selectFrom('wijk_postcode')
    .select(['wijk_id', 'pc_from', 'pc_to'])
    .orderBy('id')
    .execute()
  return wijken.map((w) => ({
    ...w,
    ranges: ranges.filter((r) => r.wijk_id === w.id).map((r) => ({ from: r.pc_from, to: r.pc_to })),
  }))
}

export async function insertWijk(db: Db, naam: string, ranges: PostcodeRange[], at: string): Promise<number> {
  const { id } = await db
    .insertInto('wijk')
    .values({ naam, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceWijkRanges(db, id, ranges)
  return id
}

export async function replaceWijkRanges(db: Db, wijkId: number, ranges: PostcodeRange[]): Promise<void> {
  await db.deleteFrom('wijk_postcode').where('wijk_id', '=', wijkId).execute()
  if (ranges.length)
    await db
      .insertInto('wijk_postcode')
      .values(ranges.map((r) => ({ wijk_id: wijkId, pc_from: r.from, pc_to: r.to })))
      .execute()
}

// --- medewerkers ---

/** A team member as the settings screen shows it. */
export type UserRecord = MedewerkerView

export async function listUsers(db: Db, onlyActive = false): Promise<UserRecord[]> {
  let q = db
    .selectFrom('app_user')
    .select(['id', 'naam', 'rol', 'telefoon', 'email', 'actief'])
    .orderBy('naam')
  if (onlyActive) q = q.where('actief', '=', 1)
  const users = await q.execute()
  const links = await db.selectFrom('user_wijk').select(['user_id', 'wijk_id']).execute()
  return users.map((u) => ({
    id: u.id,
    naam: u.naam,
    rol: u.rol as Rol,
    telefoon: u.telefoon,
    email: u.email,
    actief: u.actief === 1,
    wijkIds: links.filter((l) => l.user_id === u.id).map((l) => l.wijk_id),
  }))
}

export async function getUser(db: Db, id: number): Promise<UserRecord | null> {
  return (await listUsers(db)).find((u) => u.id === id) ?? null
}

export async function setUserWijken(db: Db, userId: number, wijkIds: number[]): Promise<void> {
  await db.deleteFrom('user_wijk').where('user_id', '=', userId).execute()
  if (wijkIds.length)
    await db
      .insertInto('user_wijk')
      .values([...new Set(wijkIds)].map((w) => ({ user_id: userId, wijk_id: w })))
      .execute()
}

export interface UserValues {
  naam: string
  rol: string
  telefoon: string
  email: string
  actief: number
}

export async function insertUser(db: Db, values: UserValues, at: string): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ ...values, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateUser(db: Db, id: number, values: UserValues): Promise<void> {
  await db.updateTable('app_user').set(values).where('id', '=', id).execute()
}

/** The role and whether the user is active, as stored (no wijken). */
export async function userRole(db: Db, id: number): Promise<{ rol: string; actief: number } | undefined> {
  return db.selectFrom('app_user').select(['rol', 'actief']).where('id', '=', id).executeTakeFirst()
}

export async function countActiveWithRole(db: Db, rol: Rol): Promise<number> {
  const { n } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rol', '=', rol)
    .where('actief', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(n)
}

// --- wijken, continued ---

/** Open cases per wijk (wijk_id null: cases without a wijk). */
export async function openCasesPerWijk(db: Db): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select(['wijk_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .groupBy('wijk_id')
    .execute()
  return new Map(rows.map((r) => [r.wijk_id, Number(r.n)]))
}

/** The wijk with this name, compared case-insensitively. */
export async function findWijkByName(db: Db, naam: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('wijk')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['naam']), '=', naam.toLowerCase()))
    .executeTakeFirst()
}

export async function getWijk(db: Db, id: number): Promise<{ id: number; naam: string } | undefined> {
  return db.selectFrom('wijk').select(['id', 'naam']).where('id', '=', id).executeTakeFirst()
}

export async function renameWijk(db: Db, id: number, naam: string): Promise<void> {
  await db.updateTable('wijk').set({ naam }).where('id', '=', id).execute()
}

export async function deleteWijkRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('wijk').where('id', '=', id).execute()
}

export async function wijkIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('wijk').select('id').execute()).map((w) => w.id)
}

/** All cases of the wijk, open or closed. */
export async function countCasesInWijk(db: Db, wijkId: number): Promise<number> {
  const { n } = await db
    .selectFrom('vroegsignaalzaak')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('wijk_id', '=', wijkId)
    .executeTakeFirstOrThrow()
  return Number(n)
}
