import type { Migration } from 'kysely'
import * as m0001 from './0001_initial'
import * as m0002 from './0002_intake'
import * as m0003 from './0003_documents'
import * as m0004 from './0004_monitor'
import * as m0005 from './0005_ladder'
import * as m0006 from './0006_audit_chain'
import * as m0007 from './0007_monitor_daily'
import * as m0008 from './0008_print_item_partner'
import * as m0009 from './0009_intake_speed'
import * as m0010 from './0010_auth'
import * as m0011 from './0011_retention'
import * as m0012 from './0012_erasure_register'
import * as m0013 from './0013_ddas_v12'
import * as m0014 from './0014_contact_dates'
import * as m0015 from './0015_ddas_vs'
import * as m0016 from './0016_import_ranges'
import * as m0017 from './0017_appointments'
import * as m0018 from './0018_case_version'
import * as m0019 from './0019_postgres_case_indexes'
import * as m0020 from './0020_import_without_table_lock'

/**
 * Every migration, in order. Imported statically so they survive bundling.
 * Append only: a shipped migration is never edited.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_intake': m0002,
  '0003_documents': m0003,
  '0004_monitor': m0004,
  '0005_ladder': m0005,
  '0006_audit_chain': m0006,
  '0007_monitor_daily': m0007,
  '0008_print_item_partner': m0008,
  '0009_intake_speed': m0009,
  '0010_auth': m0010,
  '0011_retention': m0011,
  '0012_erasure_register': m0012,
  '0013_ddas_v12': m0013,
  '0014_contact_dates': m0014,
  '0015_ddas_vs': m0015,
  '0016_import_ranges': m0016,
  '0017_appointments': m0017,
  '0018_case_version': m0018,
  '0019_postgres_case_indexes': m0019,
  '0020_import_without_table_lock': m0020,
}
