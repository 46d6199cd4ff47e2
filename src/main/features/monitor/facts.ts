import { sql } from 'kysely'
import { HULP_GEACCEPTEERD, NIET_OPGEPAKT, type Contactsoort } from '@shared/domain/ddas'
import type { Db } from '../../db/database'
import { dialectOf, insertOrIgnoreSql, type Dialect } from '../../db/dialect'

export { HULP_GEACCEPTEERD, NIET_OPGEPAKT }

/**
 * Bit i of soorten_mask and bereikt_mask stands for SOORT_BITS[i]. A storage format, frozen facts
 * included: append new kinds, never reorder. The first eight are v0.9's kinds in the order the
 * app first stored them; v1.2 added the last two.
 */
export const SOORT_BITS: readonly Contactsoort[] = [
  'Telefoon',
  'SMS/Whatsapp',
  'Mail',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Overige',
  'Administratief',
  'Afspraak op locatie',
  'Onbekend',
]
export const soortBit = (soort: string) => {
  const i = SOORT_BITS.indexOf(soort as Contactsoort)
  return i < 0 ? 0 : 1 << i
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`
const NIET_OPGEPAKT_SQL = NIET_OPGEPAKT.map(quote).join(', ')
const SOORT_BIT_SQL = `case p.soort ${SOORT_BITS.map((s, i) => `when ${quote(s)} then ${1 << i}`).join(' ')} else 0 end`
const DAGDEEL_ORDER = `case p.dagdeel when 'Ochtend' then 0 when 'Middag' then 1 else 2 end`
const FIRST_REACHED = (col: string) =>
  `(select ${col} from contactpoging p where p.case_id = z.id and p.bereikt = 1 order by p.datum, ${DAGDEEL_ORDER}, p.id limit 1)`
/** Counts the rows for which `cond` holds (SQLite would sum the comparison; PostgreSQL's is boolean). */
const count = (cond: string) => `sum(case when ${cond} then 1 else 0 end)`

/** The advisory lock that lets one refreshFacts at a time run on PostgreSQL ('LA' 'MF'). */
export const MONITOR_FACTS_LOCK = 0x4c414d46

/**
 * The attempts that happen at a moment of the day and need the resident there: a call, a knock on
 * the door. A letter or a message is read whenever; an appointment's time was agreed.
 */
export const MOMENT_SOORTEN: readonly Contactsoort[] = ['Telefoon', 'Huisbezoek']
const MOMENT_SOORTEN_SQL = MOMENT_SOORTEN.map(quote).join(', ')

/** A row in monitor_dirty with this kind asks refreshFacts to rebuild monitor_daily from scratch. */
export const REBUILD_DAILY = 'daily'

const HULP_SQL = `case when f.bereikt = 1 and f.resultaat in (${HULP_GEACCEPTEERD.map(quote).join(', ')}) then 1 else 0 end`
const SOORTEN_SQL = SOORT_BITS.map((s, i) => `select ${quote(s)} as soort, ${1 << i} as bit`).join(
  ' union all ',
)
/**
 * One row per case fact (`f`) and per breakdown row it counts in, exactly as `DEFS` in figures.ts
 * counts it. Ages stay in whole years and amounts go in steps of 10 euros (the band limits are
 * applied when reading, so changed limits apply at once); 'dagen' holds the days from picked up
 * to first contact, so the median stays exact.
 */
function caseTallies(d: Dialect): string {
  // Whole days from picked up to the first contact.
  const days =
    d === 'postgres'
      ? `(cast(substr(f.eerste_contact_datum, 1, 10) as date) - cast(substr(f.datum_opgepakt, 1, 10) as date))`
      : `cast(round(julianday(substr(f.eerste_contact_datum, 1, 10)) - julianday(substr(f.datum_opgepakt, 1, 10))) as integer)`
  return `
  select f.peildatum as dag, 'totaal' as tabel, '' as groep, f.bereikt as r, ${HULP_SQL} as hulp, 0 as via, 0 as eerste from f
  union all select f.peildatum, 'kanaal', k.soort, f.bereikt, 0, case when (f.bereikt_mask & k.bit) <> 0 then 1 else 0 end,
    case when f.eerste_contact_soort = k.soort then 1 else 0 end from f join (${SOORTEN_SQL}) k on (f.soorten_mask & k.bit) <> 0
  union all select f.peildatum, 'leeftijd', coalesce(cast(f.leeftijd as text), 'onbekend'), f.bereikt, 0, 0, 0 from f
  union all select f.peildatum, 'bedrag', cast(f.bedrag_euro - ((f.bedrag_euro % 10) + 10) % 10 as text),
    f.bereikt, 0, 0, 0 from f
  union all select f.peildatum, 'soort', case when f.partner_types like '%|%' then 'meervoudig'
    when f.partner_types = '' then 'onbekend' else f.partner_types end, f.bereikt, 0, 0, 0 from f
  union all select f.peildatum, 'crisis', case when f.crisis <> 0 then 'ja' else 'nee' end, f.bereikt, 0, 0, 0 from f
  union all select f.peildatum, 'pogingen', case when f.pogingen = 0 then '0' when f.pogingen <= 2 then '1-2'
    when f.pogingen = 3 then '3' else '4+' end, f.bereikt, 0, 0, 0 from f
  union all select f.peildatum, 'dagdeel', f.eerste_contact_dagdeel, f.bereikt, 0, 0, 0 from f
    where f.bereikt <> 0 and coalesce(f.eerste_contact_dagdeel, '') <> ''
  union all select f.peildatum, 'wijk', coalesce(cast(f.wijk_id as text), 'geen'), f.bereikt, ${HULP_SQL}, 0, 0 from f
  union all select f.peildatum, 'consulent', coalesce(cast(f.consulent_id as text), 'geen'), f.bereikt, ${HULP_SQL}, 0, 0
    from f
  union all select f.peildatum, 'afspraak', 'gemaakt', f.bereikt, 0, 0, 0 from f where f.bereikt = 1 and f.afspraak >= 1
  union all select f.peildatum, 'afspraak', 'geweest', f.bereikt, 0, 0, 0 from f where f.bereikt = 1 and f.afspraak = 2
  union all select f.peildatum, 'dagen', cast(case when ${days} < 0 then 0 else ${days} end as text), 1, 0, 0, 0 from f
    where f.bereikt = 1 and coalesce(f.eerste_contact_datum, '') <> ''`
}

const ARREARS_SQL = `case when f.partner_types like '%|%' then 'meervoudig' when f.partner_types = '' then 'onbekend'
  else f.partner_types end`
/** Per case fact (`f`): its timed attempts per part of the day, and one row counting the case. */
const MOMENT_TALLIES = [
  ...(['ochtend', 'middag', 'avond'] as const).map(
    (
      d,
    ) => `select coalesce(f.leeftijd, -1) as leeftijd, ${ARREARS_SQL} as soort, '${d[0]!.toUpperCase()}${d.slice(1)}' as dagdeel,
      0 as z, f.moment_${d} as n, f.moment_${d}_bereikt as r from f where f.moment_${d} > 0`,
  ),
  `select coalesce(f.leeftijd, -1), ${ARREARS_SQL}, '', 1, 0, 0 from f
    where f.moment_ochtend + f.moment_middag + f.moment_avond > 0`,
].join(' union all ')

/** Adds (sign 1) or subtracts (-1) the case facts matching `where` to monitor_moment. */
async function tallyMoments(trx: Db, where: string, sign: 1 | -1): Promise<void> {
  await sql
    .raw(
      `with f as (select * from monitor_case_fact where opgepakt = 1 and (${where})), t as (${MOMENT_TALLIES})
       insert into monitor_moment (leeftijd, soort, dagdeel, zaken, pogingen, bereikt)
       select leeftijd, soort, dagdeel, ${sign} * sum(z), ${sign} * sum(n), ${sign} * sum(r)
       from t where true group by leeftijd, soort, dagdeel
       on conflict (leeftijd, soort, dagdeel) do update set zaken = monitor_moment.zaken + excluded.zaken,
         pogingen = monitor_moment.pogingen + excluded.pogingen, bereikt = monitor_moment.bereikt + excluded.bereikt`,
    )
    .execute(trx)
  if (sign === -1) await sql`delete from monitor_moment where zaken = 0 and pogingen = 0`.execute(trx)
}

/** Adds (sign 1) or subtracts (-1) the case facts or signal facts matching `where` to monitor_daily. */
async function tally(trx: Db, source: 'case' | 'signal', where: string, sign: 1 | -1): Promise<void> {
  const rows =
    source === 'case'
      ? `f as (select * from monitor_case_fact where opgepakt = 1 and (${where})), t as (${caseTallies(dialectOf(trx))})`
      : `t as (select signaaldatum as dag, 'signaal' as tabel, uitkomst as groep, 0 as r, 0 as hulp, 0 as via,
           0 as eerste from monitor_signal_fact where ${where})`
  await sql
    .raw(
      `with ${rows}
       insert into monitor_daily (dag, tabel, groep, n, bereikt, hulp, via, eerste)
       select dag, tabel, groep, ${sign} * count(*), ${sign} * sum(r), ${sign} * sum(hulp), ${sign} * sum(via),
         ${sign} * sum(eerste)
       from t where true group by dag, tabel, groep
       on conflict (dag, tabel, groep) do update set n = monitor_daily.n + excluded.n,
         bereikt = monitor_daily.bereikt + excluded.bereikt, hulp = monitor_daily.hulp + excluded.hulp,
         via = monitor_daily.via + excluded.via, eerste = monitor_daily.eerste + excluded.eerste`,
    )
    .execute(trx)
  if (source === 'case') await tallyMoments(trx, where, sign)
  if (sign === -1) {
    const days =
      source === 'case'
        ? `select peildatum from monitor_case_fact where ${where}`
        : `select signaaldatum from monitor_signal_fact where ${where}`
    await sql.raw(`delete from monitor_daily where n = 0 and dag in (${days})`).execute(trx)
  }
}

/** Fills monitor_daily afresh from the fact tables (after migration 0007, or on request). */
async function rebuildDaily(trx: Db): Promise<void> {
  await sql`delete from monitor_daily`.execute(trx)
  await sql`delete from monitor_moment`.execute(trx)
  await tally(trx, 'case', 'true', 1)
  await tally(trx, 'signal', 'true', 1)
}

/**
 * Brings the facts up to date for every case and signal changed since the last call. Set-based,
 * in one transaction; cheap when little changed. A frozen fact (its personal data deleted) is
 * never touched again. Call inside the caller's transaction or on its own.
 *
 * On PostgreSQL transactions run side by side, at READ COMMITTED, where each statement sees what
 * committed before it. Two refreshes at once (the Monitor's and an import's) would both replace
 * a case's facts (a duplicate key) and both count it in the daily summary; and a mark committed
 * by a colleague's change halfway through would be seen by some statements and not others (its
 * old facts removed but not subtracted) and then deleted unprocessed. So one refresh at a time
 * runs (an advisory lock held until the transaction ends), and it works on the marks it claimed
 * first (a temporary table, `monitor_claim`), deleting only those; later marks wait for the next
 * refresh. SQLite runs one writer at a time, so there the marks are read in place.
 */
export async function refreshFacts(db: Db): Promise<{ cases: number; signals: number }> {
  const run = async (trx: Db) => {
    const d = dialectOf(trx)
    const [insert, ignore] =
      d === 'postgres' ? ['insert', ' on conflict do nothing'] : ['insert or ignore', '']
    // The case's partner types, sorted, joined by '|'.
    const partnerTypes =
      d === 'postgres'
        ? `(select string_agg(distinct s.partner_type, '|' order by s.partner_type) from vroegsignaal s where s.case_id = z.id)`
        : `(select group_concat(pt, '|') from
             (select distinct s.partner_type as pt from vroegsignaal s where s.case_id = z.id order by 1))`
    const marks = d === 'postgres' ? 'monitor_claim' : 'monitor_dirty'
    if (d === 'postgres') {
      await sql`select pg_advisory_xact_lock(${MONITOR_FACTS_LOCK})`.execute(trx)
      // Keyed as monitor_dirty is, so the marks added below are not doubled
      await sql`create temporary table if not exists monitor_claim (kind text not null, ref_id integer not null,
        primary key (kind, ref_id)) on commit delete rows`.execute(trx)
      // Emptied at each commit, and here too: one transaction may refresh twice (the purge)
      await sql`delete from monitor_claim`.execute(trx)
      const claimed =
        await sql`insert into monitor_claim (kind, ref_id) select kind, ref_id from monitor_dirty`.execute(
          trx,
        )
      // A temporary table has no statistics until analysed: without them PostgreSQL guesses its size
      // when it joins on it, which after a bulk load (hundreds of thousands of marks) guesses wrong.
      if (Number(claimed.numAffectedRows ?? 0) > 1000) await sql`analyze monitor_claim`.execute(trx)
    }
    const DIRTY = (kind: string) => `(select ref_id from ${marks} where kind = '${kind}')`
    const { n } = await sql<{ n: number }>`select count(*) as n from ${sql.table(marks)}`
      .execute(trx)
      .then((r) => r.rows[0]!)
    if (Number(n) === 0) return { cases: 0, signals: 0 }
    const rebuild =
      (await sql`select 1 from ${sql.table(marks)} where kind = ${REBUILD_DAILY}`.execute(trx)).rows.length >
      0
    const changedSignals = `frozen = 0 and signal_id in ${DIRTY('signaal')}`
    const changedCases = `frozen = 0 and case_id in ${DIRTY('zaak')}`
    // A changed signal changes its case's facts too.
    await sql
      .raw(
        insertOrIgnoreSql(
          d,
          marks,
          `(kind, ref_id) select 'zaak', case_id from vroegsignaal where case_id is not null and id in ${DIRTY('signaal')}`,
        ),
      )
      .execute(trx)
    await sql
      .raw(
        insertOrIgnoreSql(
          d,
          marks,
          `(kind, ref_id) select 'signaal', id from vroegsignaal where case_id in ${DIRTY('zaak')}`,
        ),
      )
      .execute(trx)

    // monitor_daily follows: the old facts out before, the new facts in after.
    if (!rebuild) await tally(trx, 'signal', changedSignals, -1)
    await sql.raw(`delete from monitor_signal_fact where ${changedSignals}`).execute(trx)
    const signals = await sql
      .raw(
        `${insert} into monitor_signal_fact (signal_id, case_id, signaaldatum, partner_type, uitkomst)
         select s.id, s.case_id, s.signaaldatum, s.partner_type,
           case
             when s.status is not null and s.status <> 'Nog niet opgepakt' then s.status
             when s.case_id is null then 'Nog niet opgepakt'
             when z.resultaat in (${NIET_OPGEPAKT_SQL}) then z.resultaat
             else 'doorgezet'
           end
         from vroegsignaal s left join vroegsignaalzaak z on z.id = s.case_id
         where s.id in ${DIRTY('signaal')}${ignore}`,
      )
      .execute(trx)
    if (!rebuild) await tally(trx, 'signal', changedSignals, 1)

    if (!rebuild) await tally(trx, 'case', changedCases, -1)
    await sql.raw(`delete from monitor_case_fact where ${changedCases}`).execute(trx)
    const cases = await sql
      .raw(
        `${insert} into monitor_case_fact (case_id, peildatum, datum_opgepakt, opgepakt, wijk_id, consulent_id, partner_types,
           crisis, bedrag_euro, leeftijd, pogingen, soorten_mask, bereikt_mask, bereikt, eerste_contact_soort,
           eerste_contact_dagdeel, eerste_contact_datum, resultaat, gesloten_op, afspraak, moment_ochtend, moment_middag,
           moment_avond, moment_ochtend_bereikt, moment_middag_bereikt, moment_avond_bereikt)
         select z.id,
           coalesce((select min(s.signaaldatum) from vroegsignaal s where s.case_id = z.id), z.datum_opgepakt),
           z.datum_opgepakt,
           case when z.resultaat in (${NIET_OPGEPAKT_SQL}) then 0 else 1 end,
           z.wijk_id, z.consulent_id,
           coalesce(${partnerTypes}, ''),
           coalesce((select max(s.crisis) from vroegsignaal s where s.case_id = z.id), 0),
           (coalesce(
              (select sum(s.bedrag_cents) from vroegsignaal s where s.case_id = z.id and s.signaaldatum <= z.datum_opgepakt),
              (select sum(s.bedrag_cents) from vroegsignaal s where s.case_id = z.id), 0) + 50) / 100,
           (select cast(substr(s.signaaldatum, 1, 4) as integer) - cast(substr(r.geboortedatum, 1, 4) as integer)
                   - case when substr(s.signaaldatum, 6) < substr(r.geboortedatum, 6) then 1 else 0 end
              from vroegsignaal s join resident r on r.id = s.resident_id
              where s.case_id = z.id and r.geboortedatum is not null
              order by s.signaaldatum, s.id limit 1),
           (select count(*) from contactpoging p where p.case_id = z.id),
           coalesce((select sum(distinct ${SOORT_BIT_SQL}) from contactpoging p where p.case_id = z.id), 0),
           coalesce((select sum(distinct ${SOORT_BIT_SQL}) from contactpoging p where p.case_id = z.id and p.bereikt = 1), 0),
           case when exists (select 1 from contactpoging p where p.case_id = z.id and p.bereikt = 1) then 1 else 0 end,
           ${FIRST_REACHED('p.soort')},
           ${FIRST_REACHED('p.dagdeel')},
           ${FIRST_REACHED('p.datum')},
           z.resultaat, z.gesloten_op,
           coalesce((select max(case when a.status = 'geweest' then 2 else 1 end) from afspraak a
             where a.case_id = z.id and a.status <> 'vervallen'), 0),
           coalesce(m.o, 0), coalesce(m.m, 0), coalesce(m.a, 0), coalesce(m.ob, 0), coalesce(m.mb, 0), coalesce(m.ab, 0)
         from vroegsignaalzaak z
         left join (select p.case_id, ${count("p.dagdeel = 'Ochtend'")} as o, ${count("p.dagdeel = 'Middag'")} as m,
             ${count("p.dagdeel = 'Avond'")} as a, ${count("p.dagdeel = 'Ochtend' and p.bereikt = 1")} as ob,
             ${count("p.dagdeel = 'Middag' and p.bereikt = 1")} as mb, ${count("p.dagdeel = 'Avond' and p.bereikt = 1")} as ab
           from contactpoging p where p.soort in (${MOMENT_SOORTEN_SQL}) and p.case_id in ${DIRTY('zaak')}
           group by p.case_id) m on m.case_id = z.id
         where z.id in ${DIRTY('zaak')}`,
      )
      .execute(trx)
    if (rebuild) await rebuildDaily(trx)
    else await tally(trx, 'case', changedCases, 1)
    if (d === 'postgres')
      await sql`delete from monitor_dirty m using monitor_claim c where m.kind = c.kind and m.ref_id = c.ref_id`.execute(
        trx,
      )
    else await sql`delete from monitor_dirty`.execute(trx)
    return { cases: Number(cases.numAffectedRows ?? 0), signals: Number(signals.numAffectedRows ?? 0) }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}
