import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { migrateToLatest, openDatabase } from '../db/database'
import { openPostgres } from '../db/postgres'
import { appliedMigrations, holdsRows } from '../db/export/copy'
import { openExport, type ExportHeader } from '../db/export/header'
import type { ExportReader } from '../db/export/format'
import {
  checkMigrationLevel,
  migrateToExportLevel,
  restoreExport,
  type RestoreSummary,
} from '../db/export/restore'
import { verifyAuditChain } from '../features/audit/repository'
import { DatabaseKeyError, parseKey, writeKeyCheck } from '../features/keys/key'
import { KEY_ENV } from '../features/keys/dev-key'
import { cliFolder } from './open'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { databaseOptions } from './database-options'

export const usage =
  'import-export --in BESTAND (--data-dir NIEUWE-MAP [--key-file BESTAND] | --database postgres://… [--database-ca BESTAND]) [--export-key-file BESTAND]   zet een export terug in een nieuwe, lege gegevensmap of PostgreSQL-database'

/**
 * `npm run cli -- import-export --in lange-adem.export --data-dir NEW [--export-key-file KEY]`
 *
 * Restores an export (db/export) into a new data folder: the file is checked and opened with
 * the key it was made with (`--export-key-file`; without it the folder's own key), a new
 * database is made at the export's migration level, filled and verified in one transaction
 * (counts, hashes, id counters, the logboek chain), brought up to this version, and only then
 * given its name. A folder that holds a database already is refused; on any refusal the folder
 * gets no database.
 *
 * `--database postgres://…` (or LANGE_ADEM_DATABASE_URL) restores into an empty PostgreSQL
 * database instead (the disaster recovery of a team server on PostgreSQL, with the server
 * stopped): the key is `--export-key-file` (or `--key-file`, or LANGE_ADEM_DB_KEY), the database
 * is brought to the export's level by the app's migrator, filled and verified in one
 * transaction, then migrated to this version. A database holding rows, or made by a newer
 * version than the export, is refused with nothing changed.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    in: { type: 'string' },
    'export-key-file': { type: 'string' },
    database: { type: 'string' },
    'database-ca': { type: 'string' },
  })
  const postgres = databaseOptions(values)
  if (postgres && values['data-dir']) {
    console.error(
      'Kies een nieuwe gegevensmap (--data-dir) of een PostgreSQL-database (--database), niet allebei.',
    )
    return 2
  }
  if (!values.in || (!values['data-dir'] && !postgres)) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const input = resolve(values.in)
  if (!existsSync(input)) {
    console.error(`Het exportbestand ${input} bestaat niet.`)
    return 2
  }
  if (postgres) {
    const keyFile = values['export-key-file'] ?? values['key-file']
    let key: string
    try {
      key = keyFile
        ? parseKey(readFileSync(keyFile, 'utf8'), keyFile)
        : parseKey(process.env[KEY_ENV] ?? '', KEY_ENV)
    } catch (err) {
      if (err instanceof DatabaseKeyError && !keyFile && !process.env[KEY_ENV]) {
        console.error('Geef de sleutel van de export: --export-key-file BESTAND (of LANGE_ADEM_DB_KEY).')
        return 2
      }
      if (err instanceof DatabaseKeyError) throw err
      console.error(`Het sleutelbestand van de export kan niet gelezen worden: ${keyFile}`)
      return 2
    }
    const reader = openExport(input, key)
    try {
      return await restoreIntoPostgres(reader, postgres)
    } finally {
      reader.close()
    }
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
    console.log(summaryLine(reader.header, restored, chain.entries, folder.dataDir))
    return 0
  } finally {
    await app.close()
  }
}

/** The export into an empty PostgreSQL database; the database is left as it was on any refusal. */
async function restoreIntoPostgres(
  reader: ExportReader<ExportHeader>,
  target: { url: string; ca?: string },
): Promise<number> {
  const { header } = reader
  checkMigrationLevel(header)
  const opened = await openPostgres(target.url, target.ca ? { ca: target.ca } : {})
  try {
    const level = await appliedMigrations(opened.db)
    if (level.length > header.migrations.length || level.some((m, i) => header.migrations[i] !== m)) {
      console.error(
        'Deze PostgreSQL-database is al ingericht door een nieuwere versie van Lange Adem dan de export. ' +
          'Zet terug in een nieuwe, lege database (CREATE DATABASE …); er is niets gewijzigd.',
      )
      return 1
    }
    if (await holdsRows(opened.db)) {
      console.error(
        'De PostgreSQL-database is niet leeg. Een export wordt alleen in een lege database teruggezet; er is niets gewijzigd.',
      )
      return 1
    }
    await migrateToExportLevel(opened.db, header)
    const restored = await restoreExport(reader, opened.db)
    await migrateToLatest(opened.db)
    const chain = await verifyAuditChain(opened.db)
    if (!chain.ok) {
      console.error(`Het logboek klopt niet na het terugzetten (regel ${chain.brokenAtId}: ${chain.reason}).`)
      return 1
    }
    console.log(summaryLine(header, restored, chain.entries, 'de PostgreSQL-database'))
    return 0
  } finally {
    await opened.close()
  }
}

function summaryLine(header: ExportHeader, restored: RestoreSummary, entries: number, where: string): string {
  const n = (t: string) => restored.tables.find((x) => x.name === t)?.rows ?? 0
  return (
    `Export van ${header.createdAt.slice(0, 16).replace('T', ' ')} (UTC, Lange Adem ${header.appVersion}) teruggezet in ${where}: ` +
    `${n('vroegsignaalzaak')} zaken, ${n('vroegsignaal')} signalen, ${entries} logboekregels. ` +
    'Alle aantallen en controlegetallen kloppen met de export, en de keten van het logboek klopt.'
  )
}
