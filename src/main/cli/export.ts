import { resolve } from 'node:path'
import { writeExport } from '../db/export/export'
import { recordAudit } from '../features/audit/repository'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

export const usage =
  'export --out BESTAND [--data-dir MAP] [--key-file BESTAND]        versleutelde, gecontroleerde export van de hele database (terug te zetten met import-export)'

/**
 * `npm run cli -- export --out lange-adem.export --data-dir DIR`: the whole database as one
 * encrypted file (db/export), read back and checked before it gets its name. It opens with the
 * database's key of today (the recovery key). The logboek records it first, so the export
 * holds its own entry.
 */
const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} kB`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { ...FOLDER_OPTIONS, out: { type: 'string' } })
  if (!values.out) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const out = resolve(values.out)
  const { app, key } = await openFolder(values)
  try {
    const now = app.clock.now()
    const made = await app.during(async () => {
      await recordAudit(app.database.db, now, {
        userId: null,
        action: 'export gemaakt',
        entityType: 'back-up',
        entityId: null,
        summary: 'Versleutelde export van de hele database gemaakt (opdrachtregel)',
      })
      return writeExport(app.database.db, out, key, now)
    })
    console.log(
      `Export gemaakt en gecontroleerd: ${made.file} (${size(made.bytes)}, ${made.rows.toLocaleString('nl-NL')} rijen in ${made.tables.length} tabellen).\n` +
        'Het bestand is versleuteld met de sleutel van deze database (de herstelsleutel). Bewaar die sleutel apart van het bestand.',
    )
    return 0
  } finally {
    await app.close()
  }
}
