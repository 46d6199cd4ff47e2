import type { Db } from '../../db/database'
import { nextVersion } from '../dossier/version'
import { waitForImport } from '../intake/import-lock'
import { normalizeAddition } from '@shared/format/address'
import { wijkForPostcode, type WijkRange } from '../wijken/assignment'
import {
  caseNumberFor,
  caseSummary,
  findResident,
  newHousehold,
  newResident,
  residentChange,
  type AddressInput,
  type ResidentContact,
  type ResidentInput,
} from './decisions'

export type { AddressInput, ResidentInput } from './decisions'
export { caseNumberFor, isSameResident, looseNameKey } from './decisions'

/** One household is one address: postcode, house number and addition, each normalised. */
export async function findHousehold(db: Db, postcode: string, huisnummer: number, toevoeging: string) {
  return db
    .selectFrom('household')
    .selectAll()
    .where('postcode', '=', postcode)
    .where('huisnummer', '=', huisnummer)
    .where('toevoeging', '=', normalizeAddition(toevoeging))
    .executeTakeFirst()
}

export async function findOrCreateHousehold(
  db: Db,
  address: AddressInput,
  ranges: WijkRange[],
  at: string,
): Promise<{ id: number; wijkId: number | null; created: boolean }> {
  // On PostgreSQL a running monthly import could make the same address meanwhile (import-lock.ts)
  await waitForImport(db)
  const existing = await findHousehold(db, address.postcode, address.huisnummer, address.toevoeging)
  const wijkId = wijkForPostcode(address.postcode, ranges)
  if (existing) {
    // The wijk follows the current postcode ranges, which the team may have changed since.
    if (existing.wijk_id !== wijkId)
      await db.updateTable('household').set({ wijk_id: wijkId }).where('id', '=', existing.id).execute()
    return { id: existing.id, wijkId, created: false }
  }
  const { id } = await db
    .insertInto('household')
    .values(newHousehold(address, wijkId, at))
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, wijkId, created: true }
}

/**
 * A resident of a household is the same person when the surname key matches and the birth
 * dates agree (or one is unknown and the first initial agrees). New contact details overwrite
 * old ones: the latest signal knows the latest phone number (decisions.ts).
 */
export async function findOrCreateResident(
  db: Db,
  householdId: number,
  r: ResidentInput,
  at: string,
): Promise<number> {
  return (await findOrCreateResidentWithFlag(db, householdId, r, at)).id
}

export async function findOrCreateResidentWithFlag(
  db: Db,
  householdId: number,
  r: ResidentInput,
  at: string,
): Promise<{ id: number; created: boolean; before?: ResidentContact }> {
  await waitForImport(db)
  const candidates = await db
    .selectFrom('resident')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute()
  const match = findResident(candidates, r)
  if (match) {
    const change = residentChange(match, r)
    if (!change) return { id: match.id, created: false }
    await db
      .updateTable('resident')
      .set({ ...change, updated_at: at })
      .where('id', '=', match.id)
      .execute()
    const before = {
      telefoon: match.telefoon,
      email: match.email,
      bsn: match.bsn,
      geboortedatum: match.geboortedatum,
    }
    return { id: match.id, created: false, before }
  }
  const { id } = await db
    .insertInto('resident')
    .values(newResident(householdId, r, at))
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, created: true }
}

/** The columns of a new case that depend on where it is opened; the summary columns start empty. */
export interface NewCase {
  household_id: number
  wijk_id: number | null
  consulent_id: number | null
  postcode: string
  latest_signal_date: string
  display_name?: string
  sort_name?: string
  adres?: string
  /** 1 for demo data. */
  is_demo?: number
}

/**
 * Opens a new case ('nieuw', open, picked up today) and gives it its case number, which is made
 * from its id: the row is first stored under a temporary number, then numbered.
 */
export async function insertNewCase(
  trx: Db,
  ctx: { at: string; today: string; userId: number | null },
  c: NewCase,
): Promise<number> {
  await waitForImport(trx)
  const { id } = await trx
    .insertInto('vroegsignaalzaak')
    .values({
      case_number: `nieuw-${ctx.at}-${c.household_id}`,
      household_id: c.household_id,
      wijk_id: c.wijk_id,
      consulent_id: c.consulent_id,
      status: 'nieuw',
      is_open: 1,
      datum_opgepakt: ctx.today,
      display_name: c.display_name ?? '',
      sort_name: c.sort_name ?? '',
      postcode: c.postcode,
      adres: c.adres ?? '',
      partner_types: '',
      signal_count: 0,
      total_amount_cents: 0,
      latest_signal_date: c.latest_signal_date,
      crisis: 0,
      is_demo: c.is_demo ?? 0,
      created_at: ctx.at,
      created_by: ctx.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .updateTable('vroegsignaalzaak')
    .set({ case_number: caseNumberFor(id, ctx.today) })
    .where('id', '=', id)
    .execute()
  return id
}

/**
 * Recomputes the case's summary columns from its signals and household (decisions.ts,
 * caseSummary). Called in the same transaction as every change to them, so the caseload never
 * shows a stale amount.
 */
export async function refreshCaseSummary(db: Db, caseId: number): Promise<void> {
  const zaak = await db
    .selectFrom('vroegsignaalzaak')
    .select(['household_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  const signals = await db
    .selectFrom('vroegsignaal')
    .select(['partner_type', 'bedrag_cents', 'signaaldatum', 'crisis', 'resident_id'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
  const hh = await db
    .selectFrom('household')
    .selectAll()
    .where('id', '=', zaak.household_id)
    .executeTakeFirstOrThrow()
  const primaryId = signals[0]?.resident_id
  const primary = primaryId
    ? await db.selectFrom('resident').selectAll().where('id', '=', primaryId).executeTakeFirst()
    : undefined
  await db
    .updateTable('vroegsignaalzaak')
    .set({ ...caseSummary(signals, hh, primary), versie: nextVersion })
    .where('id', '=', caseId)
    .execute()
}
