import type { Random } from './random'

/**
 * Roermond's wijken as the demo team divides its work: real neighbourhood and street names, with
 * plausible, non-overlapping PC4 areas. The postcode letters are made up (consistently: one street
 * always gets the same few letter pairs), so addresses look real without being anyone's.
 */
export interface DemoStreet {
  naam: string
  pc4: string
  /** The highest house number in use on this street. */
  maxNr: number
  plaats: string
}

export interface DemoWijk {
  naam: string
  /** As a team types it in the set-up: "6041" or "6071-6077". */
  postcodes: string
  /** Share of the town's signals; Donderberg and Kapel have more low-income rental homes. */
  weight: number
  streets: DemoStreet[]
}

const street = (naam: string, pc4: string, maxNr: number, plaats = 'Roermond'): DemoStreet => ({
  naam,
  pc4,
  maxNr,
  plaats,
})

export const DEMO_WIJKEN: readonly DemoWijk[] = [
  {
    naam: 'Centrum',
    postcodes: '6041',
    weight: 14,
    streets: [
      street('Markt', '6041', 40),
      street('Neerstraat', '6041', 60),
      street('Steenweg', '6041', 30),
      street('Swalmerstraat', '6041', 120),
      street('Hamstraat', '6041', 50),
      street('Roerkade', '6041', 30),
      street('Voogdijstraat', '6041', 25),
      street('Godsweerdersingel', '6041', 90),
      street('Zwartbroekstraat', '6041', 70),
      street('Schoenmakersstraat', '6041', 20),
      street('Pollartstraat', '6041', 30),
      street('Willem II Singel', '6041', 80),
    ],
  },
  {
    naam: "Kapel in 't Zand",
    postcodes: '6042',
    weight: 15,
    streets: [
      street("Kapel in 't Zandstraat", '6042', 110),
      street('Heinsbergerweg', '6042', 180),
      street('Bisschop Lindanusstraat', '6042', 60),
      street('Wilhelminalaan', '6042', 70),
      street('Prins Hendriklaan', '6042', 50),
      street('Parklaan', '6042', 40),
      street('Spoorlaan', '6042', 35),
    ],
  },
  {
    naam: 'Maasniel en Asenray',
    postcodes: '6043',
    weight: 15,
    streets: [
      street('Maasnielderweg', '6043', 140),
      street('Sint Wirosingel', '6043', 60),
      street('Graaf Gerardstraat', '6043', 45),
      street('Kerkeveld', '6043', 35),
      street('Hoogvonderweg', '6043', 50),
      street('Oude Borgweg', '6043', 40),
      street('Asenrayerweg', '6043', 95),
    ],
  },
  {
    naam: 'Roermond-Oost',
    postcodes: '6044',
    weight: 13,
    streets: [
      street('Bredeweg', '6044', 160),
      street('Kastanjelaan', '6044', 60),
      street('Jacob van Heinsbergstraat', '6044', 50),
      street('Carmelietenstraat', '6044', 30),
      street('Veldstraat', '6044', 45),
      street('Ruys de Beerenbrouckstraat', '6044', 55),
    ],
  },
  {
    naam: 'Donderberg',
    postcodes: '6045-6046',
    weight: 21,
    streets: [
      street('Donderbergweg', '6045', 150),
      street('Pater Moorsstraat', '6045', 80),
      street('Karel van Gelrestraat', '6045', 70),
      street('Maria Theresialaan', '6045', 90),
      street('Nassaustraat', '6046', 60),
      street('Oranjelaan', '6046', 120),
      street('Biesstraat', '6046', 45),
    ],
  },
  {
    naam: 'Herten',
    postcodes: '6049',
    weight: 9,
    streets: [
      street('Kerkstraat', '6049', 70, 'Herten'),
      street('Merumerweg', '6049', 90, 'Herten'),
      street('Hoofdstraat', '6049', 120, 'Herten'),
      street('Oolderveste', '6049', 40, 'Herten'),
      street('Sint Lambertusplein', '6049', 20, 'Herten'),
    ],
  },
  {
    naam: 'Swalmen',
    postcodes: '6071-6077',
    weight: 13,
    streets: [
      street('Hoofdstraat', '6071', 130, 'Swalmen'),
      street('Stationsstraat', '6071', 60, 'Swalmen'),
      street('Bosstraat', '6071', 45, 'Swalmen'),
      street('Prins Bernhardstraat', '6071', 55, 'Swalmen'),
      street('Asseltsestraat', '6075', 70, 'Asselt'),
      street('Markt', '6071', 25, 'Swalmen'),
    ],
  },
]

// PostNL never issues these letter pairs (see normalizePostcode).
const FORBIDDEN = new Set(['SA', 'SD', 'SS'])

function letterPair(n: number): string {
  return String.fromCharCode(65 + (Math.floor(n / 26) % 26)) + String.fromCharCode(65 + (n % 26))
}

/**
 * The postcode of a house on a street. Within a PC4 each street gets its own block of letter
 * pairs, and the number decides which pair (a postcode covers about 20 house numbers).
 */
export function postcodeFor(wijk: DemoWijk, s: DemoStreet, huisnummer: number): string {
  const streetsInPc4 = wijk.streets.filter((x) => x.pc4 === s.pc4)
  const index = streetsInPc4.indexOf(s)
  let n = index * 9 + Math.floor((huisnummer - 1) / 20)
  while (FORBIDDEN.has(letterPair(n))) n++
  return `${s.pc4}${letterPair(n)}`
}

export interface DemoAddress {
  wijk: DemoWijk
  straat: string
  huisnummer: number
  /** As a signal partner writes it: "", "a", "B", "2", "bis". */
  toevoeging: string
  postcode: string
  plaats: string
}

export function randomAddress(rnd: Random): DemoAddress {
  const wijk = rnd.weighted(DEMO_WIJKEN.map((w) => [w, w.weight] as const))
  const s = rnd.pick(wijk.streets)
  const huisnummer = rnd.int(1, s.maxNr)
  const toevoeging = rnd.chance(0.16)
    ? rnd.weighted([
        ['a', 5],
        ['b', 3],
        ['A', 2],
        ['1', 2],
        ['2', 2],
        ['3', 1],
        ['bis', 1],
      ] as const)
    : ''
  return {
    wijk,
    straat: s.naam,
    huisnummer,
    toevoeging,
    postcode: postcodeFor(wijk, s, huisnummer),
    plaats: s.plaats,
  }
}

/** The same address as another signal partner writes it: "12a", "12 A", "12-a" are one household. */
export function rewriteAddition(rnd: Random, toevoeging: string): string {
  if (!toevoeging) return ''
  return rnd.pick([toevoeging, toevoeging.toUpperCase(), ` ${toevoeging.toUpperCase()}`, `-${toevoeging}`])
}
