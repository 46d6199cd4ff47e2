import { resolveDataDir } from '../app/data-dir'
import { join } from 'node:path'
import { DATABASE_FILE } from '../app/create-app'
import { latestGoodBackup, listBackups, restoreBackup } from '../features/backup/service'
import { devKeyStore } from '../features/keys/dev-key'
import { rotateKey, settleKey } from '../features/keys/service'
import { cliFolder, openCliApp } from './open'

export const usage =
  'backup [--data-dir MAP] [--key-file BESTAND]                 maak nu een versleutelde back-up en controleer die'

export async function run(argv: string[]): Promise<number> {
  const { app } = await openCliApp(argv)
  try {
    const b = (await app.backupNow('handmatig'))!
    console.log(`Back-up gemaakt en gecontroleerd: ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB)`)
    return 0
  } finally {
    await app.close()
  }
}

export const restoreUsage =
  'restore-backup [--file NAAM] [--data-dir MAP] [--key-file BESTAND]   zet een back-up terug (standaard de laatste goede)'

/** Puts a backup back. The current database is moved aside to damaged/, never deleted. */
export async function restore(argv: string[]): Promise<number> {
  const { dataDir, file, key } = cliFolder(argv)
  const i = argv.indexOf('--file')
  const wanted = i >= 0 ? argv[i + 1] : undefined
  const backup = wanted ? listBackups(dataDir).find((b) => b.name === wanted) : latestGoodBackup(dataDir, key)
  if (!backup) {
    console.error(
      wanted ? `Back-up ${wanted} niet gevonden.` : 'Geen goede back-up gevonden die met deze sleutel opent.',
    )
    return 1
  }
  const aside = restoreBackup(dataDir, file, backup, new Date().toISOString(), key)
  console.log(`Back-up ${backup.name} teruggezet. De vorige gegevens staan bewaard in ${aside}.`)
  return 0
}

export const rotateUsage =
  'rotate-key [--data-dir MAP] [--key-file BESTAND]             vervang de sleutel; database en back-ups worden opnieuw versleuteld'

/**
 * A new key for the data folder (Lange Adem must not be running on it). The database and every
 * backup in the folder are re-encrypted; the new key replaces the old one where it was kept.
 */
export async function rotate(argv: string[]): Promise<number> {
  const dataDir = resolveDataDir(argv, process.env)
  const file = join(dataDir, DATABASE_FILE)
  const { store, warning } = devKeyStore(argv, process.env, dataDir)
  if (warning) console.error(warning)
  settleKey(store, dataDir, file)
  const { backups } = rotateKey(dataDir, file, store)
  console.log(
    `Nieuwe sleutel in gebruik (bewaard in ${store.description}). ` +
      `De database en ${backups} back-up(s) zijn opnieuw versleuteld en gecontroleerd.`,
  )
  return 0
}
