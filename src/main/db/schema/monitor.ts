/**
 * The monitor's anonymous facts (migration 0004). The figures are computed from these tables
 * only, never from names or addresses, so they survive the deletion of personal data.
 */
export interface CaseFactTable {
  case_id: number
  /**
   * The date the case counts on (migration 0013): the date of its oldest signal, the month it
   * was matched in. A file taken in late, or earlier months loaded when a team starts, so count in
   * their own month. A case without signals (walk-in) counts on the day it was picked up.
   */
  peildatum: string
  /** The day the team picked the case up (the DDAS datumOpgepakt); time to first contact runs from it. */
  datum_opgepakt: string
  opgepakt: number
  wijk_id: number | null
  consulent_id: number | null
  partner_types: string
  crisis: number
  bedrag_euro: number
  leeftijd: number | null
  pogingen: number
  soorten_mask: number
  bereikt_mask: number
  bereikt: number
  eerste_contact_soort: string | null
  eerste_contact_dagdeel: string | null
  eerste_contact_datum: string | null
  resultaat: string | null
  gesloten_op: string | null
  frozen: number
  /** Migration 0017: 0 no appointment, 1 an appointment was made, 2 one took place (geweest). */
  afspraak: number
  /** Migration 0017: timed attempts (phone, home visit) per part of the day, and those that reached. */
  moment_ochtend: number
  moment_middag: number
  moment_avond: number
  moment_ochtend_bereikt: number
  moment_middag_bereikt: number
  moment_avond_bereikt: number
}

export interface SignalFactTable {
  signal_id: number
  case_id: number | null
  signaaldatum: string
  partner_type: string
  uitkomst: string
  frozen: number
}

export interface ReferenceTable {
  key: string
  label: string
  percentage: number | null
  bron: string
  jaar: number
  updated_at: string
}

/**
 * Migration 0007: per day, per breakdown table and row, the sums of the case facts counting on that
 * day (their peildatum) (tabel 'signaal': of the signal facts with that signal date). Always equal to the sums over
 * the fact tables, frozen facts included: refreshFacts subtracts a changed case's old facts and
 * adds its new ones. A year of figures then sums a few tens of thousands of small rows.
 */
export interface DailyTable {
  dag: string
  tabel: string
  groep: string
  n: number
  bereikt: number
  hulp: number
  via: number
  eerste: number
}

/** Which cases and signals changed since the facts were last brought up to date (filled by triggers). */
export interface DirtyTable {
  kind: string
  ref_id: number
}
