import { z } from 'zod'
import { method } from './define'

export type BackupSoort = 'automatisch' | 'handmatig' | 'voor-terugzetten'

export interface BackupRow {
  /** The file name in the backups folder; identifies the backup in calls. */
  naam: string
  /** When it was made (UTC ISO). */
  gemaakt: string
  bytes: number
  soort: BackupSoort
  /** Every listed backup was opened with the key and passed the integrity check when it was written. */
  gecontroleerd: true
}

export interface BackupOverview {
  backups: BackupRow[]
  /** How many backups are kept; older ones are removed. */
  bewaard: number
  /** False for an in-memory database (tests): there is nothing to back up. */
  beschikbaar: boolean
}

export interface RestoreResult {
  teruggezet: BackupRow
  /** The backup of the database as it was just before the restore. */
  veiligheidsBackup: BackupRow
}

export interface BackupCheck {
  naam: string
  ok: boolean
  probleem: string | null
}

const backupNaam = z
  .string({ error: 'Kies een back-up.' })
  .regex(/^lange-adem-[0-9TZ-]+(\.[a-z-]+)?\.sqlite$/, { error: 'Deze back-up bestaat niet.' })

export const backupContract = {
  /** The backups in the data folder, newest first; for the beheerder. */
  'backup.list': method<BackupOverview>()(z.object({}).strict()),
  'backup.create': method<BackupRow>()(z.object({}).strict()),
  'backup.check': method<BackupCheck>()(z.object({ naam: backupNaam }).strict()),
  /** Puts a backup in place of the database, after a safety backup of the current one. */
  'backup.restore': method<RestoreResult>()(z.object({ naam: backupNaam }).strict()),
}
