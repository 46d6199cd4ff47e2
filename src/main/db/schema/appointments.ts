import type { Generated } from 'kysely'

/** Tables of migration 0017 (appointments). */

export interface OntmoetplekTable {
  id: Generated<number>
  soort: string
  naam: string
  wijk_id: number | null
  adres: string
  postcode: string
  plaats: string
  /** ISO weekdays as digits: '12345' is Monday to Friday. */
  dagen: string
  van: string
  tot: string
  toegankelijk: number
  toelichting: string
  actief: number
  vast: number
  created_at: string
  updated_at: string
}

export interface AfspraakTable {
  id: Generated<number>
  uid: string
  case_id: number
  plek_id: number
  plek_soort: string
  datum: string
  tijd: string
  duur: number
  consulent_id: number | null
  collega_id: number | null
  partner_contact_id: number | null
  status: string
  verzet_naar: number | null
  herinnering: string
  herinnering_op: string | null
  contactpoging_id: number | null
  notitie: string
  uitkomst_notitie: string
  /** Raised at every change an .ics file must carry (SEQUENCE), so Outlook takes the newest. */
  volgnummer: number
  created_at: string
  created_by: number | null
  updated_at: string
}

export interface AfspraakFactTable {
  afspraak_id: number
  case_id: number
  datum: string
  plek_soort: string
  status: string
}
