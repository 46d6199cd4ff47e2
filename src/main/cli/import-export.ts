import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { migrateToLatest, openDatabase } from '../db/database'
import { openExport } from '../db/export/header'
import {
  checkMigrationLevel,
  migrateToExportLevel,
  restoreExport,
  type RestoreSummary,
} from '../db/export/restore'
import { verifyAuditChain } from '../features/audit/repository'
import { DatabaseKeyError, parseKey, writeKeyCheck } from '../features/keys/key'
import { cliFolder } from './open'
import { FOLDER_OPTIONS, parseOptions } from './options'

export const usage =
  'import-export --in BESTAND --data-dir NIEUWE-MAP [--key-file BESTAND] [--export-key-file BESTAND]   zet een export terug in een nieuwe, lege gegevensmap'

/**
 * `npm run cli -- import-export --in lange-adem.export --data-dir NEW [--export-key-file KEY]`
 *
 * Restores an export (db/export) into a new data folder: the file is checked and opened with
 * the key it was made with (`--export-key-file`; without it the folder's own key), a new
 * database is made at the export's migration level, filled and verified in one transaction
 * (counts, hashes, id counters, the logboek chain), brought up to this version, and only then
 * given its name. A folder that holds a database already is refused; on any refusal the folder
 * gets no database.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    in: { type: 'string' },
    'export-key-file': { type: 'string' },
  })
  if (!values.in || !values['data-dir']) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const input = resolve(values.in)
  if (!existsSync(input)) {
    console.error(`Het exportbestand ${input} bestaat niet.`)
    return 2
  }
  const folder = cliFolder(values)
  if (existsSync(folder.file)) {
    console.error(
      `In ${folder.dataDir} staat al een database. Een export wordt alleen in een nieuwe, lege map teruggezet; er is niets gewijzigd.`,
    )
    return 1
  }
  const exportKeyFile = values['export-key-file']
  let exportKey = folder.key
  if (exportKeyFile) {
    try {
      exportKey = parseKey(readFileSync(exportKeyFile, 'utf8'), exportKeyFile)
    } catch (err) {
      if (err instanceof DatabaseKeyError) throw err
      console.error(`Het sleutelbestand van de export kan niet gelezen worden: ${exportKeyFile}`)
      return 2
    }
  }

  const reader = openExport(input, exportKey)
  const part = join(folder.dataDir, `${DATABASE_FILE}.import`)
  let restored: RestoreSummary
  try {
    checkMigrationLevel(reader.header)
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(part + s, { force: true })
    const opened = openDatabase(part, folder.key)
    try {
      await migrateToExportLevel(opened.db, reader.header)
      restored = await restoreExport(reader, opened.db)
      await migrateToLatest(opened.db)
    } finally {
      await opened.close()
    }
    renameSync(part, folder.file)
  } finally {
    reader.close()
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(part + s, { force: true })
  }
  writeKeyCheck(folder.dataDir, folder.key)

  // Opened as the app opens it, and the chain checked once more.
  const app = await createApp({ dataDir: folder.dataDir, key: folder.key })
  try {
    const chain = await verifyAuditChain(app.database.db)
    if (!chain.ok) {
      console.error(`Het logboek klopt niet na het terugzetten (regel ${chain.brokenAtId}: ${chain.reason}).`)
      return 1
    }
    const n = (t: string) => restored.tables.find((x) => x.name === t)?.rows ?? 0
    console.log(
      `Export van ${reader.header.createdAt.slice(0, 16).replace('T', ' ')} (UTC, Lange Adem ${reader.header.appVersion}) teruggezet in ${folder.dataDir}: ` +
        `${n('vroegsignaalzaak')} zaken, ${n('vroegsignaal')} signalen, ${chain.entries} logboekregels. ` +
        'Alle aantallen en controlegetallen kloppen met de export, en de keten van het logboek klopt.',
    )
    return 0
  } finally {
    await app.close()
  }
}
