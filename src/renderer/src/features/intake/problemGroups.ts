import { INTAKE_FIELD_LABELS, type IntakeField, type ProblemCode, type ProblemView } from '@shared/api/intake'

/** Rows that share a problem: fixed together with one change. */
export interface ProblemGroup {
  key: string
  label: string
  field: IntakeField
  code: ProblemCode
  /** Set when the rows share the very value in that field ("Kinderopvang"). */
  value: string | null
  ids: number[]
}

const CODE_LABELS: Record<ProblemCode, string> = {
  ontbreekt: 'ontbreekt',
  ongeldig: 'niet goed geschreven',
  onbekend: 'onbekend woord',
  negatief: 'negatief',
  nul: 'nul',
  'te-hoog': 'te hoog',
  'te-lang': 'te lang',
  toekomst: 'in de toekomst',
  volgorde: 'na de signaaldatum',
  dubbel: 'dubbel signaal-ID',
}

/**
 * The groups of rows with the same problem: the same field and kind of mistake ("Bedrag: niet goed
 * geschreven"), and within those the same written value ("Soort signaalpartner: Kinderopvang").
 * Only groups of two or more rows; the largest first.
 */
export function problemGroups(rows: ProblemView[]): ProblemGroup[] {
  const byKind = new Map<string, ProblemGroup>()
  const byValue = new Map<string, ProblemGroup>()
  for (const r of rows) {
    for (const p of r.problems) {
      if (!p.field) continue
      const k = `${p.field}|${p.code}`
      let g = byKind.get(k)
      if (!g)
        byKind.set(
          k,
          (g = {
            key: k,
            label: `${INTAKE_FIELD_LABELS[p.field]}: ${CODE_LABELS[p.code]}`,
            field: p.field,
            code: p.code,
            value: null,
            ids: [],
          }),
        )
      if (!g.ids.includes(r.id)) g.ids.push(r.id)
      const value = (r.values[p.field] ?? '').trim()
      if (!value) continue
      const kv = `${k}|${value}`
      let gv = byValue.get(kv)
      if (!gv)
        byValue.set(
          kv,
          (gv = {
            key: kv,
            label: `${INTAKE_FIELD_LABELS[p.field]}: "${value}"`,
            field: p.field,
            code: p.code,
            value,
            ids: [],
          }),
        )
      if (!gv.ids.includes(r.id)) gv.ids.push(r.id)
    }
  }
  const kinds = [...byKind.values()]
  // A value group that is the whole kind group says nothing more: keep the one that names the value
  const values = [...byValue.values()].filter((g) => g.ids.length > 1)
  const kept = kinds.filter(
    (k) => !values.some((v) => v.key.startsWith(`${k.key}|`) && v.ids.length === k.ids.length),
  )
  return [...values, ...kept].filter((g) => g.ids.length > 1).sort((a, b) => b.ids.length - a.ids.length)
}
