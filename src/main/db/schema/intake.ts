import type { Generated } from 'kysely'

/** One run of the import (migration 0002): its file, mapping, counts and undo. */
export interface ImportBatchTable {
  id: Generated<number>
  bestandsnaam: string
  bron: string
  at: string
  user_id: number | null
  mapping_json: string
  rows_total: number
  rows_new: number
  rows_duplicate: number
  rows_problem: number
  undone_at: string | null
  undone_by: number | null
}

export interface SignaalIntakeTable {
  signal_id: number
  import_id: number
  line: number
  advies: string
  advies_reden: string
  besluit: string
  overrule_reden: Generated<string>
  overruled_by: number | null
  meervoudig: Generated<number>
  opeenvolgend: Generated<number>
  eerdere_signalen: Generated<number>
}

export interface ImportEffectTable {
  import_id: number
  kind: 'zaak' | 'huishouden' | 'bewoner'
  entity_id: number
}

export interface ImportProblemTable {
  id: Generated<number>
  import_id: number
  line: number
  values_json: string
  problems_json: string
  status: Generated<string>
  reden: Generated<string>
  signal_id: number | null
  resolved_at: string | null
  resolved_by: number | null
}

/** The ids an import run created, one range per kind (migration 0016). */
export interface ImportRangeTable {
  import_id: number
  kind: 'zaak' | 'huishouden' | 'bewoner'
  first_id: number
  last_id: number
}

/** A known resident's details before an import changed them, and what it set (migration 0016). */
export interface ImportResidentBeforeTable {
  import_id: number
  resident_id: number
  telefoon: string
  email: string
  bsn: string | null
  geboortedatum: string | null
  updated_at: string
  set_telefoon: string
  set_email: string
  set_bsn: string | null
  set_geboortedatum: string | null
}

export interface ColumnMappingTable {
  naam: string
  mapping_json: string
  updated_at: string
  updated_by: number | null
}
