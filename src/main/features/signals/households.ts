import type { Db } from '../../db/database'
import {
  displayName,
  normalizeBsn,
  normalizeInitials,
  normalizePhone,
  surnameKey,
} from '@shared/format/person'
import { formatHouseNumber, normalizeAddition } from '@shared/format/address'
import { wijkForPostcode, type WijkRange } from '../wijken/assignment'

export interface AddressInput {
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
  plaats: string
}

export interface ResidentInput {
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  geboortedatum: string | null
  telefoon: string
  email: string
  bsn: string
}

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
  const toevoeging = normalizeAddition(address.toevoeging)
  const existing = await findHousehold(db, address.postcode, address.huisnummer, toevoeging)
  const wijkId = wijkForPostcode(address.postcode, ranges)
  if (existing) {
    // The wijk follows the current postcode ranges, which the team may have changed since.
    if (existing.wijk_id !== wijkId)
      await db.updateTable('household').set({ wijk_id: wijkId }).where('id', '=', existing.id).execute()
    return { id: existing.id, wijkId, created: false }
  }
  const { id } = await db
    .insertInto('household')
    .values({
      postcode: address.postcode,
      huisnummer: address.huisnummer,
      toevoeging,
      straat: address.straat.trim(),
      plaats: address.plaats.trim(),
      wijk_id: wijkId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, wijkId, created: true }
}

/**
 * A resident of a household is the same person when the surname key matches and the birth
 * dates agree (or one is unknown and the first initial agrees). New contact details overwrite
 * old ones: the latest signal knows the latest phone number.
 */
export async function findOrCreateResident(
  db: Db,
  householdId: number,
  r: ResidentInput,
  at: string,
): Promise<number> {
  return (await findOrCreateResidentWithFlag(db, householdId, r, at)).id
}

/**
 * The key two spellings of one surname share: the surname key with doubled letters single and
 * "ij" as "y", so Janssen/Jansen, Hoffmann/Hofman and Meijer/Meyer are one person.
 */
export function looseNameKey(achternaamKey: string): string {
  return achternaamKey.replace(/ij/g, 'y').replace(/(.)\1+/g, '$1')
}

/** Whether a stored resident is the person a signal names (see findOrCreateResident). */
export function isSameResident(
  c: { achternaam_key: string; geboortedatum: string | null; voorletters: string },
  loose: string,
  initials: string,
  geboortedatum: string | null,
): boolean {
  if (looseNameKey(c.achternaam_key) !== loose) return false
  return c.geboortedatum && geboortedatum
    ? c.geboortedatum === geboortedatum
    : c.voorletters.slice(0, 1).toUpperCase() === initials.slice(0, 1)
}

export async function findOrCreateResidentWithFlag(
  db: Db,
  householdId: number,
  r: ResidentInput,
  at: string,
): Promise<{ id: number; created: boolean }> {
  const key = surnameKey(r.achternaam, r.tussenvoegsel)
  const initials = normalizeInitials(r.voorletters)
  const loose = looseNameKey(key)
  const candidates = await db
    .selectFrom('resident')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute()
  const match = candidates.find((c) => isSameResident(c, loose, initials, r.geboortedatum))
  const phone = normalizePhone(r.telefoon)
  const bsn = r.bsn ? normalizeBsn(r.bsn) : null
  if (match) {
    await db
      .updateTable('resident')
      .set({
        telefoon: phone || match.telefoon,
        email: r.email || match.email,
        bsn: bsn ?? match.bsn,
        geboortedatum: match.geboortedatum ?? r.geboortedatum,
        updated_at: at,
      })
      .where('id', '=', match.id)
      .execute()
    return { id: match.id, created: false }
  }
  const { id } = await db
    .insertInto('resident')
    .values({
      household_id: householdId,
      voorletters: initials,
      tussenvoegsel: r.tussenvoegsel.trim(),
      achternaam: r.achternaam.trim(),
      achternaam_key: key,
      geboortedatum: r.geboortedatum,
      telefoon: phone,
      email: r.email.trim(),
      bsn,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, created: true }
}

export function caseNumberFor(id: number, onDate: string): string {
  return `LA-${onDate.slice(0, 4)}-${String(id).padStart(5, '0')}`
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
 * Recomputes the case's summary columns from its signals and household. Called in the same
 * transaction as every change to them, so the caseload never shows a stale amount.
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
  const others = await db
    .selectFrom('resident')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', hh.id)
    .where('id', 'in', signals.length ? [...new Set(signals.map((s) => s.resident_id))] : [-1])
    .executeTakeFirstOrThrow()
  const name = primary
    ? displayName({
        initials: primary.voorletters,
        prefix: primary.tussenvoegsel,
        surname: primary.achternaam,
      })
    : ''
  await db
    .updateTable('vroegsignaalzaak')
    .set({
      display_name: Number(others.n) > 1 ? `${name} e.a.` : name,
      sort_name: primary ? `${primary.achternaam_key} ${primary.voorletters}`.toLowerCase() : '',
      postcode: hh.postcode,
      adres: `${hh.straat} ${formatHouseNumber(hh.huisnummer, hh.toevoeging)}`,
      partner_types: [...new Set(signals.map((s) => s.partner_type))].sort().join(','),
      signal_count: signals.length,
      total_amount_cents: signals.reduce((a, s) => a + s.bedrag_cents, 0),
      latest_signal_date: signals.reduce((a, s) => (s.signaaldatum > a ? s.signaaldatum : a), ''),
      crisis: signals.some((s) => s.crisis === 1) ? 1 : 0,
    })
    .where('id', '=', caseId)
    .execute()
}
