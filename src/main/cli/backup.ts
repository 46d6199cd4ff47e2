import { join } from 'node:path'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { resolveDataDir } from '../app/data-dir'
import { createBackup, latestGoodBackup, listBackups, restoreBackup } from '../features/backup/service'

export const usage =
  'backup [--data-dir MAP]                                      maak nu een back-up en controleer die'

export async function run(argv: string[]): Promise<number> {
  const dataDir = resolveDataDir(argv, process.env)
  const app = await createApp({ dataDir })
  try {
    const b = await createBackup(app.database.raw, dataDir, app.clock.now())
    console.log(`Back-up gemaakt en gecontroleerd: ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB)`)
    return 0
  } finally {
    await app.close()
  }
}

export const restoreUsage =
  'restore-backup [--file NAAM] [--data-dir MAP]                 zet een back-up terug (standaard de laatste goede)'

/** Puts a backup back. The current database is moved aside to damaged/, never deleted. */
export async function restore(argv: string[]): Promise<number> {
  const dataDir = resolveDataDir(argv, process.env)
  const i = argv.indexOf('--file')
  const wanted = i >= 0 ? argv[i + 1] : undefined
  const backup = wanted ? listBackups(dataDir).find((b) => b.name === wanted) : latestGoodBackup(dataDir)
  if (!backup) {
    console.error(wanted ? `Back-up ${wanted} niet gevonden.` : 'Geen goede back-up gevonden.')
    return 1
  }
  const aside = restoreBackup(dataDir, join(dataDir, DATABASE_FILE), backup, new Date().toISOString())
  console.log(`Back-up ${backup.name} teruggezet. De vorige gegevens staan bewaard in ${aside}.`)
  return 0
}
