import { sql } from 'kysely'
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

/** One more failed sign-in; returns the count so far. */
export async function countFailedSignIn(db: Db, userId: number): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_sign_ins: sql`failed_sign_ins + 1` })
    .where('id', '=', userId)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow()
  return row.failed_sign_ins
}

/** Blocks the name until `until` and starts the count of failed sign-ins again. */
export async function blockSignIn(db: Db, userId: number, until: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_sign_ins: 0, blocked_until: until })
    .where('id', '=', userId)
    .execute()
}

/** After a good sign-in: no failed tries, no block, and the re-made hash when there is one. */
export async function clearFailedSignIns(db: Db, userId: number, newHash: string | null): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_sign_ins: 0, blocked_until: null, ...(newHash ? { password_hash: newHash } : {}) })
    .where('id', '=', userId)
    .execute()
}

/** The active colleague with this name, compared case-insensitively and without outer spaces. */
export async function findActiveUserByName(
  db: Db,
  naam: string,
): Promise<{ id: number; naam: string } | undefined> {
  return db
    .selectFrom('app_user')
    .select(['id', 'naam'])
    .where((eb) => eb(eb.fn('lower', ['naam']), '=', naam.trim().toLowerCase()))
    .where('actief', '=', 1)
    .executeTakeFirst()
}

/** Whether any active colleague has a password; inactive ones do not count (they cannot sign in). */
export async function anyActivePassword(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('actief', '=', 1)
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function activeBeheerders(db: Db): Promise<{ id: number; naam: string; rol: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'naam', 'rol'])
    .where('actief', '=', 1)
    .where('rol', '=', 'beheerder')
    .orderBy('naam')
    .execute()
}

/** What the dispatcher reads of the caller on every call: role, active, and a password reset since. */
export async function callerState(
  db: Db,
  userId: number,
): Promise<{ rol: string; actief: number; password_must_change: number } | undefined> {
  return db
    .selectFrom('app_user')
    .select(['rol', 'actief', 'password_must_change'])
    .where('id', '=', userId)
    .executeTakeFirst()
}
