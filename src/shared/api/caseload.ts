import { z } from 'zod'
import { method } from './define'
import { LEEFTIJD_ZAAK, ZAAK_STATUSSEN, type ZaakStatus } from '../domain/case'
import { SIGNAALPARTNER_TYPES } from '../domain/ddas'
import { id } from './fields'

export const CASELOAD_SORTS = ['nieuwste', 'oudste', 'bedrag', 'naam', 'postcode'] as const
export type CaseloadSort = (typeof CASELOAD_SORTS)[number]

export const caseloadQuery = z
  .object({
    /** A consulent's id, or 'geen' for cases nobody has yet. */
    consulent: z.union([id, z.literal('geen')]).optional(),
    wijkId: id.optional(),
    partnerType: z.enum(SIGNAALPARTNER_TYPES, { error: 'Onbekend soort signaalpartner.' }).optional(),
    /** 'open' = nieuw + in behandeling (the default); 'alle' includes closed cases. */
    status: z.enum([...ZAAK_STATUSSEN, 'open', 'alle'], { error: 'Onbekende status.' }).default('open'),
    leeftijd: z.enum(LEEFTIJD_ZAAK, { error: 'Onbekende leeftijd van de zaak.' }).optional(),
    /** 'huisbezoek': only cases whose plan says a home visit is due (ladder/next-step.ts). */
    stap: z.enum(['huisbezoek'], { error: 'Onbekende stap.' }).optional(),
    zoek: z
      .string({ error: 'Zoektekst is geen tekst.' })
      .trim()
      .max(100, 'Zoektekst is te lang.')
      .default(''),
    sort: z.enum(CASELOAD_SORTS, { error: 'Onbekende sortering.' }).default('nieuwste'),
    page: z.number().int().min(1, 'Ongeldige pagina.').max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .strict()
export type CaseloadQuery = z.input<typeof caseloadQuery>

export interface CaseloadRow {
  id: number
  caseNumber: string
  naam: string
  adres: string
  postcode: string
  wijkNaam: string | null
  consulentNaam: string | null
  status: ZaakStatus
  partnerTypes: string[]
  signalen: number
  bedragCents: number
  geopendOp: string
  laatsteSignaal: string
  crisis: boolean
  demo: boolean
  /** The ladder's next step and its due date (null when nothing is planned). */
  volgendeStap: string | null
  volgendeDatum: string | null
  /** A home visit is due and none is planned: the planner offers this case. */
  huisbezoekNodig: boolean
  /** The resident asked not to be approached. */
  nietBenaderen: boolean
  /** The household had a case closed in the six months before this one was opened. */
  eerderBekend: boolean
}

export interface CaseloadPage {
  rows: CaseloadRow[]
  total: number
  page: number
  pageSize: number
  /** How the search text was understood, shown under the search box. */
  zoekUitleg: string | null
}

export const caseloadContract = {
  'caseload.list': method<CaseloadPage>()(caseloadQuery),
}
