/**
 * Where an import's time goes: every statement the import prepares on its connection is timed
 * (CPU, per call) and put in a category, and the rest of the CPU time is the import's own
 * JavaScript (reading the file, validating, matching, triage) with its garbage collection. A run
 * of its own beside the measured one: timing each statement costs about a microsecond per call.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'

export const CATEGORIES = [
  ['rows', 'household, resident, case and signal rows (what the write floor writes)'],
  ['reads', 'reading what is stored (signal IDs, addresses with residents, open cases, signals; namesakes)'],
  ['bookkeeping', 'intake and undo rows (signaal_intake, import_problem, import_range, residents before)'],
  ['updates', 'updates (case summaries, open-case flags, known residents, wijk), monitor marks'],
  ['audit', 'audit entry'],
  ['other', 'other statements (trigger pause and restore, set-up reads)'],
] as const
export type Category = (typeof CATEGORIES)[number][0]

function categoryOf(sql: string): Category {
  const s = sql.trim().toLowerCase()
  if (/^insert into (household|resident|vroegsignaalzaak|vroegsignaal) /.test(s)) return 'rows'
  if (/^insert into (signaal_intake|import_problem|import_range|import_resident_before)/.test(s))
    return 'bookkeeping'
  if (s.includes('audit_log')) return 'audit'
  if (/^update|monitor_dirty/.test(s)) return 'updates'
  if (/^select/.test(s)) return 'reads'
  return 'other'
}

const cpu = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

/** Times every statement prepared on `raw` from now on; `spent` holds CPU microseconds per category. */
export function instrument(raw: BetterSqlite3.Database): { spent: Record<Category, number>; calls: number } {
  const out = {
    spent: { rows: 0, reads: 0, bookkeeping: 0, updates: 0, audit: 0, other: 0 } as Record<Category, number>,
    calls: 0,
  }
  const prepare = raw.prepare.bind(raw)
  raw.prepare = ((sql: string) => {
    const stmt = prepare(sql)
    const cat = categoryOf(sql)
    for (const m of ['run', 'get', 'all', 'iterate'] as const) {
      const f = (stmt[m] as (...a: unknown[]) => unknown).bind(stmt)
      ;(stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t = cpu()
        try {
          return f(...a)
        } finally {
          out.spent[cat] += cpu() - t
          out.calls++
        }
      }
    }
    return stmt
  }) as typeof raw.prepare
  return out
}
