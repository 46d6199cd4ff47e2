import { CompiledQuery } from 'kysely'
import { ConflictError } from '../../lib/errors'
import type { Db } from '../../db/database'
import type { UseCaseContext } from '../../app/use-case'
import { refreshCaseSummary } from '../signals/households'
import { normalizeAddition } from '@shared/format/address'
import { BatchCore, type FirstIds, type RowSink } from './batch-core'
import {
  RESIDENT_COLUMNS,
  storedHousehold,
  type AddressKey,
  type HouseholdRow,
  type BatchLookups,
  type HouseholdState,
  type KnownSignal,
  type ResidentState,
} from './batch-state'

/** A raw statement on the import's own connection (its transaction): the rows it returns. */
export type Query = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>

export function queryOn(trx: Db): Query {
  return async <R>(text: string, params: unknown[] = []) =>
    (await trx.executeQuery<R>(CompiledQuery.raw(text, params))).rows
}

/** A column of a set-based insert: its name and PostgreSQL type. */
export type Column = readonly [name: string, type: 'int' | 'text']

/**
 * Inserts rows with one statement: every column sent as one array and unnested (`insert ...
 * select * from unnest($1::int[], $2::text[], ...)`), so a statement has as many parameters as
 * the table has columns, however many rows it carries, and its text is the same every time.
 * `fixed` adds columns with the same SQL value on every row; `tail` follows the select
 * (on conflict ...).
 */
export async function insertUnnest(
  q: Query,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  opts: { fixed?: Record<string, string>; tail?: string } = {},
): Promise<void> {
  if (rows.length === 0) return
  const arrays = columns.map((_, c) => rows.map((r) => r[c] ?? null))
  const fixed = Object.entries(opts.fixed ?? {})
  const names = [...columns.map((c) => c[0]), ...fixed.map((f) => f[0])]
  const values = [...columns.map((c) => c[0]), ...fixed.map((f) => f[1])]
  const text =
    `insert into ${table} (${names.join(', ')}) select ${values.join(', ')} from unnest(` +
    columns.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ') +
    `) as v(${columns.map((c) => c[0]).join(', ')})${opts.tail ? ` ${opts.tail}` : ''}`
  await q(text, arrays)
}

const I = 'int'
const T = 'text'
export const HOUSEHOLD: Column[] = [
  ['id', I],
  ['postcode', T],
  ['huisnummer', I],
  ['toevoeging', T],
  ['straat', T],
  ['plaats', T],
  ['wijk_id', I],
  ['created_at', T],
]
export const RESIDENT: Column[] = [
  ['id', I],
  ['household_id', I],
  ['voorletters', T],
  ['tussenvoegsel', T],
  ['achternaam', T],
  ['achternaam_key', T],
  ['geboortedatum', T],
  ['telefoon', T],
  ['email', T],
  ['bsn', T],
  ['created_at', T],
  ['updated_at', T],
  ['has_open_case', I],
]
/** INSERT_SQL.vroegsignaalzaak's parameters; status, is_open and is_demo are fixed there. */
export const CASE: Column[] = [
  ['id', I],
  ['case_number', T],
  ['household_id', I],
  ['wijk_id', I],
  ['consulent_id', I],
  ['datum_opgepakt', T],
  ['display_name', T],
  ['sort_name', T],
  ['postcode', T],
  ['adres', T],
  ['partner_types', T],
  ['signal_count', I],
  ['total_amount_cents', I],
  ['latest_signal_date', T],
  ['crisis', I],
  ['created_at', T],
  ['created_by', I],
  ['niet_benaderen', I],
  ['plan_datum', T],
]
export const CASE_FIXED = { status: "'nieuw'", is_open: '1', is_demo: '0' }
/** INSERT_SQL.vroegsignaal's parameters; is_demo is fixed there. */
export const SIGNAL: Column[] = [
  ['id', I],
  ['extern_id', T],
  ['bron', T],
  ['partner_type', T],
  ['partner_naam', T],
  ['bedrag_cents', I],
  ['ontstaansdatum', T],
  ['signaaldatum', T],
  ['crisis', I],
  ['warme_overdracht', I],
  ['status', T],
  ['resident_id', I],
  ['household_id', I],
  ['case_id', I],
  ['created_at', T],
  ['created_by', I],
]
const RESIDENT_BEFORE: Column[] = [
  ['import_id', I],
  ['resident_id', I],
  ['telefoon', T],
  ['email', T],
  ['bsn', T],
  ['geboortedatum', T],
  ['updated_at', T],
  ['set_telefoon', T],
  ['set_email', T],
  ['set_bsn', T],
  ['set_geboortedatum', T],
]

/**
 * The insert triggers of the four tables on PostgreSQL, per table. The writer does their work
 * itself, as on SQLite (batch-statements.ts, PAUSED_TRIGGERS): the open-case flag (0001) and the
 * first ladder date (0005) are written with the rows, the monitor's marks (0004) once per run in
 * `finish()`. A row trigger costs PostgreSQL about 60 µs per imported signal (the bench's write
 * floor with and without them), so they skip the rows of a transaction that set
 * `lange_adem.bulk_import` (their WHEN, migration 0020): the writer sets it in `open` and clears
 * it in `finish`. Disabling them (ALTER TABLE … DISABLE TRIGGER, switchTriggers: the bench's
 * floor only) would lock the tables against every colleague's update until the commit.
 * batch.test.ts fails when another one appears, so it is looked at here first.
 */
export const PG_PAUSED_TRIGGERS = {
  household: [] as string[],
  resident: ['resident_open_before_insert'],
  vroegsignaalzaak: ['monitor_zaak_ins', 'zaak_open_after_insert', 'zaak_plan_before_insert'],
  vroegsignaal: ['monitor_signaal_ins'],
}

export const PG_INSERT_TRIGGERS = Object.values(PG_PAUSED_TRIGGERS).flat().sort()

/** Disables (or enables again) PG_PAUSED_TRIGGERS for the bench's write floor; locks the tables until the commit. */
export async function switchTriggers(q: Query, on: boolean): Promise<void> {
  for (const [table, names] of Object.entries(PG_PAUSED_TRIGGERS))
    if (names.length > 0)
      await q(
        `alter table ${table} ${names.map((n) => `${on ? 'enable' : 'disable'} trigger ${n}`).join(', ')}`,
      )
}

const TABLES = {
  zaak: 'vroegsignaalzaak',
  huishouden: 'household',
  bewoner: 'resident',
  signaal: 'vroegsignaal',
} as const

/** The first id of each table past every id its sequence gave out (or a row was stored with). */
export async function nextIds(q: Query): Promise<FirstIds> {
  const [r] = await q<FirstIds>(
    `select ${Object.entries(TABLES)
      .map(
        ([k, t]) =>
          `greatest(coalesce((select max(id) from ${t}), 0), ` +
          `coalesce(pg_sequence_last_value(pg_get_serial_sequence('${t}', 'id')::regclass), 0)) + 1 as ${k}`,
      )
      .join(', ')}`,
  )
  return r!
}

/**
 * Reserves `count` ids of each of the four tables for one import run, in a short transaction of
 * its own on another connection of `db` (the pool), committed before the run writes: the tables
 * are locked only for this (SHARE ROW EXCLUSIVE: waits for colleagues' open writes, at most 5 s,
 * and lets no insert take a number meanwhile), each sequence is moved past the range, and the lock
 * ends. Sequences are not transactional: a run that rolls back leaves its range unused (ids are
 * never reused anyway). Returns the first id of each range.
 */
export async function reserveIds(db: Db, count: number): Promise<FirstIds> {
  return db.transaction().execute(async (t) => {
    const q = queryOn(t)
    await q(`set local lock_timeout = '5s'`)
    await q('lock table household, resident, vroegsignaalzaak, vroegsignaal in share row exclusive mode')
    const first = await nextIds(q)
    if (count > 0)
      await q(
        `select ${Object.entries(TABLES)
          .map(
            ([k, t]) =>
              `setval(pg_get_serial_sequence('${t}', 'id'), $${Object.keys(TABLES).indexOf(k) + 1})`,
          )
          .join(', ')}`,
        (Object.keys(TABLES) as (keyof FirstIds)[]).map((k) => first[k] + count - 1),
      )
    return first
  })
}

/**
 * The monthly import's writer on PostgreSQL: the same decisions as on SQLite (BatchCore), over
 * the same state, read a chunk of rows at a time with set-based statements (`= any($1)`, a
 * join on unnested keys). Each row gets its id here, from the table's own sequence, and waits in
 * a buffer; `flush()` writes the buffers with one unnest insert per table (households, residents,
 * cases, signals, in the order of their foreign keys), and the few updates the same way.
 *
 * The ids can be given here because the run's ranges were reserved before it started
 * (reserveIds: the sequences moved past them in a short transaction of their own), so the ids of
 * a run are one unbroken range per table, which is what undo and the logboek entry name, and no
 * table is locked while it runs: colleagues keep writing. The insert triggers skip this
 * transaction's rows (migration 0020), their work done here (PG_PAUSED_TRIGGERS).
 */
export class PgBatchWriter extends BatchCore {
  private readonly buffers: {
    households: unknown[][]
    residents: unknown[][]
    cases: unknown[][]
    signals: unknown[][]
    wijk: Map<number, number | null>
    updates: Map<number, unknown[]>
    before: Map<number, unknown[]>
    flags: Set<number>
  }
  private readonly next: FirstIds
  private finished = false

  private constructor(
    private readonly trx: Db,
    private readonly q: Query,
    lookups: BatchLookups,
    ctx: UseCaseContext,
    importId: number | null,
    first: FirstIds,
    /** How many ids of each table the run may use from `first` on (its reserved range). */
    bound: number,
  ) {
    const next = { ...first }
    const take = (kind: keyof FirstIds) => {
      const id = next[kind]++
      // Each row makes at most one of each; more would leave the range reserved for the run
      if (id >= first[kind] + bound) throw new Error(`PgBatchWriter: ${kind} ${id} beyond the run's range`)
      return id
    }
    const b = {
      households: [] as unknown[][],
      residents: [] as unknown[][],
      cases: [] as unknown[][],
      signals: [] as unknown[][],
      wijk: new Map<number, number | null>(),
      updates: new Map<number, unknown[]>(),
      before: new Map<number, unknown[]>(),
      flags: new Set<number>(),
    }
    const sink: RowSink = {
      householdWijk: ([wijk, id]) => void b.wijk.set(id as number, wijk as number | null),
      insertHousehold: (v) => {
        const id = take('huishouden')
        b.households.push([id, ...v])
        return id
      },
      residentBefore: (v) => {
        // One row per resident: the details before the first change, what the last one set
        const id = v[1] as number
        const had = b.before.get(id)
        b.before.set(id, had ? [...had.slice(0, 7), ...v.slice(7)] : v)
      },
      updateResident: (v) => void b.updates.set(v[5] as number, v),
      insertResident: (v) => {
        const id = take('bewoner')
        b.residents.push([id, ...v])
        return id
      },
      flagResident: (id) => void b.flags.add(id),
      insertCase: (v) => {
        next.zaak = Math.max(next.zaak, (v[0] as number) + 1)
        if (next.zaak > first.zaak + bound) throw new Error("PgBatchWriter: a case beyond the run's range")
        b.cases.push(v)
      },
      insertSignal: (v) => {
        const id = take('signaal')
        b.signals.push([id, ...v])
        return id
      },
    }
    super(sink, lookups, ctx, importId, first)
    this.buffers = b
    this.next = next
  }

  /**
   * Opens the writer inside the import's transaction on `trx`, with the first id of each table:
   * a range reserved for the run (reserveIds) or, for a preview, nextIds. Takes no table lock:
   * the insert triggers skip the rows of this transaction (migration 0020), whose work the writer
   * does itself, until finish().
   */
  static async open(
    trx: Db,
    lookups: BatchLookups,
    ctx: UseCaseContext,
    importId: number | null,
    ids: { first: FirstIds; bound: number },
  ): Promise<PgBatchWriter> {
    const q = queryOn(trx)
    await q(`set local lange_adem.bulk_import = 'on'`)
    return new PgBatchWriter(trx, q, lookups, ctx, importId, ids.first, ids.bound)
  }

  protected readMissing(): void {
    throw new Error('PgBatchWriter: a row was not prefetched')
  }

  /** The stored signal IDs and households of a chunk of rows, in four set-based statements. */
  async prefetch(
    externIds: readonly string[],
    addresses: readonly AddressKey[],
    addressKeys?: readonly string[],
  ): Promise<void> {
    const ids = this.idsToAsk(externIds)
    if (ids.length > 0)
      for (const r of await this.q<{ extern_id: string }>(
        'select extern_id from vroegsignaal where extern_id = any($1::text[])',
        [ids],
      ))
        this.storedIds.add(r.extern_id)
    const wanted = this.addressesToAsk(addresses, addressKeys)
    if (wanted.size > 0) await readHouseholdsPg(this.q, wanted, this.households)
  }

  /** Writes what the rows so far made: one statement per table, in the order of the foreign keys. */
  async flush(): Promise<void> {
    // Taken out of the buffers at once: the next rows may be decided while these are written
    const b = this.buffers
    const households = b.households.splice(0)
    const residents = b.residents.splice(0)
    const cases = b.cases.splice(0)
    const signals = b.signals.splice(0)
    const wijk = [...b.wijk]
    const updates = [...b.updates.values()]
    const before = [...b.before.values()]
    const flags = [...b.flags]
    b.wijk.clear()
    b.updates.clear()
    b.before.clear()
    b.flags.clear()
    const q = this.q
    await insertUnnest(q, 'household', HOUSEHOLD, households)
    await insertUnnest(q, 'resident', RESIDENT, residents)
    if (wijk.length > 0)
      await q(
        'update household h set wijk_id = v.w from unnest($1::int[], $2::int[]) as v(id, w) where h.id = v.id',
        [wijk.map((w) => w[0]), wijk.map((w) => w[1])],
      )
    await insertUnnest(q, 'import_resident_before', RESIDENT_BEFORE, before, {
      tail: `on conflict (import_id, resident_id) do update set set_telefoon = excluded.set_telefoon,
         set_email = excluded.set_email, set_bsn = excluded.set_bsn, set_geboortedatum = excluded.set_geboortedatum`,
    })
    if (updates.length > 0)
      await q(
        `update resident r set telefoon = v.t, email = v.e, bsn = v.b, geboortedatum = v.g, updated_at = v.u
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) as v(t, e, b, g, u, id)
         where r.id = v.id`,
        [0, 1, 2, 3, 4, 5].map((c) => updates.map((row) => row[c] ?? null)),
      )
    if (flags.length > 0) await q('update resident set has_open_case = 1 where id = any($1::int[])', [flags])
    await insertUnnest(q, 'vroegsignaalzaak', CASE, cases, { fixed: CASE_FIXED })
    await insertUnnest(q, 'vroegsignaal', SIGNAL, signals, { fixed: { is_demo: '0' } })
  }

  /**
   * The rest of the rows; the summary of every case this run added to, once each; its undo
   * ranges; the sequences past its ids. The monitor's marks are the row triggers'. Call it once,
   * before the transaction commits.
   */
  async finish(): Promise<void> {
    if (this.finished) throw new Error('PgBatchWriter.finish called twice')
    this.finished = true
    await this.flush()
    const touched = [...this.touched].sort((a, b) => a - b)
    for (const caseId of touched) await refreshCaseSummary(this.trx, caseId)
    this.touched.clear()
    // The run took no table lock, so a colleague may have closed a case it added signals to since
    // it was read. Its summary update above locked each such case until the commit; one closed
    // before that undoes the run, as on SQLite the import would have made a new case instead.
    const closed = await this.q<{ case_number: string }>(
      'select case_number from vroegsignaalzaak where id = any($1::int[]) and is_open = 0 order by id limit 3',
      [touched],
    )
    if (closed.length > 0)
      throw new ConflictError(
        `Een collega sloot tijdens de maandimport een zaak waar dit bestand signalen aan toevoegt ` +
          `(${closed.map((c) => c.case_number).join(', ')}). Er is niets opgeslagen. Start de import opnieuw.`,
      )
    // The same for a case a colleague reopened at an address where this run opened a new one
    // (a reopening that commits later re-checks itself: ladder/closing-service.ts, reopenCase)
    const zaak = this.next.zaak - 1 >= this.first.zaak ? [this.first.zaak, this.next.zaak - 1] : null
    const reopened = zaak
      ? await this.q<{ case_number: string }>(
          `select o.case_number from vroegsignaalzaak z
           join vroegsignaalzaak o on o.household_id = z.household_id and o.is_open = 1 and o.id <> z.id
           where z.id between $1 and $2 order by o.id limit 3`,
          zaak,
        )
      : []
    if (reopened.length > 0)
      throw new ConflictError(
        `Een collega heropende tijdens de maandimport een zaak op een adres waar dit bestand een nieuwe zaak opent ` +
          `(${reopened.map((c) => c.case_number).join(', ')}). Er is niets opgeslagen. Start de import opnieuw.`,
      )
    for (const kind of Object.keys(TABLES) as (keyof FirstIds)[]) {
      const last = this.next[kind] - 1
      if (last >= this.first[kind]) this.made[kind] = [this.first[kind], last]
    }
    // The monitor's marks for every case and signal this run added (monitor_zaak_ins, monitor_signaal_ins)
    for (const [kind, table] of [
      ['zaak', 'vroegsignaalzaak'],
      ['signaal', 'vroegsignaal'],
    ] as const)
      if (this.made[kind])
        await this.q(
          `insert into monitor_dirty (kind, ref_id) select '${kind}', id from ${table} where id between $1 and $2 on conflict do nothing`,
          this.made[kind],
        )
    if (this.importId !== null)
      await insertUnnest(
        this.q,
        'import_range',
        [
          ['import_id', I],
          ['kind', T],
          ['first_id', I],
          ['last_id', I],
        ],
        (['zaak', 'huishouden', 'bewoner'] as const).flatMap((k) =>
          this.made[k] ? [[this.importId, k, ...this.made[k]!]] : [],
        ),
      )
    // What the transaction does after the rows (corrections, the logboek) fires the triggers again
    await this.q(`set local lange_adem.bulk_import = 'off'`)
  }
}

/**
 * readHouseholds (batch-state.ts) on PostgreSQL: the stored households of these addresses with
 * their residents in id order, their open case and their signals, in four statements.
 */
export async function readHouseholdsPg(
  q: Query,
  wanted: ReadonlyMap<string, AddressKey>,
  households: Map<string, HouseholdState | null>,
): Promise<void> {
  const keys = [...wanted.keys()]
  const found: HouseholdState[] = []
  const rows = await q<HouseholdRow>(
    `select h.id, h.postcode, h.huisnummer, h.toevoeging, h.straat, h.wijk_id, h.niet_benaderen
     from unnest($1::text[], $2::int[], $3::text[]) as v(pc, nr, tv)
     join household h on h.postcode = v.pc and h.huisnummer = v.nr and h.toevoeging = v.tv`,
    [
      keys.map((k) => wanted.get(k)!.postcode),
      keys.map((k) => wanted.get(k)!.huisnummer),
      keys.map((k) => normalizeAddition(wanted.get(k)!.toevoeging)),
    ],
  )
  for (const r of rows) found.push(storedHousehold(r, households))
  for (const k of keys) if (!households.has(k)) households.set(k, null)
  if (found.length === 0) return
  const byId = new Map(found.map((h) => [h.id, h]))
  const hhIds = [...byId.keys()]
  for (const r of await q<ResidentState & { household_id: number }>(
    `select ${RESIDENT_COLUMNS} from resident where household_id = any($1::int[]) order by id`,
    [hhIds],
  ))
    byId.get(r.household_id)!.residents.push(r)
  for (const r of await q<{ household_id: number; id: number }>(
    'select household_id, max(id) as id from vroegsignaalzaak where household_id = any($1::int[]) and is_open = 1 group by household_id',
    [hhIds],
  ))
    byId.get(r.household_id)!.openCaseId = r.id
  for (const r of await q<KnownSignal & { household_id: number }>(
    `select household_id, id, resident_id, signaaldatum, partner_type, partner_naam, bedrag_cents
     from vroegsignaal where household_id = any($1::int[]) order by id`,
    [hhIds],
  ))
    byId.get(r.household_id)!.signals.push(r)
}
