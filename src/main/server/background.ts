import type { App } from '../app/create-app'
import { backupDue } from '../features/backup/service'
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
  // The file backups are SQLite's. PostgreSQL's data are backed up by the database server's own
  // tools (README, "PostgreSQL (team server)").
  const fileBackups = app.database.dialect === 'sqlite'
  if (!fileBackups)
    log('Opslag PostgreSQL: de teamserver maakt geen bestandsback-ups; die maakt de databaseserver.')
  const backupIfDue = async () => {
    if (!fileBackups || !backupDue(dataDir, app.clock.now())) return
    try {
      const made = await app.backupNow()
      if (made) log(`Back-up gemaakt: ${made.file}`)
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
