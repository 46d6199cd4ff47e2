import { z } from 'zod'
import { method } from './define'
import { id, optionalIsoDate, optionalText } from './fields'

export interface AuditRow {
  id: number
  op: string
  door: string
  actie: string
  /** What the entry is about: "zaak LA-2026-00012", "wijk 3", "instellingen". */
  onderwerp: string
  /** Set when the entry is about a case, so the screen can link to it. */
  caseId: number | null
  samenvatting: string
}

export interface AuditPage {
  rows: AuditRow[]
  total: number
  page: number
  pageSize: number
}

export interface AuditVerdict {
  ok: boolean
  entries: number
  brokenAtId: number | null
  reason: string | null
}

export const auditSearchInput = z
  .object({
    van: optionalIsoDate('Vanaf-datum'),
    tot: optionalIsoDate('Tot en met-datum'),
    medewerkerId: id.optional(),
    actie: optionalText('Actie', 60),
    zaaknummer: optionalText('Zaaknummer', 20),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .strict()

export const auditContract = {
  /** The trail of who did what; for the kwaliteitsmedewerker and the beheerder. */
  'audit.search': method<AuditPage>()(auditSearchInput),
  'audit.verify': method<AuditVerdict>()(z.object({}).strict()),
}
