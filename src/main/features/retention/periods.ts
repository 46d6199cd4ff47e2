import type { Db } from '../../db/database'
import type { RetentionKind, RetentionPeriods } from '@shared/api/retention'
import { monthsBefore } from '@shared/format/dates'

const SETTINGS_KEY = 'retention'

/**
 * Default retention periods, in months. Neither the Wgs nor the Besluit gemeentelijke
 * schuldhulpverlening fixes a period for vroegsignalering data (the seed article,
 * /work/shared/seed/000_0f80e4cf6435cb76.txt, names none either); the AVG (art. 5(1)(e)) asks
 * "no longer than needed", and each municipality sets its own periods in its privacy statement
 * and processing register. So every period is configurable (DOMAIN.md, "Privacy"), with these
 * defaults as common practice:
 * - nietDoorgezet 6: a signal that was not followed up is only needed to recognise a repeat
 *   signal: DDAS calls a signal "opeenvolgend" when the same address had one in the past six
 *   months (DOMAIN.md, "Matching"), so six months keep exactly that window.
 * - zonderHulp 12: a closed case without help is kept a year, so a consulent still recognises a
 *   household whose arrears come back (DOMAIN.md, "Trust takes time").
 * - metHulp 18: with help accepted the file stays longer, to support the follow-up help and a
 *   possible question about it.
 */
export const DEFAULT_PERIODS: RetentionPeriods = { nietDoorgezet: 6, zonderHulp: 12, metHulp: 18 }

export const KINDS: readonly RetentionKind[] = ['nietDoorgezet', 'zonderHulp', 'metHulp']

export async function getPeriods(db: Db): Promise<RetentionPeriods> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst()
  const stored = row ? (JSON.parse(row.value) as Partial<RetentionPeriods>) : {}
  return { ...DEFAULT_PERIODS, ...stored }
}

export async function storePeriods(
  trx: Db,
  p: RetentionPeriods,
  at: string,
  userId: number | null,
): Promise<void> {
  const value = JSON.stringify(p)
  await trx
    .insertInto('setting')
    .values({ key: SETTINGS_KEY, value, updated_at: at, updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: userId }))
    .execute()
}

/** Data dated before `monthsBefore(today, period)` has expired (the day clamped to the month's length). */
export { monthsBefore }

export function cutoffs(p: RetentionPeriods, today: string): Record<RetentionKind, string> {
  return {
    nietDoorgezet: monthsBefore(today, p.nietDoorgezet),
    zonderHulp: monthsBefore(today, p.zonderHulp),
    metHulp: monthsBefore(today, p.metHulp),
  }
}
