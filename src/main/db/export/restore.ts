import { CompiledQuery, Migrator, sql, type Kysely } from 'kysely'
import type { Db } from '../database'
import { migrations as knownMigrations } from '../migrations'
import { verifyAuditChain } from '../../features/audit/repository'
import { digestTable, migrationsOf, mismatch, tablesOf } from './export'
import { ExportFileError, type ExportReader } from './format'
import type { ExportHeader } from './header'
import { storeFor } from './store'
import { SEEDED_TABLES } from './tables'
import { decodeCell, TableDigest, type Cell } from './values'

type AnyDb = Kysely<unknown>

/** Bound values per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const MAX_PARAMS = 30_000
const MAX_ROWS = 500

export class ExportRestoreError extends ExportFileError {}

function refuse(message: string): ExportRestoreError {
  return new ExportRestoreError('mismatch', `${message} Er is niets teruggezet.`)
}

/**
 * Whether this build can restore an export made at `migrations`: refused when the export knows a
 * migration this version does not (it was made by a newer Lange Adem).
 */
export function checkMigrationLevel(header: ExportHeader): void {
  const known = Object.keys(knownMigrations)
  const unknown = header.migrations.filter((m) => !known.includes(m))
  if (unknown.length || header.migrations.some((m, i) => known[i] !== m))
    throw new ExportRestoreError(
      'too-new',
      'Deze export is gemaakt met een nieuwere versie van Lange Adem. Installeer de nieuwste versie; er is niets teruggezet.',
    )
}

/**
 * Brings a new, empty database to exactly the export's migration level with the app's own
 * migrations, so an export from an older version restores too (the caller then migrates to the
 * latest, with the migrations that change existing rows). Call checkMigrationLevel first.
 */
export async function migrateToExportLevel(target: Db, header: ExportHeader): Promise<void> {
  const last = header.migrations[header.migrations.length - 1]
  if (!last) throw refuse('De export noemt geen migraties.')
  const migrator = new Migrator({ db: target, provider: { getMigrations: async () => knownMigrations } })
  const { error } = await migrator.migrateTo(last)
  if (error) throw error
}

export interface RestoreSummary {
  rows: number
  tables: { name: string; rows: number }[]
  auditEntries: number
}

/**
 * Puts an export into `target`: an empty database at the export's migration level, made by the
 * app's migrator (a freshly migrated database; the standard letters and reference figures it
 * already holds are replaced). All in one transaction: the tables in the export's order, in
 * multi-row INSERTs with their own ids, the id counters set as they were; then every table is
 * read back and its count and hash compared with the header, and the logboek's hash chain
 * checked. Anything that does not match rolls the whole restore back.
 */
export async function restoreExport(reader: ExportReader<ExportHeader>, target: Db): Promise<RestoreSummary> {
  const { header } = reader
  checkMigrationLevel(header)
  const db = target as unknown as AnyDb
  const store = storeFor(db)
  const level = await migrationsOf(db)
  if (level.join('\n') !== header.migrations.join('\n'))
    throw refuse(
      `De database heeft ${level.length} migraties, de export ${header.migrations.length}: zet terug in een lege database van hetzelfde niveau.`,
    )
  return db.transaction().execute(async (trx) => {
    const present = await tablesOf(trx)
    const missing = [...present.keys()].filter((name) => !header.tables.some((t) => t.name === name))
    if (missing.length) throw refuse(`De export past niet bij deze database (tabel ${missing[0]}).`)
    for (const t of header.tables) {
      const cols = present.get(t.name)
      if (!cols || cols.map((c) => c.name).join(',') !== t.columns.join(','))
        throw refuse(`De export past niet bij deze database (tabel ${t.name}).`)
      if (SEEDED_TABLES.includes(t.name as never)) continue
      const any = await sql`select 1 as x from ${sql.table(t.name)} limit 1`.execute(trx)
      if (any.rows.length)
        throw refuse(
          `De database is niet leeg (tabel ${t.name} heeft al gegevens): terugzetten kan alleen in een lege database.`,
        )
    }
    const resume = await store.suspendRules(trx)
    const seeded = header.tables.filter((t) => SEEDED_TABLES.includes(t.name as never)).reverse()
    for (const { name } of seeded) await sql`delete from ${sql.table(name)}`.execute(trx)

    // The rows, table by table as the file gives them, each table's hash checked on the way in.
    let i = -1
    let digest: TableDigest | null = null
    let batch: Cell[][] = []
    // One INSERT text per table and batch size, compiled once by Kysely for this dialect (its
    // placeholders) and run again with the next rows' values.
    let compiled = new Map<number, string>()
    let bools: boolean[] = []
    const flush = async () => {
      if (!batch.length) return
      const t = header.tables[i]!
      const params = batch.flatMap((cells) => cells.map((c, k) => decodeCell(c, bools[k])))
      let text = compiled.get(batch.length)
      if (!text) {
        const rows = batch.map((cells) => sql`(${sql.join(cells.map(() => null))})`)
        text =
          sql`insert into ${sql.table(t.name)} (${sql.join(t.columns.map((c) => sql.ref(c)))}) values ${sql.join(rows)}`.compile(
            trx,
          ).sql
        compiled.set(batch.length, text)
      }
      await trx.executeQuery(CompiledQuery.raw(text, params))
      batch = []
    }
    const closeTable = async () => {
      await flush()
      if (!digest) return
      const t = header.tables[i]!
      if (digest.rows !== t.rows || digest.hex() !== t.sha256) throw mismatch(t.name)
    }
    let perBatch = MAX_ROWS
    for (const line of reader.lines()) {
      if (line.startsWith('{')) {
        await closeTable()
        const t = header.tables[++i]
        if (!t || (JSON.parse(line) as { table?: string }).table !== t.name) throw mismatch(t?.name ?? '?')
        digest = new TableDigest(t.name, t.columns)
        compiled = new Map()
        const types = present.get(t.name)!
        bools = t.columns.map((c) => /^bool/i.test(types.find((x) => x.name === c)!.dataType))
        perBatch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / t.columns.length)))
        continue
      }
      if (!digest) throw mismatch('?')
      digest.add(line)
      batch.push(JSON.parse(line) as Cell[])
      if (batch.length >= perBatch) await flush()
    }
    await closeTable()
    if (i !== header.tables.length - 1) throw mismatch(header.tables[i + 1]?.name ?? '?')

    await resume()
    await store.writeCounters(trx, header.counters)

    // What is in the database now, read back as an export reads it.
    for (const t of header.tables) {
      const d = await digestTable(trx, t.name, t.key, t.columns)
      if (d.rows !== t.rows || d.hex() !== t.sha256)
        throw refuse(`Na het terugzetten klopt tabel ${t.name} niet met de export.`)
    }
    const counters = await store.readCounters(trx)
    if (JSON.stringify(sortKeys(counters)) !== JSON.stringify(sortKeys(header.counters)))
      throw refuse('Na het terugzetten kloppen de tellers van de nummers niet met de export.')
    const chain = await verifyAuditChain(trx as unknown as Db)
    if (!chain.ok)
      throw refuse(`Het logboek in de export klopt niet (regel ${chain.brokenAtId}: ${chain.reason}).`)
    return {
      rows: header.tables.reduce((n, t) => n + t.rows, 0),
      tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })),
      auditEntries: chain.entries,
    }
  })
}

function sortKeys(o: Record<string, number>): [string, number][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))
}
