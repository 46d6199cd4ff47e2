import type { Db } from '../../db/database'
import { chunked } from './erase'

/**
 * The anonymous rows kept for cases and signals whose personal data were deleted (migration
 * 0011), in the shapes the DDAS delivery reads from the live tables. monitor/ddas.ts adds them to
 * a delivery, so a past period keeps every signal and case after a purge; such a signal carries
 * our own number ("LA-12") and an empty client block (the schema requires the block, none of its
 * fields).
 */
export async function archivedInPeriod(db: Db, van: string, tot: string) {
  const signals = await db
    .selectFrom('retention_ddas_signal')
    .select(['signal_id as id', 'case_id'])
    .where('signaaldatum', '>=', van)
    .where('signaaldatum', '<=', tot)
    .execute()
  return { signals }
}

export async function archivedCases(db: Db, ids: number[]) {
  return (
    await chunked(ids, (c) =>
      db
        .selectFrom('retention_ddas_case')
        .select(['case_id as id', 'datum_opgepakt', 'resultaat'])
        .where('case_id', 'in', c)
        .execute(),
    )
  ).flat()
}

export async function archivedSignalIdsOfCases(db: Db, caseIds: number[]) {
  return (
    await chunked(caseIds, (c) =>
      db.selectFrom('retention_ddas_signal').select('signal_id as id').where('case_id', 'in', c).execute(),
    )
  ).flat()
}

export async function archivedSignals(db: Db, ids: number[]) {
  return (
    await chunked(ids, (c) =>
      db
        .selectFrom('retention_ddas_signal as s')
        .leftJoin('retention_ddas_case as z', 'z.case_id', 's.case_id')
        .leftJoin('vroegsignaalzaak as live', 'live.id', 's.case_id')
        .select([
          's.signal_id as id',
          's.partner_type',
          's.bedrag_euro',
          's.ontstaansdatum',
          's.signaaldatum',
          's.crisis',
          's.warme_overdracht',
          's.status',
          's.case_id',
          (eb) => eb.fn.coalesce('z.resultaat', 'live.resultaat').as('resultaat'),
        ])
        .where('s.signal_id', 'in', c)
        .execute(),
    )
  ).flat()
}

export async function archivedAttempts(db: Db, caseIds: number[]) {
  return (
    await chunked(caseIds, (c) =>
      db
        .selectFrom('retention_ddas_attempt')
        .select(['case_id', 'soort', 'bereikt', 'datum', 'dagdeel', 'attempt_id as id'])
        .where('case_id', 'in', c)
        .execute(),
    )
  ).flat()
}
