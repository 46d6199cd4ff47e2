import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { normalizeAddition } from '@shared/format/address'
import type { Db } from '../../db/database'
import { householdKey } from '../signals/decisions'
import { loadWijkRanges, type WijkRange } from '../wijken/assignment'
import { selectIn } from './sql-batch'

/** What the batch path needs to know up front, read once per import. */
export interface BatchLookups {
  ranges: WijkRange[]
  /** Active consulenten per wijk, lowest id first (as consulentForWijk orders them). */
  consulenten: Map<number, number[]>
  /** Open cases per consulent. */
  loads: Map<number, number>
}

export async function loadBatchLookups(db: Db): Promise<BatchLookups> {
  const links = await db
    .selectFrom('user_wijk')
    .innerJoin('app_user', 'app_user.id', 'user_wijk.user_id')
    .select(['user_wijk.wijk_id', 'app_user.id'])
    .where('app_user.rol', '=', 'consulent')
    .where('app_user.actief', '=', 1)
    .orderBy('app_user.id')
    .execute()
  const consulenten = new Map<number, number[]>()
  for (const l of links) consulenten.set(l.wijk_id, [...(consulenten.get(l.wijk_id) ?? []), l.id])
  const loads = new Map<number, number>()
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select(['consulent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .where('consulent_id', 'is not', null)
    .groupBy('consulent_id')
    .execute()
  for (const r of rows) loads.set(r.consulent_id!, Number(r.n))
  return { ranges: await loadWijkRanges(db), consulenten, loads }
}

export interface BatchOutcome {
  signalId: number
  caseId: number | null
  newCase: boolean
  householdId: number
  newHousehold: boolean
  residentId: number
  newResident: boolean
  wijkId: number | null
}

/** A signal of a household as the import needs it: triage (repeated report) and matching. */
export interface KnownSignal {
  id: number
  resident_id: number
  signaaldatum: string
  partner_type: string
  partner_naam: string
  bedrag_cents: number
}

export interface ResidentState {
  id: number
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  achternaam_key: string
  geboortedatum: string | null
  telefoon: string
  email: string
  bsn: string | null
  has_open_case: number
  updated_at: string
}

/**
 * One address as the import knows it while it runs: the stored household (read once, for a
 * chunk of rows at a time) or the one this run created, with its residents, its open case and
 * every signal it has, stored before or added by this run.
 */
export interface HouseholdState {
  id: number
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
  wijkId: number | null
  nietBenaderen: number
  created: boolean
  residents: ResidentState[]
  openCaseId: number | null
  signals: KnownSignal[]
}

export interface AddressKey {
  postcode: string
  huisnummer: number
  toevoeging: string
}

/** A stored household as the prefetch reads it. */
export interface HouseholdRow {
  id: number
  postcode: string
  huisnummer: number
  toevoeging: string
  straat: string
  wijk_id: number | null
  niet_benaderen: number
}

/** A stored household's state (its residents, open case and signals still to be read), kept by its key. */
export function storedHousehold(
  r: HouseholdRow,
  households: Map<string, HouseholdState | null>,
): HouseholdState {
  const hh: HouseholdState = {
    id: r.id,
    postcode: r.postcode,
    huisnummer: r.huisnummer,
    toevoeging: r.toevoeging,
    straat: r.straat,
    wijkId: r.wijk_id,
    nietBenaderen: r.niet_benaderen,
    created: false,
    residents: [],
    openCaseId: null,
    signals: [],
  }
  households.set(householdKey(r.postcode, r.huisnummer, r.toevoeging), hh)
  return hh
}

export const RESIDENT_COLUMNS =
  'id, household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, has_open_case, updated_at'

/**
 * The stored households of these addresses (keyed by householdKey), each with its residents in id
 * order, its open case and its signals, in a few statements with sorted keys; an address not
 * stored is set to null in `households`.
 */
export function readHouseholds(
  raw: BetterSqlite3.Database,
  wanted: ReadonlyMap<string, AddressKey>,
  households: Map<string, HouseholdState | null>,
): void {
  const keys = [...wanted.keys()].sort()
  const found: HouseholdState[] = []
  selectIn(
    raw,
    `select h.id, h.postcode, h.huisnummer, h.toevoeging, h.straat, h.wijk_id, h.niet_benaderen
     from (values #) v join household h on h.postcode = v.column1 and h.huisnummer = v.column2 and h.toevoeging = v.column3`,
    3,
    keys.flatMap((k) => {
      const a = wanted.get(k)!
      return [a.postcode, a.huisnummer, normalizeAddition(a.toevoeging)]
    }),
    (r: HouseholdRow) => found.push(storedHousehold(r, households)),
  )
  for (const k of keys) if (!households.has(k)) households.set(k, null)
  if (found.length === 0) return
  const byId = new Map(found.map((h) => [h.id, h]))
  const hhIds = [...byId.keys()].sort((a, b) => a - b)
  selectIn(
    raw,
    `select ${RESIDENT_COLUMNS} from resident where household_id in (#) order by id`,
    1,
    hhIds,
    (r: ResidentState & { household_id: number }) => byId.get(r.household_id)!.residents.push(r),
  )
  // Residents in id order per household, whichever chunk of the IN list they came from
  for (const h of found) if (h.residents.length > 1) h.residents.sort((a, b) => a.id - b.id)
  selectIn(
    raw,
    'select household_id, id from vroegsignaalzaak where household_id in (#) and is_open = 1',
    1,
    hhIds,
    (r: { household_id: number; id: number }) => {
      const h = byId.get(r.household_id)!
      if (h.openCaseId === null || r.id > h.openCaseId) h.openCaseId = r.id
    },
  )
  selectIn(
    raw,
    'select household_id, id, resident_id, signaaldatum, partner_type, partner_naam, bedrag_cents from vroegsignaal where household_id in (#)',
    1,
    hhIds,
    (r: KnownSignal & { household_id: number }) => byId.get(r.household_id)!.signals.push(r),
  )
}
