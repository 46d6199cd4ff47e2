import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { sql, type Insertable } from 'kysely'
import { EINDRESULTATEN, type SignaalpartnerType } from '@shared/domain/ddas'
import { addDays } from '@shared/format/dates'
import { formatHouseNumber } from '@shared/format/address'
import { displayName } from '@shared/format/person'
import { caseNumberFor, partnerTypesSummary } from '../features/signals/decisions'
import { wijkForPostcode, type WijkRange } from '../features/wijken/assignment'
import { createRandom, randomBsn } from '../features/demo/random'
import { makeSurnames, zipfSampler } from './surnames'
import type { Db } from '../db/database'
import { dialectOf } from '../db/dialect'
import type {
  Database,
  HouseholdTable,
  ResidentTable,
  VroegsignaalTable,
  VroegsignaalzaakTable,
} from '../db/schema'

/**
 * Bulk-fills the tables with generated households, residents, cases and signals: exactly the rows
 * the intake path writes, the same columns, and the case's summary columns computed the way
 * refreshCaseSummary computes them (the benchmark checks a sample against it afterwards). The rows
 * are made once (`fillRows`, seeded, so every run makes the same ones) and written either through
 * SQLite's raw handle with prepared statements, for the benchmarks' millions (`fill`), or through
 * Kysely on either store, in multi-row inserts (`fillDb`, for the service tests). The ids are
 * given (1, 2, … per table), so the tables must hold no household, resident, case or signal yet.
 */
export interface FillOptions {
  cases: number
  signals: number
  today: string
  /** Days back over which the cases are spread. */
  days: number
  ranges: WijkRange[]
  /** Consulent ids per wijk id. */
  consulenten: Map<number, number[]>
  onProgress?: (done: number) => void
}

export interface FillResult {
  households: number
  residents: number
  cases: number
  signals: number
  open: number
  surnames: { common: string; rare: string }
  birthDate: string
}

const PARTNERS: readonly [SignaalpartnerType, number, number][] = [
  // type, weight, median amount in euros
  ['Zorg', 38, 330],
  ['Huur', 21, 950],
  ['Energie', 20, 520],
  ['Water', 14, 160],
  ['CAK Zorgverzekeringen', 4, 620],
  ['Overige', 3, 300],
]
const STREETS = [
  'Hoofdstraat',
  'Kerkstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Dorpsstraat',
  'Parklaan',
  'Julianastraat',
  'Beatrixlaan',
  'Kastanjelaan',
]
const ADDITIONS = ['A', 'B', 'C', '1', '2']
const LETTERS = lettersPairs()
const BATCH = 20_000

/** The rows of one case, in the order they are written (a signal refers to its case). */
export interface FilledCase {
  household: Insertable<HouseholdTable> & { id: number }
  residents: (Insertable<ResidentTable> & { id: number })[]
  kase: Insertable<VroegsignaalzaakTable> & { id: number }
  signals: (Insertable<VroegsignaalTable> & { id: number })[]
}

/** The generated rows, case by case; `totals` is complete once every case has been taken. */
export function fillRows(o: FillOptions): {
  cases: Generator<FilledCase>
  totals: { residents: number; signals: number; open: number; birthDate: string }
} {
  const totals = { residents: 0, signals: 0, open: 0, birthDate: '' }
  return { cases: generateCases(o, totals), totals }
}

function* generateCases(
  o: FillOptions,
  totals: { residents: number; signals: number; open: number; birthDate: string },
): Generator<FilledCase> {
  const rnd = createRandom(20_261_110)
  const surnames = makeSurnames(5000)
  const surnameRank = zipfSampler(surnames.length, 0.6, rnd)
  const signalCounts = distribute(o.cases, o.signals, rnd)
  const dayStrings = Array.from({ length: o.days + 1 }, (_, d) => addDays(o.today, d - o.days))
  const assigned = new Map<number, number>()
  const partnerWeights = PARTNERS.map((p) => [p, p[1]] as const)

  let residentId = 0
  let signalId = 0
  for (let i = 0; i < o.cases; i++) {
    const id = i + 1
    // Cases come in date order, as the intake writes them: ids grow with datum_opgepakt.
    const day = Math.floor((i * o.days) / o.cases)
    const datum = dayStrings[day]!
    const age = o.days - day
    const at = `${datum}T09:00:00.000Z`

    // One household per case; about 1% lives outside every wijk.
    const outside = rnd.chance(0.01)
    const pc4 = outside ? 5000 + (i % 50) : 6001 + (i % 50)
    const rest = Math.floor(i / 50)
    const postcode = `${pc4}${LETTERS[rest % LETTERS.length]}`
    const huisnummer = Math.floor(rest / LETTERS.length) + 1
    const toevoeging = rnd.chance(0.1) ? rnd.pick(ADDITIONS) : ''
    const straat = STREETS[rest % STREETS.length]!
    const wijkId = wijkForPostcode(postcode, o.ranges)
    const household = {
      id,
      postcode,
      huisnummer,
      toevoeging,
      straat,
      plaats: 'Roermond',
      wijk_id: wijkId,
      created_at: at,
    }

    const people = rnd.chance(0.1) ? 2 : 1
    const residents: FilledCase['residents'] = []
    const ranks: number[] = []
    for (let p = 0; p < people; p++) {
      // A partner shares the surname half the time
      const rank = p === 1 && rnd.chance(0.5) ? ranks[0]! : surnameRank()
      const name = surnames[rank]!
      const voorletters = rnd.pick(['J.', 'M.', 'A.', 'P.', 'H.', 'J.M.', 'W.', 'S.', 'E.', 'K.'])
      const geboortedatum = addDays('1935-01-01', rnd.int(0, 26_000))
      if (i === Math.floor(o.cases / 2)) totals.birthDate = geboortedatum
      const telefoon = rnd.chance(0.6) ? `06${rnd.int(10_000_000, 99_999_999)}` : ''
      const bsn = rnd.chance(0.3) ? randomBsn(rnd) : null
      residents.push({
        id: ++residentId,
        household_id: id,
        voorletters,
        tussenvoegsel: name.prefix,
        achternaam: name.surname,
        achternaam_key: name.key,
        geboortedatum,
        telefoon,
        email: '',
        bsn,
        created_at: at,
        updated_at: at,
      })
      ranks.push(rank)
    }

    // Signals: the first is the primary resident's; a partner sometimes has one too.
    const count = signalCounts[i]!
    const types = new Set<string>()
    let total = 0
    let latest = ''
    let crisis = 0
    const signers = new Set<number>()
    const signals: FilledCase['signals'] = []
    for (let s = 0; s < count; s++) {
      const [type, , median] = rnd.weighted(partnerWeights)
      const resident = s > 0 && people === 2 && rnd.chance(0.5) ? residents[1]! : residents[0]!
      const signaaldatum =
        s === 0 ? addDays(datum, -rnd.int(0, 3)) : minDate(addDays(datum, rnd.int(0, 25)), o.today)
      const cents = Math.round(Math.min(20_000, Math.max(20, rnd.logNormal(median, 0.55))) * 100)
      const isCrisis = type === 'Energie' && rnd.chance(0.1) ? 1 : 0
      const manual = rnd.chance(0.05)
      signalId++
      signals.push({
        id: signalId,
        extern_id: manual ? null : `VPS-${signalId}`,
        bron: manual ? 'handmatig' : 'import',
        partner_type: type,
        partner_naam: '',
        bedrag_cents: cents,
        ontstaansdatum: addDays(signaaldatum, -rnd.int(35, 120)),
        signaaldatum,
        crisis: isCrisis,
        warme_overdracht: type === 'Huur' && rnd.chance(0.2) ? 1 : 0,
        status: null,
        resident_id: resident.id,
        household_id: id,
        case_id: id,
        is_demo: 0,
        created_at: at,
        created_by: null,
      })
      types.add(type)
      total += cents
      if (signaaldatum > latest) latest = signaaldatum
      crisis ||= isCrisis
      signers.add(resident.id)
    }

    // About 85% closed: nearly all recent cases are open, old ones seldom.
    const pOpen = age < 60 ? 0.95 : age < 180 ? 0.35 : age < 365 ? 0.12 : 0.055
    const isOpen = rnd.chance(pOpen)
    if (isOpen) totals.open++
    const candidates = wijkId === null ? [] : (o.consulenten.get(wijkId) ?? [])
    const consulentId = leastAssigned(candidates, assigned)
    const status = isOpen ? (age < 14 || rnd.chance(0.4) ? 'nieuw' : 'in_behandeling') : 'gesloten'
    const geslotenOp = isOpen ? null : minDate(maxDate(addDays(datum, rnd.int(10, 60)), latest), o.today)
    const primary = residents[0]!
    const name = displayName({
      initials: primary.voorletters,
      prefix: primary.tussenvoegsel,
      surname: primary.achternaam,
    })
    const kase = {
      id,
      case_number: caseNumberFor(id, datum),
      household_id: id,
      wijk_id: wijkId,
      consulent_id: consulentId,
      status,
      is_open: isOpen ? 1 : 0,
      datum_opgepakt: datum,
      resultaat: isOpen ? null : rnd.pick(EINDRESULTATEN),
      gesloten_op: geslotenOp,
      display_name: signers.size > 1 ? `${name} e.a.` : name,
      sort_name: `${primary.achternaam_key} ${primary.voorletters}`.toLowerCase(),
      postcode,
      adres: `${straat} ${formatHouseNumber(huisnummer, toevoeging)}`,
      partner_types: partnerTypesSummary(types),
      signal_count: count,
      total_amount_cents: total,
      latest_signal_date: latest,
      crisis,
      is_demo: 0,
      created_at: at,
      created_by: null,
    }
    totals.residents = residentId
    totals.signals = signalId
    yield { household, residents, kase, signals }
  }
}

/** Fills through SQLite's raw handle with prepared statements, 20,000 cases per transaction. */
export function fill(raw: BetterSqlite3.Database, o: FillOptions): FillResult {
  const insHousehold = raw.prepare(
    'insert into household (id, postcode, huisnummer, toevoeging, straat, plaats, wijk_id, created_at) values (@id, @postcode, @huisnummer, @toevoeging, @straat, @plaats, @wijk_id, @created_at)',
  )
  const insResident = raw.prepare(
    'insert into resident (id, household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, created_at, updated_at) values (@id, @household_id, @voorletters, @tussenvoegsel, @achternaam, @achternaam_key, @geboortedatum, @telefoon, @email, @bsn, @created_at, @updated_at)',
  )
  const insCase = raw.prepare(
    `insert into vroegsignaalzaak (id, case_number, household_id, wijk_id, consulent_id, status, is_open, datum_opgepakt, resultaat, gesloten_op,
       display_name, sort_name, postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, crisis, is_demo, created_at, created_by)
     values (@id, @case_number, @household_id, @wijk_id, @consulent_id, @status, @is_open, @datum_opgepakt, @resultaat, @gesloten_op,
       @display_name, @sort_name, @postcode, @adres, @partner_types, @signal_count, @total_amount_cents, @latest_signal_date, @crisis, @is_demo, @created_at, @created_by)`,
  )
  const insSignal = raw.prepare(
    `insert into vroegsignaal (id, extern_id, bron, partner_type, partner_naam, bedrag_cents, ontstaansdatum, signaaldatum, crisis, warme_overdracht,
       status, resident_id, household_id, case_id, is_demo, created_at, created_by) values (@id, @extern_id, @bron, @partner_type, @partner_naam, @bedrag_cents,
       @ontstaansdatum, @signaaldatum, @crisis, @warme_overdracht, @status, @resident_id, @household_id, @case_id, @is_demo, @created_at, @created_by)`,
  )
  const { cases, totals } = fillRows(o)
  let done = 0
  const batch = raw.transaction(() => {
    for (let k = 0; k < BATCH; k++) {
      const next = cases.next()
      if (next.done) return false
      const c = next.value
      insHousehold.run(c.household)
      for (const r of c.residents) insResident.run(r)
      insCase.run(c.kase)
      // After the case: a signal refers to it
      for (const s of c.signals) insSignal.run(s)
      done++
    }
    return true
  })
  while (batch()) o.onProgress?.(done)
  if (done % BATCH !== 0 || done === 0) o.onProgress?.(done)
  return {
    households: o.cases,
    residents: totals.residents,
    cases: o.cases,
    signals: totals.signals,
    open: totals.open,
    surnames: surnameCounts(raw),
    birthDate: totals.birthDate,
  }
}

/** Rows per multi-row insert in `fillDb`: under both stores' limits on parameters. */
const DB_CHUNK = 400

/**
 * Fills through Kysely, on SQLite or PostgreSQL (the service tests), in multi-row inserts of a
 * few hundred cases' rows each, the tables' triggers firing as they do for the intake. On
 * PostgreSQL the id sequences are then set past the given ids. Returns the same figures as `fill`.
 */
export async function fillDb(db: Db, o: FillOptions): Promise<FillResult> {
  const { cases, totals } = fillRows(o)
  const all = [...cases]
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < all.length; start += DB_CHUNK) {
      const chunk = all.slice(start, start + DB_CHUNK)
      await insertChunks(
        trx,
        'household',
        chunk.map((c) => c.household),
      )
      await insertChunks(
        trx,
        'resident',
        chunk.flatMap((c) => c.residents),
      )
      await insertChunks(
        trx,
        'vroegsignaalzaak',
        chunk.map((c) => c.kase),
      )
      await insertChunks(
        trx,
        'vroegsignaal',
        chunk.flatMap((c) => c.signals),
      )
      o.onProgress?.(start + chunk.length)
    }
    if (dialectOf(trx) === 'postgres')
      for (const table of ['household', 'resident', 'vroegsignaalzaak', 'vroegsignaal'])
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
          trx,
        )
  })
  const byKey = new Map<string, { name: string; n: number }>()
  for (const c of all)
    for (const r of c.residents) {
      const seen = byKey.get(r.achternaam_key)
      if (seen) seen.n++
      else
        byKey.set(r.achternaam_key, {
          name: r.tussenvoegsel ? `${r.tussenvoegsel} ${r.achternaam}` : r.achternaam,
          n: 1,
        })
    }
  const ranked = [...byKey.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
  return {
    households: o.cases,
    residents: totals.residents,
    cases: o.cases,
    signals: totals.signals,
    open: totals.open,
    surnames: { common: ranked[0]![1].name, rare: ranked[ranked.length - 1]![1].name },
    birthDate: totals.birthDate,
  }
}

/** Writes `rows` into `table` in multi-row inserts of DB_CHUNK rows. */
async function insertChunks<T extends 'household' | 'resident' | 'vroegsignaalzaak' | 'vroegsignaal'>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += DB_CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(start, start + DB_CHUNK) as never)
      .execute()
}
/** The most common surname, and the least common one. */
function surnameCounts(raw: BetterSqlite3.Database): { common: string; rare: string } {
  const rows = raw
    .prepare(
      `select tussenvoegsel, achternaam, count(*) n from resident group by achternaam_key order by n desc`,
    )
    .all() as { tussenvoegsel: string; achternaam: string; n: number }[]
  const full = (r: (typeof rows)[number]) =>
    r.tussenvoegsel ? `${r.tussenvoegsel} ${r.achternaam}` : r.achternaam
  const rare = rows[rows.length - 1]!
  return { common: full(rows[0]!), rare: full(rare) }
}

/** Spreads `total` signals over `cases` cases: most have one, some up to six. */
function distribute(cases: number, total: number, rnd: ReturnType<typeof createRandom>): Uint8Array {
  const counts = new Uint8Array(cases)
  let sum = 0
  for (let i = 0; i < cases; i++) {
    counts[i] = rnd.weighted([
      [1, 55],
      [2, 28],
      [3, 12],
      [4, 5],
    ] as const)
    sum += counts[i]!
  }
  while (sum !== total) {
    const i = rnd.int(0, cases - 1)
    const c = counts[i]!
    if (sum < total && c < 6) {
      counts[i] = c + 1
      sum++
    } else if (sum > total && c > 1) {
      counts[i] = c - 1
      sum--
    }
  }
  return counts
}

function leastAssigned(candidates: number[], assigned: Map<number, number>): number | null {
  let best: number | null = null
  for (const c of candidates)
    if (best === null || (assigned.get(c) ?? 0) < (assigned.get(best) ?? 0)) best = c
  if (best !== null) assigned.set(best, (assigned.get(best) ?? 0) + 1)
  return best
}

function lettersPairs(): string[] {
  const out: string[] = []
  for (let a = 0; a < 26; a++)
    for (let b = 0; b < 26; b++) {
      const p = String.fromCharCode(65 + a, 65 + b)
      if (p !== 'SA' && p !== 'SD' && p !== 'SS') out.push(p)
    }
  return out
}

const minDate = (a: string, b: string) => (a < b ? a : b)
const maxDate = (a: string, b: string) => (a > b ? a : b)
