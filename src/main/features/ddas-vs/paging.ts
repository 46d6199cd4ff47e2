import type { DdasFile } from '../monitor/ddas-format'

/**
 * Pages of one delivery (DDAS-VS non-functional requirements: at most 50,000 vroegsignalen per
 * answer). The delivery is the v1.2 file the Monitor's export writes (monitor/ddas.ts decides
 * what goes in, ddas-format.ts writes it, the official schema checks it); this module only cuts
 * it into pages:
 *
 * - every signal is on exactly one page, in a fixed order: the signals of one case next to each
 *   other (ordered by the case's first signal), the others in the delivery's own order;
 * - every case is on exactly one page: the page of its first signal, with all its references,
 *   so only a case that straddles a page boundary refers to a signal on the next page;
 * - a page past the last holds no signals and no cases, but does say how many pages there are.
 *
 * The order depends only on the delivery, so the same delivery gives the same pages; the handler
 * keeps one delivery per period for a while (snapshot), so page 2 is cut from the same data as
 * page 1 even when the team works on in between.
 */
type Json = Record<string, unknown>

export interface PagedDelivery {
  file: DdasFile
  /** Every signal, in page order. */
  signals: Json[]
  /** Every case, with the position (in `signals`) of its first signal; sorted by it. */
  cases: { first: number; zaak: Json }[]
}

const refs = (zaak: Json) => (zaak['vroegsignalen'] as { ID: string }[]).map((r) => r.ID)

export function pageOrder(file: DdasFile): PagedDelivery {
  const lev = file.leveringen[0]!
  const signals = lev.vroegsignalen
  const position = new Map<string, number>()
  signals.forEach((s, i) => {
    const id = s['ID'] as string
    if (!position.has(id)) position.set(id, i)
  })
  // The group of a signal: the first position among its case's signals, else its own.
  const group = signals.map((_, i) => i)
  for (const zaak of lev.vroegsignaalzaken) {
    const at = refs(zaak)
      .map((id) => position.get(id))
      .filter((p): p is number => p !== undefined)
    const first = Math.min(...at)
    for (const p of at) group[p] = Math.min(group[p]!, first)
  }
  const order = signals.map((_, i) => i).sort((a, b) => group[a]! - group[b]! || a - b)
  const newPosition = new Map<string, number>()
  const ordered = order.map((i, k) => {
    const s = signals[i]!
    const id = s['ID'] as string
    if (!newPosition.has(id)) newPosition.set(id, k)
    return s
  })
  const cases = lev.vroegsignaalzaken
    .map((zaak) => ({
      first: Math.min(...refs(zaak).map((id) => newPosition.get(id) ?? Number.MAX_SAFE_INTEGER)),
      zaak,
    }))
    .sort((a, b) => a.first - b.first)
  return { file, signals: ordered, cases }
}

export interface Paginering {
  pageSize: number
  currentPage: number
  totalPages: number
  totalRecords: number
}

/** One page: `gegevens` (a v1.2 file with this page's signals and cases) and `paginering`. */
export function pageOf(
  d: PagedDelivery,
  page: number,
  pageSize: number,
): { gegevens: DdasFile; paginering: Paginering } {
  const start = (page - 1) * pageSize
  const end = start + pageSize
  const lev = d.file.leveringen[0]!
  const cases: Json[] = []
  // Cases are sorted by their first signal: find the first on this page, then take while inside.
  let lo = 0
  let hi = d.cases.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (d.cases[mid]!.first < start) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < d.cases.length && d.cases[i]!.first < end; i++) cases.push(d.cases[i]!.zaak)
  return {
    gegevens: {
      ...d.file,
      leveringen: [{ ...lev, vroegsignalen: d.signals.slice(start, end), vroegsignaalzaken: cases }],
    },
    paginering: {
      pageSize,
      currentPage: page,
      totalPages: Math.max(1, Math.ceil(d.signals.length / pageSize)),
      totalRecords: d.signals.length,
    },
  }
}
