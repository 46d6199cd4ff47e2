import type { Signaalstatus } from '@shared/domain/ddas'
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
  type ResidentInput,
} from '../signals/decisions'
import { wijkForPostcode } from '../wijken/assignment'
import type { UseCaseContext } from '../../app/use-case'
import type { NewSignal } from '../signals/service'
import type { AddressKey, BatchLookups, BatchOutcome, HouseholdState, ResidentState } from './batch-state'

/**
 * Where the batch writer's rows go, one call per row in the column order of the statements in
 * batch-statements.ts (INSERT_SQL and prepareStatements). SQLite runs each at once; PostgreSQL
 * (pg-writer.ts) gives the row its id and buffers it for a multi-row insert.
 */
export interface RowSink {
  /** `wijk_id, id` */
  householdWijk(values: unknown[]): void
  /** INSERT_SQL.household; returns the new id */
  insertHousehold(values: unknown[]): number
  /** import_resident_before: the details before and what this import set */
  residentBefore(values: unknown[]): void
  /** `telefoon, email, bsn, geboortedatum, updated_at, id` */
  updateResident(values: unknown[]): void
  /** INSERT_SQL.resident; returns the new id */
  insertResident(values: unknown[]): number
  flagResident(id: number): void
  /** INSERT_SQL.vroegsignaalzaak, the id given */
  insertCase(values: unknown[]): void
  /** INSERT_SQL.vroegsignaal; returns the new id */
  insertSignal(values: unknown[]): number
}

export type FirstIds = { zaak: number; huishouden: number; bewoner: number; signaal: number }

/**
 * The decisions of the monthly import for one row at a time, on both stores: the same functions
 * as the one-by-one path (signals/decisions.ts) over what the run knows (stored households read
 * a chunk at a time, and what this run made), writing exactly the rows `takeInSignal` writes
 * (proven equal in batch.test.ts, on SQLite and on PostgreSQL). The store's writer says how
 * rows are written (RowSink) and how what is not known yet is read (`readMissing`).
 */
export abstract class BatchCore {
  protected readonly touched = new Set<number>()
  protected readonly households = new Map<string, HouseholdState | null>()
  protected storedIds = new Set<string>()
  /** The signal IDs asked about in the latest prefetch (a chunk of rows). */
  protected checkedIds = new Set<string>()
  protected nextCaseId: number
  /** After finish(): the ids this run created per kind, first and last (none: absent). */
  readonly made: Partial<Record<'zaak' | 'huishouden' | 'bewoner' | 'signaal', [number, number]>> = {}

  constructor(
    protected readonly sink: RowSink,
    protected readonly lookups: BatchLookups,
    protected readonly ctx: UseCaseContext,
    /** The import this run belongs to: its undo record (ranges, residents' details before). */
    protected readonly importId: number | null,
    readonly first: FirstIds,
  ) {
    this.nextCaseId = first.zaak
  }

  /** Reads one signal ID or one address the latest prefetch did not cover (SQLite: at once). */
  protected abstract readMissing(externIds: readonly string[], addresses: readonly AddressKey[]): void

  /**
   * Which of these signal IDs a prefetch asks about: the new ones. A chunk of a file forgets what
   * earlier chunks asked (the file's own duplicates are caught before), so the sets stay the size
   * of one chunk.
   */
  protected idsToAsk(externIds: readonly string[]): string[] {
    const ids = [...new Set(externIds.filter((x) => x && !this.storedIds.has(x)))].sort()
    if (externIds.length > 1) {
      this.checkedIds = new Set(ids)
      this.storedIds = new Set()
    } else for (const x of ids) this.checkedIds.add(x)
    return ids
  }

  /** The addresses a prefetch reads: those this run knows nothing of yet, by householdKey. */
  protected addressesToAsk(
    addresses: readonly AddressKey[],
    addressKeys?: readonly string[],
  ): Map<string, AddressKey> {
    const wanted = new Map<string, AddressKey>()
    for (let i = 0; i < addresses.length; i++) {
      const a = addresses[i]!
      const k = addressKeys?.[i] ?? householdKey(a.postcode, a.huisnummer, a.toevoeging)
      if (!this.households.has(k)) wanted.set(k, a)
    }
    return wanted
  }

  isImported(externId: string): boolean {
    if (this.storedIds.has(externId)) return true
    if (!this.checkedIds.has(externId)) this.readMissing([externId], [])
    return this.storedIds.has(externId)
  }

  /** The household of an address as this run knows it (stored, or made by this run); null when new. */
  household(a: AddressKey, key?: string): HouseholdState | null {
    const k = key ?? householdKey(a.postcode, a.huisnummer, a.toevoeging)
    const known = this.households.get(k)
    if (known !== undefined) return known
    this.readMissing([], [a])
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
    const { sink, ctx } = this
    // Household (findOrCreateHousehold)
    const wijkId = wijk === undefined ? wijkForPostcode(address.postcode, this.lookups.ranges) : wijk
    const hhKey = key ?? householdKey(address.postcode, address.huisnummer, address.toevoeging)
    let hh = this.household(address, hhKey)
    const newHouseholdMade = hh === null
    if (hh) {
      if (hh.wijkId !== wijkId) {
        sink.householdWijk([wijkId, hh.id])
        hh.wijkId = wijkId
      }
    } else {
      const row = newHousehold(address, wijkId, ctx.at)
      const id = sink.insertHousehold([
        row.postcode,
        row.huisnummer,
        row.toevoeging,
        row.straat,
        row.plaats,
        wijkId,
        ctx.at,
      ])
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
          sink.residentBefore([
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
          ])
        sink.updateResident([
          change.telefoon,
          change.email,
          change.bsn,
          change.geboortedatum,
          ctx.at,
          match.id,
        ])
        Object.assign(match, change, { updated_at: ctx.at })
      }
    } else {
      const row = newResident(hh.id, r, ctx.at)
      // A followed-up signal leaves its household with an open case (the one it joins or the
      // one opened below); one not followed up joins a household that may have one already.
      // Flagged now, as resident_open_after_insert (paused) would.
      const flag = notFollowed ? (hh.openCaseId !== null ? 1 : 0) : 1
      const id = sink.insertResident([
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
      ])
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
      sink.insertCase([
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
      ])
      hh.openCaseId = caseId
      for (const res of hh.residents)
        if (res.has_open_case === 0) {
          sink.flagResident(res.id)
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
    const id = this.sink.insertSignal([
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
    ])
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
}

export function outcome(
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
