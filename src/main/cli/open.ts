import { join } from 'node:path'
import { createApp, DATABASE_FILE, type App } from '../app/create-app'
import { dataDirFrom } from '../app/data-dir'
import { devKeyFrom } from '../features/keys/dev-key'
import type { FolderOptions } from './options'

/**
 * The data folder of a command: `--data-dir` (or the default), opened with the development key
 * (LANGE_ADEM_DB_KEY, `--key-file`, or the key file in the folder).
 */
export function cliFolder(o: FolderOptions): { dataDir: string; file: string; key: string } {
  const dataDir = dataDirFrom(o['data-dir'], process.env)
  const file = join(dataDir, DATABASE_FILE)
  return { dataDir, file, key: devKeyFrom(o['key-file'], process.env, dataDir, file) }
}

/** The app on the command's data folder. */
export async function openFolder(o: FolderOptions): Promise<{ app: App; dataDir: string; key: string }> {
  const { dataDir, key } = cliFolder(o)
  return { app: await createApp({ dataDir, key }), dataDir, key }
}
