import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { createApp, DATABASE_FILE } from '../app/create-app'
import type { Db } from '../db/database'
import { verifyAuditChain } from '../features/audit/repository'
import { isSetupDone } from '../features/settings/repository'
import { DatabaseKeyError, KEY_CHECK_FILE, parseKey, writeKeyCheck } from '../features/keys/key'
import { reencryptCopy } from '../features/keys/service'
import { copyDatabase } from '../db/export/copy'
import { cliFolder } from './open'
import { FOLDER_OPTIONS, parseOptions } from './options'

export const usage =
  'move-to-server --data-dir MAP --server-data-dir MAP --server-key-file BESTAND [--key-file BESTAND] [--via-export]   de database van deze werkplek naar een lege teamserver verplaatsen'

/** Rows per table: what must be the same on both sides. */
async function counts(db: Db): Promise<Map<string, number>> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  )
  const out = new Map<string, number>()
  for (const { name } of tables.rows) {
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
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    'server-data-dir': { type: 'string' },
    'server-key-file': { type: 'string' },
    'via-export': { type: 'boolean' },
  })
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
  let chainBefore
  try {
    if (!(await isSetupDone(source.database.db))) {
      console.error('De database van deze werkplek is nog niet ingericht: er is niets te verplaatsen.')
      return 1
    }
    chainBefore = await verifyAuditChain(source.database.db)
    if (!chainBefore.ok) {
      console.error(
        `Het logboek van de werkplek klopt niet (regel ${chainBefore.brokenAtId}: ${chainBefore.reason}). Er is niets verplaatst; meld dit aan de beheerder.`,
      )
      return 1
    }
    before = await counts(source.database.db)
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
    const differ = [...before].filter(([t, n]) => after.get(t) !== n)
    console.log(`${'tabel'.padEnd(28)} ${'werkplek'.padStart(9)} ${'server'.padStart(9)}`)
    for (const [t, n] of before)
      console.log(`${t.padEnd(28)} ${String(n).padStart(9)} ${String(after.get(t) ?? '-').padStart(9)}`)
    ok = chainAfter.ok && chainAfter.entries === chainBefore.entries && differ.length === 0
    if (ok)
      console.log(
        `Verplaatst: ${before.get('vroegsignaalzaak') ?? 0} zaken, ${before.get('vroegsignaal') ?? 0} signalen, ${chainAfter.entries} logboekregels; de keten klopt en alle aantallen zijn gelijk.\n` +
          'Start nu de teamserver op deze map, en zet op de werkplekken team.json neer (zie de README).',
      )
    else
      console.error(
        `Het afschrift op de server klopt niet (${differ.map(([t]) => t).join(', ') || 'logboek'}). Het is verwijderd; de werkplek is ongewijzigd.`,
      )
  } finally {
    await server.close()
  }
  if (!ok) removeServerDatabase(target, serverDir)
  return ok ? 0 : 1
}

/** A failed move leaves the server folder without a database (and without its key check). */
function removeServerDatabase(target: string, serverDir: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true })
  rmSync(join(serverDir, KEY_CHECK_FILE), { force: true })
}
