import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { NotFoundError, StaleCaseError } from '../../lib/errors'

/**
 * A case's version (vroegsignaalzaak.versie, migration 0018): it goes up with every change to the
 * case or to what its case file shows, so a screen that read version n can say "change this case
 * as I saw it". Plain SQL both SQLite and PostgreSQL run; no triggers.
 *
 * - claimCase: a change made from a case file the user read. Compare-and-set, as the first write
 *   of the use case's transaction: exactly one of two changes that read the same version wins.
 *   In SQLite the transaction holds the write lock from that statement on; in PostgreSQL the row
 *   lock makes the second update wait for the first to commit and then find no row.
 * - touchCase / touchCases: every other change (a repository that writes case state calls it),
 *   also the paths without a case file (walk-in desk, batch print, import, planner, retention):
 *   they raise the version but never need one. A change may raise it by more than one.
 */
/** `set({ ..., versie: nextVersion })`: the version of the row being updated, plus one. */
export const nextVersion = sql<number>`versie + 1`

export async function claimCase(db: Db, caseId: number, versie: number): Promise<void> {
  const r = await db
    .updateTable('vroegsignaalzaak')
    .set((eb) => ({ versie: eb('versie', '+', 1) }))
    .where('id', '=', caseId)
    .where('versie', '=', versie)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) === 1) return
  const exists = await db
    .selectFrom('vroegsignaalzaak')
    .select('id')
    .where('id', '=', caseId)
    .executeTakeFirst()
  if (!exists) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  throw new StaleCaseError(caseId)
}

export async function touchCase(db: Db, caseId: number): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set((eb) => ({ versie: eb('versie', '+', 1) }))
    .where('id', '=', caseId)
    .execute()
}

export async function touchCases(db: Db, caseIds: readonly number[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 500)
    await db
      .updateTable('vroegsignaalzaak')
      .set((eb) => ({ versie: eb('versie', '+', 1) }))
      .where('id', 'in', caseIds.slice(i, i + 500))
      .execute()
}
