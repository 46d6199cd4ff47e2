import type {
  AppUserTable,
  AuditLogTable,
  ContactpogingTable,
  HouseholdTable,
  HuisbezoekTable,
  NoteTable,
  PartnerContactTable,
  ResidentTable,
  SettingTable,
  UserWijkTable,
  VroegsignaalTable,
  VroegsignaalzaakTable,
  WalkinBezoekTable,
  WalkinSessieTable,
  WijkPostcodeTable,
  WijkTable,
} from './core'
import type { AfspraakFactTable, AfspraakTable, OntmoetplekTable } from './appointments'
import type { DdasVsCollectionTable } from './ddas-vs'
import type {
  DocumentTemplateTable,
  DocumentTemplateVersionTable,
  PrintBatchTable,
  PrintItemTable,
} from './documents'
import type {
  ColumnMappingTable,
  ImportBatchTable,
  ImportEffectTable,
  ImportProblemTable,
  ImportRangeTable,
  ImportResidentBeforeTable,
  SignaalIntakeTable,
} from './intake'
import type { CaseFactTable, DailyTable, DirtyTable, ReferenceTable, SignalFactTable } from './monitor'
import type {
  ErasureRegisterTable,
  RetentionDdasAttemptTable,
  RetentionDdasCaseTable,
  RetentionDdasSignalTable,
  RetentionRunTable,
} from './retention'

export type * from './appointments'
export type * from './core'
export type * from './ddas-vs'
export type * from './documents'
export type * from './intake'
export type * from './monitor'
export type * from './retention'

/**
 * Every table the migrations make, the one type Kysely checks queries against. The table types
 * live beside this file, one file per area; a new table is added there and named here, never
 * merged in from a feature folder.
 */
export interface Database {
  // migration 0001
  setting: SettingTable
  wijk: WijkTable
  wijk_postcode: WijkPostcodeTable
  app_user: AppUserTable
  user_wijk: UserWijkTable
  household: HouseholdTable
  resident: ResidentTable
  vroegsignaalzaak: VroegsignaalzaakTable
  vroegsignaal: VroegsignaalTable
  contactpoging: ContactpogingTable
  note: NoteTable
  audit_log: AuditLogTable
  partner_contact: PartnerContactTable
  huisbezoek: HuisbezoekTable
  walkin_sessie: WalkinSessieTable
  walkin_bezoek: WalkinBezoekTable
  // migrations 0002 and 0016
  import_batch: ImportBatchTable
  signaal_intake: SignaalIntakeTable
  import_effect: ImportEffectTable
  import_problem: ImportProblemTable
  import_range: ImportRangeTable
  import_resident_before: ImportResidentBeforeTable
  column_mapping: ColumnMappingTable
  // migration 0003
  document_template: DocumentTemplateTable
  document_template_version: DocumentTemplateVersionTable
  print_batch: PrintBatchTable
  print_item: PrintItemTable
  // migrations 0004 and 0007
  monitor_case_fact: CaseFactTable
  monitor_daily: DailyTable
  monitor_signal_fact: SignalFactTable
  monitor_dirty: DirtyTable
  monitor_reference: ReferenceTable
  // migrations 0011 and 0012
  retention_run: RetentionRunTable
  retention_ddas_case: RetentionDdasCaseTable
  retention_ddas_signal: RetentionDdasSignalTable
  retention_ddas_attempt: RetentionDdasAttemptTable
  erasure_register: ErasureRegisterTable
  // migration 0015
  ddas_vs_collection: DdasVsCollectionTable
  // migration 0017
  ontmoetplek: OntmoetplekTable
  afspraak: AfspraakTable
  monitor_afspraak_fact: AfspraakFactTable
}
