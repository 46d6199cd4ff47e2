import type { App } from '../app/create-app'
import { backupDue } from '../features/backup/service'
import { EXPORT_SUFFIX } from '../features/backup/export-backup'
import { refreshFacts } from '../features/monitor/facts'
import { startRetentionSchedule } from '../features/retention/purge'
import { isSetupDone } from '../features/settings/repository'

/** How often the server brings the monitor's daily summary up to date between openings. */
export const SUMMARY_EVERY_MS = 10 * 60 * 1000
const HOUR = 60 * 60 * 1000

/**
 * The work that runs once for the whole team, on the server only (a workstation in team mode
 * has no database to do it on): a verified backup when the last is older than a day (checked
 * hourly), the retention purge (daily), and the monitor's daily summary kept up to date so the
 * Monitor opens without catching up. Errors are logged; a failed run changed nothing.
 */
export async function startBackgroundWork(opts: {
  app: Pick<App, 'backupNow' | 'clock' | 'database' | 'during'>
  dataDir: string
  log: (line: string) => void
}): Promise<{ stop(): void }> {
  const { app, dataDir, log } = opts
  // SQLite: a copy of the file. PostgreSQL: an encrypted export of every table, made from one
  // snapshot while the team works on (features/backup/export-backup.ts); IT's own pg_dump or
  // point-in-time recovery may run beside it (README, "PostgreSQL (team server)").
  const suffix = app.database.dialect === 'postgres' ? EXPORT_SUFFIX : undefined
  let warned = false
  const backupIfDue = async () => {
    if (!backupDue(dataDir, app.clock.now(), 20, suffix)) return
    try {
      const made = await app.backupNow()
      if (made) log(`Back-up gemaakt en gecontroleerd: ${made.file}`)
      else if (suffix && !warned) {
        warned = true
        log('Geen back-up gemaakt: de teamserver heeft geen sleutel voor de back-ups (--key-file).')
      }
    } catch (err) {
      log(`Back-up mislukt: ${String(err)}`)
    }
  }
  const summary = async () => {
    try {
      await app.during(async () => {
        if (await isSetupDone(app.database.db)) await refreshFacts(app.database.db)
      })
    } catch (err) {
      log(`Dagoverzicht van de monitor bijwerken mislukt: ${String(err)}`)
    }
  }
  await backupIfDue()
  const stopPurge = await startRetentionSchedule(
    () => app.database.db,
    app.clock,
    (m, e) => log(`${m} ${e === undefined ? '' : String(e)}`),
  )
  await summary()
  const timers = [
    setInterval(() => void backupIfDue(), HOUR),
    setInterval(() => void summary(), SUMMARY_EVERY_MS),
  ]
  for (const t of timers) t.unref()
  return {
    stop() {
      for (const t of timers) clearInterval(t)
      stopPurge()
    },
  }
}
