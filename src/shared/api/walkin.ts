import { z } from 'zod'
import { method } from './define'
import {
  houseNumber,
  id,
  optionalBsn,
  optionalEmail,
  optionalIsoDate,
  optionalPhone,
  optionalText,
  postcode,
  requiredText,
} from './fields'

/** The walk-in hour (inloopspreekuur): find a visitor fast, register the visit and a short intake. */

export interface WalkinHit {
  residentId: number
  householdId: number
  naam: string
  geboortedatum: string | null
  adres: string
  postcode: string
  openCase: { id: number; caseNumber: string; consulent: string | null; stap: string | null } | null
  eerdereZaken: number
  nietBenaderen: boolean
}

export interface WalkinSearchResult {
  uitleg: string | null
  hits: WalkinHit[]
}

export const URGENTIES = ['geen', 'ontruiming', 'afsluiting', 'anders'] as const
export type Urgentie = (typeof URGENTIES)[number]
export const URGENTIE_LABELS: Record<Urgentie, string> = {
  geen: 'Geen haast',
  ontruiming: 'Ontruiming dreigt',
  afsluiting: 'Afsluiting energie of water dreigt',
  anders: 'Andere haast',
}

export interface WalkinVisitorView {
  id: number
  tijd: string
  caseId: number
  caseNumber: string
  naam: string
  nieuweZaak: boolean
  urgentie: Urgentie
  urgentieDatum: string | null
  vervolgstap: string
  door: string | null
}

export interface WalkinSessionView {
  datum: string
  /** The team's walk-in hour, from the settings. */
  dag: string
  van: string
  tot: string
  plaats: string
  isInloopdag: boolean
  bezoekers: WalkinVisitorView[]
}

export const intakeInput = z
  .object({
    watSpeelt: requiredText('Wat speelt er', 2000),
    rekeningen: optionalText('Welke rekeningen', 1000),
    urgentie: z.enum(URGENTIES, { error: 'Kies of er haast is.' }).default('geen'),
    urgentieDatum: optionalIsoDate('Datum ontruiming of afsluiting'),
    vervolgstap: requiredText('Afgesproken vervolgstap', 500),
    vervolgDatum: optionalIsoDate('Datum vervolgstap'),
  })
  .strict()

export const newVisitorInput = z
  .object({
    bewoner: z
      .object({
        voorletters: requiredText('Voorletters', 20),
        tussenvoegsel: optionalText('Tussenvoegsel', 20),
        achternaam: requiredText('Achternaam', 100),
        geboortedatum: optionalIsoDate('Geboortedatum'),
        telefoon: optionalPhone(),
        email: optionalEmail(),
        bsn: optionalBsn,
      })
      .strict(),
    adres: z
      .object({
        straat: requiredText('Straat', 120),
        huisnummer: houseNumber,
        toevoeging: optionalText('Toevoeging', 10),
        postcode,
        plaats: requiredText('Plaats', 80),
      })
      .strict(),
  })
  .strict()

export const registerInput = z
  .object({
    /** A visitor found by the search; their open case is used, or a case is started for them. */
    residentId: id.optional(),
    /** A visitor the app does not know yet (came without a signal). */
    nieuw: newVisitorInput.optional(),
    intake: intakeInput,
  })
  .strict()
  .refine((v) => (v.residentId === undefined) !== (v.nieuw === undefined), {
    message: 'Kies een bezoeker uit de zoekresultaten of vul een nieuwe bezoeker in.',
    path: ['residentId'],
  })
  .refine(
    (v) => v.intake.urgentie === 'geen' || v.intake.urgentie === 'anders' || v.intake.urgentieDatum !== null,
    {
      message: 'Vul de datum van de ontruiming of afsluiting in.',
      path: ['intake', 'urgentieDatum'],
    },
  )

export const walkinContract = {
  'walkin.search': method<WalkinSearchResult>()(
    z.object({ zoek: z.string().trim().max(100, 'Zoektekst is te lang.') }).strict(),
  ),
  'walkin.session': method<WalkinSessionView>()(z.object({}).strict()),
  'walkin.register': method<{ session: WalkinSessionView; caseId: number; nieuweZaak: boolean }>()(
    registerInput,
  ),
}
