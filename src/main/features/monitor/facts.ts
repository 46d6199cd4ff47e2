import { sql, type Kysely } from 'kysely'
import { CONTACTSOORTEN, EINDRESULTATEN } from '@shared/domain/ddas'
import type { Database } from '../../db/schema'
import type { Db } from '../../db/database'

/**
 * The monitor's anonymous facts (migration 0004). The figures are computed from these tables
 * only, never from names or addresses, so they survive the deletion of personal data.
 */
export interface CaseFactTable {
  case_id: number
  datum_opgepakt: string
  opgepakt: number
  wijk_id: number | null
  consulent_id: number | null
  partner_types: string
  crisis: number
  bedrag_euro: number
  leeftijd: number | null
  pogingen: number
  soorten_mask: number
  bereikt_mask: number
  bereikt: number
  eerste_contact_soort: string | null
  eerste_contact_dagdeel: string | null
  eerste_contact_datum: string | null
  resultaat: string | null
  gesloten_op: string | null
  frozen: number
}

export interface SignalFactTable {
  signal_id: number
  case_id: number | null
  signaaldatum: string
  partner_type: string
  uitkomst: string
  frozen: number
}

export interface ReferenceTable {
  key: string
  label: string
  percentage: number | null
  bron: string
  jaar: number
  updated_at: string
}

export interface MonitorTables {
  monitor_case_fact: CaseFactTable
  monitor_signal_fact: SignalFactTable
  monitor_dirty: { kind: string; ref_id: number }
  monitor_reference: ReferenceTable
}

export type MonitorDb = Kysely<Database & MonitorTables>
export const monitorDb = (db: Db): MonitorDb => db as unknown as MonitorDb

/** End results that mean the signal was not followed up (the same strings as the signal statuses). */
export const NIET_OPGEPAKT: readonly string[] = EINDRESULTATEN.slice(0, 5)

/** End results that count as "help accepted". */
export const HULP_GEACCEPTEERD: readonly string[] = [
  '(Budget)advies en/of quick fix',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
]

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`
const NIET_OPGEPAKT_SQL = NIET_OPGEPAKT.map(quote).join(', ')
const SOORT_BIT_SQL = `case p.soort ${CONTACTSOORTEN.map((s, i) => `when ${quote(s)} then ${1 << i}`).join(' ')} else 0 end`
const DAGDEEL_ORDER = `case p.dagdeel when 'Ochtend' then 0 when 'Middag' then 1 else 2 end`
const FIRST_REACHED = (col: string) =>
  `(select ${col} from contactpoging p where p.case_id = z.id and p.bereikt = 1 order by p.datum, ${DAGDEEL_ORDER}, p.id limit 1)`
const DIRTY = (kind: string) => `(select ref_id from monitor_dirty where kind = '${kind}')`

/**
 * Brings the facts up to date for every case and signal changed since the last call. Set-based,
 * in one transaction; cheap when little changed. A frozen fact (its personal data deleted) is
 * never touched again. Call inside the caller's transaction or on its own.
 */
export async function refreshFacts(db: Db): Promise<{ cases: number; signals: number }> {
  const run = async (trx: Db) => {
    const { n } = await sql<{ n: number }>`select count(*) as n from monitor_dirty`
      .execute(trx)
      .then((r) => r.rows[0]!)
    if (Number(n) === 0) return { cases: 0, signals: 0 }
    // A changed signal changes its case's facts too.
    await sql
      .raw(
        `insert or ignore into monitor_dirty (kind, ref_id)
         select 'zaak', case_id from vroegsignaal where case_id is not null and id in ${DIRTY('signaal')}`,
      )
      .execute(trx)
    await sql
      .raw(
        `insert or ignore into monitor_dirty (kind, ref_id)
         select 'signaal', id from vroegsignaal where case_id in ${DIRTY('zaak')}`,
      )
      .execute(trx)

    await sql
      .raw(`delete from monitor_signal_fact where frozen = 0 and signal_id in ${DIRTY('signaal')}`)
      .execute(trx)
    const signals = await sql
      .raw(
        `insert or ignore into monitor_signal_fact (signal_id, case_id, signaaldatum, partner_type, uitkomst)
         select s.id, s.case_id, s.signaaldatum, s.partner_type,
           case
             when s.status is not null and s.status <> 'Nog niet opgepakt' then s.status
             when s.case_id is null then 'Nog niet opgepakt'
             when z.resultaat in (${NIET_OPGEPAKT_SQL}) then z.resultaat
             else 'doorgezet'
           end
         from vroegsignaal s left join vroegsignaalzaak z on z.id = s.case_id
         where s.id in ${DIRTY('signaal')}`,
      )
      .execute(trx)

    await sql
      .raw(`delete from monitor_case_fact where frozen = 0 and case_id in ${DIRTY('zaak')}`)
      .execute(trx)
    const cases = await sql
      .raw(
        `insert or ignore into monitor_case_fact (case_id, datum_opgepakt, opgepakt, wijk_id, consulent_id, partner_types,
           crisis, bedrag_euro, leeftijd, pogingen, soorten_mask, bereikt_mask, bereikt, eerste_contact_soort,
           eerste_contact_dagdeel, eerste_contact_datum, resultaat, gesloten_op)
         select z.id, z.datum_opgepakt,
           case when z.resultaat in (${NIET_OPGEPAKT_SQL}) then 0 else 1 end,
           z.wijk_id, z.consulent_id,
           coalesce((select group_concat(pt, '|') from
             (select distinct s.partner_type as pt from vroegsignaal s where s.case_id = z.id order by 1)), ''),
           coalesce((select max(s.crisis) from vroegsignaal s where s.case_id = z.id), 0),
           (coalesce(
              (select sum(s.bedrag_cents) from vroegsignaal s where s.case_id = z.id and s.signaaldatum <= z.datum_opgepakt),
              (select sum(s.bedrag_cents) from vroegsignaal s where s.case_id = z.id), 0) + 50) / 100,
           (select cast(substr(s.signaaldatum, 1, 4) as integer) - cast(substr(r.geboortedatum, 1, 4) as integer)
                   - (substr(s.signaaldatum, 6) < substr(r.geboortedatum, 6))
              from vroegsignaal s join resident r on r.id = s.resident_id
              where s.case_id = z.id and r.geboortedatum is not null
              order by s.signaaldatum, s.id limit 1),
           (select count(*) from contactpoging p where p.case_id = z.id),
           coalesce((select sum(distinct ${SOORT_BIT_SQL}) from contactpoging p where p.case_id = z.id), 0),
           coalesce((select sum(distinct ${SOORT_BIT_SQL}) from contactpoging p where p.case_id = z.id and p.bereikt = 1), 0),
           exists (select 1 from contactpoging p where p.case_id = z.id and p.bereikt = 1),
           ${FIRST_REACHED('p.soort')},
           ${FIRST_REACHED('p.dagdeel')},
           ${FIRST_REACHED('p.datum')},
           z.resultaat, z.gesloten_op
         from vroegsignaalzaak z
         where z.id in ${DIRTY('zaak')}`,
      )
      .execute(trx)
    await sql`delete from monitor_dirty`.execute(trx)
    return { cases: Number(cases.numAffectedRows ?? 0), signals: Number(signals.numAffectedRows ?? 0) }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}
