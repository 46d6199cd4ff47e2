import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { UseCaseContext } from '../../app/use-case'
import { insertMany, selectIn } from './sql-batch'
import { readHouseholds, type AddressKey, type BatchLookups } from './batch-state'
import {
  nextAutoincrementId,
  pauseInsertTriggers,
  prepareStatements,
  refreshCaseSummary,
  restoreTriggers,
} from './batch-statements'
import { BatchCore, type FirstIds, type RowSink } from './batch-core'

/** The rows of the batch writer on SQLite: each prepared statement run at once. */
function sqliteSink(s: ReturnType<typeof prepareStatements>): RowSink {
  return {
    householdWijk: (v) => void s.householdWijk.run(...v),
    insertHousehold: (v) => Number(s.insHousehold.run(...v).lastInsertRowid),
    residentBefore: (v) => void s.residentBefore.run(...v),
    updateResident: (v) => void s.updResident.run(...v),
    insertResident: (v) => Number(s.insResident.run(...v).lastInsertRowid),
    flagResident: (id) => void s.flagResident.run(id),
    insertCase: (v) => void s.insCase.run(...v),
    insertSignal: (v) => Number(s.insSignal.run(...v).lastInsertRowid),
  }
}

interface SetUp {
  first: FirstIds
  paused: string[]
  s: ReturnType<typeof prepareStatements>
}

function setUp(raw: BetterSqlite3.Database): SetUp {
  if (!raw.inTransaction) throw new Error('BatchWriter needs an open transaction')
  const first: FirstIds = {
    zaak: nextAutoincrementId(raw, 'vroegsignaalzaak'),
    huishouden: nextAutoincrementId(raw, 'household'),
    bewoner: nextAutoincrementId(raw, 'resident'),
    signaal: nextAutoincrementId(raw, 'vroegsignaal'),
  }
  const paused = pauseInsertTriggers(raw)
  const s = prepareStatements(raw)
  return { first, paused, s }
}

/**
 * The monthly import's write path on SQLite: prepared statements on the raw handle, deciding
 * with the same functions as the one-by-one path (BatchCore, signals/decisions.ts) and writing
 * exactly the rows `takeInSignal` writes (signals/service.ts), proven equal in batch.test.ts.
 * What the database already knows is read a chunk of rows at a time (`prefetch`: stored signal
 * IDs, the addresses with their residents, open cases and signals), so each row costs its
 * inserts and little else. Synchronous: call it inside one raw transaction, then `finish()`
 * before the commit. PostgreSQL has its own (pg-writer.ts).
 */
export class BatchWriter extends BatchCore {
  private readonly s
  private readonly paused: string[]
  private finished = false

  constructor(
    private readonly raw: BetterSqlite3.Database,
    lookups: BatchLookups,
    ctx: UseCaseContext,
    importId: number | null = null,
    set: SetUp = setUp(raw),
  ) {
    super(sqliteSink(set.s), lookups, ctx, importId, set.first)
    this.s = set.s
    this.paused = set.paused
  }

  protected readMissing(externIds: readonly string[], addresses: readonly AddressKey[]): void {
    this.prefetch(externIds, addresses)
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
    selectIn(
      this.raw,
      'select extern_id from vroegsignaal where extern_id in (#)',
      1,
      this.idsToAsk(externIds),
      (r: { extern_id: string }) => this.storedIds.add(r.extern_id),
    )
    const wanted = this.addressesToAsk(addresses, addressKeys)
    if (wanted.size === 0) return
    readHouseholds(this.raw, wanted, this.households)
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
