import type { backupContract, BackupRow } from '@shared/api/backup'
import type { FeatureHandlers } from '../../app/handlers'
import type { HandlerContext } from '../../app/context'
import type { Maintenance } from '../../app/maintenance'
import { AppError, NotFoundError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { userRole } from '../settings/repository'
import { verifyExportFile } from '../../db/export/export'
import { createExportBackup, EXPORT_SUFFIX, listExportBackups } from './export-backup'
import {
  checkIntegrity,
  createBackup,
  listBackups,
  restoreBackup,
  rotateBackups,
  type BackupInfo,
} from './service'

/** How many backups are kept (the automatic, manual and safety backups together). */
export const BACKUPS_KEPT = 14

type FolderMaintenance = Maintenance & { dataDir: string }

/** Said on a team server on PostgreSQL started without a key for its export backups. */
export const NO_BACKUP_KEY =
  'De teamserver heeft geen sleutel voor de back-ups. IT start de server met --key-file of LANGE_ADEM_DB_KEY (zie de README). Er is niets gewijzigd.'

/** Said when a restore of an export backup is asked for in the app. */
export const EXPORT_RESTORE_BY_IT =
  'Een back-up van de teamserver op PostgreSQL zet IT terug met de opdrachtregel (import-export), terwijl de teamserver stilstaat. In Lange Adem zelf kan dat niet. Er is niets gewijzigd.'

function maintenanceOf(ctx: HandlerContext): FolderMaintenance {
  const m = ctx.maintenance
  if (!m?.dataDir || (m.store === 'sqlite' && !m.databaseFile))
    throw new AppError('conflict', 'Deze gegevens staan alleen in het geheugen; er zijn geen back-ups.')
  if (m.store === 'postgres' && !m.key) throw new AppError('conflict', NO_BACKUP_KEY)
  return m as FolderMaintenance
}

function row(b: BackupInfo): BackupRow {
  return { naam: b.name, gemaakt: b.at, bytes: b.bytes, soort: b.kind, gecontroleerd: true }
}

/** The backups of this store: file copies on SQLite, encrypted exports on PostgreSQL. */
function backupsOf(m: Maintenance & { dataDir: string }): BackupInfo[] {
  return m.store === 'postgres' ? listExportBackups(m.dataDir) : listBackups(m.dataDir)
}

function find(m: FolderMaintenance, naam: string): BackupInfo {
  const b = backupsOf(m).find((x) => x.name === naam)
  if (!b) throw new NotFoundError('Deze back-up bestaat niet (meer).')
  return b
}

/** An export backup read back whole with the key: every chunk authenticated, every table's count and hash. */
function checkExport(file: string, key: string): { ok: true } | { ok: false; problem: string } {
  try {
    verifyExportFile(file, key)
    return { ok: true }
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) }
  }
}

export const backupHandlers: FeatureHandlers<typeof backupContract> = {
  'backup.list': async (_input, ctx) => {
    const m = ctx.maintenance
    const vorm = m?.store === 'postgres' ? 'export' : 'bestand'
    if (!m?.dataDir) return { backups: [], bewaard: BACKUPS_KEPT, beschikbaar: false, vorm }
    return {
      backups: backupsOf({ ...m, dataDir: m.dataDir }).map(row),
      bewaard: BACKUPS_KEPT,
      beschikbaar: m.store === 'sqlite' || m.key !== null,
      vorm,
    }
  },

  'backup.create': async (_input, ctx) => {
    const m = maintenanceOf(ctx)
    const now = ctx.clock.now()
    const b =
      m.store === 'postgres'
        ? // One REPEATABLE READ snapshot: the team keeps working while it is written.
          await createExportBackup(m.db(), m.dataDir, now, {
            key: m.key!,
            keep: BACKUPS_KEPT,
            kind: 'handmatig',
          })
        : // VACUUM INTO cannot run inside another call's transaction: make the backup alone.
          await m.exclusive(() =>
            createBackup(m.raw(), m.dataDir, now, {
              key: m.key,
              keep: BACKUPS_KEPT,
              kind: 'handmatig',
            }),
          )
    await recordAudit(m.db(), ctx.clock.now(), {
      userId: ctx.userId,
      action: 'back-up gemaakt',
      entityType: 'back-up',
      entityId: null,
      summary: `${b.name}, gecontroleerd`,
    })
    return row(b)
  },

  'backup.check': async ({ naam }, ctx) => {
    const m = maintenanceOf(ctx)
    const file = find(m, naam).file
    const verdict = m.store === 'postgres' ? checkExport(file, m.key!) : checkIntegrity(file, m.key)
    return { naam, ok: verdict.ok, probleem: verdict.ok ? null : verdict.problem }
  },

  'backup.restore': async ({ naam }, ctx) => {
    const m = maintenanceOf(ctx)
    if (m.store === 'postgres' || naam.endsWith(EXPORT_SUFFIX))
      throw new AppError('conflict', EXPORT_RESTORE_BY_IT)
    const databaseFile = m.databaseFile!
    const userId = ctx.userId
    return m.exclusive(async () => {
      const chosen = find(m, naam)
      if (!checkIntegrity(chosen.file, m.key).ok)
        throw new AppError(
          'conflict',
          'Deze back-up is beschadigd of past niet bij de sleutel. Er is niets gewijzigd; kies een andere back-up.',
        )
      const now = ctx.clock.now()
      // Recorded in the current database, so the safety backup holds who restored and why it stops here.
      await recordAudit(m.db(), now, {
        userId,
        action: 'back-up terugzetten',
        entityType: 'back-up',
        entityId: null,
        summary: `${chosen.name} wordt teruggezet; deze stand wordt eerst bewaard`,
      })
      // The safety backup is made without rotation, so the chosen (perhaps oldest) backup survives it.
      const safety = await createBackup(m.raw(), m.dataDir, now, {
        key: m.key,
        keep: Number.MAX_SAFE_INTEGER,
        kind: 'voor-terugzetten',
      })
      await m.swapFile(
        () => restoreBackup(m.dataDir, databaseFile, chosen, now, m.key, true),
        () => restoreBackup(m.dataDir, databaseFile, safety, now, m.key, true),
      )
      rotateBackups(m.dataDir, BACKUPS_KEPT)
      const db = m.db()
      // A colleague added after the backup does not exist in it: the entry then names no one.
      const known = await userRole(db, userId)
      await recordAudit(db, ctx.clock.now(), {
        userId: known ? userId : null,
        action: 'back-up teruggezet',
        entityType: 'back-up',
        entityId: null,
        summary: `${chosen.name} teruggezet; de stand ervoor staat in ${safety.name}`,
      })
      return { teruggezet: row(chosen), veiligheidsBackup: row(safety) }
    })
  },
}
