import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

export const usage =
  'backup [--data-dir MAP] [--key-file BESTAND]                 maak nu een versleutelde back-up en controleer die'

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, FOLDER_OPTIONS)
  const { app } = await openFolder(values)
  try {
    const b = (await app.backupNow('handmatig'))!
    console.log(`Back-up gemaakt en gecontroleerd: ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB)`)
    return 0
  } finally {
    await app.close()
  }
}
