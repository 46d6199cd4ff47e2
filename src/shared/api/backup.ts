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
  /** False for an in-memory database (tests), or a PostgreSQL server without a key for its backups. */
  beschikbaar: boolean
  /**
   * 'bestand': copies of the SQLite file, put back from this screen. 'export': encrypted exports
   * of a team server on PostgreSQL, put back by IT with the command line while the server is
   * stopped (README, "The encrypted export"); the screen offers no restore for them.
   */
  vorm: 'bestand' | 'export'
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
  .regex(/^lange-adem-[0-9TZ-]+(\.[a-z-]+)?\.(sqlite|export)$/, { error: 'Deze back-up bestaat niet.' })

export const backupContract = {
  /** The backups in the data folder, newest first; for the beheerder. */
  'backup.list': method<BackupOverview>()(z.object({}).strict()),
  'backup.create': method<BackupRow>()(z.object({}).strict()),
  'backup.check': method<BackupCheck>()(z.object({ naam: backupNaam }).strict()),
  /** Puts a backup in place of the database, after a safety backup of the current one. */
  'backup.restore': method<RestoreResult>()(z.object({ naam: backupNaam }).strict()),
}
