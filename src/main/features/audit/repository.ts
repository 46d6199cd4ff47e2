import type { z } from 'zod'
import type { auditSearchInput } from '@shared/api/audit'
import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { dialectOf } from '../../db/dialect'
import { GENESIS_HASH, sealEntry, verifyRows, type ChainVerdict } from './chain'
import { currentWorkstation, withWorkstation } from './workstation'

export interface AuditEntry {
  userId: number | null
  action: string
  entityType:
    | 'zaak'
    | 'instellingen'
    | 'wijk'
    | 'medewerker'
    | 'sessie'
    | 'demo'
    | 'signaal'
    | 'export'
    | 'logboek'
    | 'import'
    | 'back-up'
    | 'bewaartermijn'
    | 'bewoner'
  entityId: number | null
  summary: string
}

/** The advisory lock that orders the logboek's appends on PostgreSQL (any fixed number; this one is 'LA' 'AU'). */
export const AUDIT_CHAIN_LOCK = 0x4c414155

/**
 * Records who did what. Called inside the use case's transaction, so a change and its trail
 * are stored together or not at all. Summaries never hold personal data beyond a case number.
 */
export async function recordAudit(db: Db, at: string, entry: AuditEntry): Promise<void> {
  // On PostgreSQL transactions run side by side: two could read the same last hash and fork the
  // chain. An advisory lock, held until the transaction ends, lets one at a time read and append,
  // so the chain follows the commit order (on SQLite one writer at a time already does that).
  if (dialectOf(db) === 'postgres') {
    if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, at, entry))
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db)
  }
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  const sealed = sealEntry(prevHash, {
    at,
    user_id: entry.userId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    // On the team server the entry names the workstation too (workstation.ts).
    summary: withWorkstation(entry.summary, currentWorkstation()),
  })
  await db
    .insertInto('audit_log')
    .values({ ...sealed.entry, prev_hash: prevHash, hash: sealed.hash })
    .execute()
}

/** Checks the whole trail; a changed, removed or inserted entry is found. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'action', 'entity_type', 'entity_id', 'summary', 'prev_hash', 'hash'])
    .orderBy('id')
    .execute()
  return verifyRows(rows)
}

/**
 * A case's own entries, and the entry of each import that brought one of its signals in: an
 * import writes one entry for its whole file (intake/service.ts), so the case file still shows
 * when and by whom its signals were read in.
 */
export async function auditForCase(db: Db, caseId: number, limit = 200) {
  return db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.summary', 'app_user.naam'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'zaak'), eb('entity_id', '=', caseId)]),
        eb.and([
          eb('entity_type', '=', 'import'),
          eb(
            'entity_id',
            'in',
            eb
              .selectFrom('signaal_intake as si')
              .innerJoin('vroegsignaal as v', 'v.id', 'si.signal_id')
              .select('si.import_id')
              .where('v.case_id', '=', caseId),
          ),
        ]),
      ]),
    )
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute()
}

/** One page of the logboek for the search, newest first, with the total for the same search. */
export async function findAuditEntries(db: Db, f: z.output<typeof auditSearchInput>) {
  let q = db.selectFrom('audit_log').leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
  // Dates are local calendar days; instants are stored in UTC, so widen by a day and let the
  // screen show local times. A day boundary off by the UTC offset is acceptable for a search.
  if (f.van) q = q.where('audit_log.at', '>=', `${f.van}T00:00:00`)
  if (f.tot) q = q.where('audit_log.at', '<=', `${f.tot}T23:59:59.999Z`)
  if (f.medewerkerId) q = q.where('audit_log.user_id', '=', f.medewerkerId)
  if (f.actie) q = q.where('audit_log.action', '=', f.actie)
  if (f.zaaknummer) {
    const zaak = await db
      .selectFrom('vroegsignaalzaak')
      .select('id')
      .where('case_number', '=', f.zaaknummer.toUpperCase())
      .executeTakeFirst()
    q = q.where('audit_log.entity_type', '=', 'zaak').where('audit_log.entity_id', '=', zaak?.id ?? -1)
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .leftJoin('vroegsignaalzaak', (j) =>
      j.onRef('vroegsignaalzaak.id', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'zaak'),
    )
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.summary',
      'app_user.naam',
      'vroegsignaalzaak.case_number',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { n: Number(n), rows }
}
