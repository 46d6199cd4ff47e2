import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where the data lives: `--data-dir DIR`, else LANGE_ADEM_DATA_DIR, else the app's own folder
 * in the user's profile (the same folder Electron's app.getPath('userData') gives).
 */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv, defaultDir?: string): string {
  const i = argv.indexOf('--data-dir')
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!)
  const eq = argv.find((a) => a.startsWith('--data-dir='))
  return dataDirFrom(eq?.slice('--data-dir='.length), env, defaultDir)
}

/** The same decision for a `--data-dir` value already read (the command line parses its own). */
export function dataDirFrom(given: string | undefined, env: NodeJS.ProcessEnv, defaultDir?: string): string {
  if (given) return resolve(given)
  if (env.LANGE_ADEM_DATA_DIR) return resolve(env.LANGE_ADEM_DATA_DIR)
  return defaultDir ?? defaultUserDataDir(env)
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv): string {
  const name = 'Lange Adem'
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name)
}

export function hasFlag(argv: string[], flag: string): boolean {
  return argv.includes(flag)
}
