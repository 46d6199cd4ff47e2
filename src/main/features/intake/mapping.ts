import type { ColumnMapping, IntakeField, PartnerWord } from '@shared/api/intake'
import { REQUIRED_INTAKE_FIELDS } from '@shared/api/intake'
import type { SignaalpartnerType } from '@shared/domain/ddas'
import { SIGNAALPARTNER_TYPES } from '@shared/domain/ddas'
import { foldText } from '@shared/format/person'
import type { TableRows } from './csv'
import { cleanCell } from './decode'

/** Header text compared without case, accents, punctuation and spaces: "Geb.datum" -> "gebdatum". */
export function foldHeader(h: string): string {
  return foldText(h).replace(/\s+/g, '')
}

/** A value word compared the same way: "Huurachterstand " -> "huurachterstand". */
export const foldWord = foldHeader

/** Header names seen in platform exports and hand-made lists, Dutch and English, folded. */
const SYNONYMS: Record<IntakeField, string[]> = {
  externId: [
    'signaalid',
    'id',
    'signaalnummer',
    'kenmerk',
    'signaalkenmerk',
    'vpsid',
    'risid',
    'meldingid',
    'meldingsnummer',
    'signalid',
    'referentie',
    'nummer',
    'nr',
  ],
  partnerType: [
    'soortsignaalpartner',
    'signaalpartnertype',
    'typesignaalpartner',
    'soortpartner',
    'partnertype',
    'soort',
    'type',
    'soortachterstand',
    'typeachterstand',
    'categorie',
    'signaaltype',
    'soortsignaal',
    'branche',
    'creditortype',
    'soortmelder',
    'typemelder',
    'categoriemelder',
    'soortvastelastenpartner',
    'typevastelastenpartner',
    'sector',
  ],
  partnerNaam: [
    'signaalpartner',
    'naamsignaalpartner',
    'partner',
    'partnernaam',
    'schuldeiser',
    'crediteur',
    'leverancier',
    'afzender',
    'organisatie',
    'creditor',
    'creditorname',
    // Platform exports name the partner who reported the signal the "melder"
    'melder',
    'naammelder',
    'meldernaam',
    'melderorganisatie',
    'meldendepartij',
    'meldendeorganisatie',
    'signaalgever',
    'vastelastenpartner',
    'naamvastelastenpartner',
    'partij',
  ],
  bedrag: [
    'bedrag',
    'bedragachterstand',
    'achterstand',
    'achterstandsbedrag',
    'openstaandbedrag',
    'hoogteachterstand',
    'saldo',
    'totaalbedrag',
    'amount',
    'arrears',
    'bedrageuro',
    'euro',
  ],
  ontstaansdatum: [
    'ontstaansdatum',
    'datumontstaan',
    'ontstaandatum',
    'startachterstand',
    'datumachterstand',
    'begindatum',
    'achterstandsinds',
    'sinds',
    'startdate',
  ],
  signaaldatum: [
    'signaaldatum',
    'datumsignaal',
    'datum',
    'meldingsdatum',
    'datummelding',
    'ontvangstdatum',
    'datumontvangst',
    'aanmelddatum',
    'signaldate',
    'date',
  ],
  crisis: ['crisis', 'crisissignaal', 'crisismelding', 'afsluiting', 'eindelevering', 'urgent', 'spoed'],
  warmeOverdracht: ['warmeoverdracht', 'warm', 'overdracht'],
  voorletters: ['voorletters', 'voorl', 'initialen', 'vl', 'voorletter', 'initials'],
  tussenvoegsel: ['tussenvoegsel', 'tussenv', 'tv', 'voorvoegsel', 'tussenvoegsels', 'prefix'],
  achternaam: [
    'achternaam',
    'naam',
    'geslachtsnaam',
    'familienaam',
    'anaam',
    'surname',
    'lastname',
    'naamclient',
    'naaminwoner',
  ],
  geboortedatum: [
    'geboortedatum',
    'gebdatum',
    'geboren',
    'gebdat',
    'gebdt',
    'geb',
    'dateofbirth',
    'birthdate',
    'dob',
  ],
  bsn: ['bsn', 'burgerservicenummer', 'sofinummer'],
  telefoon: [
    'telefoon',
    'telefoonnummer',
    'tel',
    'telnr',
    'mobiel',
    'mobielnummer',
    'gsm',
    'phone',
    'telefoonnr',
  ],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'eadres'],
  straat: ['straat', 'straatnaam', 'adres', 'street'],
  huisnummer: ['huisnummer', 'huisnr', 'hnr', 'nr', 'nummer', 'housenumber', 'huisnummermettoevoeging'],
  toevoeging: ['toevoeging', 'huisnummertoevoeging', 'toev', 'huisletter', 'hnrtoev', 'addition'],
  postcode: ['postcode', 'pc', 'zipcode', 'zip', 'postalcode', 'postcodewoonadres'],
  plaats: ['plaats', 'woonplaats', 'plaatsnaam', 'city', 'gemeente', 'stad'],
}

/**
 * Proposes a column per field from the header names: an exact synonym first, then a header
 * that starts with or contains one (longest synonym wins). Each column serves one field.
 */
export function proposeColumns(headers: string[]): ColumnMapping['columns'] {
  const folded = headers.map(foldHeader)
  const used = new Set<number>()
  const out: ColumnMapping['columns'] = {}
  const fields = Object.keys(SYNONYMS) as IntakeField[]
  // Pass 1: exact matches, in synonym order (so "naam" only goes to achternaam when nothing better)
  for (const f of fields) {
    for (const s of SYNONYMS[f]) {
      const i = folded.findIndex((h, idx) => h === s && !used.has(idx))
      if (i >= 0) {
        out[f] = headers[i]!
        used.add(i)
        break
      }
    }
  }
  // Pass 2: a header containing a synonym of at least four letters
  for (const f of fields) {
    if (out[f]) continue
    let best: { i: number; len: number } | null = null
    for (const s of SYNONYMS[f]) {
      if (s.length < 4) continue
      folded.forEach((h, i) => {
        if (!used.has(i) && h.includes(s) && (!best || s.length > best.len)) best = { i, len: s.length }
      })
    }
    if (best) {
      const { i } = best as { i: number }
      out[f] = headers[i]!
      used.add(i)
    }
  }
  return out
}

/** Fits a saved mapping to this file's headers (compared folded); columns the file lacks are dropped. */
export function fitMapping(saved: ColumnMapping, headers: string[]): ColumnMapping {
  const byFolded = new Map(headers.map((h) => [foldHeader(h), h]))
  const columns: ColumnMapping['columns'] = {}
  for (const [f, h] of Object.entries(saved.columns) as [IntakeField, string][]) {
    const actual = byFolded.get(foldHeader(h))
    if (actual) columns[f] = actual
  }
  return { columns, partnerTypes: saved.partnerTypes }
}

export function unplacedFields(mapping: ColumnMapping, headers: string[]): IntakeField[] {
  const present = new Set(headers)
  const placed = (f: IntakeField) => {
    const h = mapping.columns[f]
    return !!h && present.has(h)
  }
  // One address column ("Kerkstraat 12a") can carry the house number
  return REQUIRED_INTAKE_FIELDS.filter((f) => !placed(f) && !(f === 'huisnummer' && placed('straat')))
}

const PARTNER_WORDS: [SignaalpartnerType, string[]][] = [
  [
    'CAK Zorgverzekeringen',
    [
      'cakzorg',
      'cakzorgverzekering',
      'cakzorgverzekeringen',
      'wanbetalersregeling',
      'bestuursrechtelijkepremie',
      'cak',
    ],
  ],
  ['CAK Eigen bijdrage', ['cakeigenbijdrage', 'eigenbijdrage']],
  ['Dienst Toeslagen', ['toeslagen', 'diensttoeslagen', 'huurtoeslag', 'zorgtoeslag']],
  ['Belastingdienst', ['belastingdienst', 'belasting', 'fiscus']],
  ['Hypotheek', ['hypotheek', 'hypotheekachterstand', 'hypotheekverstrekker', 'mortgage']],
  ['DUO', ['duo', 'studieschuld', 'studiefinanciering']],
  [
    'Huur',
    [
      'huur',
      'huurachterstand',
      'verhuurder',
      'woningcorporatie',
      'corporatie',
      'woningbouw',
      'woningbouwvereniging',
      'rent',
      'huurder',
    ],
  ],
  [
    'Energie',
    [
      'energie',
      'energieleverancier',
      'energieachterstand',
      'gas',
      'stroom',
      'elektra',
      'elektriciteit',
      'gaselektra',
      'netbeheerder',
      'energy',
    ],
  ],
  ['Water', ['water', 'drinkwater', 'drinkwaterbedrijf', 'waterbedrijf', 'waterleiding', 'wml']],
  [
    'Zorg',
    [
      'zorg',
      'zorgverzekeraar',
      'zorgverzekering',
      'zorgpremie',
      'ziektekosten',
      'premie',
      'health',
      'healthinsurance',
    ],
  ],
  ['Overige', ['overige', 'overig', 'anders', 'other']],
]

/** The DDAS partner type a file's word most likely means; null when unsure. */
export function proposePartnerType(word: string): SignaalpartnerType | null {
  const w = foldWord(word)
  if (!w) return null
  const exact = SIGNAALPARTNER_TYPES.find((t) => foldWord(t) === w)
  if (exact) return exact
  for (const [type, words] of PARTNER_WORDS) if (words.includes(w)) return type
  for (const [type, words] of PARTNER_WORDS)
    if (words.some((x) => x.length >= 4 && w.includes(x))) return type
  return null
}

/** The distinct partner words in the mapped column, with a proposal for each. */
export function partnerWords(rows: TableRows, headers: string[], mapping: ColumnMapping): PartnerWord[] {
  const col = mapping.columns.partnerType ? headers.indexOf(mapping.columns.partnerType) : -1
  if (col < 0) return []
  const counts = new Map<string, { word: string; count: number }>()
  for (let i = 0; i < rows.length; i++) {
    const word = cleanCell(rows.cell(i, col))
    const key = foldWord(word)
    if (!key) continue
    const e = counts.get(key)
    if (e) e.count++
    else counts.set(key, { word, count: 1 })
  }
  return [...counts.entries()]
    .map(([key, { word, count }]) => ({
      word,
      key,
      count,
      proposed: mapping.partnerTypes[key] ?? proposePartnerType(word),
    }))
    .sort((a, b) => b.count - a.count)
}

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'true', 'waar', 'x', 'wel'])
const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', 'niet', ''])

/** ja/nee, J/N, 1/0, yes/no, true/false; null when the word means neither. */
export function parseYesNo(input: string): boolean | null {
  const w = foldWord(input)
  if (YES.has(w)) return true
  if (NO.has(w)) return false
  return null
}
