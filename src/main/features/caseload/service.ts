import type { Db } from '../../db/database'
import type { CaseloadPage, CaseloadRow } from '@shared/api/caseload'
import type { ZaakStatus } from '@shared/domain/case'
import { formatPostcode } from '@shared/format/address'
import { getLadderConfig, phonesOf, plannedVisitCases } from '../ladder/repository'
import { isVisitDue, nextStep } from '../ladder/next-step'
import { previousCases } from '../signals/previous-case'
import type { CaseScope } from '../access/scope'
import { caseloadPage, teamNames, type CaseloadQuery } from './repository'
import { explainSearch, parseSearch } from './search'

/** One page of the caseload, with the total for the same filters. */
export async function listCaseload(
  db: Db,
  today: string,
  f: CaseloadQuery,
  scope: CaseScope,
): Promise<CaseloadPage> {
  const search = parseSearch(f.zoek)
  // Independent lookups run side by side (teamNames does the same): on PostgreSQL each is a
  // round trip on its own pool connection; SQLite runs them one after the other as before.
  // The page waits for the ladder settings only when it filters on a due home visit; the names
  // are needed for the rows only, so both go in the page's own round (one round trip fewer).
  const settings = getLadderConfig(db)
  const [cfg, names, { rows, n }] = await Promise.all([
    settings,
    teamNames(db),
    f.stap === 'huisbezoek'
      ? settings.then((c) => caseloadPage(db, f, search, today, c, scope))
      : caseloadPage(db, f, search, today, null, scope),
  ])
  const ids = rows.map((r) => r.id)
  const [previous, phones, visits] = await Promise.all([
    // A second, page-sized lookup: a subquery in the select list would run for every sorted row.
    previousCases(db, ids),
    // The next step as Vandaag and the case file read it (ladder/next-step.ts): page-sized lookups.
    phonesOf(db, [...new Set(rows.map((r) => r.household_id))]),
    plannedVisitCases(db, ids),
  ])
  return {
    rows: rows.map((r): CaseloadRow => {
      const step = nextStep(cfg, r, !!phones.get(r.household_id))
      return {
        id: r.id,
        caseNumber: r.case_number,
        naam: r.display_name,
        adres: r.adres,
        postcode: formatPostcode(r.postcode),
        wijkNaam: r.wijk_id ? (names.wijken.get(r.wijk_id) ?? null) : null,
        consulentNaam: r.consulent_id ? (names.users.get(r.consulent_id) ?? null) : null,
        status: r.status as ZaakStatus,
        partnerTypes: r.partner_types ? r.partner_types.split(',') : [],
        signalen: r.signal_count,
        bedragCents: r.total_amount_cents,
        geopendOp: r.datum_opgepakt,
        laatsteSignaal: r.latest_signal_date,
        crisis: r.crisis === 1,
        demo: r.is_demo === 1,
        volgendeStap: step?.label ?? null,
        volgendeDatum: step?.datum ?? null,
        huisbezoekNodig: isVisitDue(step, today, visits.has(r.id)),
        nietBenaderen: r.niet_benaderen === 1,
        eerderBekend: previous.has(r.id),
      }
    }),
    total: n,
    page: f.page,
    pageSize: f.pageSize,
    zoekUitleg: explainSearch(search),
  }
}
