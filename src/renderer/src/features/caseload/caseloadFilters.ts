import { CASELOAD_SORTS, type CaseloadQuery, type CaseloadSort } from '@shared/api/caseload'
import { LEEFTIJD_ZAAK, ZAAK_STATUSSEN, type LeeftijdZaak } from '@shared/domain/case'
import { SIGNAALPARTNER_TYPES, type SignaalpartnerType } from '@shared/domain/ddas'

export const PAGE_SIZE = 50

export const STATUS_FILTERS = ['open', ...ZAAK_STATUSSEN, 'alle'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** The caseload's filters as the screen holds them: every select's value is a string, 'alle' = no filter. */
export interface CaseloadFilters {
  zoek: string
  /** 'alle', 'geen' (not assigned) or a consulent's id. */
  consulent: string
  /** 'alle' or a wijk's id. */
  wijk: string
  partnerType: 'alle' | SignaalpartnerType
  status: StatusFilter
  leeftijd: 'alle' | LeeftijdZaak
  /** 'huisbezoek': only cases whose plan says a home visit is due. */
  stap: 'alle' | 'huisbezoek'
  sort: CaseloadSort
  page: number
}

export const DEFAULT_FILTERS: CaseloadFilters = {
  zoek: '',
  consulent: 'alle',
  wijk: 'alle',
  partnerType: 'alle',
  status: 'open',
  leeftijd: 'alle',
  stap: 'alle',
  sort: 'nieuwste',
  page: 1,
}

/** True when anything narrows the list beyond the default (open cases, no search). */
export function hasActiveFilters(f: CaseloadFilters, mine: boolean): boolean {
  return (
    f.zoek.trim() !== '' ||
    (!mine && f.consulent !== 'alle') ||
    f.wijk !== 'alle' ||
    f.partnerType !== 'alle' ||
    f.status !== 'open' ||
    f.leeftijd !== 'alle' ||
    f.stap !== 'alle'
  )
}

/** The API query for these filters; in "Mijn zaken" the consulent is always the signed-in user. */
export function toQuery(f: CaseloadFilters, mineUserId: number | null): CaseloadQuery {
  const q: CaseloadQuery = {
    status: f.status,
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
    zoek: f.zoek.trim(),
  }
  if (mineUserId !== null) q.consulent = mineUserId
  else if (f.consulent === 'geen') q.consulent = 'geen'
  else if (/^\d+$/.test(f.consulent)) q.consulent = Number(f.consulent)
  if (/^\d+$/.test(f.wijk)) q.wijkId = Number(f.wijk)
  if (f.partnerType !== 'alle') q.partnerType = f.partnerType
  if (f.leeftijd !== 'alle') q.leeftijd = f.leeftijd
  if (f.stap !== 'alle') q.stap = f.stap
  return q
}

const storageKey = (mine: boolean) => `lange-adem:caseload:${mine ? 'mijn' : 'alle'}`

/**
 * Filters are remembered for the session, so a consulent who opens a case and comes back finds
 * the same list. Anything unreadable (an older version, a removed option) falls back to the default.
 */
export function loadFilters(
  mine: boolean,
  storage: Pick<Storage, 'getItem'> = sessionStorage,
): CaseloadFilters {
  try {
    const raw = storage.getItem(storageKey(mine))
    if (!raw) return DEFAULT_FILTERS
    const s = JSON.parse(raw) as Partial<Record<keyof CaseloadFilters, unknown>>
    const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
      typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback
    const idOr = (v: unknown, extra: string[]) =>
      typeof v === 'string' && (extra.includes(v) || /^\d+$/.test(v)) ? v : 'alle'
    return {
      zoek: typeof s.zoek === 'string' ? s.zoek.slice(0, 100) : '',
      consulent: idOr(s.consulent, ['alle', 'geen']),
      wijk: idOr(s.wijk, ['alle']),
      partnerType: pick(s.partnerType, ['alle', ...SIGNAALPARTNER_TYPES], 'alle'),
      status: pick(s.status, STATUS_FILTERS, 'open'),
      leeftijd: pick(s.leeftijd, ['alle', ...LEEFTIJD_ZAAK], 'alle'),
      stap: pick(s.stap, ['alle', 'huisbezoek'], 'alle'),
      sort: pick(s.sort, CASELOAD_SORTS, 'nieuwste'),
      page: typeof s.page === 'number' && Number.isInteger(s.page) && s.page >= 1 ? s.page : 1,
    }
  } catch {
    return DEFAULT_FILTERS
  }
}

export function saveFilters(
  mine: boolean,
  f: CaseloadFilters,
  storage: Pick<Storage, 'setItem'> = sessionStorage,
): void {
  try {
    storage.setItem(storageKey(mine), JSON.stringify(f))
  } catch {
    // A full or blocked session storage only costs the remembered filters.
  }
}

const LAST_LIST_KEY = 'lange-adem:caseload:laatste'

/** Which list a case was opened from, so "Terug naar caseload" returns there. */
export function rememberLastList(mine: boolean): void {
  try {
    sessionStorage.setItem(LAST_LIST_KEY, mine ? 'mijn' : 'alle')
  } catch {
    // see saveFilters
  }
}

export function lastListWasMine(): boolean {
  try {
    return sessionStorage.getItem(LAST_LIST_KEY) === 'mijn'
  } catch {
    return false
  }
}

export function countLabel(total: number): string {
  return `${total.toLocaleString('nl-NL')} ${total === 1 ? 'zaak' : 'zaken'}`
}
