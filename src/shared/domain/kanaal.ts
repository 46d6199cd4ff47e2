import type { Contactsoort } from './ddas'

/** The app's own channel of an attempt. DDAS knows only the kind (soort); WhatsApp and SMS differ here. */
export const KANALEN = [
  'telefoon',
  'whatsapp',
  'sms',
  'mail',
  'brief',
  'huisbezoek',
  'kaartje',
  'afspraak',
  'beeldbellen',
  'inloop',
  'overig',
  'administratief',
  'onbekend',
] as const
export type Kanaal = (typeof KANALEN)[number]

export const KANAAL_LABELS: Record<Kanaal, string> = {
  telefoon: 'Telefoon',
  whatsapp: 'WhatsApp',
  sms: 'Sms',
  mail: 'E-mail',
  brief: 'Brief',
  huisbezoek: 'Huisbezoek',
  kaartje: 'Kaartje',
  afspraak: 'Afspraak op locatie',
  beeldbellen: 'Beeldbellen',
  inloop: 'Inloopspreekuur',
  overig: 'Anders',
  administratief: 'Administratief',
  onbekend: 'Onbekend',
}

/**
 * The DDAS kind each channel is reported as. An appointment elsewhere than at home (the
 * stadskantoor, the wijk, the housing corporation) is v1.2's "Afspraak op locatie". The walk-in
 * hour is no appointment and has no kind of its own: Overige, as before v1.2. "Onbekend" is only
 * for attempts whose kind was never recorded; nobody logs a new one that way.
 */
export const KANAAL_SOORT: Record<Kanaal, Contactsoort> = {
  telefoon: 'Telefoon',
  whatsapp: 'SMS/Whatsapp',
  sms: 'SMS/Whatsapp',
  mail: 'Mail',
  brief: 'Brief',
  huisbezoek: 'Huisbezoek',
  kaartje: 'Kaartje',
  afspraak: 'Afspraak op locatie',
  beeldbellen: 'Overige',
  inloop: 'Overige',
  overig: 'Overige',
  administratief: 'Administratief',
  onbekend: 'Onbekend',
}

/** Channel of an attempt stored before the app knew channels: read from the DDAS kind. */
export function kanaalOf(kanaal: string, soort: string): Kanaal {
  if ((KANALEN as readonly string[]).includes(kanaal)) return kanaal as Kanaal
  const found = (Object.entries(KANAAL_SOORT) as [Kanaal, Contactsoort][]).find(([, s]) => s === soort)
  return found ? found[0] : 'overig'
}
