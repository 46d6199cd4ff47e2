import { sql } from 'kysely'
import type { MonitorDashboard } from '@shared/api/monitor'
import { NIET_DOORGEZET_STATUSSEN } from '@shared/domain/ddas'
import type { Db } from '../../db/database'
import {
  ageBand,
  amountBand,
  buildBreakdowns,
  DEFS,
  perMaand,
  ratio,
  type FigureContext,
  type Period,
  type Tally,
} from './figures'

/**
 * The dashboard's figures from the daily summary (monitor_daily, kept by refreshFacts): the same
 * figures as `computeFigures` (src/main/test/figures-by-case.ts) over the case facts, but summing a few rows per day instead of
 * reading one row per case.
 */
/** monitor_daily summed over the period; for tabel 'totaal' per month. */
export interface DailySum {
  tabel: string
  groep: string
  maand: string
  n: number
  bereikt: number
  hulp: number
  via: number
  eerste: number
}

/** Cases per whole-euro amount, for a 10-euro step that a band limit cuts through. */
export interface AmountSum {
  euro: number
  n: number
  bereikt: number
}

/** Which column of monitor_daily holds each extra count of a breakdown. */
const EXTRA_COLUMN: Record<string, 'hulp' | 'via' | 'eerste'> = {
  viaDeze: 'via',
  eerste: 'eerste',
  hulp: 'hulp',
}

/** The 10-euro steps (by their lowest amount) that hold amounts on both sides of a limit. */
export function splitSteps(limits: number[]): number[] {
  return [...new Set(limits.filter((l) => l % 10 !== 0).map((l) => l - (((l % 10) + 10) % 10)))]
}

export async function loadDaily(db: Db, p: Period, limits: number[]): Promise<[DailySum[], AmountSum[]]> {
  const sums = await sql<DailySum>`
    select tabel, groep, case when tabel = 'totaal' then substr(dag, 1, 7) else '' end as maand,
      sum(n) as n, sum(bereikt) as bereikt, sum(hulp) as hulp, sum(via) as via, sum(eerste) as eerste
    from monitor_daily where dag >= ${p.van} and dag <= ${p.tot}
    group by tabel, groep, maand`.execute(db)
  const amounts: AmountSum[] = []
  for (const step of splitSteps(limits)) {
    const r = await sql<AmountSum>`
      select bedrag_euro as euro, count(*) as n, sum(bereikt) as bereikt from monitor_case_fact
      where bedrag_euro >= ${step} and bedrag_euro <= ${step + 9}
        and peildatum >= ${p.van} and peildatum <= ${p.tot} and opgepakt = 1
      group by bedrag_euro`.execute(db)
    amounts.push(...r.rows)
  }
  return [sums.rows, amounts]
}

/** The median of a histogram (value -> how often), exactly as over the sorted list of values. */
export function histogramMedian(hist: Map<number, number>): { mediaan: number | null; aantal: number } {
  const sorted = [...hist].filter(([, n]) => n > 0).sort(([a], [b]) => a - b)
  const aantal = sorted.reduce((a, [, n]) => a + n, 0)
  if (aantal === 0) return { mediaan: null, aantal: 0 }
  const at = (i: number) => {
    let seen = 0
    for (const [v, n] of sorted) if (i < (seen += n)) return v
    throw new Error('histogram index out of range')
  }
  const mid = aantal >> 1
  return { mediaan: aantal % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2, aantal }
}

export function figuresFromDaily(
  sums: DailySum[],
  amounts: AmountSum[],
  ctx: FigureContext,
): Pick<
  MonitorDashboard,
  | 'ontvangen'
  | 'doorgezet'
  | 'nietDoorgezet'
  | 'opgepakt'
  | 'bereik'
  | 'hulp'
  | 'dagenTotContact'
  | 'perMaand'
  | 'breakdowns'
> {
  let opgepakt = 0
  let bereikt = 0
  let hulp = 0
  const months = new Map<string, [number, number]>()
  const days = new Map<number, number>()
  const outcomes = new Map<string, number>()
  const counts = new Map<string, Map<string, Tally>>(DEFS.map((d) => [d.key, new Map()]))
  const extras = new Map(DEFS.map((d) => [d.key, Object.keys(d.extra ?? {})]))
  const add = (tabel: string, key: string, s: Pick<DailySum, 'n' | 'bereikt'> & Partial<DailySum>) => {
    const byKey = counts.get(tabel)
    if (!byKey) return
    let c = byKey.get(key)
    if (!c) byKey.set(key, (c = { n: 0, r: 0, extra: {} }))
    c.n += s.n
    c.r += s.bereikt
    for (const name of extras.get(tabel)!)
      c.extra[name] = (c.extra[name] ?? 0) + (s[EXTRA_COLUMN[name]!] ?? 0)
  }
  const split = new Set(splitSteps(ctx.bedraggrenzen))
  for (const s of sums) {
    const n = Number(s.n)
    if (n === 0) continue
    if (s.tabel === 'totaal') {
      opgepakt += n
      bereikt += s.bereikt
      hulp += s.hulp
      const m = months.get(s.maand) ?? [0, 0]
      m[0] += s.bereikt
      m[1] += n
      months.set(s.maand, m)
    } else if (s.tabel === 'signaal') outcomes.set(s.groep, (outcomes.get(s.groep) ?? 0) + n)
    else if (s.tabel === 'dagen') days.set(Number(s.groep), (days.get(Number(s.groep)) ?? 0) + n)
    else if (s.tabel === 'leeftijd')
      add('leeftijd', ageBand(s.groep === 'onbekend' ? null : Number(s.groep), ctx.leeftijdsgrenzen), s)
    else if (s.tabel === 'bedrag') {
      const step = Number(s.groep)
      if (!split.has(step)) add('bedrag', amountBand(step, ctx.bedraggrenzen), s)
    } else add(s.tabel, s.groep, s)
  }
  for (const a of amounts) add('bedrag', amountBand(a.euro, ctx.bedraggrenzen), a)

  return {
    ontvangen: [...outcomes.values()].reduce((a, b) => a + b, 0),
    doorgezet: outcomes.get('doorgezet') ?? 0,
    nietDoorgezet: NIET_DOORGEZET_STATUSSEN.map((status) => ({ status, aantal: outcomes.get(status) ?? 0 })),
    opgepakt,
    bereik: ratio(bereikt, opgepakt, ctx.landelijk.get('bereik') ?? null),
    hulp: ratio(hulp, bereikt, ctx.landelijk.get('hulp') ?? null),
    dagenTotContact: histogramMedian(days),
    perMaand: perMaand(months),
    breakdowns: buildBreakdowns(ctx, counts, bereikt),
  }
}
