import { surnameKey } from '@shared/format/person'
import { createRandom, type Random } from '../features/demo/random'

/**
 * A few thousand distinct surnames with a Zipf-like frequency, like a Dutch population: a
 * handful are very common (about 1.5% for the first), most are rare. The top of the list is
 * real, the long tail is composed from Dutch name parts.
 */
export interface BenchSurname {
  prefix: string
  surname: string
  key: string
}

const TOP: readonly [string, string][] = [
  ['', 'Jansen'],
  ['de', 'Jong'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  ['', 'Janssen'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
  ['', 'Dijkstra'],
  ['', 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['van der', 'Linden'],
  ['', 'Kok'],
  ['', 'Jacobs'],
  ['de', 'Haan'],
  ['', 'Vermeulen'],
  ['van den', 'Heuvel'],
  ['van der', 'Veen'],
  ['van den', 'Broek'],
  ['de', 'Bruijn'],
  ['', 'Peeters'],
  ['van der', 'Heijden'],
  ['', 'Schouten'],
  ['van', 'Beek'],
  ['', 'Willems'],
  ['', 'Yılmaz'],
  ['', 'Smeets'],
  ['', 'El Amrani'],
  ['', 'Çelik'],
  ['', 'Kowalski'],
  ['', 'Nowak'],
  ['', 'Müller'],
  ['', 'Hoekstra'],
  ['', 'Maas'],
  ['', 'Verhoeven'],
  ['', 'Koster'],
  ['van', 'Dam'],
  ['van der', 'Wal'],
  ['', 'Prins'],
  ['', 'Blom'],
  ['', 'Huisman'],
  ['', 'Şahin'],
  ['', 'Öztürk'],
  ['', 'Bouzid'],
  ['', 'Sitaram'],
  ['', 'Houben'],
]
const HEADS = ['', 'Ver', 'Oost', 'West', 'Noord', 'Zuid', 'Hoog', 'Nieuw', 'Groot', 'Klein', 'Oude', 'Over']
const STEMS = [
  'berg',
  'brink',
  'broek',
  'dijk',
  'hof',
  'kamp',
  'veld',
  'laar',
  'molen',
  'hout',
  'bos',
  'water',
  'beek',
  'horst',
  'donk',
  'rade',
  'heide',
  'kerk',
  'wijn',
  'steen',
  'haag',
  'weide',
  'voort',
  'loo',
  'made',
  'linde',
  'eik',
  'ros',
  'vlier',
  'hees',
  'mers',
  'gils',
  'wouw',
  'hamer',
  'akker',
]
const TAILS = [
  'man',
  'mans',
  'ink',
  'ing',
  'er',
  'ers',
  'hof',
  'huis',
  'kamp',
  'mer',
  'ema',
  'stra',
  'sen',
  's',
  'ert',
  'el',
  'ens',
  'ke',
  'ijn',
  'en',
]

export function makeSurnames(count: number, seed = 42): BenchSurname[] {
  const rnd = createRandom(seed)
  const out: BenchSurname[] = []
  const seen = new Set<string>()
  const add = (prefix: string, surname: string) => {
    const key = surnameKey(surname, prefix)
    if (seen.has(key)) return
    seen.add(key)
    out.push({ prefix, surname, key })
  }
  for (const [prefix, surname] of TOP) add(prefix, surname)
  const tail: string[] = []
  for (const h of HEADS) for (const s of STEMS) for (const t of TAILS) tail.push(h + s + t)
  shuffle(rnd, tail)
  for (const name of tail) {
    if (out.length >= count) break
    add(
      rnd.chance(0.12) ? rnd.pick(['van', 'van de', 'van der', 'de', 'ter']) : '',
      name[0]!.toUpperCase() + name.slice(1),
    )
  }
  return out
}

/** Draws ranks with weight 1 / rank^s by binary search in the cumulative weights. */
export function zipfSampler(n: number, s: number, rnd: Random): () => number {
  const cumulative = new Float64Array(n)
  let sum = 0
  for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / Math.pow(r + 1, s)
  return () => {
    const x = rnd.next() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

function shuffle<T>(rnd: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rnd.int(0, i)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
}
