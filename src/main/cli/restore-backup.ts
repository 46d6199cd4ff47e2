import { latestGoodBackup, listBackups, restoreBackup } from '../features/backup/service'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { cliFolder } from './open'

export const usage =
  'restore-backup [--file NAAM] [--data-dir MAP] [--key-file BESTAND]   zet een back-up terug (standaard de laatste goede)'

/** Puts a backup back. The current database is moved aside to damaged/, never deleted. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { ...FOLDER_OPTIONS, file: { type: 'string' } })
  const { dataDir, file, key } = cliFolder(values)
  const wanted = values.file
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
