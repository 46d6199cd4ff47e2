import type { Database } from '../schema'

/**
 * Every table of the database, in an order in which each table comes after the tables its
 * foreign keys point at, so a restore can insert them one after the other. `key` is the
 * primary key the export pages by; `null` for the two tables without one (their rows are read
 * grouped by all columns, so identical rows are counted, not lost). Rows with a null in those
 * columns (SQLite allows one in a text primary key) are read first, apart.
 *
 * A new table must be added here: the type below fails to compile when a table of `Database`
 * is missing, tables.test.ts fails when the migrated database holds a table this list lacks or
 * when the order breaks a foreign key, and an export refuses a database with an unknown table.
 */
export const EXPORT_TABLES = [
  { name: 'setting', key: ['key'] },
  { name: 'wijk', key: ['id'] },
  { name: 'wijk_postcode', key: ['id'] },
  { name: 'app_user', key: ['id'] },
  { name: 'user_wijk', key: ['user_id', 'wijk_id'] },
  { name: 'partner_contact', key: ['id'] },
  { name: 'household', key: ['id'] },
  { name: 'resident', key: ['id'] },
  { name: 'vroegsignaalzaak', key: ['id'] },
  { name: 'vroegsignaal', key: ['id'] },
  { name: 'contactpoging', key: ['id'] },
  { name: 'note', key: ['id'] },
  { name: 'huisbezoek', key: ['id'] },
  { name: 'walkin_sessie', key: ['id'] },
  { name: 'walkin_bezoek', key: ['id'] },
  { name: 'ontmoetplek', key: ['id'] },
  // afspraak.verzet_naar points at a later afspraak: the restore defers foreign keys to commit.
  { name: 'afspraak', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'import_batch', key: ['id'] },
  { name: 'signaal_intake', key: ['signal_id'] },
  { name: 'import_effect', key: null },
  { name: 'import_problem', key: ['id'] },
  { name: 'import_range', key: null },
  { name: 'import_resident_before', key: ['import_id', 'resident_id'] },
  { name: 'column_mapping', key: ['naam'] },
  { name: 'document_template', key: ['id'] },
  { name: 'document_template_version', key: ['id'] },
  { name: 'print_batch', key: ['id'] },
  { name: 'print_item', key: ['id'] },
  { name: 'monitor_case_fact', key: ['case_id'] },
  { name: 'monitor_signal_fact', key: ['signal_id'] },
  { name: 'monitor_dirty', key: ['kind', 'ref_id'] },
  { name: 'monitor_reference', key: ['key'] },
  { name: 'monitor_daily', key: ['dag', 'tabel', 'groep'] },
  // Made by migration 0017 with raw SQL and read with raw SQL only, so not in `Database`.
  { name: 'monitor_moment', key: ['leeftijd', 'soort', 'dagdeel'] },
  { name: 'monitor_afspraak_fact', key: ['afspraak_id'] },
  { name: 'retention_run', key: ['id'] },
  { name: 'retention_ddas_case', key: ['case_id'] },
  { name: 'retention_ddas_signal', key: ['signal_id'] },
  { name: 'retention_ddas_attempt', key: ['attempt_id'] },
  { name: 'erasure_register', key: ['id'] },
  { name: 'ddas_vs_collection', key: ['id'] },
] as const satisfies readonly { name: keyof Database | 'monitor_moment'; key: readonly string[] | null }[]

export type ExportTableName = (typeof EXPORT_TABLES)[number]['name']

// Compile-time: every table of `Database` is in the list above.
type Missing = Exclude<keyof Database, ExportTableName>
const everyTableListed: [Missing] extends [never] ? true : Missing = true
void everyTableListed

/**
 * Tables a fresh migration already fills (the standard letters, the national reference
 * figures, the four fixed meeting places,
 * the monitor's first marks). A restore replaces their rows with the export's; every other table of the target
 * must be empty. tables.test.ts checks this list against a freshly migrated database.
 */
export const SEEDED_TABLES: readonly ExportTableName[] = [
  'ontmoetplek',
  'document_template',
  'document_template_version',
  'monitor_dirty',
  'monitor_reference',
]
