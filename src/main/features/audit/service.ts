import type { z } from 'zod'
import type { Db } from '../../db/database'
import type { AuditPage, AuditVerdict, auditSearchInput } from '@shared/api/audit'
import { findAuditEntries, verifyAuditChain } from './repository'

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
  const { n, rows } = await findAuditEntries(db, f)
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
    total: n,
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
