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
  caseNumber: string
  newCase: boolean
  newHousehold: boolean
  wijkNaam: string | null
  consulentNaam: string | null
}

export interface AddressCheck {
  /** The household at this address has an open case: the signal will be added to it. */
  openCase: { id: number; caseNumber: string; naam: string } | null
  earlierCases: number
  wijkNaam: string | null
  consulentNaam: string | null
}

export const signalsContract = {
  'signals.createManual': method<ManualSignalResult>()(manualSignalInput),
  'signals.checkAddress': method<AddressCheck>()(
    z.object({ postcode, huisnummer: houseNumber, toevoeging: optionalText('Toevoeging', 10) }).strict(),
  ),
}
