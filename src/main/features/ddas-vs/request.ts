import { z } from 'zod'
import { MAX_DDAS_VS_PAGE_SIZE } from '@shared/api/ddas-vs'

/**
 * The GegevensRequest of DDAS-VS.yaml: every field optional, nothing else allowed
 * (additionalProperties: false). The messages go back to CBS as problem details.
 */
const isCalendarDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

const date = (name: string) =>
  z
    .string({ error: `De parameter ${name} moet een datum zijn (JJJJ-MM-DD).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `De parameter ${name} moet een datum zijn (JJJJ-MM-DD).`)
    .refine(isCalendarDate, `De parameter ${name} is geen bestaande datum.`)

const positive = (name: string) =>
  z
    .number({ error: `De parameter ${name} moet een geheel getal zijn.` })
    .int(`De parameter ${name} moet een geheel getal zijn.`)
    .min(1, `De parameter ${name} moet groter zijn dan of gelijk zijn aan 1.`)
    .max(1_000_000_000, `De parameter ${name} is te groot.`)

export const gegevensRequest = z
  .object({
    aanleverperiodeStartdatum: date('aanleverperiodeStartdatum').optional(),
    aanleverperiodeEinddatum: date('aanleverperiodeEinddatum').optional(),
    aanleverendeOrganisatie: z
      .string({ error: 'De parameter aanleverendeOrganisatie moet tekst zijn.' })
      .max(200, 'De parameter aanleverendeOrganisatie is te lang.')
      .optional(),
    page: positive('page').optional(),
    pageSize: positive('pageSize').optional(),
  })
  .strict()

export type GegevensRequest = z.output<typeof gegevensRequest>

/** The first reason a body is not a GegevensRequest, in Dutch; null when it is one. */
export function requestProblem(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return 'Het verzoek moet een JSON-object zijn.'
  const r = gegevensRequest.safeParse(body)
  if (r.success) return null
  const issue = r.error.issues[0]!
  if (issue.code === 'unrecognized_keys') return `Onbekende parameter: ${issue.keys.join(', ')}.`
  return issue.message
}

export interface ResolvedRequest {
  van: string
  tot: string
  page: number
  pageSize: number
}

const firstOfYear = (iso: string) => `${iso.slice(0, 4)}-01-01`

/**
 * The period, page and page size to answer with. Without dates the supplier chooses
 * (berichten.md): from 1 January of the end date's year to the end date, and the end date is
 * today. A page size above 50,000 is answered with pages of 50,000, which `paginering` says.
 */
export function resolveRequest(r: GegevensRequest, today: string): ResolvedRequest | { problem: string } {
  const tot = r.aanleverperiodeEinddatum ?? today
  const van = r.aanleverperiodeStartdatum ?? firstOfYear(tot)
  if (tot < van) return { problem: 'De aanleverperiodeEinddatum ligt vóór de aanleverperiodeStartdatum.' }
  if (Number(tot.slice(0, 4)) - Number(van.slice(0, 4)) > 10)
    return { problem: 'Vraag een periode van hoogstens tien jaar op.' }
  return {
    van,
    tot,
    page: r.page ?? 1,
    pageSize: Math.min(r.pageSize ?? MAX_DDAS_VS_PAGE_SIZE, MAX_DDAS_VS_PAGE_SIZE),
  }
}

/** Whether the organisation CBS asks about is the one this server delivers for. */
export function sameOrganisation(asked: string, naam: string, gemeentecode: string): boolean {
  const norm = (v: string) => v.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')
  return norm(asked) === norm(naam) || asked.trim() === gemeentecode
}
