import { join } from 'node:path'
import { createApp, DATABASE_FILE, type App } from '../app/create-app'
import { resolveDataDir } from '../app/data-dir'
import { devKey } from '../features/keys/dev-key'

/**
 * The data folder of a command: `--data-dir` (or the default), opened with the development key
 * (LANGE_ADEM_DB_KEY, `--key-file`, or the key file in the folder).
 */
export function cliFolder(argv: string[]): { dataDir: string; file: string; key: string } {
  const dataDir = resolveDataDir(argv, process.env)
  const file = join(dataDir, DATABASE_FILE)
  return { dataDir, file, key: devKey(argv, process.env, dataDir, file) }
}

export async function openCliApp(argv: string[]): Promise<{ app: App; dataDir: string; key: string }> {
  const { dataDir, key } = cliFolder(argv)
  return { app: await createApp({ dataDir, key }), dataDir, key }
}

/** The value of `--name VALUE` or `--name=VALUE`, if given. */
export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}
