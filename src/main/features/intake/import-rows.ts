import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { ColumnMapping, ImportSummary, RowProblem, TriageRules } from '@shared/api/intake'
import { addDays, monthsBefore } from '@shared/format/dates'
import { surnameKey } from '@shared/format/person'
import { wijkForPostcode } from '../wijken/assignment'
import type { UseCaseContext } from '../../app/use-case'
import { householdKey } from '../signals/decisions'
import type { AddressKey, BatchLookups, HouseholdState } from './batch-state'
import type { BatchCore } from './batch-core'
import { BatchWriter } from './batch-writer'
import { parseValues, type ParsedRow, type RowValues } from './rows'
import { insertMany, selectIn } from './sql-batch'
import { triage } from './triage'

/** What an import run needs besides its rows, on either store. */
export interface IntakeSetup {
  lookups: BatchLookups
  rules: TriageRules
  plaats: string
  ctx: UseCaseContext
  /** Hears the number of rows done now and then (a progress bar). */
  onProgress?: (rowsDone: number) => void
}

export interface ImportRowsSetup extends IntakeSetup {
  raw: BetterSqlite3.Database
}

export interface RowItem {
  line: number
  values: RowValues
}

function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`
}

function nextMonthStart(iso: string): string {
  return addDays(`${iso.slice(0, 7)}-28`, 4).slice(0, 7) + '-01'
}

/** Per signal date (a file has a few dozen): its month, the next month, and six months before. */
function datesOf(cache: Map<string, [string, string, string]>, iso: string): [string, string, string] {
  let d = cache.get(iso)
  if (!d) cache.set(iso, (d = [monthStart(iso), nextMonthStart(iso), monthsBefore(iso, 6)]))
  return d
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
const NONE: readonly { h: number; n: number }[] = []
/**
 * Rows read, checked and then written together: what the database knows about them is read in
 * a few statements per chunk.
 */
const CHUNK = 2000
export const INTAKE_COLUMNS = [
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

interface Valid {
  line: number
  row: ParsedRow
  /** Surname key and birth date, for namesakes at other addresses ('' without a birth date). */
  key: string
  hhKey: string
}

interface Taken {
  signalId: number
  hh: HouseholdState
  signaaldatum: string
  line: number
  besluit: string
  reden: string
  earlier: number
}

/**
 * What the steps of an import ask the store to read (they read nothing themselves): the stored
 * signal IDs and households of a chunk of rows, and the signals from before this import of the
 * people with these surname keys and birth dates (`pairs`). The answer: per pair, the households
 * where that person has signals and how many.
 */
export interface ChunkRead {
  kind: 'read'
  externIds: string[]
  addresses: AddressKey[]
  addressKeys: string[]
  /** [surname key, birth date], sorted */
  pairs: [string, string][]
  /** The first signal id of this run: older signals only. */
  firstSignal: number
}

export interface NamesakeRow {
  /** surname key and birth date, joined by \u0000 */
  k: string
  h: number
  n: number
}

/** A step of an import: a read (answered with the namesakes), the end of a chunk, the end of the rows. */
export type IntakeStep = ChunkRead | { kind: 'chunkDone' } | { kind: 'finish' }

/** Where the import's own rows go: its problem rows and its intake rows (signaal_intake). */
export interface IntakeOut {
  /** import_id, line, values_json, problems_json */
  problem(values: unknown[]): void
  /** INTAKE_COLUMNS, up to 500 rows */
  intake(rows: unknown[][]): void
}

/**
 * Validates, matches, triages and stores rows for one import, on SQLite: synchronous on the raw
 * handle; the caller holds the connection and opens the transaction. Problem rows are kept in the
 * correction list; rows with a signal ID already stored are counted and skipped.
 */
export function intakeRows(
  e: ImportRowsSetup,
  importId: number,
  items: Iterable<RowItem>,
  partnerTypes: ColumnMapping['partnerTypes'],
  summary: ImportSummary,
): BatchWriter['made'] {
  const { raw } = e
  const writer = new BatchWriter(raw, e.lookups, e.ctx, importId)
  const insProblem = raw.prepare(
    'insert into import_problem (import_id, line, values_json, problems_json) values (?, ?, ?, ?)',
  )
  const steps = intakeSteps(writer, e, importId, items, partnerTypes, summary, {
    problem: (v) => void insProblem.run(...v),
    intake: (rows) => insertMany(raw, 'signaal_intake', INTAKE_COLUMNS, rows),
  })
  for (let step = steps.next(); !step.done;) {
    const s = step.value
    if (s.kind === 'read') {
      writer.prefetch(s.externIds, s.addresses, s.addressKeys)
      const found: NamesakeRow[] = []
      selectIn(
        raw,
        `select v.column1 || char(0) || v.column2 as k, r.household_id as h, count(*) as n
         from (values #) v join resident r on r.achternaam_key = v.column1 and r.geboortedatum = v.column2
         join vroegsignaal s on s.resident_id = r.id and s.id < ${s.firstSignal}
         group by r.id`,
        2,
        s.pairs.flat(),
        (r: NamesakeRow) => found.push(r),
      )
      step = steps.next(found)
    } else {
      if (s.kind === 'finish') writer.finish()
      step = steps.next()
    }
  }
  return writer.made
}

/**
 * The import of a file's rows as steps, on either store: validation, the file's own duplicates,
 * matching, triage and the writer's decisions (BatchCore) are done here; the store answers the
 * reads (IntakeStep) and writes what `out` and the writer are given. SQLite runs the steps at
 * once (intakeRows); PostgreSQL awaits each (pg-import.ts).
 */
export function* intakeSteps(
  writer: BatchCore,
  e: IntakeSetup,
  importId: number,
  items: Iterable<RowItem>,
  partnerTypes: ColumnMapping['partnerTypes'],
  summary: ImportSummary,
  rowsOut: IntakeOut,
): Generator<IntakeStep, void, NamesakeRow[] | undefined> {
  const { ctx } = e
  const seen = new Map<string, number>()
  const taken: Taken[] = []
  // Per name key and birth date: the households where that person has signals from before this import
  const namesakes = new Map<string, readonly { h: number; n: number }[]>()
  const firstSignal = writer.first.signaal
  const dates = new Map<string, [string, string, string]>()

  const problem = (line: number, values: RowValues, problems: Omit<RowProblem, 'line'>[]) => {
    summary.problemen++
    rowsOut.problem([
      importId,
      line,
      JSON.stringify(values),
      JSON.stringify(problems.map((p) => ({ field: p.field, reason: p.reason, code: p.code }))),
    ])
    for (const p of problems)
      if (summary.problems.length < MAX_LISTED_PROBLEMS) summary.problems.push({ line, ...p })
  }

  let chunk: Valid[] = []
  function* writeChunk(): Generator<IntakeStep, void, NamesakeRow[] | undefined> {
    const pairs = [...new Set(chunk.filter((c) => c.key && !namesakes.has(c.key)).map((c) => c.key))].sort()
    // Most names have no earlier signals: they share one empty list
    for (const k of pairs) namesakes.set(k, NONE)
    const namesakeRows = yield {
      kind: 'read',
      externIds: chunk.map((c) => c.row.externId),
      addresses: chunk.map((c) => c.row),
      addressKeys: chunk.map((c) => c.hhKey),
      pairs: pairs.map((k) => k.split('\u0000') as [string, string]),
      firstSignal,
    }
    for (const r of namesakeRows ?? []) namesakes.set(r.k, [...namesakes.get(r.k)!, { h: r.h, n: r.n }])

    for (const { line, row, key, hhKey } of chunk) {
      if (writer.isImported(row.externId)) {
        summary.eerderIngelezen++
        continue
      }
      const found = writer.household(row, hhKey)
      const from = datesOf(dates, row.signaaldatum)[2]
      let herhaald = false
      if (found)
        for (const k of found.signals)
          if (
            k.partner_type === row.partnerType &&
            k.signaaldatum >= from &&
            k.signaaldatum <= row.signaaldatum &&
            k.bedrag_cents >= row.bedragCents &&
            (k.partner_naam === row.partnerNaam || k.partner_naam === '' || row.partnerNaam === '')
          ) {
            herhaald = true
            break
          }
      const wijkId = wijkForPostcode(row.postcode, e.lookups.ranges)
      const advice = triage(e.rules, row, { inGemeente: wijkId !== null, herhaald })
      const out = writer.take(
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
        wijkId,
        hhKey,
      )
      const hh = writer.household(row, hhKey)!
      // The person seen before this import: this resident's own signals, and the same name and
      // birth date at another address
      let earlier = 0
      if (!out.newResident)
        for (const k of hh.signals) if (k.resident_id === out.residentId && k.id < firstSignal) earlier++
      for (const x of namesakes.get(key) ?? []) if (x.h !== hh.id) earlier += x.n
      summary.nieuw++
      if (advice.doorzetten) summary.doorgezet++
      else summary.nietDoorgezet++
      if (out.newCase) summary.nieuweZaken++
      taken.push({
        signalId: out.signalId,
        hh,
        signaaldatum: row.signaaldatum,
        line,
        besluit: advice.doorzetten ? 'doorzetten' : 'niet',
        reden: advice.reden,
        earlier,
      })
    }
    chunk = []
    yield { kind: 'chunkDone' }
    e.onProgress?.(summary.rows)
  }

  for (const item of items) {
    summary.rows++
    const parsed = parseValues(item.values, partnerTypes, { today: ctx.today, plaats: e.plaats })
    if (!parsed.ok) {
      problem(item.line, item.values, parsed.problems)
      continue
    }
    const row = parsed.row
    const firstLine = seen.get(row.externId)
    if (firstLine !== undefined) {
      problem(item.line, item.values, [
        {
          field: 'externId',
          reason: `Dit signaal-ID staat ook op regel ${firstLine} van het bestand.`,
          code: 'dubbel',
        },
      ])
      continue
    }
    seen.set(row.externId, item.line)
    const key = row.geboortedatum
      ? `${surnameKey(row.achternaam, row.tussenvoegsel)}\u0000${row.geboortedatum}`
      : ''
    chunk.push({
      line: item.line,
      row,
      key,
      hhKey: householdKey(row.postcode, row.huisnummer, row.toevoeging),
    })
    if (chunk.length === CHUNK) yield* writeChunk()
  }
  yield* writeChunk()
  yield { kind: 'finish' }

  // Matching as the monitor defines it, once every row of the file is in.
  const intake: unknown[][] = []
  for (const t of taken) {
    if (intake.length === 500) {
      rowsOut.intake(intake.slice())
      intake.length = 0
    }
    const [m0, m1, from] = datesOf(dates, t.signaaldatum)
    let same = 0
    let earlier = false
    for (const k of t.hh.signals) {
      if (k.signaaldatum >= m0 && k.signaaldatum < m1) same++
      else if (k.signaaldatum >= from && k.signaaldatum < m0) earlier = true
    }
    if (same > 1) summary.meervoudig++
    if (earlier) summary.opeenvolgend++
    if (t.earlier > 0) summary.herkend++
    intake.push([
      t.signalId,
      importId,
      t.line,
      t.besluit,
      t.reden,
      t.besluit,
      same > 1 ? 1 : 0,
      earlier ? 1 : 0,
      t.earlier,
    ])
  }
  if (intake.length > 0) rowsOut.intake(intake)
}
