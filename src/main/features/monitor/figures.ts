import type { Breakdown, BreakdownRow, MonitorDashboard, Ratio } from '@shared/api/monitor'
import { CONTACTSOORTEN, DAGDELEN, SIGNAALPARTNER_LABELS, type SignaalpartnerType } from '@shared/domain/ddas'
import type { CaseFactTable } from '../../db/schema'
import { HULP_GEACCEPTEERD, soortBit } from './facts'

/**
 * The figures, as pure functions over anonymous case facts. The dashboard and the click-through
 * both use `groupsOf`, so the cases behind a number are exactly the cases that were counted.
 */

/** A case's anonymous facts as the figures read them: the stored row without its bookkeeping columns. */
/** A period of the figures: both dates included (ISO dates). */
export interface Period {
  van: string
  tot: string
}

export type CaseFact = Omit<
  CaseFactTable,
  | 'opgepakt'
  | 'gesloten_op'
  | 'frozen'
  | 'moment_ochtend'
  | 'moment_middag'
  | 'moment_avond'
  | 'moment_ochtend_bereikt'
  | 'moment_middag_bereikt'
  | 'moment_avond_bereikt'
>

export interface FigureContext {
  leeftijdsgrenzen: number[]
  bedraggrenzen: number[]
  /** National figures by key ('bereik', 'soort:Telefoon', 'pogingen:4+', ...). */
  landelijk: Map<string, number>
  wijken: Map<number, string>
  consulenten: Map<number, string>
}

export const isHelp = (f: CaseFact) =>
  f.bereikt === 1 && f.resultaat !== null && HULP_GEACCEPTEERD.includes(f.resultaat)

const euro = (n: number) => `€ ${n.toLocaleString('nl-NL')}`

export function ratio(teller: number, noemer: number, landelijk: number | null = null): Ratio {
  return { teller, noemer, pct: noemer ? Math.round((teller / noemer) * 1000) / 10 : null, landelijk }
}

interface RowDef {
  key: string
  label: string
}

interface Def {
  key: string
  titel: string
  uitleg: string
  /** 'bereik': reached / cases in the group. 'aandeel': cases in the group / all reached cases. */
  mode: 'bereik' | 'aandeel'
  /** The rows to show; `present` holds the row keys that counted at least one case. */
  rows(ctx: FigureContext, present: ReadonlySet<string>): RowDef[]
  keys(f: CaseFact, ctx: FigureContext): string[]
  extra?: Record<string, { kop: string; count(f: CaseFact, key: string): boolean }>
}

export function ageBand(age: number | null, limits: number[]): string {
  if (age === null) return 'onbekend'
  const i = limits.findIndex((l) => age <= l)
  return i === -1 ? `${limits[limits.length - 1]! + 1}+` : `${i === 0 ? 18 : limits[i - 1]! + 1}-${limits[i]}`
}

export function amountBand(euros: number, limits: number[]): string {
  const i = limits.findIndex((l) => euros < l)
  return i === -1
    ? `${limits[limits.length - 1]}+`
    : i === 0
      ? `<${limits[0]}`
      : `${limits[i - 1]}-${limits[i]}`
}

export function attemptsBand(n: number): string {
  return n === 0 ? '0' : n <= 2 ? '1-2' : n === 3 ? '3' : '4+'
}

export function arrearsType(f: CaseFact): string {
  return f.partner_types.includes('|') ? 'meervoudig' : f.partner_types || 'onbekend'
}

export const DEFS: Def[] = [
  {
    key: 'kanaal',
    titel: 'Bereik per soort contactpoging',
    uitleg:
      'Van de zaken met minstens één poging van deze soort: het deel waarin contact is gemaakt. Daarnaast hoe vaak deze soort zelf contact gaf, en hoe vaak het eerste contact.',
    mode: 'bereik',
    rows: () => CONTACTSOORTEN.map((s) => ({ key: s, label: s })),
    keys: (f) => CONTACTSOORTEN.filter((s) => f.soorten_mask & soortBit(s)),
    extra: {
      viaDeze: { kop: 'Contact via deze soort', count: (f, k) => (f.bereikt_mask & soortBit(k)) !== 0 },
      eerste: { kop: 'Eerste contact', count: (f, k) => f.eerste_contact_soort === k },
    },
  },
  {
    key: 'leeftijd',
    titel: 'Bereik per leeftijd',
    uitleg: 'Leeftijd op de signaaldatum van het eerste signaal.',
    mode: 'bereik',
    rows: (ctx) => {
      const l = ctx.leeftijdsgrenzen
      return [
        ...l.map((hi, i) => ({
          key: `${i === 0 ? 18 : l[i - 1]! + 1}-${hi}`,
          label: `${i === 0 ? 18 : l[i - 1]! + 1} tot en met ${hi} jaar`,
        })),
        { key: `${l[l.length - 1]! + 1}+`, label: `${l[l.length - 1]! + 1} jaar en ouder` },
        { key: 'onbekend', label: 'Geboortedatum onbekend' },
      ]
    },
    keys: (f, ctx) => [ageBand(f.leeftijd, ctx.leeftijdsgrenzen)],
  },
  {
    key: 'bedrag',
    titel: 'Bereik per bedrag',
    uitleg: 'Het totaal van de achterstanden in de zaak toen die werd opgepakt.',
    mode: 'bereik',
    rows: (ctx) => {
      const l = ctx.bedraggrenzen
      return [...l, Infinity].map((_, i) => {
        const key = i === 0 ? `<${l[0]}` : i === l.length ? `${l[i - 1]}+` : `${l[i - 1]}-${l[i]}`
        const label =
          i === 0
            ? `Minder dan ${euro(l[0]!)}`
            : i === l.length
              ? `${euro(l[i - 1]!)} of meer`
              : `${euro(l[i - 1]!)} tot ${euro(l[i]!)}`
        return { key, label }
      })
    },
    keys: (f, ctx) => [amountBand(f.bedrag_euro, ctx.bedraggrenzen)],
  },
  {
    key: 'soort',
    titel: 'Bereik per soort achterstand',
    uitleg: 'Zaken met signalen van meer dan één soort signaalpartner tellen als meervoudig.',
    mode: 'bereik',
    rows: (_ctx, present) => {
      const types = (Object.keys(SIGNAALPARTNER_LABELS) as SignaalpartnerType[]).filter((t) => present.has(t))
      return [
        ...types.map((t) => ({ key: t, label: SIGNAALPARTNER_LABELS[t] })),
        { key: 'meervoudig', label: 'Meervoudig (meer soorten)' },
      ]
    },
    keys: (f) => [arrearsType(f)],
  },
  {
    key: 'crisis',
    titel: 'Bereik bij crisissignalen',
    uitleg: 'Een zaak met minstens één crisissignaal (bijvoorbeeld een afsluiting van energie).',
    mode: 'bereik',
    rows: () => [
      { key: 'ja', label: 'Met crisissignaal' },
      { key: 'nee', label: 'Zonder crisissignaal' },
    ],
    keys: (f) => [f.crisis ? 'ja' : 'nee'],
  },
  {
    key: 'pogingen',
    titel: 'Bereik per aantal contactpogingen',
    uitleg: 'Alle contactpogingen in de zaak, ook die na het eerste contact.',
    mode: 'bereik',
    rows: () => [
      { key: '0', label: 'Nog geen poging' },
      { key: '1-2', label: '1 of 2 pogingen' },
      { key: '3', label: '3 pogingen' },
      { key: '4+', label: '4 of meer pogingen' },
    ],
    keys: (f) => [attemptsBand(f.pogingen)],
  },
  {
    key: 'dagdeel',
    titel: 'Dagdeel van het eerste contact',
    uitleg: 'Van de bereikte zaken: op welk dagdeel het eerste contact was.',
    mode: 'aandeel',
    rows: () => DAGDELEN.map((d) => ({ key: d, label: d })),
    keys: (f) => (f.bereikt && f.eerste_contact_dagdeel ? [f.eerste_contact_dagdeel] : []),
  },
  {
    key: 'afspraak',
    titel: 'Bereikte zaken met een afspraak',
    uitleg:
      'Van de bereikte zaken: het deel waarin we een afspraak maakten (op het stadskantoor, in de wijk, thuis, telefonisch of met beeldbellen), en het deel waarin een afspraak ook doorging.',
    mode: 'aandeel',
    rows: () => [
      { key: 'gemaakt', label: 'Afspraak gemaakt' },
      { key: 'geweest', label: 'Afspraak doorgegaan' },
    ],
    keys: (f) =>
      f.bereikt ? [...(f.afspraak >= 1 ? ['gemaakt'] : []), ...(f.afspraak === 2 ? ['geweest'] : [])] : [],
  },
  {
    key: 'wijk',
    titel: 'Bereik per wijk',
    uitleg: 'De wijk van het adres van de zaak.',
    mode: 'bereik',
    rows: (ctx, present) => namedRows(ctx.wijken, present, 'Buiten de wijken'),
    keys: (f) => [String(f.wijk_id ?? 'geen')],
    extra: { hulp: { kop: 'Hulp geaccepteerd', count: (f) => isHelp(f) } },
  },
  {
    key: 'consulent',
    titel: 'Bereik per consulent',
    uitleg: 'De consulent die de zaak nu heeft.',
    mode: 'bereik',
    rows: (ctx, present) => namedRows(ctx.consulenten, present, 'Nog niemand'),
    keys: (f) => [String(f.consulent_id ?? 'geen')],
    extra: { hulp: { kop: 'Hulp geaccepteerd', count: (f) => isHelp(f) } },
  },
]

function namedRows(names: Map<number, string>, present: ReadonlySet<string>, none: string): RowDef[] {
  const rows = [...present]
    .filter((key) => key !== 'geen')
    .map((key) => ({ key, label: names.get(Number(key)) ?? `Nummer ${key} (verwijderd)` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl') || Number(a.key) - Number(b.key))
  if (present.has('geen')) rows.push({ key: 'geen', label: none })
  return rows
}

/** The row keys of a breakdown that at least one of these cases counts in. */
export function presentKeys(def: Def, facts: CaseFact[], ctx: FigureContext): Set<string> {
  return new Set(facts.flatMap((f) => def.keys(f, ctx)))
}

/** The cases that a breakdown row counts ('opgepakt'), reached, or with help accepted. */
export function selectFacts(
  facts: CaseFact[],
  ctx: FigureContext,
  tabel: string,
  groep: string,
  wat: 'opgepakt' | 'bereikt' | 'hulp',
): CaseFact[] {
  const def = DEFS.find((d) => d.key === tabel)
  const inGroup =
    tabel === 'totaal' || !def ? () => tabel === 'totaal' : (f: CaseFact) => def.keys(f, ctx).includes(groep)
  return facts.filter(
    (f) => inGroup(f) && (wat === 'opgepakt' || (wat === 'bereikt' ? f.bereikt === 1 : isHelp(f))),
  )
}

/** Counts of one breakdown row: cases, reached cases, and the extra counts by name. */
export interface Tally {
  n: number
  r: number
  extra: Record<string, number>
}

/** Reach per month, oldest first, from [reached, picked up] per 'YYYY-MM'. */
export function perMaand(months: Map<string, [number, number]>): MonitorDashboard['perMaand'] {
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([maand, [t, n]]) => ({ maand, teller: t, noemer: n, pct: ratio(t, n).pct }))
}

/**
 * The breakdown tables from the counts per breakdown key and row key, shared by the per-case
 * computation and the daily summary (daily.ts), so both show the same rows, labels and ratios.
 */
export function buildBreakdowns(
  ctx: FigureContext,
  counts: Map<string, Map<string, Tally>>,
  reached: number,
): Breakdown[] {
  return DEFS.map((def) => {
    const byKey = counts.get(def.key) ?? new Map<string, Tally>()
    const present = new Set([...byKey].filter(([, c]) => c.n > 0).map(([k]) => k))
    const rows: BreakdownRow[] = def.rows(ctx, present).map(({ key, label }) => {
      const c = byKey.get(key) ?? { n: 0, r: 0, extra: {} }
      const land = ctx.landelijk.get(`${def.key === 'kanaal' ? 'soort' : def.key}:${key}`) ?? null
      const base = def.mode === 'bereik' ? ratio(c.r, c.n, land) : ratio(c.n, reached, land)
      const extra = def.extra
        ? Object.fromEntries(Object.keys(def.extra).map((name) => [name, c.extra[name] ?? 0]))
        : undefined
      return { key, label, ...base, ...(extra ? { extra } : {}) }
    })
    return {
      key: def.key,
      titel: def.titel,
      uitleg: def.uitleg,
      rows,
      ...(def.extra
        ? { extraKoppen: Object.fromEntries(Object.entries(def.extra).map(([k, e]) => [k, e.kop])) }
        : {}),
    }
  })
}
