import { manualSignalInput, type ManualSignalInput } from '@shared/api/signals'
import type { SignaalpartnerType } from '@shared/domain/ddas'
import { normalizePostcode, parseHouseNumber, formatPostcode } from '@shared/format/address'
import { zodFieldErrors, type FieldErrors } from '../../components/form-errors'

/** The form's values: text as typed, so "450,00" and "05-11-2026" stay as the consulent wrote them. */
export interface SignalFormValues {
  signaal: {
    partnerType: SignaalpartnerType | ''
    partnerNaam: string
    externId: string
    bedrag: string
    ontstaansdatum: string
    signaaldatum: string
    crisis: boolean
    warmeOverdracht: boolean
  }
  bewoner: {
    voorletters: string
    tussenvoegsel: string
    achternaam: string
    geboortedatum: string
    telefoon: string
    email: string
    bsn: string
  }
  adres: {
    postcode: string
    huisnummer: string
    toevoeging: string
    straat: string
    plaats: string
  }
}

export type Section = keyof SignalFormValues
export type FieldPath = {
  [S in Section]: `${S}.${keyof SignalFormValues[S] & string}`
}[Section]

export function emptySignalForm(signaaldatum: string, plaats: string): SignalFormValues {
  return {
    signaal: {
      partnerType: '',
      partnerNaam: '',
      externId: '',
      bedrag: '',
      ontstaansdatum: '',
      signaaldatum,
      crisis: false,
      warmeOverdracht: false,
    },
    bewoner: {
      voorletters: '',
      tussenvoegsel: '',
      achternaam: '',
      geboortedatum: '',
      telefoon: '',
      email: '',
      bsn: '',
    },
    adres: { postcode: '', huisnummer: '', toevoeging: '', straat: '', plaats },
  }
}

/** After saving, the next signal often comes from the same partner on the same day. */
export function nextSignalForm(prev: SignalFormValues, plaats: string): SignalFormValues {
  const next = emptySignalForm(prev.signaal.signaaldatum, plaats)
  next.signaal.partnerType = prev.signaal.partnerType
  next.signaal.partnerNaam = prev.signaal.partnerNaam
  return next
}

export function getValue(v: SignalFormValues, path: FieldPath): string | boolean {
  const [section, field] = path.split('.') as [Section, string]
  return (v[section] as Record<string, string | boolean>)[field]!
}

export function setValue(v: SignalFormValues, path: FieldPath, value: string | boolean): SignalFormValues {
  const [section, field] = path.split('.') as [Section, string]
  return { ...v, [section]: { ...v[section], [field]: value } }
}

export function toInput(v: SignalFormValues): ManualSignalInput {
  return { ...v, signaal: { ...v.signaal, partnerType: v.signaal.partnerType as SignaalpartnerType } }
}

// For an empty required field the schema's message is about the value ("Postcode is niet
// geldig"); asking for it reads better.
const EMPTY_REQUIRED: Partial<Record<FieldPath, string>> = {
  'signaal.partnerType': 'Kies het soort signaalpartner.',
  'signaal.bedrag': 'Vul het bedrag van de achterstand in.',
  'signaal.signaaldatum': 'Vul de signaaldatum in.',
  'bewoner.voorletters': 'Vul de voorletters in.',
  'bewoner.achternaam': 'Vul de achternaam in.',
  'adres.postcode': 'Vul de postcode in.',
  'adres.huisnummer': 'Vul het huisnummer in.',
  'adres.straat': 'Vul de straat in.',
  'adres.plaats': 'Vul de plaats in.',
}

/** Checks the whole form with the same schema main uses; errors keyed by field path. */
export function validateSignalForm(v: SignalFormValues): FieldErrors {
  const parsed = manualSignalInput.safeParse(toInput(v))
  if (parsed.success) return {}
  const errors = zodFieldErrors(parsed.error)
  for (const [path, message] of Object.entries(EMPTY_REQUIRED)) {
    const value = getValue(v, path as FieldPath)
    if (errors[path] && typeof value === 'string' && value.trim() === '') errors[path] = message
  }
  return errors
}

/** The address to check once postcode and house number look complete; null while they do not. */
export function addressToCheck(
  v: SignalFormValues,
): { postcode: string; huisnummer: string; toevoeging: string } | null {
  const pc = normalizePostcode(v.adres.postcode)
  const hn = parseHouseNumber(v.adres.huisnummer)
  if (!pc || !hn) return null
  return { postcode: pc, huisnummer: v.adres.huisnummer.trim(), toevoeging: v.adres.toevoeging.trim() }
}

/** "6041ab" is shown as "6041 AB" once the consulent leaves the field. */
export function tidyPostcode(input: string): string {
  const pc = normalizePostcode(input)
  return pc ? formatPostcode(pc) : input
}
