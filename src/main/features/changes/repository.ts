import { sql } from 'kysely'
import type { Wijzigingen } from '@shared/api/changes'
import type { Db } from '../../db/database'
import { withWorkstation } from '../audit/workstation'

/** At most this many changes per answer; beyond it the screen refreshes everything. */
export const CHANGES_LIMIT = 500

/**
 * Entries that record a reading, not a change. Left out: a screen that reads again on a change
 * would otherwise see its own "bekeken" entry as one, and read again every few seconds.
 */
export const READ_ONLY_ACTIONS = [
  'bekeken',
  'ddas-opgehaald',
  'ddas-export',
  'terugkoppeling',
  'logboek gecontroleerd',
  'back-up gemaakt',
  'export gemaakt',
] as const

/** Who asks: a user at a workstation (undefined in solo mode, where there is one). */
export interface Caller {
  userId: number | null
  werkplek: string | undefined
}

/**
 * The logboek entries after `na`, as kind and id only (no summary, no user: a colleague's names
 * and texts stay behind the screens that may show them). Sessions' own entries (sign-ins, locks)
 * and readings (READ_ONLY_ACTIONS) change nothing on a screen and are left out, and so are the
 * caller's own: what this user did at this workstation came back in the answer of that change
 * (api/invalidation.ts), and reading it again would only record one more "bekeken" of a case
 * file. The same user at another workstation is a separate session and does see it.
 */
export async function changesSince(db: Db, na: number, caller: Caller): Promise<Wijzigingen> {
  const last = await sql<{ id: number | null }>`select max(id) as id from audit_log`.execute(db)
  const laatste = last.rows[0]?.id ?? 0
  if (na >= laatste) return { laatste: Math.max(laatste, 0), wijzigingen: [], alles: false }
  const rows = await sql<{ id: number; entity_type: string; entity_id: number | null }>`
    select id, entity_type, entity_id from audit_log
    where id > ${na} and entity_type <> 'sessie'
      and action not in (${sql.join(READ_ONLY_ACTIONS.map((a) => sql`${a}`))})
      and not ${own(caller)}
    order by id limit ${CHANGES_LIMIT + 1}`.execute(db)
  const alles = rows.rows.length > CHANGES_LIMIT
  return {
    laatste,
    alles,
    wijzigingen: rows.rows
      .slice(0, CHANGES_LIMIT)
      .map((r) => ({ volgnummer: r.id, soort: r.entity_type, id: r.entity_id })),
  }
}

/**
 * Entries the caller wrote. On the team server every entry's summary ends with its workstation
 * (audit/workstation.ts, inside the hash chain), so "this workstation" is that exact ending.
 */
function own(caller: Caller) {
  if (caller.userId === null) return sql<boolean>`0`
  if (caller.werkplek === undefined) return sql<boolean>`coalesce(user_id = ${caller.userId}, 0)`
  const suffix = withWorkstation('', caller.werkplek)
  return sql<boolean>`coalesce(user_id = ${caller.userId} and substr(summary, -${suffix.length}) = ${suffix}, 0)`
}
