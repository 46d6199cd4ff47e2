import { ALL_CASES, type CaseScope } from '../features/access/scope'
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect, sql, type CompiledQuery } from 'kysely'
import { caseloadQuery, type CaseloadQuery } from '@shared/api/caseload'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'
import { listCaseload } from '../features/caseload/service'
import { refreshCaseSummary } from '../features/signals/households'

export interface Scenario {
  label: string
  query: CaseloadQuery
  /** Median target in ms; scenarios without one are measured for information. */
  targetMs?: number
  /** Whose view: every case (kwaliteitsmedewerker) unless a consulent's own scope is given. */
  scope?: CaseScope
}

export interface Measurement {
  scenario: Scenario
  rows: number
  total: number
  medianMs: number
  p95Ms: number
  pass: boolean | null
}

/** 5 warm-up runs, then `runs` timed runs of the real service function. */
export async function measure(
  db: Db,
  today: string,
  scenario: Scenario,
  warmup = 5,
  runs = 50,
): Promise<Measurement> {
  const query = caseloadQuery.parse(scenario.query)
  const scope = scenario.scope ?? ALL_CASES
  let last = await listCaseload(db, today, query, scope)
  for (let i = 1; i < warmup; i++) last = await listCaseload(db, today, query, scope)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    last = await listCaseload(db, today, query, scope)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const medianMs = (times[Math.floor((runs - 1) / 2)]! + times[Math.ceil((runs - 1) / 2)]!) / 2
  const p95Ms = times[Math.ceil(runs * 0.95) - 1]!
  return {
    scenario,
    rows: last.rows.length,
    total: last.total,
    medianMs,
    p95Ms,
    pass: scenario.targetMs === undefined ? null : medianMs < scenario.targetMs,
  }
}

/** The SQL listCaseload runs for a scenario, with SQLite's plan for each statement. */
export async function explain(
  raw: BetterSqlite3.Database,
  today: string,
  scenario: Scenario,
): Promise<string> {
  const seen: CompiledQuery[] = []
  const spy = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => {
      if (e.level === 'query') seen.push(e.query)
    },
  })
  await listCaseload(spy, today, caseloadQuery.parse(scenario.query), scenario.scope ?? ALL_CASES)
  const out: string[] = []
  for (const q of seen) {
    if (!/vroegsignaalzaak/.test(q.sql)) continue
    out.push(`  ${q.sql}`)
    const plan = raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
      detail: string
    }[]
    for (const p of plan) out.push(`    - ${p.detail}`)
  }
  return out.join('\n')
}

class Rollback extends Error {}

/**
 * Recomputes the summary columns of a sample of cases with the app's own refreshCaseSummary and
 * compares: proof that the bulk fill wrote what the intake path would. Changes are rolled back.
 */
export async function checkSummaries(db: Db, caseCount: number, sample = 300): Promise<string[]> {
  const mismatches: string[] = []
  const columns = [
    'display_name',
    'sort_name',
    'postcode',
    'adres',
    'partner_types',
    'signal_count',
    'total_amount_cents',
    'latest_signal_date',
    'crisis',
  ] as const
  await db
    .transaction()
    .execute(async (trx) => {
      for (let k = 0; k < sample; k++) {
        const id = 1 + Math.floor((k * caseCount) / sample)
        const before = await trx
          .selectFrom('vroegsignaalzaak')
          .select(columns)
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        await refreshCaseSummary(trx, id)
        const after = await trx
          .selectFrom('vroegsignaalzaak')
          .select(columns)
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        for (const c of columns)
          if (before[c] !== after[c])
            mismatches.push(`case ${id}: ${c} ${String(before[c])} != ${String(after[c])}`)
      }
      // The open-case flag the triggers keep must agree with the cases, for every resident
      const drift = await sql<{ n: number }>`
        select count(*) as n from resident r
        where r.has_open_case != exists (select 1 from vroegsignaalzaak z where z.household_id = r.household_id and z.is_open = 1)`.execute(
        trx,
      )
      if (drift.rows[0]!.n > 0) mismatches.push(`${drift.rows[0]!.n} residents with a wrong has_open_case`)
      throw new Rollback()
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e
    })
  return mismatches
}

/** A plain text table: one row per scenario. */
export function table(results: Measurement[]): string {
  const head = ['Query', 'Rows', 'Total', 'Median ms', 'p95 ms', 'Target', 'Result']
  const body = results.map((r) => [
    r.scenario.label,
    String(r.rows),
    r.total.toLocaleString('en-US'),
    r.medianMs.toFixed(2),
    r.p95Ms.toFixed(2),
    r.scenario.targetMs === undefined ? '-' : `< ${r.scenario.targetMs} ms`,
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
