import type { Generated } from 'kysely'

/**
 * The tables of migration 0001 (with the columns later migrations added to them). SQLite has no boolean: flags are 0/1 integers, mapped to booleans in each
 * repository. Dates are ISO calendar dates (text); instants are UTC ISO strings (text).
 * Money is integer cents. The same schema is meant to run on PostgreSQL later.
 */

export interface SettingTable {
  key: string
  value: string
  updated_at: string
  updated_by: number | null
}

export interface WijkTable {
  id: Generated<number>
  naam: string
  created_at: string
}

export interface WijkPostcodeTable {
  id: Generated<number>
  wijk_id: number
  pc_from: string
  pc_to: string
}

export interface AppUserTable {
  id: Generated<number>
  naam: string
  rol: string
  telefoon: string
  email: string
  actief: number
  created_at: string
  password_hash: Generated<string | null>
  password_must_change: Generated<number>
  failed_sign_ins: Generated<number>
  blocked_until: Generated<string | null>
}

export interface UserWijkTable {
  user_id: number
  wijk_id: number
}

export interface HouseholdTable {
  id: Generated<number>
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
  plaats: string
  wijk_id: number | null
  created_at: string
  /** The resident asked not to be approached again (migration 0005). */
  niet_benaderen: Generated<number>
  niet_benaderen_reden: Generated<string>
}

export interface PartnerContactTable {
  id: Generated<number>
  organisatie: string
  naam: string
  functie: string
  telefoon: string
  email: string
  actief: number
  created_at: string
}

export interface HuisbezoekTable {
  id: Generated<number>
  case_id: number
  wijk_id: number | null
  datum: string
  tijd: string
  /** The end of the announced window (migration 0013); null only on rows that predate it. */
  tijd_tot: Generated<string | null>
  consulent_id: number | null
  duo_user_id: number | null
  duo_partner_id: number | null
  afmelden_voor: string
  status: string
  uitkomst: string | null
  afmelding_via: string | null
  afmelding_reden: Generated<string>
  afmelding_op: string | null
  notitie: Generated<string>
  created_at: string
  created_by: number | null
}

export interface WalkinSessieTable {
  id: Generated<number>
  datum: string
  created_at: string
  created_by: number | null
}

export interface WalkinBezoekTable {
  id: Generated<number>
  sessie_id: number
  case_id: number
  tijd: string
  nieuwe_zaak: number
  wat_speelt: string
  rekeningen: string
  urgentie: string
  urgentie_datum: string | null
  vervolgstap: string
  created_at: string
  created_by: number | null
}

export interface ResidentTable {
  id: Generated<number>
  household_id: number
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
  geboortedatum: string | null
  telefoon: string
  email: string
  bsn: string | null
  /** 1 while the household has an open case. Kept by triggers (migration 0001); never written by code. */
  has_open_case: Generated<number>
  created_at: string
  updated_at: string
}

export interface VroegsignaalzaakTable {
  id: Generated<number>
  case_number: string
  household_id: number
  wijk_id: number | null
  consulent_id: number | null
  status: string
  /** 1 while the case is not closed; kept separately so the caseload index can lead with it. */
  is_open: number
  datum_opgepakt: string
  resultaat: string | null
  gesloten_op: string | null
  // Denormalised summary, updated in the same transaction as the signals, so the caseload
  // list needs no joins or aggregates on a million rows.
  display_name: string
  sort_name: string
  postcode: string
  adres: string
  partner_types: string
  signal_count: number
  total_amount_cents: number
  latest_signal_date: string
  crisis: number
  is_demo: number
  created_at: string
  created_by: number | null
  // The contact ladder's plan (migration 0005): step (null = the ladder's first), tries done on
  // it, due date and suggested part of day. plan_datum null: nothing planned (closed, do not approach).
  plan_stap: Generated<string | null>
  plan_poging: Generated<number>
  plan_datum: Generated<string | null>
  plan_dagdeel: Generated<string | null>
  niet_benaderen: Generated<number>
  hulp_aangeboden: Generated<number | null>
  hulp_geaccepteerd: Generated<number | null>
  verwijzing: Generated<string>
  /**
   * Goes up with every change to the case or its case file (migration 0018); a change from the
   * case file carries the version it read (features/dossier/version.ts).
   */
  versie: Generated<number>
}

export interface VroegsignaalTable {
  id: Generated<number>
  extern_id: string | null
  bron: string
  partner_type: string
  partner_naam: string
  bedrag_cents: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: number
  warme_overdracht: number
  status: string | null
  resident_id: number
  household_id: number
  case_id: number | null
  is_demo: number
  created_at: string
  created_by: number | null
}

export interface ContactpogingTable {
  id: Generated<number>
  case_id: number
  soort: string
  bereikt: number
  datum: string
  dagdeel: string
  resultaat: string
  notitie: string
  created_at: string
  created_by: number | null
  /** The app's own channel (whatsapp, sms, ...); '' on rows older than migration 0005. */
  kanaal: Generated<string>
}

export interface NoteTable {
  id: Generated<number>
  case_id: number
  tekst: string
  created_at: string
  created_by: number | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  user_id: number | null
  action: string
  entity_type: string
  entity_id: number | null
  summary: string
  /** Hash chain (migration 0006): sha256 over the previous hash and this entry's fields. */
  prev_hash: string | null
  hash: string | null
}
