import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { migrateToLatest, type Db } from '../db/database'
import { openPostgres } from '../db/postgres'
import { tablesOf } from '../db/export/export'
import { databaseOptions } from './database-options'
import { verifyAuditChain } from '../features/audit/repository'
import { isSetupDone } from '../features/settings/repository'
import { DatabaseKeyError, KEY_CHECK_FILE, parseKey, writeKeyCheck } from '../features/keys/key'
import { reencryptCopy } from '../features/keys/service'
import { copyDatabase, holdsRows } from '../db/export/copy'
import { cliFolder } from './open'
import { FOLDER_OPTIONS, parseOptions, type FolderOptions } from './options'

export const usage =
  'move-to-server --data-dir MAP (--server-data-dir MAP --server-key-file BESTAND [--via-export] | --database postgres://… [--database-ca BESTAND]) [--key-file BESTAND]   de database van deze werkplek naar een lege teamserver verplaatsen'

/** Rows per table: what must be the same on both sides (on either store). */
async function counts(db: Db): Promise<Map<string, number>> {
  const names = [...(await tablesOf(db as never)).keys()].sort()
  const out = new Map<string, number>()
  for (const name of names) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)
    out.set(name, Number(r.rows[0]?.n ?? 0))
  }
  return out
}

/**
 * `npm run cli -- move-to-server --data-dir SOLO --server-data-dir DIR --server-key-file KEY`
 *
 * A team that started solo moves its workstation's database onto the team server: run on the
 * server (with the workstation's data folder copied there, and its recovery key, made with
 * `--export-recovery-key`, as `--key-file`) while the team server is stopped. The database is
 * brought to this version, its logboek chain checked, then copied whole and re-encrypted with
 * the server's key (a verified copy; the workstation's folder is not changed). Afterwards the
 * server's copy is opened as the server will open it, its chain checked again and every table's
 * row count compared with the original. Only an empty server folder is accepted: two caseloads
 * are never merged here.
 *
 * `--via-export` moves the rows instead of the file: the server gets a new database made by its
 * own migrator, filled from an encrypted export of the workstation (db/export/copy.ts: counts,
 * table hashes, id counters and the chain checked inside the restore's transaction). That path
 * works through Kysely only, so it is the one that moves a solo database onto PostgreSQL
 * (issue 19); for SQLite to SQLite the file copy is faster and stays the default.
 *
 * `--database postgres://…` (or LANGE_ADEM_DATABASE_URL; `--database-ca` as for the server) moves
 * the rows into an empty PostgreSQL database: migrated by the app's migrator, filled through
 * the same verified export (under a temporary folder, removed afterwards), then its chain and
 * counts compared with the workstation's. A database that is not on this machine needs verified
 * TLS, as for the server. Only an empty database is accepted; a failed copy leaves it empty.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    'server-data-dir': { type: 'string' },
    'server-key-file': { type: 'string' },
    'via-export': { type: 'boolean' },
    database: { type: 'string' },
    'database-ca': { type: 'string' },
  })
  const postgres = databaseOptions(values)
  if (postgres) {
    if (values['server-data-dir'] || values['server-key-file'] || values['via-export']) {
      console.error(
        'Kies een map voor de teamserver (--server-data-dir) of een PostgreSQL-database (--database), niet allebei.',
      )
      return 2
    }
    return moveToPostgres(values, postgres)
  }
  const serverDirArg = values['server-data-dir']
  const serverKeyFile = values['server-key-file']
  if (!serverDirArg || !serverKeyFile) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const serverDir = resolve(serverDirArg)
  let serverKey: string
  try {
    serverKey = parseKey(readFileSync(serverKeyFile, 'utf8'), serverKeyFile)
  } catch (err) {
    if (err instanceof DatabaseKeyError) throw err
    console.error(`Het sleutelbestand van de server kan niet gelezen worden: ${serverKeyFile}`)
    return 2
  }
  const solo = cliFolder(values)
  const target = join(serverDir, DATABASE_FILE)
  if (resolve(solo.dataDir) === serverDir) {
    console.error('De gegevensmap van de werkplek en die van de server zijn dezelfde map.')
    return 2
  }
  if (existsSync(target)) {
    console.error(
      `In ${serverDir} staat al een database. Verplaatsen kan alleen naar een lege teamserver; er is niets gewijzigd.`,
    )
    return 1
  }

  // The workstation's database, at this version, with its chain whole.
  const source = await createApp({ dataDir: solo.dataDir, key: solo.key })
  let before: Map<string, number>
  let chainBefore: number
  try {
    const checked = await checkSource(source.database.db)
    if (!checked) return 1
    before = checked.before
    chainBefore = checked.entries
    mkdirSync(serverDir, { recursive: true })
    if (values['via-export']) {
      // A new database under the server's key, made by the server's own migrator, then filled.
      const empty = await createApp({ dataDir: serverDir, key: serverKey })
      try {
        await copyDatabase(source.database.db, empty.database.db, {
          databaseKey: solo.key,
          workDir: serverDir,
          now: source.clock.now(),
        })
      } catch (err) {
        await empty.close()
        removeServerDatabase(target, serverDir)
        throw err
      }
      await empty.close()
    }
  } finally {
    await source.close()
  }

  if (!values['via-export']) {
    // A verified copy under the server's key; the original stays as it was.
    const copy = reencryptCopy(solo.file, solo.key, serverKey)
    try {
      copyFileSync(copy, target)
    } finally {
      rmSync(copy, { force: true })
    }
  }
  writeKeyCheck(serverDir, serverKey)

  const server = await createApp({ dataDir: serverDir, key: serverKey })
  let ok: boolean
  try {
    const chainAfter = await verifyAuditChain(server.database.db)
    const after = await counts(server.database.db)
    ok = report(before, after, chainBefore, chainAfter.ok ? chainAfter.entries : null, false) === 0
  } finally {
    await server.close()
  }
  if (!ok) removeServerDatabase(target, serverDir)
  return ok ? 0 : 1
}

/**
 * The workstation's database must be set up and its logboek chain whole; then its counts per
 * table and its number of logboek entries. Null (said on stderr) when it cannot be moved.
 */
async function checkSource(db: Db): Promise<{ before: Map<string, number>; entries: number } | null> {
  if (!(await isSetupDone(db))) {
    console.error('De database van deze werkplek is nog niet ingericht: er is niets te verplaatsen.')
    return null
  }
  const chain = await verifyAuditChain(db)
  if (!chain.ok) {
    console.error(
      `Het logboek van de werkplek klopt niet (regel ${chain.brokenAtId}: ${chain.reason}). Er is niets verplaatst; meld dit aan de beheerder.`,
    )
    return null
  }
  return { before: await counts(db), entries: chain.entries }
}

/** A failed move leaves the server folder without a database (and without its key check). */
function removeServerDatabase(target: string, serverDir: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true })
  rmSync(join(serverDir, KEY_CHECK_FILE), { force: true })
}

/** The workstation's database (at this version, with its chain whole) into an empty PostgreSQL database. */
async function moveToPostgres(values: FolderOptions, target: { url: string; ca?: string }): Promise<number> {
  const solo = cliFolder(values)
  const source = await createApp({ dataDir: solo.dataDir, key: solo.key })
  let before: Map<string, number>
  let chainBefore: number
  const work = mkdtempSync(join(tmpdir(), 'lange-adem-move-'))
  try {
    const checked = await checkSource(source.database.db)
    if (!checked) return 1
    before = checked.before
    chainBefore = checked.entries
    const server = await openPostgres(target.url, target.ca ? { ca: target.ca } : {})
    try {
      if (await holdsRows(server.db)) {
        console.error(
          'De PostgreSQL-database is niet leeg. Verplaatsen kan alleen naar een lege database; er is niets gewijzigd.',
        )
        return 1
      }
      await migrateToLatest(server.db)
      // One transaction: a refused or failed copy leaves the database empty.
      await copyDatabase(source.database.db, server.db, {
        databaseKey: solo.key,
        workDir: work,
        now: source.clock.now(),
      })
      const chainAfter = await verifyAuditChain(server.db)
      const after = await counts(server.db)
      return report(before, after, chainBefore, chainAfter.ok ? chainAfter.entries : null, true)
    } finally {
      await server.close()
    }
  } finally {
    await source.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/** The table of counts, and the verdict. */
function report(
  before: Map<string, number>,
  after: Map<string, number>,
  entriesBefore: number,
  entriesAfter: number | null,
  postgres: boolean,
): number {
  const differ = [...before].filter(([t, n]) => after.get(t) !== n)
  console.log(`${'tabel'.padEnd(28)} ${'werkplek'.padStart(9)} ${'server'.padStart(9)}`)
  for (const [t, n] of before)
    console.log(`${t.padEnd(28)} ${String(n).padStart(9)} ${String(after.get(t) ?? '-').padStart(9)}`)
  const ok = entriesAfter === entriesBefore && differ.length === 0
  if (ok)
    console.log(
      `Verplaatst: ${before.get('vroegsignaalzaak') ?? 0} zaken, ${before.get('vroegsignaal') ?? 0} signalen, ${entriesAfter} logboekregels; de keten klopt en alle aantallen zijn gelijk.\n` +
        (postgres
          ? 'Start nu de teamserver met --database op deze database, en zet op de werkplekken team.json neer (zie de README).'
          : 'Start nu de teamserver op deze map, en zet op de werkplekken team.json neer (zie de README).'),
    )
  else
    console.error(
      postgres
        ? `De kopie in PostgreSQL klopt niet (${differ.map(([t]) => t).join(', ') || 'logboek'}). Maak de database leeg (DROP DATABASE en opnieuw CREATE DATABASE) voor een nieuwe poging; de werkplek is ongewijzigd.`
        : `Het afschrift op de server klopt niet (${differ.map(([t]) => t).join(', ') || 'logboek'}). Het is verwijderd; de werkplek is ongewijzigd.`,
    )
  return ok ? 0 : 1
}
