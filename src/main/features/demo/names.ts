import type { Random } from './random'

/**
 * Made-up residents for the demo: surnames as they occur in a Limburg town of 58,000, with
 * Dutch prefixes kept apart (as the registers do), and names of Moroccan, Turkish, Surinamese,
 * Polish and German origin with their own letters, so search and matching meet real spelling.
 */
export interface DemoSurname {
  prefix: string
  surname: string
  /** Relative frequency: Limburg surnames are the most common. */
  weight: number
  origin: Origin
}

type Origin = 'nl' | 'ma' | 'tr' | 'sr' | 'pl' | 'de'

const s = (surname: string, weight: number, origin: Origin = 'nl', prefix = ''): DemoSurname => ({
  prefix,
  surname,
  weight,
  origin,
})

export const SURNAMES: readonly DemoSurname[] = [
  // Limburg and wider Dutch
  s('Janssen', 9),
  s('Peeters', 7),
  s('Hendrikx', 5),
  s('Smeets', 6),
  s('Geraedts', 3),
  s('Vossen', 4),
  s('Willems', 5),
  s('Beckers', 4),
  s('Coenen', 4),
  s('Houben', 4),
  s('Schreurs', 3),
  s('Dassen', 2),
  s('Claessens', 3),
  s('Heijnen', 3),
  s('Timmermans', 3),
  s('Hermans', 4),
  s('Crombach', 1),
  s('Wolters', 2),
  s('Jacobs', 3),
  s('Linders', 2),
  s('Ramakers', 2),
  s('Kessels', 2),
  s('Schoonbrood', 1),
  s('Theelen', 1),
  s('Vaessen', 2),
  s('Quaedvlieg', 1),
  s('Hoëlle', 1),
  s('Gielen', 2),
  s('Bongaerts', 1),
  s('Berg', 3, 'nl', 'van der'),
  s('Heuvel', 3, 'nl', 'van den'),
  s('Bruijn', 2, 'nl', 'de'),
  s('Dijk', 2, 'nl', 'van'),
  s('Zandt', 1, 'nl', "in 't"),
  s('Venne', 1, 'nl', 'van de'),
  s('Leeuwen', 2, 'nl', 'van'),
  s('Vries', 2, 'nl', 'de'),
  s('Linden', 2, 'nl', 'van der'),
  s('Kerkhof', 1, 'nl', 'van de'),
  s('Groot', 1, 'nl', 'de'),
  s('Wal', 1, 'nl', 'van der'),
  s('Berg', 1, 'nl', 'van den'),
  s('Laak', 1, 'nl', 'ter'),
  // Moroccan
  s('El Amrani', 2, 'ma'),
  s('Bouzid', 2, 'ma'),
  s('Benali', 2, 'ma'),
  s('El Idrissi', 1, 'ma'),
  s('Ouali', 1, 'ma'),
  s('El Haddouti', 1, 'ma'),
  s('Azzouzi', 1, 'ma'),
  // Turkish
  s('Yılmaz', 3, 'tr'),
  s('Çelik', 2, 'tr'),
  s('Demir', 2, 'tr'),
  s('Kaya', 2, 'tr'),
  s('Şahin', 2, 'tr'),
  s('Öztürk', 2, 'tr'),
  s('Gülşen', 1, 'tr'),
  s('Doğan', 1, 'tr'),
  // Surinamese
  s('Sitaram', 1, 'sr'),
  s('Ramdin', 1, 'sr'),
  s('Pinas', 1, 'sr'),
  s('Kartodikromo', 1, 'sr'),
  s('Biharie', 1, 'sr'),
  s('Wijngaarde', 1, 'sr'),
  // Polish
  s('Kowalski', 2, 'pl'),
  s('Nowak', 2, 'pl'),
  s('Wiśniewski', 1, 'pl'),
  s('Wójcik', 1, 'pl'),
  s('Lewandowski', 1, 'pl'),
  s('Dąbrowska', 1, 'pl'),
  // German (Roermond lies at the border)
  s('Müller', 2, 'de'),
  s('Kreß', 1, 'de'),
  s('Schröder', 1, 'de'),
  s('Weiß', 1, 'de'),
]

/** First-name initials per origin; Dutch ones often come in twos and threes. */
const INITIALS: Record<Origin, readonly string[]> = {
  nl: [
    'J.',
    'M.',
    'P.',
    'A.',
    'H.',
    'W.',
    'L.',
    'G.',
    'C.',
    'R.',
    'S.',
    'T.',
    'J.M.',
    'M.J.',
    'A.M.',
    'P.H.',
    'J.P.M.',
    'Th.',
    'IJ.',
    'E.',
    'N.',
    'K.',
  ],
  ma: ['M.', 'A.', 'F.', 'Y.', 'K.', 'N.', 'H.', 'S.', 'B.', 'Z.'],
  tr: ['M.', 'A.', 'E.', 'Ö.', 'Ş.', 'H.', 'Y.', 'S.', 'G.', 'Ç.'],
  sr: ['R.', 'S.', 'D.', 'A.', 'M.', 'J.', 'G.R.', 'N.'],
  pl: ['K.', 'M.', 'P.', 'A.', 'T.', 'Ł.', 'J.', 'W.'],
  de: ['H.', 'K.', 'J.', 'U.', 'S.', 'M.', 'F.'],
}

export function pickSurname(rnd: Random): DemoSurname {
  return rnd.weighted(SURNAMES.map((n) => [n, n.weight] as const))
}

export function pickInitials(rnd: Random, origin: Origin): string {
  return rnd.pick(INITIALS[origin])
}

/** A mobile number about half the residents have given to a signal partner. */
export function randomMobile(rnd: Random): string {
  return `06-${String(rnd.int(10_000_000, 99_999_999))}`
}

/** An e-mail address derived from the name, in the lower-case ASCII people actually use. */
export function emailFor(rnd: Random, initials: string, surname: string): string {
  const local = (initials.replace(/[^A-Za-z]/g, '') + surname)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
  return `${local}${rnd.chance(0.5) ? rnd.int(1, 99) : ''}@${rnd.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'kpnmail.nl', 'ziggo.nl'])}`
}
