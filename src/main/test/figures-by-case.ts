import type { MonitorDashboard } from '@shared/api/monitor'
import { daysBetween } from '@shared/format/dates'
import {
  buildBreakdowns,
  DEFS,
  isHelp,
  perMaand,
  ratio,
  type CaseFact,
  type FigureContext,
  type Tally,
} from '../features/monitor/figures'

/**
 * Every figure computed case by case: the definition of the figures. The dashboard reads the
 * daily summary instead (features/monitor/daily.ts, much faster); daily.test.ts checks that both
 * give the same figures, so this reference lives with the tests.
 */
export function computeFigures(
  facts: CaseFact[],
  ctx: FigureContext,
): Pick<MonitorDashboard, 'opgepakt' | 'bereik' | 'hulp' | 'dagenTotContact' | 'perMaand' | 'breakdowns'> {
  const reached = facts.filter((f) => f.bereikt === 1)
  const help = reached.filter(isHelp)
  const days = reached
    .filter((f) => f.eerste_contact_datum)
    .map((f) => Math.max(0, daysBetween(f.datum_opgepakt, f.eerste_contact_datum!)))
    .sort((a, b) => a - b)
  const mid = days.length >> 1
  const mediaan = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2

  const months = new Map<string, [number, number]>()
  for (const f of facts) {
    const m = f.peildatum.slice(0, 7)
    const c = months.get(m) ?? [0, 0]
    c[0] += f.bereikt
    c[1]++
    months.set(m, c)
  }

  const counts = new Map<string, Map<string, Tally>>()
  for (const def of DEFS) {
    const byKey = new Map<string, Tally>()
    counts.set(def.key, byKey)
    for (const f of facts)
      for (const k of def.keys(f, ctx)) {
        let c = byKey.get(k)
        if (!c) byKey.set(k, (c = { n: 0, r: 0, extra: {} }))
        c.n++
        c.r += f.bereikt
        for (const [name, e] of Object.entries(def.extra ?? {}))
          if (e.count(f, k)) c.extra[name] = (c.extra[name] ?? 0) + 1
      }
  }
  const breakdowns = buildBreakdowns(ctx, counts, reached.length)

  return {
    opgepakt: facts.length,
    bereik: ratio(reached.length, facts.length, ctx.landelijk.get('bereik') ?? null),
    hulp: ratio(help.length, reached.length, ctx.landelijk.get('hulp') ?? null),
    dagenTotContact: { mediaan, aantal: days.length },
    perMaand: perMaand(months),
    breakdowns,
  }
}
