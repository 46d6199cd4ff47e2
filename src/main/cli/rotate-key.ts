import { join } from 'node:path'
import { DATABASE_FILE } from '../app/create-app'
import { dataDirFrom } from '../app/data-dir'
import { devKeyStore } from '../features/keys/dev-key'
import { rotateKey, settleKey } from '../features/keys/service'
import { FOLDER_OPTIONS, parseOptions } from './options'

export const usage =
  'rotate-key [--data-dir MAP] [--key-file BESTAND]             vervang de sleutel; database en back-ups worden opnieuw versleuteld'

/**
 * A new key for the data folder (Lange Adem must not be running on it). The database and every
 * backup in the folder are re-encrypted; the new key replaces the old one where it was kept.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, FOLDER_OPTIONS)
  const dataDir = dataDirFrom(values['data-dir'], process.env)
  const file = join(dataDir, DATABASE_FILE)
  const { store, warning } = devKeyStore(values['key-file'], process.env, dataDir)
  if (warning) console.error(warning)
  settleKey(store, dataDir, file)
  const { backups } = rotateKey(dataDir, file, store)
  console.log(
    `Nieuwe sleutel in gebruik (bewaard in ${store.description}). ` +
      `De database en ${backups} back-up(s) zijn opnieuw versleuteld en gecontroleerd.`,
  )
  return 0
}
