import { z } from 'zod'
import { method } from './define'
import { SIGNAALPARTNER_TYPES } from '../domain/ddas'
import { parseEuroToCents } from '../format/money'
import {
  houseNumber,
  isoDate,
  optionalBsn,
  optionalEmail,
  optionalIsoDate,
  optionalPhone,
  optionalText,
  postcode,
  requiredText,
} from './fields'

const amount = z
  .string({ error: 'Bedrag ontbreekt.' })
  .trim()
  .min(1, 'Vul het bedrag van de achterstand in.')
  .transform((v, ctx) => {
    const cents = parseEuroToCents(v)
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'Het bedrag is geen geldig bedrag (bijvoorbeeld 450,00).' })
      return z.NEVER
    }
    if (cents <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Het bedrag moet groter zijn dan nul.' })
      return z.NEVER
    }
    if (cents > 100_000_000) {
      ctx.addIssue({ code: 'custom', message: 'Het bedrag is onwaarschijnlijk hoog (meer dan € 1.000.000).' })
      return z.NEVER
    }
    return cents
  })

/** A signal entered by hand, for instance a warm handover by phone from a housing corporation. */
export const manualSignalInput = z
  .object({
    signaal: z.object({
      partnerType: z.enum(SIGNAALPARTNER_TYPES, { error: 'Kies het soort signaalpartner.' }),
      partnerNaam: optionalText('Naam signaalpartner', 120),
      externId: optionalText('Kenmerk van de signaalpartner', 80),
      bedrag: amount,
      ontstaansdatum: optionalIsoDate('Datum ontstaan achterstand'),
      signaaldatum: isoDate('Signaaldatum'),
      crisis: z.boolean({ error: 'Crisissignaal moet ja of nee zijn.' }).default(false),
      warmeOverdracht: z.boolean({ error: 'Warme overdracht moet ja of nee zijn.' }).default(false),
    }),
    bewoner: z.object({
      voorletters: requiredText('Voorletters', 20),
      tussenvoegsel: optionalText('Tussenvoegsel', 20),
      achternaam: requiredText('Achternaam', 100),
      geboortedatum: optionalIsoDate('Geboortedatum'),
      telefoon: optionalPhone(),
      email: optionalEmail(),
      bsn: optionalBsn,
    }),
    adres: z.object({
      straat: requiredText('Straat', 120),
      huisnummer: houseNumber,
      toevoeging: optionalText('Toevoeging', 10),
      postcode,
      plaats: requiredText('Plaats', 80),
    }),
  })
  .superRefine((s, ctx) => {
    const today = new Date().toISOString().slice(0, 10)
    if (s.signaal.ontstaansdatum && s.signaal.ontstaansdatum > s.signaal.signaaldatum)
      ctx.addIssue({
        code: 'custom',
        message: 'De achterstand kan niet ontstaan zijn na de signaaldatum.',
        path: ['signaal', 'ontstaansdatum'],
      })
    if (s.bewoner.geboortedatum && s.bewoner.geboortedatum > today)
      ctx.addIssue({
        code: 'custom',
        message: 'De geboortedatum ligt in de toekomst.',
        path: ['bewoner', 'geboortedatum'],
      })
    if (s.bewoner.geboortedatum && s.bewoner.geboortedatum < '1900-01-01')
      ctx.addIssue({
        code: 'custom',
        message: 'De geboortedatum is te ver terug.',
        path: ['bewoner', 'geboortedatum'],
      })
  })
export type ManualSignalInput = z.input<typeof manualSignalInput>

export interface ManualSignalResult {
  caseId: number
  caseNumber: string | null
  newCase: boolean
  newHousehold: boolean
  wijkNaam: string | null
  consulentNaam: string | null
}

/** What saving did, as the user who saved may see it (see `ManualSignalSaved`). */
export interface ManualSignalSaved extends ManualSignalResult {
  /**
   * False when the case lies outside the user's own cases (another wijk). When the signal was
   * added to such a case that already existed, its number and consulent are left out: hand
   * entry needs to know that a case exists and in which wijk, no more.
   */
  mayOpen: boolean
}

/**
 * What saving will do for this address. About an open case the form only learns that it exists
 * and in which wijk; its number and consulent only when the user may open it, and never the
 * resident's name (names of another wijk's residents are for the walk-in hour's logged search).
 */
export interface AddressCheck {
  /** The household at this address has an open case: the signal will be added to it. */
  openCase: { id: number; caseNumber: string } | { id: null; caseNumber: null } | null
  /** Closed cases at this address that the user may open. */
  earlierCases: number
  /** The wijk the signal will go to: the open case's, else the postcode's. */
  wijkNaam: string | null
  consulentNaam: string | null
}

export const signalsContract = {
  'signals.createManual': method<ManualSignalSaved>()(manualSignalInput),
  'signals.checkAddress': method<AddressCheck>()(
    z.object({ postcode, huisnummer: houseNumber, toevoeging: optionalText('Toevoeging', 10) }).strict(),
  ),
}
