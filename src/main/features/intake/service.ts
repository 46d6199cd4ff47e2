import type { AnalyseResult, ColumnMapping, ImportSummary } from '@shared/api/intake'
import { INTAKE_FIELD_LABELS, columnMapping } from '@shared/api/intake'
import { rawHandle, type Db } from '../../db/database'
import { ValidationError } from '../../lib/errors'
import type { UseCaseContext } from '../../app/use-case'
import { getTeamSettings } from '../settings/repository'
import { loadBatchLookups } from './batch-state'
import { emptySummary, intakeRows, type IntakeSetup, type RowItem } from './import-rows'
import { foldText } from '@shared/format/person'
import { fitMapping, partnerWords, proposeColumns, unplacedFields } from './mapping'
import { columnIndex, extractValues } from './rows'
import { readTable, UnreadableFileError, type ParsedTable } from './read-table'
import { loadRules } from './triage'
import { columnMappings } from './repository'
import { appendAudit } from './audit-raw'
import { refreshFacts } from '../monitor/facts'
import { dialectOf } from '../../db/dialect'
import { recordAudit } from '../audit/repository'
import { intakeRowsPg } from './pg-import'

/** readTable, with an unreadable file as a Dutch validation error on the file. */
export function readFile(bytes: Uint8Array, onProgress?: (rowsRead: number) => void): ParsedTable {
  try {
    return readTable(bytes, onProgress)
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new ValidationError(e.message, { bestand: e.message })
    throw e
  }
}

export async function savedMappings(db: Db): Promise<Map<string, ColumnMapping>> {
  const rows = await columnMappings(db)
  const out = new Map<string, ColumnMapping>()
  for (const r of rows) {
    const parsed = columnMapping.safeParse(JSON.parse(r.mapping_json))
    if (parsed.success) out.set(r.naam, parsed.data)
  }
  return out
}

/** The platform a file most likely comes from, by its name or headers; '' when there is no telling. */
export function guessBron(fileName: string, headers: string[]): string {
  const words = ` ${foldText(`${fileName.replace(/[._-]+/g, ' ')} ${headers.join(' ')}`)} `
  if (/ vps |vindplaats/.test(words)) return 'Vindplaats van Schulden'
  if (/xxllnc|inforing| ris /.test(words)) return 'xxllnc Vroegsignalering'
  return ''
}

/**
 * Proposes how to map a file: a saved mapping by name, else the saved mapping that fits this
 * file's headers best, else a proposal from the header names. Needs no database: the saved
 * mappings are given (the import worker runs it on the file it holds).
 */
export function analyseTable(
  table: ParsedTable,
  saved: Map<string, ColumnMapping>,
  mappingName: string,
  file: { uploadId: string; fileName: string },
): AnalyseResult {
  let mapping: ColumnMapping | null = null
  let used: string | null = null
  if (mappingName) {
    const m = saved.get(mappingName)
    if (!m)
      throw new ValidationError(`Er is geen opgeslagen koppeling met de naam "${mappingName}".`, {
        mappingName: 'Onbekende koppeling.',
      })
    mapping = fitMapping(m, table.headers)
    used = mappingName
  } else {
    let best = -1
    for (const [naam, m] of saved) {
      const fitted = fitMapping(m, table.headers)
      const placed = Object.keys(fitted.columns).length
      if (unplacedFields(fitted, table.headers).length === 0 && placed > best) {
        best = placed
        mapping = fitted
        used = naam
      }
    }
  }
  if (!mapping) mapping = { columns: proposeColumns(table.headers), partnerTypes: {} }
  const words = partnerWords(table.rows, table.headers, mapping)
  const partnerTypes = { ...mapping.partnerTypes }
  for (const w of words) if (w.proposed && !partnerTypes[w.key]) partnerTypes[w.key] = w.proposed
  mapping = { ...mapping, partnerTypes }
  return {
    uploadId: file.uploadId,
    fileName: file.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rowCount: table.rows.length,
    sample: Array.from({ length: Math.min(5, table.rows.length) }, (_, i) => table.rows.row(i)),
    mapping,
    mappingName: used,
    unplaced: unplacedFields(mapping, table.headers),
    partnerWords: words,
    savedMappings: [...saved.keys()],
    bronVoorstel: used ?? guessBron(file.fileName, table.headers),
  }
}

/** Reads a file and analyses it in one go (the command line, the bench, tests). */
export async function analyseFile(
  db: Db,
  bytes: Uint8Array,
  mappingName: string,
  fileName = '',
): Promise<AnalyseResult & { table: ParsedTable }> {
  const table = readFile(bytes)
  return { ...analyseTable(table, await savedMappings(db), mappingName, { uploadId: '', fileName }), table }
}

class Rollback extends Error {}

export type Made = ReturnType<typeof intakeRows>

/**
 * The rows an import run made, for its one audit entry: an import is one action of one user, so
 * the logboek gets one entry that names every signal and case it made (their numbers run on),
 * not one per row. Each row also carries its maker and moment (created_by, created_at).
 */
export function madeText(made: Made): string {
  const range = (r: [number, number] | undefined) =>
    r ? (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`) : ''
  const parts: string[] = []
  if (made.signaal) parts.push(`signalen nr ${range(made.signaal)}`)
  if (made.zaak) parts.push(`nieuwe zaken nr ${range(made.zaak)}`)
  return parts.length ? `; ${parts.join(', ')}` : ''
}

/** What a run of the import reports while it works: rows checked (preview) or stored (commit). */
export type ImportProgress = (rowsDone: number) => void

/**
 * Validates and stores one file (commit) or does all of it and rolls back (preview), so the
 * preview's counts are exactly what the import will do.
 */
export async function runImport(
  db: Db,
  ctx: UseCaseContext,
  file: { fileName: string; table: ParsedTable },
  mapping: ColumnMapping,
  opts: { commit: boolean; bron: string; refreshMonitor?: boolean },
  onProgress?: ImportProgress,
): Promise<ImportSummary> {
  const { table } = file
  const unplaced = unplacedFields(mapping, table.headers)
  if (unplaced.length > 0) {
    const names = unplaced.map((f) => INTAKE_FIELD_LABELS[f]).join(', ')
    const fields: Record<string, string> = {}
    for (const f of unplaced) fields[`mapping.columns.${f}`] = 'Kies een kolom voor dit veld.'
    throw new ValidationError(`Deze verplichte velden hebben nog geen kolom: ${names}.`, fields)
  }
  const index = columnIndex(table.headers, mapping)
  // Row by row from the rows read: no row's values outlive its own turn.
  function* items(): Generator<RowItem> {
    const rows = table.rows
    for (let i = 0; i < rows.length; i++) yield { line: rows.line(i), values: extractValues(rows, i, index) }
  }
  return storeRows(db, ctx, items(), mapping, { ...opts, fileName: file.fileName }, onProgress)
}

/** The logboek entry of an import run. */
function importAuditText(fileName: string, summary: ImportSummary, made: Made): string {
  return (
    `${fileName}: ${summary.rows} regels, ${summary.nieuw} nieuw (${summary.doorgezet} doorgezet), ` +
    `${summary.eerderIngelezen} eerder ingelezen, ${summary.problemen} te controleren${madeText(made)}`
  )
}

/** The transaction around intakeRows: one import record, its rows, its counts and its audit entry. */
export async function storeRows(
  db: Db,
  ctx: UseCaseContext,
  items: Iterable<RowItem>,
  mapping: ColumnMapping,
  opts: {
    commit: boolean
    bron: string
    fileName: string
    importId?: number
    /** More work in the same transaction, after the rows (corrections mark their rows taken in). */
    after?: (summary: () => ImportSummary, made: Made) => void
    /**
     * Brings the monitor's facts up to date in the same transaction (the import worker asks it):
     * otherwise the next opening of the Monitor does it, about a second per 5,000 new rows, on
     * main, while every other call waits (on the team server: every colleague's).
     */
    refreshMonitor?: boolean
    /** `after` on PostgreSQL, in the import's transaction `trx`. */
    afterPg?: (trx: Db, summary: () => ImportSummary, made: Made) => Promise<void>
  },
  onProgress?: ImportProgress,
): Promise<ImportSummary> {
  const lookups = await loadBatchLookups(db)
  const rules = await loadRules(db)
  const plaats = (await getTeamSettings(db))?.gemeenteNaam ?? ''
  if (dialectOf(db) === 'postgres')
    return storeRowsPg(db, ctx, items, mapping, opts, {
      lookups,
      rules,
      plaats,
      ctx,
      ...(onProgress ? { onProgress } : {}),
    })
  const raw = rawHandle(db)
  // The Kysely transaction takes the write lock first, waiting without blocking while another
  // connection holds it (db/driver.ts); the raw transaction inside it is then a savepoint.
  return db.transaction().execute(async (trx) => {
    let summary = emptySummary(null)
    try {
      raw.transaction(() => {
        const importId =
          opts.importId ??
          Number(
            raw
              .prepare(
                `insert into import_batch (bestandsnaam, bron, at, user_id, mapping_json, rows_total, rows_new, rows_duplicate, rows_problem)
                 values (?, ?, ?, ?, ?, 0, 0, 0, 0)`,
              )
              .run(opts.fileName, opts.bron, ctx.at, ctx.userId, JSON.stringify(mapping)).lastInsertRowid,
          )
        summary = emptySummary(opts.commit ? importId : null)
        const made = intakeRows(
          { raw, lookups, rules, plaats, ctx, ...(onProgress ? { onProgress } : {}) },
          importId,
          items,
          mapping.partnerTypes,
          summary,
        )
        opts.after?.(() => summary, made)
        if (opts.importId === undefined) {
          raw
            .prepare(
              'update import_batch set rows_total = ?, rows_new = ?, rows_duplicate = ?, rows_problem = ? where id = ?',
            )
            .run(summary.rows, summary.nieuw, summary.eerderIngelezen, summary.problemen, importId)
          appendAudit(raw, [
            {
              at: ctx.at,
              user_id: ctx.userId,
              action: 'signalen ingelezen',
              entity_type: 'import',
              entity_id: importId,
              summary: importAuditText(opts.fileName, summary, made),
            },
          ])
          if (opts.commit)
            raw
              .prepare(
                `insert into column_mapping (naam, mapping_json, updated_at, updated_by) values (?, ?, ?, ?)
                 on conflict (naam) do update set mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
              )
              .run(opts.bron, JSON.stringify(mapping), ctx.at, ctx.userId)
        }
        if (!opts.commit) throw new Rollback()
      })()
    } catch (e) {
      if (!(e instanceof Rollback)) throw e
    }
    if (opts.commit && opts.refreshMonitor) await refreshFacts(trx)
    return summary
  })
}

/**
 * storeRows on PostgreSQL: the same records in one transaction on a connection of its own (all
 * or nothing; a preview rolls back), the rows by intakeRowsPg.
 */
async function storeRowsPg(
  db: Db,
  ctx: UseCaseContext,
  items: Iterable<RowItem>,
  mapping: ColumnMapping,
  opts: Parameters<typeof storeRows>[4],
  setup: IntakeSetup,
): Promise<ImportSummary> {
  let summary = emptySummary(null)
  try {
    await db.transaction().execute(async (trx) => {
      const importId =
        opts.importId ??
        (
          await trx
            .insertInto('import_batch')
            .values({
              bestandsnaam: opts.fileName,
              bron: opts.bron,
              at: ctx.at,
              user_id: ctx.userId,
              mapping_json: JSON.stringify(mapping),
              rows_total: 0,
              rows_new: 0,
              rows_duplicate: 0,
              rows_problem: 0,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      summary = emptySummary(opts.commit ? importId : null)
      const made = await intakeRowsPg(trx, setup, importId, items, mapping.partnerTypes, summary, {
        keep: opts.commit,
      })
      await opts.afterPg?.(trx, () => summary, made)
      if (opts.importId === undefined) {
        await trx
          .updateTable('import_batch')
          .set({
            rows_total: summary.rows,
            rows_new: summary.nieuw,
            rows_duplicate: summary.eerderIngelezen,
            rows_problem: summary.problemen,
          })
          .where('id', '=', importId)
          .execute()
        // The monitor's lock before the logboek's, in the order retention takes them (its facts
        // first, then its entry), so an import and a purge at once cannot deadlock.
        if (opts.commit && opts.refreshMonitor) await refreshFacts(trx)
        await recordAudit(trx, ctx.at, {
          userId: ctx.userId,
          action: 'signalen ingelezen',
          entityType: 'import',
          entityId: importId,
          summary: importAuditText(opts.fileName, summary, made),
        })
        if (opts.commit)
          await trx
            .insertInto('column_mapping')
            .values({
              naam: opts.bron,
              mapping_json: JSON.stringify(mapping),
              updated_at: ctx.at,
              updated_by: ctx.userId,
            })
            .onConflict((oc) =>
              oc.column('naam').doUpdateSet((eb) => ({
                mapping_json: eb.ref('excluded.mapping_json'),
                updated_at: eb.ref('excluded.updated_at'),
                updated_by: eb.ref('excluded.updated_by'),
              })),
            )
            .execute()
      }
      if (!opts.commit) throw new Rollback()
      // An import that continues another (`importId` given) writes no entry: its facts come here.
      if (opts.importId !== undefined && opts.refreshMonitor) await refreshFacts(trx)
    })
  } catch (e) {
    if (!(e instanceof Rollback)) throw e
  }
  return summary
}
