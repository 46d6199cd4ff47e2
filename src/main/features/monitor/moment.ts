import { sql } from 'kysely'
import type { MomentHint, PlanStap } from '@shared/api/ladder'
import { DAGDELEN, SIGNAALPARTNER_LABELS, type SignaalpartnerType } from '@shared/domain/ddas'
import type { Db } from '../../db/database'
import { ageBand } from './figures'
import { ageLimits } from './service'

/**
 * Contact at the right moment (issue 21): for a task in Vandaag, the part of the day when
 * households like this one were best reached, from the team's own figures.
 *
 * - "Like this one": the same age band (the monitor's bands, age at the first signal) and the same
 *   kind of arrears (the signal partner, or "meer soorten" for several).
 * - "Best reached": of the attempts that need the resident there at that moment (a call, a knock
 *   on the door: MOMENT_SOORTEN in facts.ts) made in a part of the day, the share that reached the
 *   resident. Per attempt, so a part of the day the team simply calls more does not win by volume.
 * - "Strong enough": at least MIN_ZAKEN cases in the group had such an attempt, and at least two
 *   parts of the day have MIN_POGINGEN attempts each to compare; otherwise no hint.
 *
 * Read from monitor_moment, which refreshFacts keeps beside the daily summary from the anonymous
 * case facts (frozen ones included): the figures as of the last refresh (the monitor, an export,
 * or the daily purge), all periods together. Reading it is one small table, so Vandaag stays fast.
 */
export const MIN_ZAKEN = 30
export const MIN_POGINGEN = 10
/** The steps that happen at a moment of the day: a call, a follow-up call, a home visit. */
export const MOMENT_STAPPEN: readonly PlanStap[] = ['bellen', 'opvolgen', 'huisbezoek']

interface Group {
  zaken: number
  per: Map<string, { n: number; r: number }>
}

export interface MomentIndex {
  limits: number[]
  groups: Map<string, Group>
}

/** The key of a case's group: its age band and kind of arrears ('|'-joined partner types). */
export function groupKey(leeftijd: number | null, partnerTypes: string, limits: number[]): string {
  const types = partnerTypes.split(/[|,]/).filter(Boolean)
  const soort = types.length > 1 ? 'meervoudig' : (types[0] ?? 'onbekend')
  return `${ageBand(leeftijd, limits)}|${soort}`
}

export async function loadMomentIndex(db: Db): Promise<MomentIndex> {
  const limits = await ageLimits(db)
  const rows = await sql<{
    leeftijd: number
    soort: string
    dagdeel: string
    zaken: number
    pogingen: number
    bereikt: number
  }>`select leeftijd, soort, dagdeel, zaken, pogingen, bereikt from monitor_moment`.execute(db)
  const groups = new Map<string, Group>()
  for (const r of rows.rows) {
    const key = groupKey(r.leeftijd < 0 ? null : r.leeftijd, r.soort, limits)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { zaken: 0, per: new Map() }))
    if (r.dagdeel === '') g.zaken += Number(r.zaken)
    else {
      const d = g.per.get(r.dagdeel) ?? { n: 0, r: 0 }
      d.n += Number(r.pogingen)
      d.r += Number(r.bereikt)
      g.per.set(r.dagdeel, d)
    }
  }
  return { limits, groups }
}

function groupWords(key: string): string {
  const [band, soort] = key.split('|') as [string, string]
  const age =
    band === 'onbekend'
      ? 'leeftijd onbekend'
      : band.endsWith('+')
        ? `${band.slice(0, -1)} jaar en ouder`
        : `${band} jaar`
  const kind =
    soort === 'meervoudig'
      ? 'meer soorten achterstand'
      : soort === 'onbekend'
        ? 'soort achterstand onbekend'
        : (SIGNAALPARTNER_LABELS[soort as SignaalpartnerType] ?? soort).toLowerCase()
  return `${age}, ${kind}`
}

/** The hint for one case of this age and these partner types, or null (see the module comment). */
export function hintFor(
  index: MomentIndex,
  leeftijd: number | null,
  partnerTypes: string,
): MomentHint | null {
  const key = groupKey(leeftijd, partnerTypes, index.limits)
  const g = index.groups.get(key)
  if (!g || g.zaken < MIN_ZAKEN) return null
  const candidates = DAGDELEN.map((d) => ({ d, ...(g.per.get(d) ?? { n: 0, r: 0 }) })).filter(
    (c) => c.n >= MIN_POGINGEN,
  )
  if (candidates.length < 2) return null
  const best = candidates.reduce((a, b) => (b.r / b.n > a.r / a.n ? b : a))
  return { dagdeel: best.d, pct: Math.round((best.r / best.n) * 100), zaken: g.zaken, groep: groupWords(key) }
}

/**
 * The hints for the cases of a Vandaag list: each case's age (at its first signal, as the monitor
 * counts it) and kind of arrears, read for these cases only.
 */
export async function momentHints(db: Db, caseIds: number[]): Promise<Map<number, MomentHint>> {
  const out = new Map<number, MomentHint>()
  if (caseIds.length === 0) return out
  const index = await loadMomentIndex(db)
  if (index.groups.size === 0) return out
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await sql<{ id: number; partner_types: string; leeftijd: number | null }>`
      select z.id, z.partner_types,
        (select cast(substr(s.signaaldatum, 1, 4) as integer) - cast(substr(r.geboortedatum, 1, 4) as integer)
                - case when substr(s.signaaldatum, 6) < substr(r.geboortedatum, 6) then 1 else 0 end
           from vroegsignaal s join resident r on r.id = s.resident_id
           where s.case_id = z.id and r.geboortedatum is not null
           order by s.signaaldatum, s.id limit 1) as leeftijd
      from vroegsignaalzaak z where z.id in (${sql.join(caseIds.slice(i, i + 500))})`.execute(db)
    for (const r of rows.rows) {
      const hint = hintFor(index, r.leeftijd, r.partner_types)
      if (hint) out.set(r.id, hint)
    }
  }
  return out
}
