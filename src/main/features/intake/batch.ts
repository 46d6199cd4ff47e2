import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Signaalstatus } from '@shared/domain/ddas'
import { normalizeAddition } from '@shared/format/address'
import type { Db } from '../../db/database'
import {
  caseNumberFor,
  caseSummary,
  findResident,
  householdKey,
  newHousehold,
  newResident,
  pickConsulent,
  residentChange,
  type AddressInput,
  type CaseSignal,
  type ResidentInput,
} from '../signals/decisions'
import { loadWijkRanges, wijkForPostcode, type WijkRange } from '../wijken/assignment'
import type { NewSignal, UseCaseContext } from '../signals/service'
import { insertMany, selectIn } from './sql-batch'

export { insertMany } from './sql-batch'

/** What the batch path needs to know up front, read once per import. */
export interface BatchLookups {
  ranges: WijkRange[]
  /** Active consulenten per wijk, lowest id first (as consulentForWijk orders them). */
  consulenten: Map<number, number[]>
  /** Open cases per consulent. */
  loads: Map<number, number>
}

export async function loadBatchLookups(db: Db): Promise<BatchLookups> {
  const links = await db
    .selectFrom('user_wijk')
    .innerJoin('app_user', 'app_user.id', 'user_wijk.user_id')
    .select(['user_wijk.wijk_id', 'app_user.id'])
    .where('app_user.rol', '=', 'consulent')
    .where('app_user.actief', '=', 1)
    .orderBy('app_user.id')
    .execute()
  const consulenten = new Map<number, number[]>()
  for (const l of links) consulenten.set(l.wijk_id, [...(consulenten.get(l.wijk_id) ?? []), l.id])
  const loads = new Map<number, number>()
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select(['consulent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .where('consulent_id', 'is not', null)
    .groupBy('consulent_id')
    .execute()
  for (const r of rows) loads.set(r.consulent_id!, Number(r.n))
  return { ranges: await loadWijkRanges(db), consulenten, loads }
}

export interface BatchOutcome {
  signalId: number
  caseId: number | null
  newCase: boolean
  householdId: number
  newHousehold: boolean
  residentId: number
  newResident: boolean
  wijkId: number | null
}

/** A signal of a household as the import needs it: triage (repeated report) and matching. */
export interface KnownSignal {
  id: number
  resident_id: number
  signaaldatum: string
  partner_type: string
  partner_naam: string
  bedrag_cents: number
}

interface ResidentState {
  id: number
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
  geboortedatum: string | null
  telefoon: string
  email: string
  bsn: string | null
  has_open_case: number
  updated_at: string
}

/**
 * One address as the import knows it while it runs: the stored household (read once, for a
 * chunk of rows at a time) or the one this run created, with its residents, its open case and
 * every signal it has, stored before or added by this run.
 */
export interface HouseholdState {
  id: number
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
  wijkId: number | null
  nietBenaderen: number
  created: boolean
  residents: ResidentState[]
  openCaseId: number | null
  signals: KnownSignal[]
}

/** The id the next row of an AUTOINCREMENT table gets: past every id ever used, not only the highest now. */
function nextAutoincrementId(
  raw: BetterSqlite3.Database,
  table: 'vroegsignaalzaak' | 'vroegsignaal' | 'household' | 'resident',
): number {
  const seq = raw.prepare('select seq from sqlite_sequence where name = ?').pluck().get(table) as
    number | undefined
  const max = raw.prepare(`select max(id) from ${table}`).pluck().get() as number | null
  return Math.max(seq ?? 0, max ?? 0) + 1
}

/**
 * The four rows a new signal writes, as this writer inserts them (parameters in column order).
 * The bench's write floor (bench/write-floor.ts) runs the same statements.
 */
export const INSERT_SQL = {
  household:
    'insert into household (postcode, huisnummer, toevoeging, straat, plaats, wijk_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  resident: `insert into resident (household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, created_at, updated_at, has_open_case)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  vroegsignaalzaak: `insert into vroegsignaalzaak (id, case_number, household_id, wijk_id, consulent_id, status, is_open, datum_opgepakt, display_name, sort_name,
           postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, crisis, is_demo, created_at, created_by,
           niet_benaderen, plan_datum)
         values (?, ?, ?, ?, ?, 'nieuw', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  vroegsignaal: `insert into vroegsignaal (extern_id, bron, partner_type, partner_naam, bedrag_cents, ontstaansdatum, signaaldatum, crisis, warme_overdracht,
           status, resident_id, household_id, case_id, is_demo, created_at, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
}

/**
 * Every insert trigger on the tables this writer fills. Their work is done here instead: marking
 * new cases and signals for the monitor (0004) once per batch, flagging the residents of a
 * household with an open case (0001/0009), and a new case's first ladder date (0005), written
 * with the row. A trigger costs even when its WHEN clause is false (SQLite runs a sub-program
 * and keeps a statement journal for every row): pausing them takes about half the cost of a
 * case row. They are dropped inside the import's transaction and created again from their own
 * stored text in `finish()`; a rollback (or a killed process) brings them back with everything
 * else, so no commit ever lacks them.
 */
export const PAUSED_TRIGGERS = [
  'monitor_zaak_ins',
  'monitor_signaal_ins',
  'zaak_open_after_insert',
  'zaak_plan_after_insert',
  'resident_open_after_insert',
]

/**
 * The import's write settings, inside its open transaction: drops PAUSED_TRIGGERS and returns
 * their stored text for `restoreTriggers`, and defers the foreign-key checks to the commit (they
 * are still made; an immediate check makes SQLite keep a statement journal for every insert).
 * SQLite turns the deferral off again when the transaction ends.
 */
export function pauseInsertTriggers(raw: BetterSqlite3.Database): string[] {
  const triggers = raw
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and name in (${PAUSED_TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...PAUSED_TRIGGERS) as { name: string; sql: string }[]
  if (triggers.length !== PAUSED_TRIGGERS.length)
    throw new Error('pauseInsertTriggers: a row trigger is missing')
  for (const t of triggers) raw.exec(`drop trigger ${t.name}`)
  raw.pragma('defer_foreign_keys = ON')
  return triggers.map((t) => t.sql)
}

/** Creates the paused triggers again from their stored text (before the commit). */
export function restoreTriggers(raw: BetterSqlite3.Database, paused: string[]): void {
  for (const sql of paused) raw.exec(sql)
}

export interface AddressKey {
  postcode: string
  huisnummer: number
  toevoeging: string
}

const RESIDENT_COLUMNS =
  'id, household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, has_open_case, updated_at'

/**
 * The monthly import's write path: prepared statements on the raw handle, deciding with the
 * same functions as the one-by-one path (signals/decisions.ts) and writing exactly the rows
 * `takeInSignal` writes (signals/service.ts), proven equal in batch.test.ts. What the database
 * already knows is read a chunk of rows at a time (`prefetch`: stored signal IDs, the
 * addresses with their residents, open cases and signals), so each row costs its inserts and
 * little else. Synchronous: call it inside one raw transaction, then `finish()` before the
 * commit.
 */
export class BatchWriter {
  private readonly s
  private readonly touched = new Set<number>()
  private readonly households = new Map<string, HouseholdState | null>()
  private storedIds = new Set<string>()
  /** The signal IDs asked about in the latest prefetch (a chunk of rows). */
  private checkedIds = new Set<string>()
  private nextCaseId: number
  readonly first: { zaak: number; huishouden: number; bewoner: number; signaal: number }
  /** After finish(): the ids this run created per kind, first and last (none: absent). */
  readonly made: Partial<Record<'zaak' | 'huishouden' | 'bewoner' | 'signaal', [number, number]>> = {}
  private readonly paused: string[]
  private finished = false

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly lookups: BatchLookups,
    private readonly ctx: UseCaseContext,
    /** The import this run belongs to: its undo record (ranges, residents' details before). */
    private readonly importId: number | null = null,
  ) {
    if (!raw.inTransaction) throw new Error('BatchWriter needs an open transaction')
    this.nextCaseId = nextAutoincrementId(raw, 'vroegsignaalzaak')
    this.first = {
      zaak: this.nextCaseId,
      huishouden: nextAutoincrementId(raw, 'household'),
      bewoner: nextAutoincrementId(raw, 'resident'),
      signaal: nextAutoincrementId(raw, 'vroegsignaal'),
    }
    this.paused = pauseInsertTriggers(raw)
    const p = (sql: string) => raw.prepare(sql)
    this.s = {
      householdWijk: p('update household set wijk_id = ? where id = ?'),
      insHousehold: p(INSERT_SQL.household),
      updResident: p(
        'update resident set telefoon = ?, email = ?, bsn = ?, geboortedatum = ?, updated_at = ? where id = ?',
      ),
      residentBefore: p(
        `insert into import_resident_before (import_id, resident_id, telefoon, email, bsn, geboortedatum, updated_at,
           set_telefoon, set_email, set_bsn, set_geboortedatum) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (import_id, resident_id) do update set set_telefoon = excluded.set_telefoon,
           set_email = excluded.set_email, set_bsn = excluded.set_bsn, set_geboortedatum = excluded.set_geboortedatum`,
      ),
      insResident: p(INSERT_SQL.resident),
      // zaak_open_after_insert, for a case opened on an address that was already known
      flagResident: p('update resident set has_open_case = 1 where id = ?'),
      insCase: p(INSERT_SQL.vroegsignaalzaak),
      insSignal: p(INSERT_SQL.vroegsignaal),
      caseSignals: p(
        'select partner_type, bedrag_cents, signaaldatum, crisis, resident_id from vroegsignaal where case_id = ? order by id',
      ),
      caseHousehold: p(
        'select h.postcode, h.huisnummer, h.toevoeging, h.straat from vroegsignaalzaak z join household h on h.id = z.household_id where z.id = ?',
      ),
      resident: p('select voorletters, tussenvoegsel, achternaam, achternaam_key from resident where id = ?'),
      updSummary: p(
        `update vroegsignaalzaak set display_name = ?, sort_name = ?, postcode = ?, adres = ?, partner_types = ?, signal_count = ?,
           total_amount_cents = ?, latest_signal_date = ?, crisis = ? where id = ?`,
      ),
    }
  }

  /**
   * Reads what the database knows about these rows in a few statements with sorted keys (pages
   * are then read in order, once): which signal IDs are stored, and each stored address with
   * its residents, open case and signals. Rows that were never prefetched are read one by one.
   */
  prefetch(
    externIds: readonly string[],
    addresses: readonly AddressKey[],
    /** householdKey of each address, when the caller has them already. */
    addressKeys?: readonly string[],
  ): void {
    const ids = [...new Set(externIds.filter((x) => x && !this.storedIds.has(x)))].sort()
    if (externIds.length > 1) {
      // A chunk of a file: what earlier chunks asked is not asked again (the file's own
      // duplicates are caught before), so the sets stay the size of one chunk
      this.checkedIds = new Set(ids)
      this.storedIds = new Set()
    } else for (const x of ids) this.checkedIds.add(x)
    selectIn(
      this.raw,
      'select extern_id from vroegsignaal where extern_id in (#)',
      1,
      ids,
      (r: { extern_id: string }) => this.storedIds.add(r.extern_id),
    )

    const wanted = new Map<string, AddressKey>()
    for (let i = 0; i < addresses.length; i++) {
      const a = addresses[i]!
      const k = addressKeys?.[i] ?? householdKey(a.postcode, a.huisnummer, a.toevoeging)
      if (!this.households.has(k)) wanted.set(k, a)
    }
    if (wanted.size === 0) return
    const keys = [...wanted.keys()].sort()
    const found: HouseholdState[] = []
    selectIn(
      this.raw,
      `select h.id, h.postcode, h.huisnummer, h.toevoeging, h.straat, h.wijk_id, h.niet_benaderen
       from (values #) v join household h on h.postcode = v.column1 and h.huisnummer = v.column2 and h.toevoeging = v.column3`,
      3,
      keys.flatMap((k) => {
        const a = wanted.get(k)!
        return [a.postcode, a.huisnummer, normalizeAddition(a.toevoeging)]
      }),
      (r: {
        id: number
        postcode: string
        huisnummer: number
        toevoeging: string
        straat: string
        wijk_id: number | null
        niet_benaderen: number
      }) => {
        const hh: HouseholdState = {
          id: r.id,
          postcode: r.postcode,
          huisnummer: r.huisnummer,
          toevoeging: r.toevoeging,
          straat: r.straat,
          wijkId: r.wijk_id,
          nietBenaderen: r.niet_benaderen,
          created: false,
          residents: [],
          openCaseId: null,
          signals: [],
        }
        found.push(hh)
        this.households.set(householdKey(r.postcode, r.huisnummer, r.toevoeging), hh)
      },
    )
    for (const k of keys) if (!this.households.has(k)) this.households.set(k, null)
    if (found.length === 0) return
    const byId = new Map(found.map((h) => [h.id, h]))
    const hhIds = [...byId.keys()].sort((a, b) => a - b)
    selectIn(
      this.raw,
      `select ${RESIDENT_COLUMNS} from resident where household_id in (#) order by id`,
      1,
      hhIds,
      (r: ResidentState & { household_id: number }) => byId.get(r.household_id)!.residents.push(r),
    )
    // Residents in id order per household, whichever chunk of the IN list they came from
    for (const h of found) if (h.residents.length > 1) h.residents.sort((a, b) => a.id - b.id)
    selectIn(
      this.raw,
      'select household_id, id from vroegsignaalzaak where household_id in (#) and is_open = 1',
      1,
      hhIds,
      (r: { household_id: number; id: number }) => {
        const h = byId.get(r.household_id)!
        if (h.openCaseId === null || r.id > h.openCaseId) h.openCaseId = r.id
      },
    )
    selectIn(
      this.raw,
      'select household_id, id, resident_id, signaaldatum, partner_type, partner_naam, bedrag_cents from vroegsignaal where household_id in (#)',
      1,
      hhIds,
      (r: KnownSignal & { household_id: number }) => byId.get(r.household_id)!.signals.push(r),
    )
  }

  isImported(externId: string): boolean {
    if (this.storedIds.has(externId)) return true
    if (!this.checkedIds.has(externId)) this.prefetch([externId], [])
    return this.storedIds.has(externId)
  }

  /** The household of an address as this run knows it (stored, or made by this run); null when new. */
  household(a: AddressKey, key?: string): HouseholdState | null {
    const k = key ?? householdKey(a.postcode, a.huisnummer, a.toevoeging)
    const known = this.households.get(k)
    if (known !== undefined) return known
    this.prefetch([], [a], [k])
    return this.households.get(k) ?? null
  }

  take(
    signal: NewSignal,
    r: ResidentInput,
    address: AddressInput,
    notFollowed: Signaalstatus | null,
    /** The address's wijk and householdKey, when the caller has them already. */
    wijk?: number | null,
    key?: string,
  ): BatchOutcome {
    const { s, ctx } = this
    // Household (findOrCreateHousehold)
    const wijkId = wijk === undefined ? wijkForPostcode(address.postcode, this.lookups.ranges) : wijk
    const hhKey = key ?? householdKey(address.postcode, address.huisnummer, address.toevoeging)
    let hh = this.household(address, hhKey)
    const newHouseholdMade = hh === null
    if (hh) {
      if (hh.wijkId !== wijkId) {
        s.householdWijk.run(wijkId, hh.id)
        hh.wijkId = wijkId
      }
    } else {
      const row = newHousehold(address, wijkId, ctx.at)
      const id = Number(
        s.insHousehold.run(
          row.postcode,
          row.huisnummer,
          row.toevoeging,
          row.straat,
          row.plaats,
          wijkId,
          ctx.at,
        ).lastInsertRowid,
      )
      hh = {
        id,
        postcode: row.postcode,
        huisnummer: row.huisnummer,
        toevoeging: row.toevoeging,
        straat: row.straat,
        wijkId,
        nietBenaderen: 0,
        created: true,
        residents: [],
        openCaseId: null,
        signals: [],
      }
      this.households.set(hhKey, hh)
    }
    // Resident (findOrCreateResidentWithFlag)
    const match = findResident(hh.residents, r)
    let person: ResidentState
    if (match) {
      person = match
      const change = residentChange(match, r)
      if (change) {
        // Undo puts back what this import changed on someone known before it (the first values seen)
        if (this.importId !== null && match.id < this.first.bewoner)
          s.residentBefore.run(
            this.importId,
            match.id,
            match.telefoon,
            match.email,
            match.bsn,
            match.geboortedatum,
            match.updated_at,
            change.telefoon,
            change.email,
            change.bsn,
            change.geboortedatum,
          )
        s.updResident.run(change.telefoon, change.email, change.bsn, change.geboortedatum, ctx.at, match.id)
        Object.assign(match, change, { updated_at: ctx.at })
      }
    } else {
      const row = newResident(hh.id, r, ctx.at)
      // A followed-up signal leaves its household with an open case (the one it joins or the
      // one opened below); one not followed up joins a household that may have one already.
      // Flagged now, as resident_open_after_insert (paused) would.
      const flag = notFollowed ? (hh.openCaseId !== null ? 1 : 0) : 1
      const id = Number(
        s.insResident.run(
          hh.id,
          row.voorletters,
          row.tussenvoegsel,
          row.achternaam,
          row.achternaam_key,
          row.geboortedatum,
          row.telefoon,
          row.email,
          row.bsn,
          ctx.at,
          ctx.at,
          flag,
        ).lastInsertRowid,
      )
      person = { ...row, id, has_open_case: flag }
      hh.residents.push(person)
    }
    const residentId = person.id
    if (notFollowed) {
      const signalId = this.insertSignal(signal, notFollowed, null, residentId, hh)
      return outcome(signalId, null, false, hh, newHouseholdMade, residentId, !match, wijkId)
    }
    // Case (the open one of the household, or a new one for the wijk's least loaded consulent).
    // A case this writer opens is written at once with this signal's summary and its ladder plan
    // (what the 0005 trigger would set), so no trigger rewrites it and no foreign key waits for it;
    // finish() corrects the summary of the few that get more signals from this file.
    const open = hh.openCaseId
    let caseId: number
    if (open !== null) caseId = open
    else {
      const consulentId = pickConsulent(
        this.lookups.consulenten.get(wijkId ?? -1) ?? [],
        (id) => this.lookups.loads.get(id) ?? 0,
      )
      caseId = this.nextCaseId++
      if (consulentId !== null)
        this.lookups.loads.set(consulentId, (this.lookups.loads.get(consulentId) ?? 0) + 1)
      const summary = caseSummary(
        [
          {
            partner_type: signal.partnerType,
            bedrag_cents: signal.bedragCents,
            signaaldatum: signal.signaaldatum,
            crisis: signal.crisis ? 1 : 0,
            resident_id: residentId,
          },
        ],
        hh,
        person,
      )
      s.insCase.run(
        caseId,
        caseNumberFor(caseId, ctx.today),
        hh.id,
        wijkId,
        consulentId,
        ctx.today,
        summary.display_name,
        summary.sort_name,
        summary.postcode,
        summary.adres,
        summary.partner_types,
        summary.signal_count,
        summary.total_amount_cents,
        summary.latest_signal_date,
        summary.crisis,
        ctx.at,
        ctx.userId,
        hh.nietBenaderen,
        hh.nietBenaderen === 1 ? null : ctx.today,
      )
      hh.openCaseId = caseId
      for (const res of hh.residents)
        if (res.has_open_case === 0) {
          s.flagResident.run(res.id)
          res.has_open_case = 1
        }
    }
    const signalId = this.insertSignal(signal, null, caseId, residentId, hh)
    // A case that already had signals (stored before, or earlier in this file) is summed up again
    if (open !== null) this.touched.add(caseId)
    return outcome(signalId, caseId, open === null, hh, newHouseholdMade, residentId, !match, wijkId)
  }

  private insertSignal(
    signal: NewSignal,
    status: string | null,
    caseId: number | null,
    residentId: number,
    hh: HouseholdState,
  ): number {
    const { ctx } = this
    const id = Number(
      this.s.insSignal.run(
        signal.externId || null,
        signal.bron,
        signal.partnerType,
        signal.partnerNaam,
        signal.bedragCents,
        signal.ontstaansdatum,
        signal.signaaldatum,
        signal.crisis ? 1 : 0,
        signal.warmeOverdracht ? 1 : 0,
        status,
        residentId,
        hh.id,
        caseId,
        ctx.at,
        ctx.userId,
      ).lastInsertRowid,
    )
    hh.signals.push({
      id,
      resident_id: residentId,
      signaaldatum: signal.signaaldatum,
      partner_type: signal.partnerType,
      partner_naam: signal.partnerNaam,
      bedrag_cents: signal.bedragCents,
    })
    if (signal.externId) this.storedIds.add(signal.externId)
    return id
  }

  /**
   * The summary of every case this writer added to, once each; the monitor marks for every case
   * and signal it added; its undo ranges; and the paused triggers back in place. Call it once,
   * before the transaction commits.
   */
  finish(): void {
    if (this.finished) throw new Error('BatchWriter.finish called twice')
    this.finished = true
    for (const caseId of this.touched) this.refresh(caseId)
    this.touched.clear()
    this.raw
      .prepare(
        "insert or ignore into monitor_dirty (kind, ref_id) select 'zaak', id from vroegsignaalzaak where id >= ?",
      )
      .run(this.first.zaak)
    this.raw
      .prepare(
        "insert or ignore into monitor_dirty (kind, ref_id) select 'signaal', id from vroegsignaal where id >= ?",
      )
      .run(this.first.signaal)
    for (const [kind, table] of [
      ['zaak', 'vroegsignaalzaak'],
      ['huishouden', 'household'],
      ['bewoner', 'resident'],
      ['signaal', 'vroegsignaal'],
    ] as const) {
      const last = this.raw.prepare(`select max(id) from ${table}`).pluck().get() as number | null
      const first = this.first[kind]
      if (last !== null && last >= first) this.made[kind] = [first, last]
    }
    if (this.importId !== null)
      insertMany(
        this.raw,
        'import_range',
        ['import_id', 'kind', 'first_id', 'last_id'],
        (['zaak', 'huishouden', 'bewoner'] as const).flatMap((k) =>
          this.made[k] ? [[this.importId, k, ...this.made[k]!]] : [],
        ),
      )
    restoreTriggers(this.raw, this.paused)
  }

  /** refreshCaseSummary on the raw handle (decisions.ts, caseSummary). */
  refresh(caseId: number): void {
    const s = this.s
    const signals = s.caseSignals.all(caseId) as CaseSignal[]
    const hh = s.caseHousehold.get(caseId) as {
      postcode: string
      huisnummer: number
      toevoeging: string
      straat: string
    }
    const primaryId = signals[0]?.resident_id
    const primary = primaryId
      ? (s.resident.get(primaryId) as {
          voorletters: string
          tussenvoegsel: string
          achternaam: string
          achternaam_key: string
        })
      : undefined
    const c = caseSummary(signals, hh, primary)
    s.updSummary.run(
      c.display_name,
      c.sort_name,
      c.postcode,
      c.adres,
      c.partner_types,
      c.signal_count,
      c.total_amount_cents,
      c.latest_signal_date,
      c.crisis,
      caseId,
    )
  }
}

function outcome(
  signalId: number,
  caseId: number | null,
  newCase: boolean,
  hh: HouseholdState,
  newHousehold: boolean,
  residentId: number,
  newResident: boolean,
  wijkId: number | null,
): BatchOutcome {
  return { signalId, caseId, newCase, householdId: hh.id, newHousehold, residentId, newResident, wijkId }
}
