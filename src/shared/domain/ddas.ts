/**
 * The DDAS vocabulary (Data delen over Armoede en Schulden, exchange model v1.2, the current one).
 * Values are the official enumeration strings from resources/ddas/json_schema_Uitwisselmodel.v1.2.json,
 * so they are stored and delivered unchanged; a test compares every list with the schema. A
 * delivery in v0.9 translates them (monitor/ddas-format.ts).
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

/**
 * The DDAS contact kinds (v1.2: ten), in the order the screens list them. The monitor stores
 * which kinds a case used as bits in a fixed order of its own (SOORT_BITS in monitor/facts.ts),
 * so this order may change without touching stored figures.
 */
export const CONTACTSOORTEN = [
  'Telefoon',
  'SMS/Whatsapp',
  'Mail',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Afspraak op locatie',
  'Overige',
  'Administratief',
  'Onbekend',
] as const
export type Contactsoort = (typeof CONTACTSOORTEN)[number]

export const DAGDELEN = ['Ochtend', 'Middag', 'Avond'] as const
export type Dagdeel = (typeof DAGDELEN)[number]

/**
 * The end results of a case (v1.2: sixteen), in the order a consulent thinks of them: not picked
 * up, no contact, contact without help, help. v1.2 renamed two of v0.9's values and added
 * "Vervolghulp en/of verwijzing"; migration 0013 moved stored values to the new names.
 */
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
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
  '(Budget)advies en/of quick fix',
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
  'Verwijzing zonder tussenkomst inwoner',
] as const
export type Eindresultaat = (typeof EINDRESULTATEN)[number]

/** What each end result means, in one or two plain lines (after the DDAS definitions). */
export const EINDRESULTAAT_UITLEG: Record<Eindresultaat, string> = {
  'Niet opgepakt: herhaalde melding':
    'Kort geleden kwam al een signaal over dezelfde achterstand bij dezelfde partner, en die is niet hoger geworden.',
  'Niet opgepakt: onterecht signaal':
    'Het bedrag ligt onder onze drempel, of het aantal dagen achterstand is te hoog of te laag.',
  'Inwoner is overleden': 'Ook als er contact is met nabestaanden.',
  'Persoon is geen inwoner (meer) in de gemeente':
    'De persoon staat in een andere gemeente ingeschreven. Geef het signaal als het kan door aan die gemeente.',
  'Niet opgepakt: andere reden':
    'Een andere reden om niet op te pakken, bijvoorbeeld detentie. De signaalpartner hoort de reden niet.',
  'Inwoner al bekend bij schuldhulpverlening':
    'De inwoner zit al bij schuldhulpverlening. De schuldhulpverlener neemt contact op met de inwoner en de schuldeiser.',
  'Inwoner heeft al een ander lopend traject':
    'De inwoner krijgt al andere hulp, en die hulpverlener neemt het signaal over.',
  'Definitief geen contact kunnen krijgen': 'Het is niet gelukt om contact te krijgen met de inwoner.',
  'Geen reactie na eerder contact':
    'Er was eerst contact, daarna lukte het niet meer. Bijvoorbeeld: niet op de afspraak gekomen.',
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering':
    'Er was contact. De inwoner regelt het zelf of wil geen hulp. Tot versie 1.2: "Inwoner hoeft geen hulp vanuit vroegsignalering".',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen':
    'Bij het contact bleek de achterstand al betaald of met een betalingsregeling geregeld.',
  '(Budget)advies en/of quick fix':
    'Hulp waarmee de inwoner de achterstand binnen 30 dagen zelf kan oplossen, zoals een betalingsregeling of budgetadvies.',
  'Vervolghulp en/of verwijzing':
    'Na vroegsignalering volgt langere hulp of een verwijzing (nieuw in versie 1.2). Weet u of die financieel is of niet? Kies dan een van de twee hieronder.',
  'Vervolghulp en/of verwijzing financieel':
    'Langere hulp met geldzaken na vroegsignalering: schuldhulpverlening, budgetcoaching of bewindvoering.',
  'Vervolghulp en/of verwijzing niet financieel':
    'Langere hulp van een andere soort: maatschappelijk werk, verslavingszorg of gezinszorg.',
  'Verwijzing zonder tussenkomst inwoner':
    'Aangemeld bij een andere instantie zonder dat de inwoner het weet of goedvindt. Alleen in uiterste gevallen, zoals bemoeizorg. Tot versie 1.2: "Verwijzing zonder contact".',
}

/** End results that mean the signals were not followed up (the same strings as signal statuses). */
export const NIET_OPGEPAKT: readonly string[] = [
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Inwoner is overleden',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Niet opgepakt: andere reden',
] satisfies readonly Eindresultaat[]

/** End results that count as "help accepted" in the monitor. */
export const HULP_GEACCEPTEERD: readonly string[] = [
  '(Budget)advies en/of quick fix',
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
] satisfies readonly Eindresultaat[]

/** The end results in groups, as the close-case screen lists them; every result in one group. */
export const EINDRESULTAAT_GROEPEN: readonly { group: string; items: readonly Eindresultaat[] }[] = [
  { group: 'Niet opgepakt', items: EINDRESULTATEN.filter((r) => NIET_OPGEPAKT.includes(r)) },
  {
    group: 'Al in beeld',
    items: ['Inwoner al bekend bij schuldhulpverlening', 'Inwoner heeft al een ander lopend traject'],
  },
  {
    group: 'Geen contact',
    items: ['Definitief geen contact kunnen krijgen', 'Geen reactie na eerder contact'],
  },
  {
    group: 'Contact, geen hulp nodig',
    items: [
      'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
    ],
  },
  { group: 'Hulp geaccepteerd', items: EINDRESULTATEN.filter((r) => HULP_GEACCEPTEERD.includes(r)) },
  { group: 'Verwijzing zonder de inwoner', items: ['Verwijzing zonder tussenkomst inwoner'] },
]

/**
 * The signal statuses of v1.2. "Opgepakt" is never stored on a signal: a signal in a case is
 * picked up, dated by its case. The other values are what triage may record.
 */
export const SIGNAALSTATUSSEN = [
  'Nog niet opgepakt',
  'Opgepakt',
  'Niet opgepakt: onterecht signaal',
  'Inwoner is overleden',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Niet opgepakt: herhaalde melding',
  'Inwoner al bekend bij schuldhulpverlening',
  'Niet opgepakt: andere reden',
] as const
export type Signaalstatus = (typeof SIGNAALSTATUSSEN)[number]

/** The statuses a signal outside any case can have, as the monitor counts them (all but "Opgepakt"). */
export const NIET_DOORGEZET_STATUSSEN = SIGNAALSTATUSSEN.filter((s) => s !== 'Opgepakt')

/** The reasons triage can give for not following a signal up: every status but the two states. */
export const NIET_DOORZETTEN_REDENEN = SIGNAALSTATUSSEN.filter(
  (s): s is Exclude<Signaalstatus, 'Nog niet opgepakt' | 'Opgepakt'> =>
    s !== 'Nog niet opgepakt' && s !== 'Opgepakt',
)
export type NietDoorzettenReden = (typeof NIET_DOORZETTEN_REDENEN)[number]

/** DDAS part of day: Ochtend before 12:00, Middag 12:00-18:00, Avond from 18:00. */
export function dagdeelForHour(hour: number): Dagdeel {
  if (hour < 12) return 'Ochtend'
  if (hour < 18) return 'Middag'
  return 'Avond'
}
