import type { ColumnMapping, ImportSummary } from '@shared/api/intake'
import type { Db } from '../../db/database'
import { INTAKE_COLUMNS, intakeSteps, type IntakeSetup, type NamesakeRow, type RowItem } from './import-rows'
import { insertUnnest, PgBatchWriter, queryOn, type Column } from './pg-writer'

const PROBLEM: Column[] = [
  ['import_id', 'int'],
  ['line', 'int'],
  ['values_json', 'text'],
  ['problems_json', 'text'],
]
const INTAKE_TYPES: Record<string, 'int' | 'text'> = { advies: 'text', advies_reden: 'text', besluit: 'text' }
const INTAKE: Column[] = INTAKE_COLUMNS.map((c) => [c, INTAKE_TYPES[c] ?? 'int'] as const)

/**
 * intakeRows on PostgreSQL, inside the import's transaction on `trx` (one connection of the pool,
 * held for the run: other calls keep their own): the same steps (intakeSteps), each read awaited
 * as a set-based statement, the rows of each chunk of 2,000 written by `flush()` before the next
 * chunk is read. Returns the ids made per kind, as intakeRows does.
 */
export async function intakeRowsPg(
  trx: Db,
  e: IntakeSetup,
  importId: number,
  items: Iterable<RowItem>,
  partnerTypes: ColumnMapping['partnerTypes'],
  summary: ImportSummary,
  opts: { keep: boolean },
): Promise<PgBatchWriter['made']> {
  const q = queryOn(trx)
  const writer = await PgBatchWriter.open(trx, e.lookups, e.ctx, importId, opts)
  const problems: unknown[][] = []
  const intake: unknown[][] = []
  const steps = intakeSteps(writer, e, importId, items, partnerTypes, summary, {
    problem: (v) => void problems.push(v),
    intake: (rows) => void intake.push(...rows),
  })
  for (let step = steps.next(); !step.done;) {
    const s = step.value
    if (s.kind === 'read') {
      await writer.prefetch(s.externIds, s.addresses, s.addressKeys)
      const found =
        s.pairs.length === 0
          ? []
          : (
              await q<{ a: string; g: string; h: number; n: number }>(
                `select r.achternaam_key as a, r.geboortedatum as g, r.household_id as h, count(*)::int as n
                 from unnest($1::text[], $2::text[]) as v(a, g)
                 join resident r on r.achternaam_key = v.a and r.geboortedatum = v.g
                 join vroegsignaal s on s.resident_id = r.id and s.id < $3
                 group by r.id`,
                [s.pairs.map((p) => p[0]), s.pairs.map((p) => p[1]), s.firstSignal],
              )
            ).map((r): NamesakeRow => ({ k: `${r.a}\u0000${r.g}`, h: r.h, n: r.n }))
      step = steps.next(found)
    } else {
      if (s.kind === 'chunkDone') {
        await writer.flush()
        await insertUnnest(q, 'import_problem', PROBLEM, problems.splice(0))
      } else await writer.finish()
      step = steps.next()
    }
  }
  await insertUnnest(q, 'import_problem', PROBLEM, problems)
  await insertUnnest(q, 'signaal_intake', INTAKE, intake)
  return writer.made
}
