import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { dialectOf } from '../../db/dialect'
import { AppError } from '../../lib/errors'

/**
 * The monthly import on PostgreSQL runs beside colleagues' work (README, "PostgreSQL: how the
 * monthly import writes"). It no longer locks its tables; one transaction-scoped advisory lock
 * (any fixed number; this one is 'LA' 'IM') says an import or its preview is running:
 * - the import holds it exclusively (claimImport): a second import is refused within 2 s;
 * - whatever makes a household, resident, case or signal by hand (a signal entered by hand, a
 *   walk-in visit, a decision on a held signal) holds it shared, waiting at most
 *   IMPORT_WAIT.ms: such a row could collide with the import's (the same address made twice),
 *   and the import's preview uses the ids after the sequences' current values without taking them.
 * Updates of existing rows (an attempt, a note, closing a case, an appointment) never take it.
 * SQLite needs none of this: its import holds the one write lock (db/driver.ts).
 */
export const IMPORT_LOCK = 0x4c41494d

export const IMPORT_BUSY =
  'De maandimport is nog bezig. Probeer het over een minuut opnieuw. Er is niets opgeslagen.'

/** How long a hand-made row waits for a running import (a setting, so tests can shorten it). */
export const IMPORT_WAIT = { ms: 10_000 }

export class ImportBusyError extends AppError {
  constructor(message = IMPORT_BUSY) {
    super('conflict', message)
    this.name = 'ImportBusyError'
  }
}

/**
 * The import's claim, inside its transaction on PostgreSQL. Rows made by hand hold the lock shared
 * for a few milliseconds, so the claim tries for up to 2 s; still taken then, another import (or
 * its preview) runs, which takes far longer: refused.
 */
export async function claimImport(trx: Db): Promise<void> {
  const until = Date.now() + 2_000
  for (;;) {
    const r = await sql<{
      ok: boolean
    }>`select pg_try_advisory_xact_lock(${IMPORT_LOCK}) as ok`.execute(trx)
    if (r.rows[0]?.ok) return
    if (Date.now() >= until) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new ImportBusyError(
    'Er loopt al een maandimport (of de controle ervan). Probeer het opnieuw als die klaar is. Er is niets opgeslagen.',
  )
}

const holding = new WeakSet<Db>()

/**
 * Before a household, resident, case or signal is made by hand, inside that transaction: waits
 * for a running import, polling without blocking the connection's queue, at most IMPORT_WAIT.ms;
 * then refused in Dutch, nothing saved. Asked once per transaction.
 */
export async function waitForImport(trx: Db): Promise<void> {
  if (dialectOf(trx) !== 'postgres' || holding.has(trx)) return
  const until = Date.now() + IMPORT_WAIT.ms
  for (;;) {
    const r = await sql<{
      ok: boolean
    }>`select pg_try_advisory_xact_lock_shared(${IMPORT_LOCK}) as ok`.execute(trx)
    if (r.rows[0]?.ok) {
      // Held to the transaction's end: its next hand-made row does not ask again
      if (trx.isTransaction) holding.add(trx)
      return
    }
    if (Date.now() >= until) throw new ImportBusyError()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
