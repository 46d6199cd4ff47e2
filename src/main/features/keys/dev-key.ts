import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { settleKey } from './service'
import { DatabaseKeyError, fileKeyStore, fixedKeyStore, parseKey, type KeyStore } from './key'

export const DEV_KEY_FILE = 'lange-adem.dev-key'
export const KEY_ENV = 'LANGE_ADEM_DB_KEY'

export const DEV_KEY_WARNING =
  'LET OP: de sleutel van deze gegevens staat onbeschermd in {file}. ' +
  'Dat is alleen bedoeld voor ontwikkelen en testen; de desktop-app bewaart de sleutel met de beveiliging van het besturingssysteem.'

/**
 * The key store for the browser mode and the command line (development and tests; neither is
 * ever part of a packaged app): the environment variable LANGE_ADEM_DB_KEY, else
 * `--key-file FILE` (`given`), else a key file in the data folder (created on first use, mode 0600) with a
 * warning. `warning` is set when that development file is used.
 */
export function devKeyStore(
  given: string | undefined,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { store: KeyStore; warning: string | null } {
  const fromEnv = env[KEY_ENV]
  if (fromEnv) return { store: fixedKeyStore(parseKey(fromEnv, KEY_ENV), KEY_ENV), warning: null }
  if (given) {
    const file = resolve(given)
    if (!existsSync(file)) throw new DatabaseKeyError(`Het sleutelbestand ${file} bestaat niet.`, 'missing')
    return { store: fileKeyStore(file, file), warning: null }
  }
  const file = join(dataDir, DEV_KEY_FILE)
  return { store: fileKeyStore(file, file), warning: DEV_KEY_WARNING.replace('{file}', file) }
}

/**
 * The key for the browser mode and the command line, settled (a new folder gets one, an
 * unfinished rotation is finished). Prints the development warning on stderr when it applies.
 */
export function devKey(
  argv: string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
  databaseFile: string,
): string {
  const i = argv.indexOf('--key-file')
  const eq = argv.find((a) => a.startsWith('--key-file='))
  return devKeyFrom(i >= 0 ? argv[i + 1] : eq?.slice('--key-file='.length), env, dataDir, databaseFile)
}

/** `devKey` for a `--key-file` value already read. */
export function devKeyFrom(
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv,
  dataDir: string,
  databaseFile: string,
): string {
  mkdirSync(dataDir, { recursive: true })
  const { store, warning } = devKeyStore(keyFile, env, dataDir)
  const key = settleKey(store, dataDir, databaseFile)
  if (warning) console.error(warning)
  return key
}
