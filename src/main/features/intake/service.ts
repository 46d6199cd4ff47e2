import type { AnalyseResult, ColumnMapping, ImportSummary } from '@shared/api/intake'
import { INTAKE_FIELD_LABELS, columnMapping } from '@shared/api/intake'
import { rawHandle, type Db } from '../../db/database'
import { ValidationError } from '../../lib/errors'
import type { UseCaseContext } from '../signals/service'
import { getTeamSettings } from '../settings/repository'
import { loadBatchLookups } from './batch'
import { emptySummary, intakeRows, type RowItem } from './engine'
import { fitMapping, partnerWords, proposeColumns, unplacedFields } from './mapping'
import { columnIndex, extractValues } from './rows'
import { streamTable, UnreadableFileError, type TableStream } from './table'
import { intakeDb } from './tables'
import { loadRules } from './triage'
import { appendAudit } from './audit-raw'

async function openStream(bytes: Uint8Array): Promise<TableStream> {
  try {
    return await streamTable(bytes)
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new ValidationError(e.message, { contentBase64: e.message })
    throw e
  }
}

export function decodeBase64(content: string): Uint8Array {
  return new Uint8Array(Buffer.from(content, 'base64'))
}

export async function savedMappings(db: Db): Promise<Map<string, ColumnMapping>> {
  const rows = await intakeDb(db).selectFrom('column_mapping').selectAll().orderBy('naam').execute()
  const out = new Map<string, ColumnMapping>()
  for (const r of rows) {
    const parsed = columnMapping.safeParse(JSON.parse(r.mapping_json))
    if (parsed.success) out.set(r.naam, parsed.data)
  }
  return out
}

/**
 * Reads a file and proposes how to map it: a saved mapping by name, else the saved mapping that
 * fits this file's headers best, else a proposal from the header names.
 */
export async function analyseFile(db: Db, bytes: Uint8Array, mappingName: string): Promise<AnalyseResult> {
  // One pass over the records: a large file is never held as arrays (see csvRecords).
  const table = await openStream(bytes)
  const saved = await savedMappings(db)
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
  let rowCount = 0
  const sample: string[][] = []
  function* rows(): Generator<string[]> {
    for (const r of table.records) {
      rowCount++
      if (sample.length < 5) sample.push(r.row)
      yield r.row
    }
  }
  // One generator: what partnerWords leaves (all of it when no column holds the partner type) is counted after
  const pass = rows()
  const words = partnerWords(pass, table.headers, mapping)
  for (const _ of pass) void _
  const partnerTypes = { ...mapping.partnerTypes }
  for (const w of words) if (w.proposed && !partnerTypes[w.key]) partnerTypes[w.key] = w.proposed
  mapping = { ...mapping, partnerTypes }
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rowCount,
    sample,
    mapping,
    mappingName: used,
    unplaced: unplacedFields(mapping, table.headers),
    partnerWords: words,
    savedMappings: [...saved.keys()],
  }
}

class Rollback extends Error {}

export interface ImportFile {
  fileName: string
  bytes: Uint8Array
}

/**
 * Validates and stores one file (commit) or does all of it and rolls back (preview), so the
 * preview's counts are exactly what the import will do.
 */
export async function runImport(
  db: Db,
  ctx: UseCaseContext,
  file: ImportFile,
  mapping: ColumnMapping,
  opts: { commit: boolean; bron: string },
): Promise<ImportSummary> {
  const table = await openStream(file.bytes)
  const unplaced = unplacedFields(mapping, table.headers)
  if (unplaced.length > 0) {
    const names = unplaced.map((f) => INTAKE_FIELD_LABELS[f]).join(', ')
    const fields: Record<string, string> = {}
    for (const f of unplaced) fields[`mapping.columns.${f}`] = 'Kies een kolom voor dit veld.'
    throw new ValidationError(`Deze verplichte velden hebben nog geen kolom: ${names}.`, fields)
  }
  const index = columnIndex(table.headers, mapping)
  // Record by record from the file's text: no row outlives its own turn.
  function* items(): Generator<RowItem> {
    for (const r of table.records) yield { line: r.line, values: extractValues(r.row, index) }
  }
  return storeRows(db, ctx, items(), mapping, { ...opts, fileName: file.fileName })
}

/** The transaction around intakeRows: one import record, its rows, its counts and its audit entry. */
export async function storeRows(
  db: Db,
  ctx: UseCaseContext,
  items: Iterable<RowItem>,
  mapping: ColumnMapping,
  opts: { commit: boolean; bron: string; fileName: string; importId?: number },
): Promise<ImportSummary> {
  const lookups = await loadBatchLookups(db)
  const rules = await loadRules(db)
  const plaats = (await getTeamSettings(db))?.gemeenteNaam ?? ''
  const raw = rawHandle(db)
  return db.connection().execute(async () => {
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
        intakeRows({ raw, lookups, rules, plaats, ctx }, importId, items, mapping.partnerTypes, summary)
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
              summary:
                `${opts.fileName}: ${summary.rows} regels, ${summary.nieuw} nieuw (${summary.doorgezet} doorgezet), ` +
                `${summary.eerderIngelezen} eerder ingelezen, ${summary.problemen} te controleren`,
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
    return summary
  })
}
