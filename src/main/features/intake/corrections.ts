import { wijkInScope, type CaseScope } from '../access/scope'
import { problemWijk } from '../access/problem-wijk'
import { loadWijkRanges } from '../wijken/assignment'
import type { ColumnMapping, ImportSummary, IntakeField, ProblemView } from '@shared/api/intake'
import type { Db } from '../../db/database'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import type { UseCaseContext } from '../signals/service'
import { getTeamSettings } from '../settings/repository'
import { recordAudit } from '../audit/repository'
import { parseValues, type RowValues } from './rows'
import { storeRows } from './service'
import { intakeDb } from './tables'

type ProblemRow = {
  id: number
  import_id: number
  line: number
  values_json: string
  problems_json: string
  status: string
  reden: string
  bestandsnaam: string
  mapping_json: string
}

function view(r: ProblemRow): ProblemView {
  return {
    id: r.id,
    importId: r.import_id,
    bestandsnaam: r.bestandsnaam,
    line: r.line,
    values: JSON.parse(r.values_json) as RowValues,
    problems: JSON.parse(r.problems_json) as ProblemView['problems'],
    status: r.status as ProblemView['status'],
    reden: r.reden,
  }
}

function problemQuery(db: Db) {
  return intakeDb(db)
    .selectFrom('import_problem as p')
    .innerJoin('import_batch as b', 'b.id', 'p.import_id')
    .select([
      'p.id',
      'p.import_id',
      'p.line',
      'p.values_json',
      'p.problems_json',
      'p.status',
      'p.reden',
      'b.bestandsnaam',
      'b.mapping_json',
    ])
}

/** The correction list (Te controleren): open problem rows, oldest import first. */
export async function listProblems(
  db: Db,
  status: 'open' | 'alle',
  scope: CaseScope,
): Promise<ProblemView[]> {
  let q = problemQuery(db).orderBy('p.import_id').orderBy('p.line').limit(2000)
  if (status === 'open') q = q.where('p.status', '=', 'open')
  const rows = await q.execute()
  if (scope.kind === 'all') return rows.map(view)
  if (scope.kind === 'none') return []
  // A row belongs to the wijk of its postcode; a row without a usable postcode belongs to no
  // wijk yet, so every consulent may correct it (shared intake work).
  const ranges = await loadWijkRanges(db)
  return rows
    .filter((r) => {
      const wijkId = problemWijk(r.values_json, ranges)
      return wijkId === null || wijkInScope(scope, wijkId)
    })
    .map(view)
}

async function openProblem(db: Db, id: number): Promise<ProblemRow> {
  const r = await problemQuery(db).where('p.id', '=', id).executeTakeFirst()
  if (!r) throw new NotFoundError('Deze regel staat niet (meer) in de lijst Te controleren.')
  if (r.status !== 'open') throw new ConflictError('Deze regel is al afgehandeld.')
  return r
}

/**
 * Accepts a corrected problem row: validated exactly like a file row, then taken in as part of
 * its original import (so undoing that import takes it out again).
 */
export async function acceptProblem(
  db: Db,
  ctx: UseCaseContext,
  id: number,
  values: Partial<Record<IntakeField, string>>,
): Promise<ImportSummary> {
  const p = await openProblem(db, id)
  const mapping = JSON.parse(p.mapping_json) as ColumnMapping
  const plaats = (await getTeamSettings(db))?.gemeenteNaam ?? ''
  const parsed = parseValues(values, mapping.partnerTypes, { today: ctx.today, plaats })
  if (!parsed.ok) {
    const fields: Record<string, string> = {}
    for (const pr of parsed.problems) if (pr.field) fields[`values.${pr.field}`] ??= pr.reason
    throw new ValidationError(parsed.problems[0]!.reason, fields)
  }
  const batch = await intakeDb(db)
    .selectFrom('import_batch')
    .select(['undone_at'])
    .where('id', '=', p.import_id)
    .executeTakeFirstOrThrow()
  if (batch.undone_at) throw new ConflictError('Deze inlezing is ongedaan gemaakt.')
  const dup = await db
    .selectFrom('vroegsignaal')
    .select('id')
    .where('extern_id', '=', parsed.row.externId)
    .executeTakeFirst()
  if (dup)
    throw new ValidationError(`Er is al een signaal met ID ${parsed.row.externId}. Wijs deze regel af.`, {
      'values.externId': 'Dit signaal-ID is al ingelezen.',
    })
  const summary = await storeRows(db, ctx, [{ line: p.line, values }], mapping, {
    commit: true,
    bron: '',
    fileName: p.bestandsnaam,
    importId: p.import_id,
  })
  const signal = await db
    .selectFrom('vroegsignaal')
    .select('id')
    .where('extern_id', '=', parsed.row.externId)
    .executeTakeFirstOrThrow()
  await db.transaction().execute(async (trx) => {
    await intakeDb(trx)
      .updateTable('import_problem')
      .set({
        status: 'geaccepteerd',
        values_json: JSON.stringify(values),
        signal_id: signal.id,
        resolved_at: ctx.at,
        resolved_by: ctx.userId,
      })
      .where('id', '=', id)
      .execute()
    await intakeDb(trx)
      .updateTable('import_batch')
      .set((eb) => ({ rows_new: eb('rows_new', '+', 1) }))
      .where('id', '=', p.import_id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'regel gecorrigeerd',
      entityType: 'signaal',
      entityId: signal.id,
      summary: `Regel ${p.line} van ${p.bestandsnaam} verbeterd en ingelezen`,
    })
  })
  return { ...summary, importId: p.import_id }
}

/** Rejects a problem row with a reason; it stays in the list of handled rows. */
export async function rejectProblem(
  db: Db,
  ctx: UseCaseContext,
  id: number,
  reden: string,
): Promise<ProblemView> {
  const p = await openProblem(db, id)
  await db.transaction().execute(async (trx) => {
    await intakeDb(trx)
      .updateTable('import_problem')
      .set({ status: 'afgewezen', reden, resolved_at: ctx.at, resolved_by: ctx.userId })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'regel afgewezen',
      entityType: 'signaal',
      entityId: null,
      summary: `Regel ${p.line} van ${p.bestandsnaam} afgewezen: ${reden}`,
    })
  })
  return { ...view(p), status: 'afgewezen', reden }
}
