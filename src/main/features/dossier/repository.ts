import type { Db } from '../../db/database'
import { nextVersion, touchCase } from './version'

/** The case file's reads and its few writes (notes, the consulent). */

export async function getCase(db: Db, caseId: number) {
  return db.selectFrom('vroegsignaalzaak').selectAll().where('id', '=', caseId).executeTakeFirst()
}

export async function caseExists(db: Db, caseId: number): Promise<boolean> {
  const row = await db.selectFrom('vroegsignaalzaak').select('id').where('id', '=', caseId).executeTakeFirst()
  return row !== undefined
}

export async function getHousehold(db: Db, householdId: number) {
  return db.selectFrom('household').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow()
}

export async function householdResidents(db: Db, householdId: number) {
  return db.selectFrom('resident').selectAll().where('household_id', '=', householdId).orderBy('id').execute()
}

export async function wijkRef(db: Db, wijkId: number): Promise<{ id: number; naam: string } | undefined> {
  return db.selectFrom('wijk').select(['id', 'naam']).where('id', '=', wijkId).executeTakeFirst()
}

export async function userRef(db: Db, userId: number): Promise<{ id: number; naam: string } | undefined> {
  return db.selectFrom('app_user').select(['id', 'naam']).where('id', '=', userId).executeTakeFirst()
}

/** All signals of this address: of this case and of earlier cases, newest first. */
export async function householdSignals(db: Db, householdId: number) {
  return db
    .selectFrom('vroegsignaal')
    .leftJoin('vroegsignaalzaak', 'vroegsignaalzaak.id', 'vroegsignaal.case_id')
    .select([
      'vroegsignaal.id',
      'extern_id',
      'partner_type',
      'partner_naam',
      'bedrag_cents',
      'ontstaansdatum',
      'signaaldatum',
      'vroegsignaal.crisis',
      'warme_overdracht',
      'vroegsignaal.status',
      'resident_id',
      'case_id',
      'vroegsignaalzaak.case_number',
    ])
    .where('vroegsignaal.household_id', '=', householdId)
    .orderBy('signaaldatum', 'desc')
    .orderBy('vroegsignaal.id', 'desc')
    .execute()
}

/** The case's contact attempts, newest first, with who logged each. */
export async function caseAttempts(db: Db, caseId: number) {
  return db
    .selectFrom('contactpoging')
    .leftJoin('app_user', 'app_user.id', 'contactpoging.created_by')
    .select([
      'contactpoging.id',
      'soort',
      'kanaal',
      'bereikt',
      'datum',
      'dagdeel',
      'resultaat',
      'notitie',
      'app_user.naam',
    ])
    .where('case_id', '=', caseId)
    .orderBy('datum', 'desc')
    .orderBy('contactpoging.id', 'desc')
    .execute()
}

export async function caseNotes(db: Db, caseId: number) {
  return db
    .selectFrom('note')
    .leftJoin('app_user', 'app_user.id', 'note.created_by')
    .select(['note.id', 'tekst', 'note.created_at', 'app_user.naam'])
    .where('case_id', '=', caseId)
    .orderBy('note.id', 'desc')
    .execute()
}

export async function insertNote(
  db: Db,
  caseId: number,
  tekst: string,
  at: string,
  by: number | null,
): Promise<void> {
  await db.insertInto('note').values({ case_id: caseId, tekst, created_at: at, created_by: by }).execute()
  await touchCase(db, caseId)
}

/** The household's other cases. */
export async function otherCasesAtAddress(db: Db, householdId: number, caseId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select(['id'])
    .where('household_id', '=', householdId)
    .where('id', '!=', caseId)
    .execute()
  return rows.map((r) => r.id)
}

/** Cases at other addresses of a resident with this surname key and birth date. */
export async function casesOfSamePerson(
  db: Db,
  achternaamKey: string,
  geboortedatum: string,
  householdId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('resident')
    .innerJoin('vroegsignaalzaak', 'vroegsignaalzaak.household_id', 'resident.household_id')
    .select('vroegsignaalzaak.id')
    .where('resident.achternaam_key', '=', achternaamKey)
    .where('resident.geboortedatum', '=', geboortedatum)
    .where('resident.household_id', '!=', householdId)
    .execute()
  return rows.map((r) => r.id)
}

/** These cases with their consulent's name, newest first. */
export async function casesWithConsulent(db: Db, ids: number[]) {
  return db
    .selectFrom('vroegsignaalzaak')
    .leftJoin('app_user', 'app_user.id', 'vroegsignaalzaak.consulent_id')
    .select([
      'vroegsignaalzaak.id',
      'case_number',
      'datum_opgepakt',
      'gesloten_op',
      'resultaat',
      'status',
      'app_user.naam',
    ])
    .where('vroegsignaalzaak.id', 'in', ids)
    .orderBy('datum_opgepakt', 'desc')
    .execute()
}

/** The signals of these cases, oldest first. */
export async function signalsOfCases(db: Db, ids: number[]) {
  return db
    .selectFrom('vroegsignaal')
    .select(['case_id', 'partner_type', 'bedrag_cents', 'signaaldatum'])
    .where('case_id', 'in', ids)
    .orderBy('signaaldatum')
    .execute()
}

export async function userForAssignment(
  db: Db,
  userId: number,
): Promise<{ naam: string; rol: string; actief: number } | undefined> {
  return db
    .selectFrom('app_user')
    .select(['naam', 'rol', 'actief'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export async function setCaseConsulent(db: Db, caseId: number, consulentId: number | null): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({ consulent_id: consulentId, versie: nextVersion })
    .where('id', '=', caseId)
    .execute()
}
