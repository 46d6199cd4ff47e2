import type { SafeStorage } from 'electron'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DatabaseKeyError,
  fileKeyStore,
  parseKey,
  writeFileAtomic,
  type KeyStore,
} from '../features/keys/key'
import { opensWith } from '../features/keys/service'

/** The key file in the data folder: the key, encrypted with the operating system's protection. */
export const OS_KEY_FILE = 'lange-adem.key'

type Protection = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string
}

/**
 * The desktop app's key store: the database key encrypted with Electron's safeStorage (DPAPI
 * for the Windows user, the Keychain on macOS, the desktop's secret store on Linux). Refuses to
 * work when that protection is not there: on Linux without a secret store Electron would fall
 * back to a fixed password ("basic_text"), which protects nothing.
 */
export function osKeyStore(protection: Protection, dataDir: string): KeyStore {
  const weak = process.platform === 'linux' && protection.getSelectedStorageBackend?.() === 'basic_text'
  if (!protection.isEncryptionAvailable() || weak)
    throw new DatabaseKeyError(
      'De sleutel van de gegevens kan op deze computer niet veilig worden bewaard: de beveiliging van het ' +
        'besturingssysteem is niet beschikbaar. Lange Adem start daarom niet. Vraag de beheerder om hulp.',
      'unavailable',
    )
  const file = join(dataDir, OS_KEY_FILE)
  return fileKeyStore(file, file, {
    seal: (key) => protection.encryptString(key),
    unseal: (data) => protection.decryptString(data),
  })
}

/**
 * `--export-recovery-key FILE`: writes the key in plain hex (mode 0600) so the beheerder can
 * keep it in the municipality's password vault. Without such a copy a lost Windows profile
 * means lost data.
 */
export function exportRecoveryKey(store: KeyStore, target: string): void {
  const key = store.load()
  if (!key) throw new DatabaseKeyError('Er is nog geen sleutel om te bewaren.', 'missing')
  writeFileAtomic(target, Buffer.from(key + '\n'))
}

/**
 * `--import-recovery-key FILE`: puts a kept key back (a new computer or Windows profile). It is
 * only accepted when it opens the database in the folder.
 */
export function importRecoveryKey(store: KeyStore, source: string, databaseFile: string): void {
  const key = parseKey(readFileSync(source, 'utf8'), source)
  if (!opensWith(databaseFile, key))
    throw new DatabaseKeyError(
      'Deze herstelsleutel opent de gegevens in deze map niet. Er is niets gewijzigd.',
      'wrong',
    )
  store.save(key)
}

export function flagValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1)
}
