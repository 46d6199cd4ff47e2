/**
 * A small seeded random source, so the demo data are the same on every load (and in tests).
 * Math.random cannot be seeded; mulberry32 is tiny, fast and good enough for made-up data.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight: `[[value, weight], ...]`; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A normally distributed number (Box-Muller). */
  normal(mean: number, sd: number): number
  /** A log-normally distributed number with the given median: skewed to the right, like arrears. */
  logNormal(median: number, sigma: number): number
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  const r: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    weighted: (items) => {
      const total = items.reduce((a, [, w]) => a + w, 0)
      let x = next() * total
      for (const [v, w] of items) {
        x -= w
        if (x < 0) return v
      }
      return items[items.length - 1]![0]
    },
    normal: (mean, sd) => {
      // 1 - next() keeps the logarithm away from zero
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    logNormal: (median, sigma) => median * Math.exp(r.normal(0, sigma)),
  }
  return r
}

/** A valid BSN (passes the eleven-test), made from the random source. */
export function randomBsn(rnd: Random): string {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? rnd.int(1, 6) : rnd.int(0, 9)))
    const sum = d.reduce((a, x, i) => a + x * (9 - i), 0)
    const last = sum % 11
    if (last <= 9) return d.join('') + String(last)
  }
}
