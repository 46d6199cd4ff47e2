import type { Generated } from 'kysely'

/** The documents' tables (migration 0003): templates and their versions, the print queue and its batches. */

export interface DocumentTemplateTable {
  id: Generated<number>
  code: string
  naam: string
  soort: string
  standaard: number
  created_at: string
}

export interface DocumentTemplateVersionTable {
  id: Generated<number>
  template_id: number
  versie: number
  naam: string
  content: string
  created_at: string
  created_by: number | null
}

export interface PrintBatchTable {
  id: Generated<number>
  soort: string
  indeling: string
  enveloppen: number
  layout: string
  confirmed_at: string | null
  created_at: string
  created_by: number | null
}

export interface PrintItemTable {
  id: Generated<number>
  case_id: number
  template_id: number
  status: string
  bezoek_datum: string | null
  bezoek_van: string | null
  bezoek_tot: string | null
  collega_id: number | null
  /** Migration 0008: a chain-partner contact who comes along instead of a colleague. */
  partner_contact_id: number | null
  afmeld_datum: string | null
  consulent_id: number | null
  batch_id: number | null
  template_version_id: number | null
  values_json: string | null
  printed_at: string | null
  sent_on: string | null
  contactpoging_id: number | null
  /** Migration 0013: the home visit an announcement letter announces. */
  huisbezoek_id: Generated<number | null>
  /** Migration 0017: the appointment a confirmation letter confirms. */
  afspraak_id: Generated<number | null>
  created_at: string
  created_by: number | null
}
