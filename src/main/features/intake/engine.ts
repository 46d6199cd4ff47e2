import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { ColumnMapping, ImportSummary, RowProblem, TriageRules } from '@shared/api/intake'
import { addDays } from '@shared/format/dates'
import { wijkForPostcode } from '../wijken/assignment'
import type { UseCaseContext } from '../signals/service'
import { surnameKey } from '@shared/format/person'
import { BatchWriter, insertMany, type BatchLookups } from './batch'
import { parseValues, type RowValues } from './rows'
import { triage } from './triage'

export interface EngineSetup {
  raw: BetterSqlite3.Database
  lookups: BatchLookups
  rules: TriageRules
  plaats: string
  ctx: UseCaseContext
}

export interface RowItem {
  line: number
  values: RowValues
}

/** Six months before an ISO date, the day clamped to the month's end. */
export function monthsBefore(iso: string, months: number): string {
  const y = +iso.slice(0, 4)
  const m = +iso.slice(5, 7) - 1 - months
  const yy = y + Math.floor(m / 12)
  const mm = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate()
  const d = Math.min(+iso.slice(8, 10), last)
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`
}

function nextMonthStart(iso: string): string {
  return addDays(`${iso.slice(0, 7)}-28`, 4).slice(0, 7) + '-01'
}

export function emptySummary(importId: number | null): ImportSummary {
  return {
    importId,
    rows: 0,
    nieuw: 0,
    eerderIngelezen: 0,
    problemen: 0,
    doorgezet: 0,
    nietDoorgezet: 0,
    nieuweZaken: 0,
    meervoudig: 0,
    opeenvolgend: 0,
    herkend: 0,
    problems: [],
  }
}

const MAX_LISTED_PROBLEMS = 500
/** Rows between flushes of the gathered audit entries and effects: short-lived, so memory stays flat. */
const CHUNK = 1000
const INTAKE_COLUMNS = [
  'signal_id',
  'import_id',
  'line',
  'advies',
  'advies_reden',
  'besluit',
  'meervoudig',
  'opeenvolgend',
  'eerdere_signalen',
]

/**
 * Validates, matches, triages and stores rows for one import. Synchronous on the raw handle;
 * the caller holds the connection and opens the transaction. Problem rows are kept in the
 * correction list; rows with a signal ID already stored are counted and skipped.
 */
export function intakeRows(
  e: EngineSetup,
  importId: number,
  items: Iterable<RowItem>,
  partnerTypes: ColumnMapping['partnerTypes'],
  summary: ImportSummary,
): void {
  const { raw, ctx } = e
  const writer = new BatchWriter(raw, e.lookups)
  const q = {
    householdSignals: raw.prepare(
      'select signaaldatum, partner_type, partner_naam, bedrag_cents from vroegsignaal where household_id = ?',
    ),
    insProblem: raw.prepare(
      'insert into import_problem (import_id, line, values_json, problems_json) values (?, ?, ?, ?)',
    ),
    ownSignals: raw.prepare('select count(*) from vroegsignaal where resident_id = ? and id < ?').pluck(),
    elsewhere: raw.prepare(
      `select r.household_id as h, s.id from resident r join vroegsignaal s on s.resident_id = r.id
       where r.achternaam_key = ? and r.geboortedatum = ?`,
    ),
  }
  // The signals of each name and birth date, read once per pair (a file repeats pairs often)
  const namesakes = new Map<string, { h: number; id: number }[]>()
  const elsewhere = (key: string, birth: string, householdId: number, before: number): number => {
    const k = `${key}\u0000${birth}`
    let list = namesakes.get(k)
    if (!list) namesakes.set(k, (list = q.elsewhere.all(key, birth) as { h: number; id: number }[]))
    let n = 0
    for (const x of list) if (x.h !== householdId && x.id < before) n++
    return n
  }
  type Known = { signaaldatum: string; partner_type: string; partner_naam: string; bedrag_cents: number }
  // Every signal of each household this import touches: what was stored, plus what it adds
  const byHousehold = new Map<number, Known[]>()
  const seen = new Map<string, number>()
  const taken: {
    signalId: number
    householdId: number
    residentId: number
    newResident: boolean
    signaaldatum: string
    key: string
    geboortedatum: string | null
    line: number
    besluit: string
    reden: string
  }[] = []
  const effects: unknown[][] = []
  const problem = (line: number, values: RowValues, problems: RowProblem[]) => {
    summary.problemen++
    q.insProblem.run(
      importId,
      line,
      JSON.stringify(values),
      JSON.stringify(problems.map((p) => ({ field: p.field, reason: p.reason }))),
    )
    for (const p of problems) if (summary.problems.length < MAX_LISTED_PROBLEMS) summary.problems.push(p)
  }

  for (const item of items) {
    if (summary.rows > 0 && summary.rows % CHUNK === 0) {
      writer.flush()
      insertMany(raw, 'import_effect', ['import_id', 'kind', 'entity_id'], effects)
      effects.length = 0
    }
    summary.rows++
    const parsed = parseValues(item.values, partnerTypes, { today: ctx.today, plaats: e.plaats })
    if (!parsed.ok) {
      problem(
        item.line,
        item.values,
        parsed.problems.map((p) => ({ line: item.line, ...p })),
      )
      continue
    }
    const row = parsed.row
    const firstLine = seen.get(row.externId)
    if (firstLine !== undefined) {
      problem(item.line, item.values, [
        {
          line: item.line,
          field: 'externId',
          reason: `Dit signaal-ID staat ook op regel ${firstLine} van het bestand.`,
        },
      ])
      continue
    }
    seen.set(row.externId, item.line)
    if (writer.isImported(row.externId)) {
      summary.eerderIngelezen++
      continue
    }
    const found = writer.findHousehold(row.postcode, row.huisnummer, row.toevoeging)
    let known = found ? byHousehold.get(found.id) : undefined
    if (found && !known) byHousehold.set(found.id, (known = q.householdSignals.all(found.id) as Known[]))
    const from = monthsBefore(row.signaaldatum, 6)
    const herhaald = (known ?? []).some(
      (k) =>
        k.partner_type === row.partnerType &&
        k.signaaldatum >= from &&
        k.signaaldatum <= row.signaaldatum &&
        k.bedrag_cents >= row.bedragCents &&
        (k.partner_naam === row.partnerNaam || k.partner_naam === '' || row.partnerNaam === ''),
    )
    const inGemeente = wijkForPostcode(row.postcode, e.lookups.ranges) !== null
    const advice = triage(e.rules, row, { inGemeente, herhaald })
    const out = writer.take(
      ctx,
      {
        externId: row.externId,
        bron: 'import',
        partnerType: row.partnerType,
        partnerNaam: row.partnerNaam,
        bedragCents: row.bedragCents,
        ontstaansdatum: row.ontstaansdatum,
        signaaldatum: row.signaaldatum,
        crisis: row.crisis,
        warmeOverdracht: row.warmeOverdracht,
      },
      row,
      row,
      advice.doorzetten ? null : advice.status,
      found,
    )
    if (!known) byHousehold.set(out.householdId, (known = []))
    known.push({
      signaaldatum: row.signaaldatum,
      partner_type: row.partnerType,
      partner_naam: row.partnerNaam,
      bedrag_cents: row.bedragCents,
    })
    summary.nieuw++
    if (advice.doorzetten) summary.doorgezet++
    else summary.nietDoorgezet++
    if (out.newCase) {
      summary.nieuweZaken++
      effects.push([importId, 'zaak', out.caseId])
    }
    if (out.newHousehold) effects.push([importId, 'huishouden', out.householdId])
    if (out.newResident) effects.push([importId, 'bewoner', out.residentId])
    taken.push({
      signalId: out.signalId,
      householdId: out.householdId,
      residentId: out.residentId,
      newResident: out.newResident,
      signaaldatum: row.signaaldatum,
      key: surnameKey(row.achternaam, row.tussenvoegsel),
      geboortedatum: row.geboortedatum,
      line: item.line,
      besluit: advice.doorzetten ? 'doorzetten' : 'niet',
      reden: advice.reden,
    })
  }
  writer.finish()

  insertMany(raw, 'import_effect', ['import_id', 'kind', 'entity_id'], effects)
  effects.length = 0

  // Matching as the monitor defines it, once every row of the file is in.
  const intake: unknown[][] = []
  for (const t of taken) {
    if (intake.length === CHUNK) {
      insertMany(raw, 'signaal_intake', INTAKE_COLUMNS, intake)
      intake.length = 0
    }
    const all = byHousehold.get(t.householdId) ?? []
    const m0 = monthStart(t.signaaldatum)
    const m1 = nextMonthStart(t.signaaldatum)
    const from = monthsBefore(t.signaaldatum, 6)
    const same = all.filter((k) => k.signaaldatum >= m0 && k.signaaldatum < m1).length
    const earlier = all.some((k) => k.signaaldatum >= from && k.signaaldatum < m0)
    // The person seen before: this resident's own signals, and the same name and birth date elsewhere
    let seenBefore = t.newResident ? 0 : Number(q.ownSignals.get(t.residentId, t.signalId))
    if (t.geboortedatum) seenBefore += elsewhere(t.key, t.geboortedatum, t.householdId, t.signalId)
    if (same > 1) summary.meervoudig++
    if (earlier) summary.opeenvolgend++
    if (seenBefore > 0) summary.herkend++
    intake.push([
      t.signalId,
      importId,
      t.line,
      t.besluit,
      t.reden,
      t.besluit,
      same > 1 ? 1 : 0,
      earlier ? 1 : 0,
      seenBefore,
    ])
  }
  insertMany(raw, 'signaal_intake', INTAKE_COLUMNS, intake)
}
