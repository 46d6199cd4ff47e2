import type { ColumnMapping, ImportSummary } from '@shared/api/intake'
import type { Db } from '../../db/database'
import { INTAKE_COLUMNS, intakeSteps, type IntakeSetup, type NamesakeRow, type RowItem } from './import-rows'
import type { FirstIds } from './batch-core'
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
 * held for the run: other calls keep their own), its ids from `ids.first` on (at most
 * `ids.bound` of each table: the range reserved for it): the same steps (intakeSteps), each read awaited
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
  ids: { first: FirstIds; bound: number },
): Promise<PgBatchWriter['made']> {
  const q = queryOn(trx)
  const writer = await PgBatchWriter.open(trx, e.lookups, e.ctx, importId, ids)
  const problems: unknown[][] = []
  const intake: unknown[][] = []
  const steps = intakeSteps(writer, e, importId, items, partnerTypes, summary, {
    problem: (v) => void problems.push(v),
    intake: (rows) => void intake.push(...rows),
  })
  // A chunk's rows are written while the next chunk is read from the file and checked. The next
  // chunk's reads do not depend on them: what this run made is in memory, and the reads ask only
  // for stored rows the run has not touched yet (signal IDs the file has not had, addresses the
  // run does not know, signals older than the run).
  let writing: Promise<void> | null = null
  const written = async () => {
    const w = writing
    writing = null
    await w
  }
  for (let step = steps.next(); !step.done;) {
    const s = step.value
    if (s.kind === 'read') {
      const reads = Promise.all([
        writer.prefetch(s.externIds, s.addresses, s.addressKeys),
        s.pairs.length === 0
          ? []
          : q<{ a: string; g: string; h: number; n: number }>(
              `select r.achternaam_key as a, r.geboortedatum as g, r.household_id as h, count(*)::int as n
               from unnest($1::text[], $2::text[]) as v(a, g)
               join resident r on r.achternaam_key = v.a and r.geboortedatum = v.g
               join vroegsignaal s on s.resident_id = r.id and s.id < $3
               group by r.id`,
              [s.pairs.map((p) => p[0]), s.pairs.map((p) => p[1]), s.firstSignal],
            ),
      ])
      // A failed write fails the reads after it too: its own error is the one to report
      reads.catch(() => undefined)
      await written()
      const [, namesakes] = await reads
      step = steps.next(namesakes.map((r): NamesakeRow => ({ k: `${r.a}\u0000${r.g}`, h: r.h, n: r.n })))
    } else if (s.kind === 'chunkDone') {
      const chunkProblems = problems.splice(0)
      writing = (async () => {
        await writer.flush()
        await insertUnnest(q, 'import_problem', PROBLEM, chunkProblems)
      })()
      // Awaited before the next read or the finish; not left unhandled meanwhile
      writing.catch(() => undefined)
      step = steps.next()
    } else {
      await written()
      await writer.finish()
      step = steps.next()
    }
  }
  await insertUnnest(q, 'import_problem', PROBLEM, problems)
  await insertUnnest(q, 'signaal_intake', INTAKE, intake)
  return writer.made
}
