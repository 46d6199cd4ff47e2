import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { GENESIS_HASH, sealEntry, verifyRows, type ChainVerdict } from './chain'

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

/**
 * Records who did what. Called inside the use case's transaction, so a change and its trail
 * are stored together or not at all. Summaries never hold personal data beyond a case number.
 */
export async function recordAudit(db: Db, at: string, entry: AuditEntry): Promise<void> {
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
    summary: entry.summary,
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
          // signaal_intake is the import's own table (typed in intake/tables.ts, not here).
          eb(
            'entity_id',
            'in',
            sql<number>`(select si.import_id from signaal_intake si
              join vroegsignaal v on v.id = si.signal_id where v.case_id = ${caseId})`,
          ),
        ]),
      ]),
    )
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute()
}
