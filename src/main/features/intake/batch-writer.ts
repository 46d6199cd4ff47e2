import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
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
import { insertMany, selectIn } from './sql-batch'
import {
  readHouseholds,
  type AddressKey,
  type BatchLookups,
  type BatchOutcome,
  type HouseholdState,
  type ResidentState,
} from './batch-state'
import {
  nextAutoincrementId,
  pauseInsertTriggers,
  prepareStatements,
  refreshCaseSummary,
  restoreTriggers,
} from './batch-statements'

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
    this.s = prepareStatements(raw)
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
    readHouseholds(this.raw, wanted, this.households)
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
    refreshCaseSummary(this.s, caseId)
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
