import { z } from 'zod'
import { method } from './define'
import type { LadderResult } from './ladder'
import {
  caseVersion,
  id,
  isoDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  time,
} from './fields'

/** Announced home visits (aangekondigde huisbezoeken) and the address book of chain partners. */

export interface PartnerContactView {
  id: number
  organisatie: string
  naam: string
  functie: string
  telefoon: string
  email: string
  actief: boolean
}

export const UITKOMSTEN = ['gesproken', 'niet_thuis', 'deur_dicht', 'verhuisd'] as const
export type Uitkomst = (typeof UITKOMSTEN)[number]
export const UITKOMST_LABELS: Record<Uitkomst, string> = {
  gesproken: 'Gesproken',
  niet_thuis: 'Niet thuis',
  deur_dicht: 'Deur niet open',
  verhuisd: 'Verhuisd',
}
/** The attempt's result as the ladder knows it. */
export const UITKOMST_RESULTAAT: Record<Uitkomst, string> = {
  gesproken: 'Gesprek gevoerd',
  niet_thuis: 'Niet thuis',
  deur_dicht: 'Deur niet open',
  verhuisd: 'Verhuisd',
}

export type VisitStatus = 'gepland' | 'afgemeld' | 'afgelegd'

export interface VisitView {
  id: number
  caseId: number
  caseNumber: string
  naam: string
  adres: string
  postcode: string
  datum: string
  tijd: string
  /** End of the announced window. */
  tot: string | null
  wijkNaam: string | null
  consulent: string | null
  duo: string | null
  afmeldenVoor: string
  status: VisitStatus
  uitkomst: Uitkomst | null
  afmelding: { via: string; reden: string; telaat: boolean } | null
  /** The announcement letter waits in the print queue (documents). */
  briefKlaargezet: boolean
  /** Its outcome can be recorded: the visit day has come. */
  uitkomstMogelijk: boolean
}

export interface VisitDayView {
  datum: string
  wijkId: number | null
  bezoeken: VisitView[]
}

export interface VisitCandidate {
  caseId: number
  caseNumber: string
  naam: string
  adres: string
  postcode: string
  stap: string
  /** The day the step was due; before today means overdue. */
  datum: string
}

export const partnerInput = z
  .object({
    id: id.optional(),
    organisatie: requiredText('Organisatie', 120),
    naam: requiredText('Naam', 100),
    functie: optionalText('Functie', 100),
    telefoon: optionalPhone(),
    email: optionalEmail(),
    actief: z.boolean().default(true),
  })
  .strict()

const duo = {
  duoUserId: id.nullable().default(null),
  duoPartnerId: id.nullable().default(null),
}
const duoRequired = {
  message: 'Een huisbezoek gaat altijd met zijn tweeën: kies een collega of een ketenpartner.',
  path: ['duoUserId'],
}
const duoOne = { message: 'Kies een collega óf een ketenpartner.', path: ['duoPartnerId'] }

export const planVisitsInput = z
  .object({
    wijkId: id,
    datum: isoDate('Datum van de huisbezoeken'),
    startTijd: time('Eerste bezoek om'),
    slotMinuten: z
      .number({ error: 'Vul de tijd per bezoek in.' })
      .int('Vul hele minuten in.')
      .min(10, 'Minstens 10 minuten per bezoek.')
      .max(120, 'Hoogstens 120 minuten per bezoek.'),
    caseIds: z.array(id).min(1, 'Kies minstens één zaak.').max(40, 'Hoogstens 40 bezoeken op één dag.'),
    ...duo,
  })
  .strict()
  .refine((v) => v.duoUserId !== null || v.duoPartnerId !== null, duoRequired)
  .refine((v) => v.duoUserId === null || v.duoPartnerId === null, duoOne)

/**
 * One visit announced from the case file: the same use case as the planner's, for one case with
 * its own time window. `templateId`: another letter that names the visit (default: the
 * announcement letter).
 */
export const announceVisitInput = z
  .object({
    caseId: id,
    versie: caseVersion,
    datum: isoDate('Datum van het huisbezoek'),
    van: time('Van'),
    tot: time('Tot'),
    ...duo,
    templateId: id.optional(),
  })
  .strict()
  .refine((v) => v.van < v.tot, { message: 'De eindtijd moet na de begintijd liggen.', path: ['tot'] })
  .refine((v) => v.duoUserId !== null || v.duoPartnerId !== null, duoRequired)
  .refine((v) => v.duoUserId === null || v.duoPartnerId === null, duoOne)

export const visitsContract = {
  'visits.partners': method<PartnerContactView[]>()(z.object({}).strict()),
  'visits.savePartner': method<PartnerContactView[]>()(partnerInput),
  /** Cases of the wijk whose plan says a home visit is due (ladder/next-step.ts), in route order. */
  'visits.candidates': method<VisitCandidate[]>()(z.object({ wijkId: id }).strict()),
  'visits.plan': method<VisitDayView>()(planVisitsInput),
  'visits.announce': method<LadderResult>()(announceVisitInput),
  'visits.day': method<VisitDayView>()(
    z.object({ datum: isoDate('Datum'), wijkId: id.nullable().default(null) }).strict(),
  ),
  'visits.optOut': method<VisitDayView>()(
    z
      .object({
        visitId: id,
        via: z.enum(['telefoon', 'mail'], { error: 'Kies hoe de bewoner afzegde.' }),
        reden: requiredText('De reden', 500),
      })
      .strict(),
  ),
  'visits.outcome': method<VisitDayView>()(
    z
      .object({
        visitId: id,
        uitkomst: z.enum(UITKOMSTEN, { error: 'Kies hoe het bezoek ging.' }),
        notitie: optionalText('De notitie', 2000),
        /** Not at home or door shut: the card went through the letterbox straight away. */
        kaartje: z.boolean().default(false),
      })
      .strict(),
  ),
}
