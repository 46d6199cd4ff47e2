import type { z } from 'zod'
import type { Db } from '../../db/database'
import type { AuditPage, AuditVerdict, auditSearchInput } from '@shared/api/audit'
import { verifyAuditChain } from './repository'

const SUBJECTS: Record<string, string> = {
  zaak: 'zaak',
  instellingen: 'instellingen',
  wijk: 'wijk',
  medewerker: 'medewerker',
  sessie: 'sessie',
  demo: 'demo-gegevens',
  signaal: 'signaal',
  export: 'export',
  import: 'inlezing',
  bewaartermijn: 'bewaartermijnen',
  bewoner: 'bewoner',
}

export async function searchAudit(db: Db, f: z.output<typeof auditSearchInput>): Promise<AuditPage> {
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
  return {
    rows: rows.map((r) => ({
      id: r.id,
      op: r.at,
      door: r.naam ?? 'systeem',
      actie: r.action,
      onderwerp:
        r.entity_type === 'zaak' && r.case_number
          ? `zaak ${r.case_number}`
          : [SUBJECTS[r.entity_type] ?? r.entity_type, r.entity_id].filter((x) => x !== null).join(' '),
      caseId: r.entity_type === 'zaak' && r.case_number ? r.entity_id : null,
      samenvatting: r.summary,
    })),
    total: Number(n),
    page: f.page,
    pageSize: f.pageSize,
  }
}

export async function verifyAudit(db: Db): Promise<AuditVerdict> {
  const v = await verifyAuditChain(db)
  return v.ok
    ? { ok: true, entries: v.entries, brokenAtId: null, reason: null }
    : { ok: false, entries: v.entries, brokenAtId: v.brokenAtId, reason: v.reason }
}
