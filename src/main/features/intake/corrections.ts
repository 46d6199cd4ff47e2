import { wijkInScope, type CaseScope } from '../access/scope'
import { problemWijk } from '../access/problem-wijk'
import { loadWijkRanges } from '../wijken/assignment'
import type {
  ImportSummary,
  BulkFix,
  BulkOutcome,
  ColumnMapping,
  IntakeField,
  ProblemOutcome,
  ProblemView,
} from '@shared/api/intake'
import { columnMapping } from '@shared/api/intake'
import { rawHandle, type Db } from '../../db/database'
import { ConflictError, NotFoundError } from '../../lib/errors'
import type { UseCaseContext } from '../../app/use-case'
import { getTeamSettings } from '../settings/repository'
import { recordAudit } from '../audit/repository'
import { appendAudit } from './audit-raw'
import { cleanField, repairC1 } from './decode'
import { parseValues, type FieldProblem, type RowValues } from './rows'
import { dialectOf } from '../../db/dialect'
import { columnMappings, problemQuery, rejectOpenRows, type ProblemRow } from './repository'
import { madeText, storeRows, type Made } from './service'

function storedProblems(json: string): ProblemView['problems'] {
  // Rows stored before problems had a code get the general one; "Opnieuw proberen" gives them theirs
  return (JSON.parse(json) as Partial<FieldProblem>[]).map((p) => ({
    field: p.field ?? null,
    reason: p.reason ?? '',
    code: p.code ?? 'ongeldig',
  }))
}

function view(r: ProblemRow): ProblemView {
  return {
    id: r.id,
    importId: r.import_id,
    bestandsnaam: r.bestandsnaam,
    line: r.line,
    values: JSON.parse(r.values_json) as RowValues,
    problems: storedProblems(r.problems_json),
    status: r.status as ProblemView['status'],
    reden: r.reden,
  }
}

/** The correction rows a user may work on: a row belongs to the wijk of its postcode, or to nobody yet. */
async function inScope(db: Db, rows: ProblemRow[], scope: CaseScope): Promise<ProblemRow[]> {
  if (scope.kind === 'all') return rows
  if (scope.kind === 'none') return []
  const ranges = await loadWijkRanges(db)
  return rows.filter((r) => {
    const wijkId = problemWijk(r.values_json, ranges)
    return wijkId === null || wijkInScope(scope, wijkId)
  })
}

/** The correction list (Te controleren): open problem rows, oldest import first. */
export async function listProblems(
  db: Db,
  status: 'open' | 'alle',
  scope: CaseScope,
): Promise<ProblemView[]> {
  let q = problemQuery(db).orderBy('p.import_id').orderBy('p.line').limit(5000)
  if (status === 'open') q = q.where('p.status', '=', 'open')
  return (await inScope(db, await q.execute(), scope)).map(view)
}

async function openRows(db: Db, ids: readonly number[]): Promise<ProblemRow[]> {
  const rows: ProblemRow[] = []
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await problemQuery(db)
        .where('p.id', 'in', ids.slice(i, i + 500))
        .execute()),
    )
  return rows
}

/**
 * The mapping a row is checked with again: its import's own, with the partner words the team has
 * taught the saved mapping of the same source since (Opnieuw proberen picks those up).
 */
async function mappingsFor(db: Db, rows: ProblemRow[]): Promise<Map<number, ColumnMapping>> {
  const saved = new Map<string, ColumnMapping>()
  for (const r of await columnMappings(db)) {
    const m = columnMapping.safeParse(JSON.parse(r.mapping_json))
    if (m.success) saved.set(r.naam, m.data)
  }
  const out = new Map<number, ColumnMapping>()
  for (const r of rows) {
    if (out.has(r.import_id)) continue
    const own = JSON.parse(r.mapping_json) as ColumnMapping
    const now = saved.get(r.bron)
    out.set(r.import_id, { ...own, partnerTypes: { ...own.partnerTypes, ...now?.partnerTypes } })
  }
  return out
}

interface Attempt {
  row: ProblemRow
  values: RowValues
}

/**
 * Checks rows again with the current parser and takes in those that are right now, each as part
 * of its own import (so undoing that import takes them out again); rows still wrong keep their
 * new values and show their remaining problems. Per import one transaction: the signals, the
 * rows marked as taken in and the audit entry together, or nothing.
 */
async function takeIn(
  db: Db,
  ctx: UseCaseContext,
  attempts: Attempt[],
  action: string,
): Promise<BulkOutcome & { outcomes: Map<number, { ingelezen: boolean; doorgezet: boolean }> }> {
  const out: BulkOutcome = { ingelezen: 0, open: 0, afgewezen: 0, alIngelezen: 0 }
  const outcomes = new Map<number, { ingelezen: boolean; doorgezet: boolean }>()
  const plaats = (await getTeamSettings(db))?.gemeenteNaam ?? ''
  const mappings = await mappingsFor(
    db,
    attempts.map((a) => a.row),
  )
  const sqlite = dialectOf(db) === 'sqlite'
  const byImport = new Map<number, Attempt[]>()
  for (const a of attempts) {
    if (a.row.undone_at) throw new ConflictError('Deze inlezing is ongedaan gemaakt.')
    const list = byImport.get(a.row.import_id) ?? []
    list.push(a)
    byImport.set(a.row.import_id, list)
  }
  for (const [importId, list] of byImport) {
    const mapping = mappings.get(importId)!
    const good: Attempt[] = []
    const stillWrong: { a: Attempt; problems: FieldProblem[] }[] = []
    const ids = new Map<string, Attempt>()
    const idOf = new Map<Attempt, string>()
    for (const a of list) {
      const parsed = parseValues(a.values, mapping.partnerTypes, { today: ctx.today, plaats })
      if (!parsed.ok) stillWrong.push({ a, problems: parsed.problems })
      else if (ids.has(parsed.row.externId))
        stillWrong.push({
          a,
          problems: [
            {
              field: 'externId',
              reason: `Dit signaal-ID staat ook op regel ${ids.get(parsed.row.externId)!.row.line}.`,
              code: 'dubbel',
            },
          ],
        })
      else {
        ids.set(parsed.row.externId, a)
        idOf.set(a, parsed.row.externId)
        good.push(a)
      }
    }
    // A signal ID stored in the meantime (a later file, a row accepted before): not twice
    const stored = new Set<string>()
    const asked = [...ids.keys()].sort()
    for (let i = 0; i < asked.length; i += 500)
      for (const r of await db
        .selectFrom('vroegsignaal')
        .select('extern_id')
        .where('extern_id', 'in', asked.slice(i, i + 500))
        .execute())
        stored.add(r.extern_id!)
    const fresh = good.filter((a) => {
      const externId = idOf.get(a)!
      if (!stored.has(externId)) return true
      out.alIngelezen++
      stillWrong.push({
        a,
        problems: [
          {
            field: 'externId',
            reason: `Er is al een signaal met ID ${externId}. Wijs deze regel af.`,
            code: 'dubbel',
          },
        ],
      })
      return false
    })
    const first = list[0]!.row
    const lines = list.map((a) => a.row.line)
    const auditText = (made: Made) =>
      `${first.bestandsnaam}: ${fresh.length} ${fresh.length === 1 ? 'regel' : 'regels'} verbeterd en ingelezen, ` +
      `${stillWrong.length} nog te controleren (regel ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', ...' : ''})` +
      madeText(made)
    await storeRows(
      db,
      ctx,
      fresh.map((a) => ({ line: a.row.line, values: a.values })),
      mapping,
      {
        commit: true,
        bron: '',
        fileName: first.bestandsnaam,
        importId,
        ...(sqlite
          ? {
              after: (summaryOf: () => ImportSummary, made: Made) => {
                const raw = rawHandle(db)
                const update = raw.prepare(
                  `update import_problem set status = 'geaccepteerd', values_json = ?, problems_json = '[]', signal_id = ?,
                     resolved_at = ?, resolved_by = ? where id = ?`,
                )
                const signalOf = raw.prepare(
                  'select signal_id, besluit from signaal_intake where import_id = ? and line = ?',
                )
                for (const a of fresh) {
                  const s = signalOf.get(importId, a.row.line) as { signal_id: number; besluit: string }
                  update.run(JSON.stringify(a.values), s.signal_id, ctx.at, ctx.userId, a.row.id)
                  outcomes.set(a.row.id, { ingelezen: true, doorgezet: s.besluit === 'doorzetten' })
                }
                const keep = raw.prepare(
                  'update import_problem set values_json = ?, problems_json = ? where id = ?',
                )
                for (const w of stillWrong) {
                  keep.run(JSON.stringify(w.a.values), JSON.stringify(w.problems), w.a.row.id)
                  outcomes.set(w.a.row.id, { ingelezen: false, doorgezet: false })
                }
                raw
                  .prepare('update import_batch set rows_new = rows_new + ? where id = ?')
                  .run(summaryOf().nieuw, importId)
                appendAudit(raw, [
                  {
                    at: ctx.at,
                    user_id: ctx.userId,
                    action,
                    entity_type: 'import',
                    entity_id: importId,
                    summary: auditText(made),
                  },
                ])
              },
            }
          : {
              afterPg: async (trx: Db, summaryOf: () => ImportSummary, made: Made) => {
                const lines = fresh.map((a) => a.row.line)
                const decided = new Map<number, { signal_id: number; besluit: string }>()
                for (let i = 0; i < lines.length; i += 500)
                  for (const r of await trx
                    .selectFrom('signaal_intake')
                    .select(['line', 'signal_id', 'besluit'])
                    .where('import_id', '=', importId)
                    .where('line', 'in', lines.slice(i, i + 500))
                    .execute())
                    decided.set(r.line, r)
                for (const a of fresh) {
                  const s = decided.get(a.row.line)!
                  await trx
                    .updateTable('import_problem')
                    .set({
                      status: 'geaccepteerd',
                      values_json: JSON.stringify(a.values),
                      problems_json: '[]',
                      signal_id: s.signal_id,
                      resolved_at: ctx.at,
                      resolved_by: ctx.userId,
                    })
                    .where('id', '=', a.row.id)
                    .execute()
                  outcomes.set(a.row.id, { ingelezen: true, doorgezet: s.besluit === 'doorzetten' })
                }
                for (const w of stillWrong) {
                  await trx
                    .updateTable('import_problem')
                    .set({
                      values_json: JSON.stringify(w.a.values),
                      problems_json: JSON.stringify(w.problems),
                    })
                    .where('id', '=', w.a.row.id)
                    .execute()
                  outcomes.set(w.a.row.id, { ingelezen: false, doorgezet: false })
                }
                await trx
                  .updateTable('import_batch')
                  .set((eb) => ({ rows_new: eb('rows_new', '+', summaryOf().nieuw) }))
                  .where('id', '=', importId)
                  .execute()
                await recordAudit(trx, ctx.at, {
                  userId: ctx.userId,
                  action,
                  entityType: 'import',
                  entityId: importId,
                  summary: auditText(made),
                })
              },
            }),
      },
    )
    out.ingelezen += fresh.length
    out.open += stillWrong.length
  }
  return { ...out, outcomes }
}

async function openProblem(db: Db, id: number): Promise<ProblemRow> {
  const r = await problemQuery(db).where('p.id', '=', id).executeTakeFirst()
  if (!r) throw new NotFoundError('Deze regel staat niet (meer) in de lijst Te controleren.')
  if (r.status !== 'open') throw new ConflictError('Deze regel is al afgehandeld.')
  return r
}

/**
 * One corrected row: taken in as part of its original import when it is right now; otherwise
 * the corrections are kept and the row shows what is still wrong.
 */
export async function acceptProblem(
  db: Db,
  ctx: UseCaseContext,
  id: number,
  values: Partial<Record<IntakeField, string>>,
): Promise<ProblemOutcome> {
  const p = await openProblem(db, id)
  const r = await takeIn(db, ctx, [{ row: p, values }], 'regel gecorrigeerd')
  const after = view((await problemQuery(db).where('p.id', '=', id).executeTakeFirstOrThrow()) as ProblemRow)
  const o = r.outcomes.get(id)!
  return o.ingelezen
    ? { ingelezen: true, doorgezet: o.doorgezet, row: after }
    : { ingelezen: false, row: after }
}

/** A field's value after a bulk fix. */
export function applyFix(values: RowValues, fix: BulkFix): RowValues {
  const current = values[fix.field] ?? ''
  let next: string
  if (fix.soort === 'vervang') next = current.split(fix.van).join(fix.naar)
  else if (fix.soort === 'invullen') next = fix.naar
  else next = cleanField(fix.field, current)
  return { ...values, [fix.field]: next.trim() }
}

async function openInScope(
  db: Db,
  ids: readonly number[] | undefined,
  scope: CaseScope,
): Promise<ProblemRow[]> {
  const rows = ids
    ? await openRows(db, ids)
    : await problemQuery(db).where('p.status', '=', 'open').orderBy('p.import_id').orderBy('p.line').execute()
  return (await inScope(db, rows, scope)).filter((r) => r.status === 'open')
}

/** The same fix for many rows: applied to each, and every row that is right then is taken in. */
export async function fixProblems(
  db: Db,
  ctx: UseCaseContext,
  ids: readonly number[],
  fix: BulkFix,
): Promise<BulkOutcome> {
  const rows = await openInScope(db, ids, ctx.scope ?? { kind: 'none' })
  const { outcomes: _o, ...out } = await takeIn(
    db,
    ctx,
    rows.map((row) => ({ row, values: applyFix(JSON.parse(row.values_json) as RowValues, fix) })),
    'regels gecorrigeerd',
  )
  void _o
  return out
}

/**
 * Opnieuw proberen: every open row (or the chosen ones) read again with the current parser and
 * the current partner words of its source; characters mangled by a file read as ISO-8859-1
 * before ("\u0080 234,50") are put right first.
 */
export async function retryProblems(
  db: Db,
  ctx: UseCaseContext,
  ids: readonly number[] | undefined,
): Promise<BulkOutcome> {
  const rows = await openInScope(db, ids, ctx.scope ?? { kind: 'none' })
  const attempts = rows.map((row) => {
    const values: RowValues = {}
    for (const [f, v] of Object.entries(JSON.parse(row.values_json) as RowValues))
      values[f as IntakeField] = repairC1(v ?? '')
    return { row, values }
  })
  const { outcomes: _o, ...out } = await takeIn(db, ctx, attempts, 'regels opnieuw geprobeerd')
  void _o
  return out
}

/** Rejects many rows with one reason; they stay in the list of handled rows. */
export async function rejectProblems(
  db: Db,
  ctx: UseCaseContext,
  ids: readonly number[],
  reden: string,
): Promise<BulkOutcome> {
  const rows = await openInScope(db, ids, ctx.scope ?? { kind: 'none' })
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await rejectOpenRows(
        trx,
        rows.slice(i, i + 500).map((r) => r.id),
        reden,
        ctx.at,
        ctx.userId,
      )
    const byFile = new Map<string, number[]>()
    for (const r of rows) byFile.set(r.bestandsnaam, [...(byFile.get(r.bestandsnaam) ?? []), r.line])
    for (const [file, lines] of byFile)
      await recordAudit(trx, ctx.at, {
        userId: ctx.userId,
        action: 'regel afgewezen',
        entityType: 'signaal',
        entityId: null,
        summary: `${lines.length === 1 ? 'Regel' : 'Regels'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', ...' : ''} van ${file} afgewezen: ${reden}`,
      })
  })
  return { ingelezen: 0, open: 0, afgewezen: rows.length, alIngelezen: 0 }
}
