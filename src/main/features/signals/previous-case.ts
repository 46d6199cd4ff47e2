import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { isoDateMonthsBefore } from '../../db/dialect'
import type { Eindresultaat } from '@shared/domain/ddas'

/**
 * A new signal for a household whose case was closed recently opens a new case (the closed
 * case's result has been reported). That earlier case is then shown prominently: a notice at the
 * top of the new case file and an "eerder bekend" marker in the caseload.
 */
export const PREVIOUS_CASE_MONTHS = 6

export interface PreviousCase {
  caseId: number
  caseNumber: string
  geslotenOp: string
  resultaat: Eindresultaat | null
}

/**
 * For each given case: the household's latest case that was closed in the six months before the
 * given case was picked up. One indexed lookup per case (zaak_household_idx), so a caseload page
 * costs a page's worth of probes whatever the size of the database.
 */
export async function previousCases(db: Db, caseIds: readonly number[]): Promise<Map<number, PreviousCase>> {
  const out = new Map<number, PreviousCase>()
  if (caseIds.length === 0) return out
  const rows = await db
    .selectFrom('vroegsignaalzaak as z')
    .innerJoin('vroegsignaalzaak as e', (j) =>
      j.onRef('e.household_id', '=', 'z.household_id').on('e.is_open', '=', 0).onRef('e.id', '<', 'z.id'),
    )
    .select(['z.id as forId', 'e.id', 'e.case_number', 'e.gesloten_op', 'e.resultaat'])
    .where('z.id', 'in', [...caseIds])
    .where('e.gesloten_op', 'is not', null)
    .whereRef('e.gesloten_op', '<=', 'z.datum_opgepakt')
    .where(
      sql<boolean>`e.gesloten_op >= ${isoDateMonthsBefore(db, 'z.datum_opgepakt', PREVIOUS_CASE_MONTHS)}`,
    )
    .orderBy('e.gesloten_op', 'desc')
    .orderBy('e.id', 'desc')
    .execute()
  for (const r of rows)
    if (!out.has(r.forId))
      out.set(r.forId, {
        caseId: r.id,
        caseNumber: r.case_number,
        geslotenOp: r.gesloten_op!,
        resultaat: r.resultaat as Eindresultaat | null,
      })
  return out
}
