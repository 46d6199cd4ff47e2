import type { backupContract, BackupRow } from '@shared/api/backup'
import type { FeatureHandlers } from '../../app/handlers'
import type { HandlerContext } from '../../app/context'
import type { Maintenance } from '../../app/maintenance'
import { AppError, NotFoundError } from '../../lib/errors'
import { dialectOf, NotOnPostgresError } from '../../db/dialect'
import { recordAudit } from '../audit/repository'
import { userRole } from '../settings/repository'
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

type FolderMaintenance = Maintenance & { dataDir: string; databaseFile: string }

function maintenanceOf(ctx: HandlerContext): FolderMaintenance {
  const m = ctx.maintenance
  // On PostgreSQL the database server's own backups apply (README, "PostgreSQL (team server)").
  if (dialectOf(ctx.db) === 'postgres') throw new NotOnPostgresError('Een back-up als bestand')
  if (!m?.dataDir || !m.databaseFile)
    throw new AppError('conflict', 'Deze gegevens staan alleen in het geheugen; er zijn geen back-ups.')
  return m as FolderMaintenance
}

function row(b: BackupInfo): BackupRow {
  return { naam: b.name, gemaakt: b.at, bytes: b.bytes, soort: b.kind, gecontroleerd: true }
}

function find(dataDir: string, naam: string): BackupInfo {
  const b = listBackups(dataDir).find((x) => x.name === naam)
  if (!b) throw new NotFoundError('Deze back-up bestaat niet (meer).')
  return b
}

export const backupHandlers: FeatureHandlers<typeof backupContract> = {
  'backup.list': async (_input, ctx) => {
    const m = ctx.maintenance
    if (!m?.dataDir) return { backups: [], bewaard: BACKUPS_KEPT, beschikbaar: false }
    return { backups: listBackups(m.dataDir).map(row), bewaard: BACKUPS_KEPT, beschikbaar: true }
  },

  'backup.create': async (_input, ctx) => {
    const m = maintenanceOf(ctx)
    // VACUUM INTO cannot run inside another call's transaction: make the backup alone.
    const b = await m.exclusive(() =>
      createBackup(m.raw(), m.dataDir, ctx.clock.now(), {
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
    const verdict = checkIntegrity(find(m.dataDir, naam).file, m.key)
    return { naam, ok: verdict.ok, probleem: verdict.ok ? null : verdict.problem }
  },

  'backup.restore': async ({ naam }, ctx) => {
    const m = maintenanceOf(ctx)
    const userId = ctx.userId
    return m.exclusive(async () => {
      const chosen = find(m.dataDir, naam)
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
        () => restoreBackup(m.dataDir, m.databaseFile, chosen, now, m.key, true),
        () => restoreBackup(m.dataDir, m.databaseFile, safety, now, m.key, true),
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
