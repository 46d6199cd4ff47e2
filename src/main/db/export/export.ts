import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { APP_VERSION } from '@shared/version'
import type { Db } from '../database'
import { ExportFileError, ExportWriter, FORMAT_VERSION } from './format'
import { openExport, type ExportHeader } from './header'
import { storeFor } from './store'
import { EXPORT_TABLES } from './tables'
import { rowLine, TableDigest } from './values'

/** Rows per page when a table is read. */
const PAGE = 2000
const COUNT = '__export_count'

type AnyDb = Kysely<unknown>

/** The migrations the database has run, in order. */
export async function migrationsOf(db: AnyDb): Promise<string[]> {
  const r = await sql<{
    name: string
  }>`select name from ${sql.table('kysely_migration')} order by name`.execute(db)
  return r.rows.map((x) => x.name)
}

/** Every user table with its columns (sorted by name) and their types, as Kysely sees them. */
export async function tablesOf(db: AnyDb): Promise<Map<string, { name: string; dataType: string }[]>> {
  const tables = await db.introspection.getTables()
  return new Map(
    tables.map((t) => [
      t.name,
      t.columns
        .map((c) => ({ name: c.name, dataType: c.dataType }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ]),
  )
}

/**
 * A table's rows in pages, by primary key (keyset paging: every page is one index range). A table
 * without a primary key is read grouped by all its columns with a count, so identical rows are
 * neither lost nor doubled. Each row comes with how many times it occurs (1 with a key).
 */
export async function* readTable(
  db: AnyDb,
  name: string,
  key: readonly string[] | null,
  columns: readonly string[],
): AsyncGenerator<{ row: Record<string, unknown>; times: number }[]> {
  const order = key ?? columns
  const orderRefs = sql.join(order.map((c) => sql.ref(c)))
  const cols = sql.join(columns.map((c) => sql.ref(c)))
  const group = key ? sql`` : sql`, count(*) as ${sql.ref(COUNT)}`
  const groupBy = key ? sql`` : sql`group by ${orderRefs}`
  const times = (row: Record<string, unknown>) => ({ row, times: key ? 1 : Number(row[COUNT]) })
  // A null never passes `>`: rows with one in the paging columns are read first, in one query.
  const nulls = sql.join(
    order.map((c) => sql`${sql.ref(c)} is null`),
    sql` or `,
  )
  const withNull = await sql<
    Record<string, unknown>
  >`select ${cols}${group} from ${sql.table(name)} where ${nulls} ${groupBy}`.execute(db)
  if (withNull.rows.length) yield withNull.rows.map(times)
  const notNull = sql.join(
    order.map((c) => sql`${sql.ref(c)} is not null`),
    sql` and `,
  )
  let last: unknown[] | null = null
  for (;;) {
    let where: RawBuilder<unknown> = sql`where ${notNull}`
    if (last)
      where =
        order.length === 1
          ? sql`${where} and ${sql.ref(order[0]!)} > ${last[0]}`
          : sql`${where} and (${orderRefs}) > (${sql.join(last)})`
    const query = sql<
      Record<string, unknown>
    >`select ${cols}${group} from ${sql.table(name)} ${where} ${groupBy} order by ${orderRefs} limit ${PAGE}`
    const { rows } = await query.execute(db)
    if (!rows.length) return
    yield rows.map(times)
    const end = rows[rows.length - 1]!
    last = order.map((c) => end[c])
    if (rows.length < PAGE) return
  }
}

/** Hashes a table as it is in the database now (what a restore is checked against). */
export async function digestTable(
  db: AnyDb,
  name: string,
  key: readonly string[] | null,
  columns: readonly string[],
): Promise<TableDigest> {
  const digest = new TableDigest(name, columns)
  for await (const page of readTable(db, name, key, columns))
    for (const { row, times } of page) digest.add(rowLine(row, columns), times)
  return digest
}

export interface ExportSummary {
  file: string
  bytes: number
  rows: number
  tables: { name: string; rows: number }[]
}

/**
 * Writes the whole database to `file` as an encrypted export (format.ts), in one read
 * transaction so it is one consistent moment, then reads the file back and checks every table's
 * count and hash before giving it its name. Only Kysely queries: any dialect with an ExportStore
 * (store.ts) can be exported. An existing file is never overwritten.
 */
export async function writeExport(
  db: Db,
  file: string,
  databaseKey: string,
  now: string,
): Promise<ExportSummary> {
  if (existsSync(file))
    throw new ExportFileError('mismatch', `Het bestand ${file} bestaat al; kies een nieuwe naam.`)
  const tmp = `${file}.part`
  rmSync(tmp, { force: true })
  const writer = new ExportWriter(tmp, databaseKey)
  let header: ExportHeader
  try {
    const anyDb = db as unknown as AnyDb
    const store = storeFor(anyDb)
    await anyDb.transaction().execute(async (trx) => {
      const present = await tablesOf(trx)
      const unknown = [...present.keys()].filter((t) => !EXPORT_TABLES.some((e) => e.name === t))
      if (unknown.length)
        throw new Error(`table(s) ${unknown.join(', ')} not in EXPORT_TABLES (db/export/tables.ts)`)
      const tables: ExportHeader['tables'] = []
      // A table of the list that this database does not have yet (an older migration level, as
      // in tests of restoring an older export) is left out; the header's migrations say why.
      for (const t of EXPORT_TABLES) {
        const columns = present.get(t.name)?.map((c) => c.name)
        if (!columns) continue
        writer.line(JSON.stringify({ table: t.name }))
        const digest = new TableDigest(t.name, columns)
        for await (const page of readTable(trx, t.name, t.key, columns))
          for (const { row, times } of page) {
            const line = rowLine(row, columns)
            for (let i = 0; i < times; i++) writer.line(line)
            digest.add(line, times)
          }
        tables.push({
          name: t.name,
          key: t.key ? [...t.key] : null,
          columns,
          rows: digest.rows,
          sha256: digest.hex(),
        })
      }
      const migrations = await migrationsOf(trx)
      const counters = await store.readCounters(trx)
      writer.finish((body) => ({
        app: 'lange-adem',
        format: FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: now,
        migrations,
        tables,
        counters,
        body,
      }))
    })
    header = verifyExportFile(tmp, databaseKey)
    renameSync(tmp, file)
  } catch (err) {
    writer.abort()
    rmSync(tmp, { force: true })
    throw err
  }
  return {
    file,
    bytes: statSync(file).size,
    rows: header.tables.reduce((n, t) => n + t.rows, 0),
    tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })),
  }
}

/**
 * Reads the whole file with the key and checks it without a database: every chunk
 * authenticated, the tables in the header's order, each with the header's count and hash.
 * Returns the header.
 */
export function verifyExportFile(file: string, databaseKey: string): ExportHeader {
  const reader = openExport(file, databaseKey)
  try {
    const { header } = reader
    let i = -1
    let digest: TableDigest | null = null
    const close = () => {
      if (!digest) return
      const t = header.tables[i]!
      if (digest.rows !== t.rows || digest.hex() !== t.sha256) throw mismatch(t.name)
    }
    for (const line of reader.lines()) {
      if (line.startsWith('{')) {
        close()
        const t = header.tables[++i]
        if (!t || (JSON.parse(line) as { table?: string }).table !== t.name) throw mismatch(t?.name ?? '?')
        digest = new TableDigest(t.name, t.columns)
      } else if (digest) digest.add(line)
      else throw mismatch('?')
    }
    close()
    if (i !== header.tables.length - 1) throw mismatch(header.tables[i + 1]?.name ?? '?')
    return header
  } finally {
    reader.close()
  }
}

export function mismatch(table: string): ExportFileError {
  return new ExportFileError(
    'mismatch',
    `De export klopt niet: de rijen van tabel ${table} komen niet overeen met de kop. Er is niets teruggezet.`,
  )
}
