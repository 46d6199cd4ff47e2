import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../db/database'
import type { ContactpogingTable, VroegsignaalzaakTable } from '../../db/schema'
import type { Eindresultaat } from '@shared/domain/ddas'

/** The demo's writes that no feature makes itself: a made-up past, written as it would have been. */

/** Every colleague gets this password hash, to use at once (the demo's shared password). */
export async function setEveryPassword(db: Db, hash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: hash, password_must_change: 0 }).execute()
}

export async function caseConsulent(db: Db, caseId: number): Promise<number | null> {
  const zaak = await db
    .selectFrom('vroegsignaalzaak')
    .select('consulent_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  return zaak.consulent_id
}

export async function insertDemoAttempts(db: Db, rows: Insertable<ContactpogingTable>[]): Promise<void> {
  await db.insertInto('contactpoging').values(rows).execute()
}

export async function setDemoCaseState(
  db: Db,
  caseId: number,
  values: Updateable<VroegsignaalzaakTable>,
): Promise<void> {
  await db.updateTable('vroegsignaalzaak').set(values).where('id', '=', caseId).execute()
}

/** Closed long ago: closed cases have no plan. */
export async function closeDemoCase(trx: Db, caseId: number, resultaat: Eindresultaat, geslotenOp: string) {
  await trx
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'gesloten',
      is_open: 0,
      resultaat,
      gesloten_op: geslotenOp,
      plan_stap: null,
      plan_poging: 0,
      plan_datum: null,
      plan_dagdeel: null,
    })
    .where('id', '=', caseId)
    .execute()
}
