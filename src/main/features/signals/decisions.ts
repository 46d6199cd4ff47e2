/**
 * The rules of taking in a signal, as plain functions: which household an address is, whether a
 * resident is someone already known and what their new contact details become, which consulent
 * gets a new case, and the case's summary columns. Both write paths call these and only write
 * what they decide: the one-by-one path (households.ts, service.ts: a signal entered by hand, the
 * walk-in hour, demo data) through Kysely, and the import's batch path (intake/batch-writer.ts) through
 * prepared statements. A rule changes here, once.
 */
import { formatHouseNumber, normalizeAddition } from '@shared/format/address'
import {
  displayName,
  normalizeBsn,
  normalizeInitials,
  normalizePhone,
  surnameKey,
} from '@shared/format/person'

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

/** One household is one address: postcode, house number and addition (normalised: "-a" is "A"). */
export function householdKey(postcode: string, huisnummer: number, toevoeging: string): string {
  return `${postcode}|${huisnummer}|${normalizeAddition(toevoeging)}`
}

/** The row of a new household. */
export function newHousehold(address: AddressInput, wijkId: number | null, at: string) {
  return {
    postcode: address.postcode,
    huisnummer: address.huisnummer,
    toevoeging: normalizeAddition(address.toevoeging),
    straat: address.straat.trim(),
    plaats: address.plaats.trim(),
    wijk_id: wijkId,
    created_at: at,
  }
}

/**
 * The key two spellings of one surname share: the surname key with doubled letters single and
 * "ij" as "y", so Janssen/Jansen, Hoffmann/Hofman and Meijer/Meyer are one person.
 */
export function looseNameKey(achternaamKey: string): string {
  return achternaamKey.replace(/ij/g, 'y').replace(/(.)\1+/g, '$1')
}

/** Whether a stored resident is the person a signal names (see findResident). */
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

export interface ResidentMatchFields {
  achternaam_key: string
  geboortedatum: string | null
  voorletters: string
}

/**
 * The resident of a household (candidates in id order) that a signal names: the surname keys
 * match loosely and the birth dates agree, or one is unknown and the first initial agrees.
 */
export function findResident<T extends ResidentMatchFields>(
  candidates: T[],
  r: ResidentInput,
): T | undefined {
  if (candidates.length === 0) return undefined
  const loose = looseNameKey(surnameKey(r.achternaam, r.tussenvoegsel))
  const initials = normalizeInitials(r.voorletters)
  return candidates.find((c) => isSameResident(c, loose, initials, r.geboortedatum))
}

/** A resident's details a signal may bring up to date. */
export interface ResidentContact {
  telefoon: string
  email: string
  bsn: string | null
  geboortedatum: string | null
}

/**
 * What a known resident's details become with this signal, or null when nothing changes. New
 * contact details win (the latest signal knows the latest phone number); an empty one never
 * wipes a known one; a known birth date stays.
 */
export function residentChange(known: ResidentContact, r: ResidentInput): ResidentContact | null {
  const next: ResidentContact = {
    telefoon: normalizePhone(r.telefoon) || known.telefoon,
    email: r.email.trim() || known.email,
    bsn: (r.bsn ? normalizeBsn(r.bsn) : null) ?? known.bsn,
    geboortedatum: known.geboortedatum ?? r.geboortedatum,
  }
  const same =
    next.telefoon === known.telefoon &&
    next.email === known.email &&
    next.bsn === known.bsn &&
    next.geboortedatum === known.geboortedatum
  return same ? null : next
}

/** The row of a new resident (has_open_case is the caller's: it depends on the household's cases). */
export function newResident(householdId: number, r: ResidentInput, at: string) {
  return {
    household_id: householdId,
    voorletters: normalizeInitials(r.voorletters),
    tussenvoegsel: r.tussenvoegsel.trim(),
    achternaam: r.achternaam.trim(),
    achternaam_key: surnameKey(r.achternaam, r.tussenvoegsel),
    geboortedatum: r.geboortedatum,
    telefoon: normalizePhone(r.telefoon),
    email: r.email.trim(),
    bsn: r.bsn ? normalizeBsn(r.bsn) : null,
    created_at: at,
    updated_at: at,
  }
}

/**
 * The consulent for a new case in a wijk: of the active consulenten who work that wijk (in id
 * order), the one with the fewest open cases; ties go to the lowest id, so the choice repeats.
 */
export function pickConsulent(
  candidates: readonly number[],
  openCases: (id: number) => number,
): number | null {
  if (candidates.length === 0) return null
  if (candidates.length === 1) return candidates[0]!
  let best = candidates[0]!
  let bestLoad = openCases(best)
  for (const id of candidates.slice(1)) {
    const load = openCases(id)
    if (load < bestLoad) {
      best = id
      bestLoad = load
    }
  }
  return best
}

export function caseNumberFor(id: number, onDate: string): string {
  return `LA-${onDate.slice(0, 4)}-${String(id).padStart(5, '0')}`
}

/** The partner types of a case as the caseload shows and filters them: distinct, sorted, comma-separated. */
export function partnerTypesSummary(types: Iterable<string>): string {
  return [...new Set(types)].sort().join(',')
}

export interface CaseSignal {
  partner_type: string
  bedrag_cents: number
  signaaldatum: string
  crisis: number
  resident_id: number
}

export interface PersonName {
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
}

export interface HouseholdAddress {
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
}

/**
 * A case's summary columns, from its signals (in id order), its household and the resident of its
 * first signal: what the caseload list reads without a join. "e.a." when more people are named.
 */
export function caseSummary(signals: CaseSignal[], hh: HouseholdAddress, primary: PersonName | undefined) {
  const name = primary
    ? displayName({
        initials: primary.voorletters,
        prefix: primary.tussenvoegsel,
        surname: primary.achternaam,
      })
    : ''
  const people = new Set(signals.map((s) => s.resident_id)).size
  let total = 0
  let latest = ''
  let crisis = 0
  for (const s of signals) {
    total += s.bedrag_cents
    if (s.signaaldatum > latest) latest = s.signaaldatum
    if (s.crisis === 1) crisis = 1
  }
  return {
    display_name: people > 1 ? `${name} e.a.` : name,
    sort_name: primary ? `${primary.achternaam_key} ${primary.voorletters}`.toLowerCase() : '',
    postcode: hh.postcode,
    adres: `${hh.straat} ${formatHouseNumber(hh.huisnummer, hh.toevoeging)}`,
    partner_types: partnerTypesSummary(signals.map((s) => s.partner_type)),
    signal_count: signals.length,
    total_amount_cents: total,
    latest_signal_date: latest,
    crisis,
  }
}
