/**
 * The DDAS vocabulary (Data delen over Armoede en Schulden, exchange model v0.9).
 * Values are the official enumeration strings from
 * shared/ddas/json_schema_Uitwisselmodel.v0.9.json, so they can be exported unchanged.
 */

export const SIGNAALPARTNER_TYPES = [
  'Huur',
  'Energie',
  'Water',
  'Zorg',
  'CAK Zorgverzekeringen',
  'Hypotheek',
  'DUO',
  'Belastingdienst',
  'CAK Eigen bijdrage',
  'Dienst Toeslagen',
  'Overige',
] as const
export type SignaalpartnerType = (typeof SIGNAALPARTNER_TYPES)[number]

/** Plain Dutch labels for the screens (the DDAS value stays the stored value). */
export const SIGNAALPARTNER_LABELS: Record<SignaalpartnerType, string> = {
  Huur: 'Huur (verhuurder)',
  Energie: 'Energie',
  Water: 'Drinkwater',
  Zorg: 'Zorgverzekering',
  'CAK Zorgverzekeringen': 'CAK zorgverzekering',
  Hypotheek: 'Hypotheek',
  DUO: 'DUO',
  Belastingdienst: 'Belastingdienst',
  'CAK Eigen bijdrage': 'CAK eigen bijdrage',
  'Dienst Toeslagen': 'Dienst Toeslagen',
  Overige: 'Overig',
}

export const CONTACTSOORTEN = [
  'Telefoon',
  'SMS/Whatsapp',
  'Mail',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Overige',
  'Administratief',
] as const
export type Contactsoort = (typeof CONTACTSOORTEN)[number]

export const DAGDELEN = ['Ochtend', 'Middag', 'Avond'] as const
export type Dagdeel = (typeof DAGDELEN)[number]

export const EINDRESULTATEN = [
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Inwoner is overleden',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Niet opgepakt: andere reden',
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner heeft al een ander lopend traject',
  'Definitief geen contact kunnen krijgen',
  'Geen reactie na eerder contact',
  'Inwoner hoeft geen hulp vanuit vroegsignalering',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
  '(Budget)advies en/of quick fix',
  'Vervolghulp en/of verwijzing financieel',
  'Verwijzing zonder contact',
  'Vervolghulp en/of verwijzing niet financieel',
] as const
export type Eindresultaat = (typeof EINDRESULTATEN)[number]

export const SIGNAALSTATUSSEN = [
  'Nog niet opgepakt',
  'Niet opgepakt: onterecht signaal',
  'Inwoner is overleden',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: andere reden',
] as const
export type Signaalstatus = (typeof SIGNAALSTATUSSEN)[number]

/** DDAS part of day: Ochtend before 12:00, Middag 12:00-18:00, Avond from 18:00. */
export function dagdeelForHour(hour: number): Dagdeel {
  if (hour < 12) return 'Ochtend'
  if (hour < 18) return 'Middag'
  return 'Avond'
}
