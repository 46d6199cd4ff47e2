import type { Db } from '../../db/database'
import { STANDAARD_VERGRENDEL_MINUTEN } from '@shared/api/session'
import type { Rol } from '@shared/domain/case'

const IDLE_KEY = 'vergrendel_minuten'

/** Minutes without activity before the app locks itself (a beheerder setting, default 5). */
export async function getIdleMinutes(db: Db): Promise<number> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', IDLE_KEY).executeTakeFirst()
  const n = row ? Number(row.value) : NaN
  return Number.isInteger(n) && n > 0 ? n : STANDAARD_VERGRENDEL_MINUTEN
}

export async function putIdleMinutes(db: Db, minutes: number, at: string, by: number): Promise<void> {
  const value = String(minutes)
  await db
    .insertInto('setting')
    .values({ key: IDLE_KEY, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute()
}

export interface Credentials {
  id: number
  naam: string
  rol: Rol
  actief: boolean
  passwordHash: string | null
  mustChange: boolean
  failedSignIns: number
  blockedUntil: string | null
}

export async function getCredentials(db: Db, userId: number): Promise<Credentials | null> {
  const row = await db
    .selectFrom('app_user')
    .select([
      'id',
      'naam',
      'rol',
      'actief',
      'password_hash',
      'password_must_change',
      'failed_sign_ins',
      'blocked_until',
    ])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    naam: row.naam,
    rol: row.rol as Rol,
    actief: row.actief === 1,
    passwordHash: row.password_hash,
    mustChange: row.password_must_change === 1,
    failedSignIns: row.failed_sign_ins,
    blockedUntil: row.blocked_until,
  }
}

export async function storePassword(
  db: Db,
  userId: number,
  hash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: hash,
      password_must_change: mustChange ? 1 : 0,
      failed_sign_ins: 0,
      blocked_until: null,
    })
    .where('id', '=', userId)
    .execute()
}
