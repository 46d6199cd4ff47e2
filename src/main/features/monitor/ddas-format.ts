import type { AanleverendeOrganisatie, DdasVersie } from '@shared/api/monitor'
import { CONTACTSOORTEN, type Signaalstatus } from '@shared/domain/ddas'
import { normalizePostcode } from '@shared/format/address'
import { isValidBsn, normalizeBsn } from '@shared/format/person'

/**
 * Writes a delivery in one version of the DDAS exchange model (resources/ddas holds both
 * official schemas). ddas.ts decides what is delivered; this module only decides how it is
 * written: field names, the vocabulary of the version, and how much of a person goes in.
 *
 * v1.2 (current): per signal only a BSN that passes the eleven-test, else postcode + house
 * number (+ addition) and, if the team chose so, the birth date. Never a name, street or city.
 * A signal whose personal data the retention purge deleted has neither, so v1.2 cannot carry it:
 * it is left out, with its case when no other signal of the case remains, and a remark says so.
 *
 * v0.9 (on request, for hosting parties that still ask for it): the full client block (names,
 * address, birth date, BSN) as before v1.2, and v1.2's values translated to v0.9's lists.
 */

/** The parts of a person a delivery may draw from; null for a signal whose personal data were deleted. */
export interface DdasPerson {
  bsn: string | null
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  geboortedatum: string | null
  straat: string
  postcode: string
  huisnummer: number
  toevoeging: string
  plaats: string
}

export interface DdasSignal {
  id: string
  caseId: number | null
  partnerType: string
  bedragEuro: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: boolean
  warmeOverdracht: boolean
  /** In v1.2's list; "Opgepakt" for a signal in a case, picked up on its case's datumOpgepakt. */
  status: Signaalstatus
  person: DdasPerson | null
}

export interface DdasCase {
  resultaat: string | null
  matchingsdatum: string
  startdatumMatchingperiode: string
  datumOpgepakt: string
  einddatumMatchingperiode: string
  signalIds: string[]
  contactpogingen: { soort: string; bereikt: boolean; datum: string; dagdeel: string }[]
}

/** One delivery's content, the same for every version. */
export interface DdasContent {
  codeGegevensleverancier: string
  startdatumLevering: string
  einddatumLevering: string
  aanleverdatumEnTijd: string
  gemeentecode: string
  organisatie: AanleverendeOrganisatie
  geboortedatumMeesturen: boolean
  signals: DdasSignal[]
  cases: DdasCase[]
}

type Json = Record<string, unknown>

/** The file's outline, common to both versions; the rest differs per version. */
export interface DdasFile {
  startdatumLevering: string
  einddatumLevering: string
  aanleverdatumEnTijd: string
  codeGegevensleverancier: string
  leveringen: (Json & {
    teller: number
    gemeentecode: string
    vroegsignalen: Json[]
    vroegsignaalzaken: Json[]
  })[]
}

export function writeDdas(c: DdasContent, versie: DdasVersie): { file: DdasFile; opmerkingen: string[] } {
  return versie === '1.2' ? writeV12(c) : writeV09(c)
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const isKind = (s: string) => (CONTACTSOORTEN as readonly string[]).includes(s)

/** The file around one levering: the period, the supplier and the gemeente. */
function wrap(
  c: DdasContent,
  levering: Json & { vroegsignalen: Json[]; vroegsignaalzaken: Json[] },
): DdasFile {
  return {
    startdatumLevering: c.startdatumLevering,
    einddatumLevering: c.einddatumLevering,
    aanleverdatumEnTijd: c.aanleverdatumEnTijd,
    codeGegevensleverancier: c.codeGegevensleverancier,
    leveringen: [{ teller: 1, gemeentecode: c.gemeentecode, ...levering }],
  }
}

function organisation(o: AanleverendeOrganisatie, contacts: 'contactpersonen' | 'contactpersoonen') {
  return {
    naam: o.naam,
    ...(o.kvkNummer ? { 'kvk-nummer': o.kvkNummer } : {}),
    [contacts]: o.contactpersonen.map((p) => ({
      naam: p.naam,
      telefoonnummer: p.telefoon,
      email: p.email,
      functietitel: p.functie,
    })),
  }
}

function signalCore(s: DdasSignal) {
  return {
    ID: s.id,
    crisissignaal: s.crisis,
    warmeOverdracht: s.warmeOverdracht,
    bedrag: s.bedragEuro,
    ...(s.ontstaansdatum ? { ontstaansdatum: s.ontstaansdatum } : {}),
    signaaldatum: s.signaaldatum,
  }
}

/** v1.2's client: a valid BSN alone, else postcode + house number (+ addition, + birth date). */
export function clientV12(
  p: DdasPerson,
  geboortedatum: boolean,
): { client: Json; bsnRefused: boolean } | null {
  const bsn = p.bsn?.trim() ?? ''
  if (bsn && isValidBsn(bsn)) return { client: { burgerservicenummer: normalizeBsn(bsn) }, bsnRefused: false }
  const postcode = normalizePostcode(p.postcode)
  if (!postcode || !(p.huisnummer > 0)) return null
  const toevoeging = p.toevoeging.trim()
  return {
    client: {
      postcode,
      huisnummer: String(p.huisnummer),
      ...(toevoeging ? { huisnummertoevoeging: toevoeging } : {}),
      ...(geboortedatum && p.geboortedatum ? { geboortedatum: p.geboortedatum } : {}),
    },
    bsnRefused: bsn !== '',
  }
}

function writeV12(c: DdasContent): { file: DdasFile; opmerkingen: string[] } {
  const left = { deleted: 0, noAddress: 0, bsnRefused: 0 }
  const delivered = new Set<string>()
  const vroegsignalen: Json[] = []
  for (const s of c.signals) {
    const client = s.person ? clientV12(s.person, c.geboortedatumMeesturen) : null
    if (!client) {
      if (s.person) left.noAddress++
      else left.deleted++
      continue
    }
    if (client.bsnRefused) left.bsnRefused++
    delivered.add(s.id)
    vroegsignalen.push({
      ...signalCore(s),
      status: s.status,
      signaalpartner: { type: s.partnerType },
      client: client.client,
    })
  }
  let casesLeft = 0
  const vroegsignaalzaken: Json[] = []
  for (const z of c.cases) {
    const ids = z.signalIds.filter((id) => delivered.has(id))
    if (ids.length === 0) {
      casesLeft++
      continue
    }
    vroegsignaalzaken.push({
      ...(z.resultaat ? { resultaat: z.resultaat } : {}),
      matchingsdatum: z.matchingsdatum,
      startdatumMatchingperiode: z.startdatumMatchingperiode,
      datumOpgepakt: z.datumOpgepakt,
      einddatumMatchingperiode: z.einddatumMatchingperiode,
      vroegsignalen: ids.map((ID) => ({ ID })),
      contactpogingen: z.contactpogingen.map((a) => ({
        // Migration 0013 moved every stored kind into v1.2's list; anything else is unknown.
        soort: isKind(a.soort) ? a.soort : 'Onbekend',
        bereikt: a.bereikt,
        datum: a.datum,
        dagdeel: a.dagdeel,
      })),
    })
  }

  const opmerkingen: string[] = []
  if (left.deleted)
    opmerkingen.push(
      `${count(left.deleted, 'signaal is', 'signalen zijn')} niet meegeleverd: de persoonsgegevens zijn al verwijderd (bewaartermijn), en versie 1.2 vraagt per signaal een BSN of een postcode met huisnummer.`,
    )
  if (left.noAddress)
    opmerkingen.push(
      `${count(left.noAddress, 'signaal is', 'signalen zijn')} niet meegeleverd: geen geldig BSN en geen geldige postcode met huisnummer.`,
    )
  if (casesLeft)
    opmerkingen.push(
      `${count(casesLeft, 'zaak is', 'zaken zijn')} niet meegeleverd, omdat geen van de signalen erin mee kon.`,
    )
  if (left.bsnRefused)
    opmerkingen.push(
      `${count(left.bsnRefused, 'signaal heeft', 'signalen hebben')} een BSN dat de elfproef niet haalt: daar staan postcode en huisnummer in plaats van het BSN.`,
    )
  return {
    file: wrap(c, {
      aanleverendeOrganisatie: organisation(c.organisatie, 'contactpersonen'),
      vroegsignalen,
      vroegsignaalzaken,
    }),
    opmerkingen,
  }
}

/** v1.2 end results that v0.9 spells differently; "Vervolghulp en/of verwijzing" has no v0.9 value. */
export const V12_TO_V09_RESULTAAT: Record<string, string | null> = {
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering':
    'Inwoner hoeft geen hulp vanuit vroegsignalering',
  'Verwijzing zonder tussenkomst inwoner': 'Verwijzing zonder contact',
  'Vervolghulp en/of verwijzing': null,
}
/** v1.2 contact kinds v0.9 lacks: an appointment elsewhere is v0.9's "other form of contact". */
export const V12_TO_V09_SOORT: Record<string, string | null> = {
  'Afspraak op locatie': 'Overige',
  Onbekend: null,
}
/** v1.2 signal statuses v0.9 lacks; v0.9 has no status for a picked-up signal (the case says it). */
export const V12_TO_V09_STATUS: Record<string, string | null> = {
  Opgepakt: null,
  'Inwoner al bekend bij schuldhulpverlening': 'Niet opgepakt: andere reden',
}

const translate = (map: Record<string, string | null>, v: string): string | null => (v in map ? map[v]! : v)

function writeV09(c: DdasContent): { file: DdasFile; opmerkingen: string[] } {
  const dropped = { resultaat: 0, soort: 0 }
  let afspraak = 0
  let bekend = 0
  const vroegsignalen = c.signals.map((s) => {
    const status = translate(V12_TO_V09_STATUS, s.status)
    if (s.status === 'Inwoner al bekend bij schuldhulpverlening') bekend++
    const p = s.person
    return {
      ...signalCore(s),
      ...(status ? { status } : {}),
      signaalpartner: { type: s.partnerType },
      client: !p
        ? {}
        : {
            ...(p.bsn && isValidBsn(p.bsn) ? { Burgerservicenummer: normalizeBsn(p.bsn) } : {}),
            Voorletters: p.voorletters,
            ...(p.tussenvoegsel ? { Voorvoegsel: p.tussenvoegsel } : {}),
            Achternaam: p.achternaam,
            ...(p.geboortedatum ? { Geboortedatum: p.geboortedatum } : {}),
            Straatnaam: p.straat,
            Postcode: p.postcode,
            Huisnummer: String(p.huisnummer),
            ...(p.toevoeging ? { Huisnummertoevoeging: p.toevoeging } : {}),
            Plaatsnaam: p.plaats,
          },
    }
  })
  const vroegsignaalzaken = c.cases.map((z) => {
    const resultaat = z.resultaat === null ? null : translate(V12_TO_V09_RESULTAAT, z.resultaat)
    if (z.resultaat !== null && resultaat === null) dropped.resultaat++
    return {
      ...(resultaat ? { resultaat } : {}),
      matchingsdatum: z.matchingsdatum,
      startdatum_matchtingperiode: z.startdatumMatchingperiode,
      datum_opgepakt: z.datumOpgepakt,
      einddatum_matchingperiode: z.einddatumMatchingperiode,
      vroegsignalen: z.signalIds.map((ID) => ({ ID })),
      contactpogingen: z.contactpogingen.map((a) => {
        const soort = isKind(a.soort) ? translate(V12_TO_V09_SOORT, a.soort) : null
        if (a.soort === 'Afspraak op locatie') afspraak++
        if (!soort) dropped.soort++
        return { ...(soort ? { soort } : {}), bereikt: a.bereikt, datum: a.datum, dagdeel: a.dagdeel }
      }),
    }
  })

  const opmerkingen: string[] = []
  if (dropped.resultaat)
    opmerkingen.push(
      `${count(dropped.resultaat, 'zaak', 'zaken')} met eindresultaat "Vervolghulp en/of verwijzing" zonder eindresultaat geleverd: dat bestaat in versie 0.9 niet.`,
    )
  if (afspraak)
    opmerkingen.push(
      `${count(afspraak, 'contactpoging', 'contactpogingen')} "Afspraak op locatie" geleverd als "Overige": versie 0.9 kent die soort niet.`,
    )
  if (dropped.soort)
    opmerkingen.push(
      `${count(dropped.soort, 'contactpoging', 'contactpogingen')} zonder bekende soort geleverd.`,
    )
  if (bekend)
    opmerkingen.push(
      `${count(bekend, 'signaal', 'signalen')} met status "Inwoner al bekend bij schuldhulpverlening" geleverd als "Niet opgepakt: andere reden": versie 0.9 kent die status niet.`,
    )
  return {
    file: wrap(c, {
      aanleverende_organisatie: organisation(c.organisatie, 'contactpersoonen'),
      vroegsignalen,
      vroegsignaalzaken,
    }),
    opmerkingen,
  }
}
