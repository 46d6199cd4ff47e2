import type { Db } from '../../db/database'
import { postcodeOrdinal, type PostcodeRange } from '@shared/format/address'
import { pickConsulent } from '../signals/decisions'

export interface WijkRange extends PostcodeRange {
  wijkId: number
}

/**
 * The wijk a postcode belongs to. When ranges overlap, the narrowest wins, so a team can say
 * "6041 is Centrum, but 6041AB-6041AZ is Kapel".
 */
export function wijkForPostcode(postcode: string, ranges: WijkRange[]): number | null {
  let prepared = PREPARED.get(ranges)
  if (!prepared) {
    prepared = {
      bounds: ranges.map((r) => ({
        wijkId: r.wijkId,
        from: postcodeOrdinal(r.from),
        to: postcodeOrdinal(r.to),
      })),
      seen: new Map(),
    }
    PREPARED.set(ranges, prepared)
  }
  const known = prepared.seen.get(postcode)
  if (known !== undefined) return known
  const p = postcodeOrdinal(postcode)
  let best: { wijkId: number; width: number } | null = null
  for (const r of prepared.bounds) {
    if (p < r.from || p > r.to) continue
    const width = r.to - r.from
    if (!best || width < best.width) best = { wijkId: r.wijkId, width }
  }
  const wijkId = best?.wijkId ?? null
  // An import asks for the same postcodes again and again; the answers are kept with the ranges
  if (prepared.seen.size < 200_000) prepared.seen.set(postcode, wijkId)
  return wijkId
}

/** Per list of ranges (read once per import or call): their bounds as numbers, and answers given. */
const PREPARED = new WeakMap<
  WijkRange[],
  { bounds: { wijkId: number; from: number; to: number }[]; seen: Map<string, number | null> }
>()

export async function loadWijkRanges(db: Db): Promise<WijkRange[]> {
  const rows = await db.selectFrom('wijk_postcode').select(['wijk_id', 'pc_from', 'pc_to']).execute()
  return rows.map((r) => ({ wijkId: r.wijk_id, from: r.pc_from, to: r.pc_to }))
}

/** Checks that no two wijken claim the very same range; overlap with a narrower range is allowed. */
export function findSameRange(ranges: WijkRange[]): [WijkRange, WijkRange] | null {
  const seen = new Map<string, WijkRange>()
  for (const r of ranges) {
    const k = `${r.from}-${r.to}`
    const other = seen.get(k)
    if (other && other.wijkId !== r.wijkId) return [other, r]
    seen.set(k, r)
  }
  return null
}

/**
 * The consulent for a new case in a wijk: of the active consulenten who work that wijk,
 * the one with the fewest open cases (ties: lowest id, so the choice is repeatable).
 */
export async function consulentForWijk(db: Db, wijkId: number | null): Promise<number | null> {
  if (wijkId === null) return null
  const candidates = await db
    .selectFrom('user_wijk')
    .innerJoin('app_user', 'app_user.id', 'user_wijk.user_id')
    .select('app_user.id')
    .where('user_wijk.wijk_id', '=', wijkId)
    .where('app_user.rol', '=', 'consulent')
    .where('app_user.actief', '=', 1)
    .orderBy('app_user.id')
    .execute()
  const ids = candidates.map((c) => c.id)
  const loads = new Map<number, number>()
  if (ids.length > 1)
    for (const r of await db
      .selectFrom('vroegsignaalzaak')
      .select(['consulent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('consulent_id', 'in', ids)
      .where('is_open', '=', 1)
      .groupBy('consulent_id')
      .execute())
      loads.set(r.consulent_id!, Number(r.n))
  return pickConsulent(ids, (id) => loads.get(id) ?? 0)
}
