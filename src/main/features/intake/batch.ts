import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Signaalstatus } from '@shared/domain/ddas'
import { formatHouseNumber, normalizeAddition } from '@shared/format/address'
import { formatCents } from '@shared/format/money'
import {
  displayName,
  normalizeBsn,
  normalizeInitials,
  normalizePhone,
  surnameKey,
} from '@shared/format/person'
import type { Db } from '../../db/database'
import { caseNumberFor, isSameResident, looseNameKey } from '../signals/households'
import { loadWijkRanges, wijkForPostcode, type WijkRange } from '../wijken/assignment'
import type { NewSignal, UseCaseContext } from '../signals/service'
import type { AddressInput, ResidentInput } from '../signals/households'
import type { ChainedFields } from '../audit/chain'
import { appendAudit } from './audit-raw'

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

interface HouseholdLite {
  id: number
  wijk_id: number | null
  niet_benaderen: number
}

interface Person {
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
}

const statementCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

/** Inserts rows in order, 100 to a statement: the ids come out exactly as one by one. */
export function insertMany(
  raw: BetterSqlite3.Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): void {
  let cache = statementCache.get(raw)
  if (!cache) statementCache.set(raw, (cache = new Map()))
  const one = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100)
    const sql = `insert into ${table} (${columns.join(', ')}) values ${Array(chunk.length).fill(one).join(', ')}`
    let stmt = cache.get(sql)
    if (!stmt) cache.set(sql, (stmt = raw.prepare(sql)))
    stmt.run(...chunk.flat())
  }
}

interface ResidentRowLite {
  id: number
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
  geboortedatum: string | null
  voorletters: string
  telefoon: string
  email: string
  bsn: string | null
}

/** The id the next row of an AUTOINCREMENT table gets: past every id ever used, not only the highest now. */
function nextAutoincrementId(
  raw: BetterSqlite3.Database,
  table: 'vroegsignaalzaak' | 'vroegsignaal',
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

/**
 * The monthly import's write path: prepared statements on the raw handle, writing exactly the
 * rows `takeInSignal` writes (signals/service.ts), proven equal in batch.test.ts. Synchronous:
 * call it inside one raw transaction, then `finish()` (before the commit) to refresh the touched
 * cases' summaries and restore the paused triggers.
 */
export class BatchWriter {
  private readonly s
  private readonly touched = new Set<number>()
  private readonly audits: ChainedFields[] = []
  private nextCaseId: number
  private readonly firstCaseId: number
  private readonly firstSignalId: number
  private readonly paused: string[]
  private finished = false

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly lookups: BatchLookups,
  ) {
    if (!raw.inTransaction) throw new Error('BatchWriter needs an open transaction')
    this.nextCaseId = nextAutoincrementId(raw, 'vroegsignaalzaak')
    this.firstCaseId = this.nextCaseId
    this.firstSignalId = nextAutoincrementId(raw, 'vroegsignaal')
    this.paused = pauseInsertTriggers(raw)
    const p = (sql: string) => raw.prepare(sql)
    this.s = {
      dup: p('select 1 from vroegsignaal where extern_id = ?').pluck(),
      household: p(
        'select id, wijk_id, niet_benaderen from household where postcode = ? and huisnummer = ? and toevoeging = ?',
      ),
      householdWijk: p('update household set wijk_id = ? where id = ?'),
      insHousehold: p(INSERT_SQL.household),
      residents: p(
        'select id, tussenvoegsel, achternaam, achternaam_key, geboortedatum, voorletters, telefoon, email, bsn from resident where household_id = ? order by id',
      ),
      updResident: p(
        'update resident set telefoon = ?, email = ?, bsn = ?, geboortedatum = ?, updated_at = ? where id = ?',
      ),
      insResident: p(INSERT_SQL.resident),
      // zaak_open_after_insert, for a case opened on an address that was already known
      flagResidents: p('update resident set has_open_case = 1 where household_id = ? and +has_open_case = 0'),
      openCase: p(
        'select id, consulent_id, wijk_id from vroegsignaalzaak where household_id = ? and is_open = 1 order by id desc limit 1',
      ),
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

  isImported(externId: string): boolean {
    return this.s.dup.get(externId) !== undefined
  }

  /** The household of an address, if it exists; pass it on to `take`. */
  findHousehold(postcode: string, huisnummer: number, toevoeging: string): HouseholdLite | null {
    return (
      (this.s.household.get(postcode, huisnummer, normalizeAddition(toevoeging)) as
        HouseholdLite | undefined) ?? null
    )
  }

  take(
    ctx: UseCaseContext,
    signal: NewSignal,
    r: ResidentInput,
    address: AddressInput,
    notFollowed: Signaalstatus | null,
    found?: HouseholdLite | null,
  ): BatchOutcome {
    const s = this.s
    // Household (findOrCreateHousehold)
    const toevoeging = normalizeAddition(address.toevoeging)
    const wijkId = wijkForPostcode(address.postcode, this.lookups.ranges)
    const existing =
      found === undefined ? this.findHousehold(address.postcode, address.huisnummer, toevoeging) : found
    let householdId: number
    const nietBenaderen = existing ? existing.niet_benaderen : 0
    if (existing) {
      if (existing.wijk_id !== wijkId) s.householdWijk.run(wijkId, existing.id)
      householdId = existing.id
    } else {
      householdId = Number(
        s.insHousehold.run(
          address.postcode,
          address.huisnummer,
          toevoeging,
          address.straat.trim(),
          address.plaats.trim(),
          wijkId,
          ctx.at,
        ).lastInsertRowid,
      )
    }
    // Resident (findOrCreateResidentWithFlag)
    const key = surnameKey(r.achternaam, r.tussenvoegsel)
    const initials = normalizeInitials(r.voorletters)
    const loose = looseNameKey(key)
    const phone = normalizePhone(r.telefoon)
    const bsn = r.bsn ? normalizeBsn(r.bsn) : null
    const candidates = existing ? (s.residents.all(householdId) as ResidentRowLite[]) : []
    const match = candidates.find((c) => isSameResident(c, loose, initials, r.geboortedatum))
    let residentId: number
    let person: Person
    if (match) {
      person = match
      s.updResident.run(
        phone || match.telefoon,
        r.email || match.email,
        bsn ?? match.bsn,
        match.geboortedatum ?? r.geboortedatum,
        ctx.at,
        match.id,
      )
      residentId = match.id
    } else {
      residentId = Number(
        s.insResident.run(
          householdId,
          initials,
          r.tussenvoegsel.trim(),
          r.achternaam.trim(),
          key,
          r.geboortedatum,
          phone,
          r.email.trim(),
          bsn,
          ctx.at,
          ctx.at,
          // A followed-up signal leaves its household with an open case (the one it joins or the
          // one opened below); one not followed up joins a household that may have one already.
          // Flagged now, as resident_open_after_insert (paused) would.
          notFollowed ? (existing && s.openCase.get(householdId) !== undefined ? 1 : 0) : 1,
        ).lastInsertRowid,
      )
      person = {
        voorletters: initials,
        tussenvoegsel: r.tussenvoegsel.trim(),
        achternaam: r.achternaam.trim(),
        achternaam_key: key,
      }
    }
    const base = {
      householdId,
      newHousehold: !existing,
      residentId,
      newResident: !match,
      wijkId,
    }
    const insertSignal = (status: string | null, caseId: number | null) =>
      Number(
        s.insSignal.run(
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
          householdId,
          caseId,
          ctx.at,
          ctx.userId,
        ).lastInsertRowid,
      )
    const amount = `Signaal ${signal.partnerType} van ${formatCents(signal.bedragCents)} (${signal.bron}, nr `
    if (notFollowed) {
      const signalId = insertSignal(notFollowed, null)
      this.audits.push({
        at: ctx.at,
        user_id: ctx.userId,
        action: 'signaal niet opgepakt',
        entity_type: 'signaal',
        entity_id: signalId,
        summary: `${amount}${signalId}); ${notFollowed}`,
      })
      return { ...base, signalId, caseId: null, newCase: false }
    }
    // Case (the open one of the household, or a new one for the wijk's least loaded consulent).
    // A case this writer opens is written at once with this signal's summary and its ladder plan
    // (what the 0005 trigger would set), so no trigger rewrites it and no foreign key waits for it;
    // finish() corrects the summary of the few that get more signals from this file.
    // A household first seen earlier in this file is found by findHousehold, and its case here.
    const open = existing ? (s.openCase.get(householdId) as { id: number } | undefined) : undefined
    let caseId: number
    if (open) caseId = open.id
    else {
      const consulentId = this.consulentFor(wijkId)
      caseId = this.nextCaseId++
      if (consulentId !== null)
        this.lookups.loads.set(consulentId, (this.lookups.loads.get(consulentId) ?? 0) + 1)
      const adres = `${address.straat.trim()} ${formatHouseNumber(address.huisnummer, toevoeging)}`
      const name = displayName({
        initials: person.voorletters,
        prefix: person.tussenvoegsel,
        surname: person.achternaam,
      })
      s.insCase.run(
        caseId,
        caseNumberFor(caseId, ctx.today),
        householdId,
        wijkId,
        consulentId,
        ctx.today,
        name,
        `${person.achternaam_key} ${person.voorletters}`.toLowerCase(),
        address.postcode,
        adres,
        signal.partnerType,
        1,
        signal.bedragCents,
        signal.signaaldatum,
        signal.crisis ? 1 : 0,
        ctx.at,
        ctx.userId,
        nietBenaderen,
        nietBenaderen === 1 ? null : ctx.today,
      )
      if (existing) s.flagResidents.run(householdId)
    }
    const signalId = insertSignal(null, caseId)
    // A case that already had signals (stored before, or earlier in this file) is summed up again
    if (open) this.touched.add(caseId)
    this.audits.push({
      at: ctx.at,
      user_id: ctx.userId,
      action: open ? 'signaal toegevoegd' : 'zaak geopend',
      entity_type: 'zaak',
      entity_id: caseId,
      summary: `${amount}${signalId})${open ? '' : '; nieuwe zaak'}`,
    })
    return { ...base, signalId, caseId, newCase: !open }
  }

  /** consulentForWijk, on the loads read up front and kept up to date by this writer. */
  private consulentFor(wijkId: number | null): number | null {
    if (wijkId === null) return null
    const candidates = this.lookups.consulenten.get(wijkId) ?? []
    if (candidates.length === 0) return null
    if (candidates.length === 1) return candidates[0]!
    let best: { id: number; load: number } | null = null
    for (const id of candidates) {
      const load = this.lookups.loads.get(id) ?? 0
      if (!best || load < best.load) best = { id, load }
    }
    return best!.id
  }

  /** Writes the audit entries gathered so far (call it every few thousand rows to keep memory flat). */
  flush(): void {
    appendAudit(this.raw, this.audits)
    this.audits.length = 0
  }

  /**
   * refreshCaseSummary for every case this writer touched, once each; the monitor marks for
   * every case and signal it added; and the paused triggers back in place. Call it once, before
   * the transaction commits.
   */
  finish(): void {
    if (this.finished) throw new Error('BatchWriter.finish called twice')
    this.finished = true
    for (const caseId of this.touched) this.refresh(caseId)
    this.touched.clear()
    this.flush()
    this.raw
      .prepare(
        "insert or ignore into monitor_dirty (kind, ref_id) select 'zaak', id from vroegsignaalzaak where id >= ?",
      )
      .run(this.firstCaseId)
    this.raw
      .prepare(
        "insert or ignore into monitor_dirty (kind, ref_id) select 'signaal', id from vroegsignaal where id >= ?",
      )
      .run(this.firstSignalId)
    restoreTriggers(this.raw, this.paused)
  }

  refresh(caseId: number): void {
    const s = this.s
    const signals = s.caseSignals.all(caseId) as {
      partner_type: string
      bedrag_cents: number
      signaaldatum: string
      crisis: number
      resident_id: number
    }[]
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
    const people = new Set(signals.map((x) => x.resident_id)).size
    const name = primary
      ? displayName({
          initials: primary.voorletters,
          prefix: primary.tussenvoegsel,
          surname: primary.achternaam,
        })
      : ''
    s.updSummary.run(
      people > 1 ? `${name} e.a.` : name,
      primary ? `${primary.achternaam_key} ${primary.voorletters}`.toLowerCase() : '',
      hh.postcode,
      `${hh.straat} ${formatHouseNumber(hh.huisnummer, hh.toevoeging)}`,
      [...new Set(signals.map((x) => x.partner_type))].sort().join(','),
      signals.length,
      signals.reduce((a, x) => a + x.bedrag_cents, 0),
      signals.reduce((a, x) => (x.signaaldatum > a ? x.signaaldatum : a), ''),
      signals.some((x) => x.crisis === 1) ? 1 : 0,
      caseId,
    )
  }
}
