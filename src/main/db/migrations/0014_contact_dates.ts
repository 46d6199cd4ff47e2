import { sql, type Kysely } from 'kysely'
import { dialectOf, insertOrIgnoreSql } from './dialect'

/**
 * Every contact counted once, every figure in its month (issue 13).
 *
 * - huisbezoek.tijd_tot: the end of the announced time window, so a second visit in a slot that
 *   is already taken can be refused. Existing visits take it from their announcement letter, else
 *   30 minutes after the start.
 * - print_item.huisbezoek_id: the visit an announcement letter announces. A visit and its letter
 *   are made in one step now; a visit called off takes its unprinted letter out of the queue.
 * - monitor_case_fact.peildatum: the date a case counts on in the monitor, the date of its
 *   oldest signal (its matching period), so a file taken in late, or earlier months loaded when
 *   a team starts, land in their own month. The facts are rebuilt by the next refreshFacts.
 * - The announcement letter used to be logged as a Brief attempt when the visit was planned, and
 *   again when the printed letter was confirmed as sent: one letter, two attempts. The first of
 *   such a pair is removed (the second is the letter that went out, on the day it went out).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  const plus30 =
    d === 'postgres'
      ? sql`to_char(huisbezoek.tijd::time + interval '30 minutes', 'HH24:MI')`
      : sql`strftime('%H:%M', huisbezoek.tijd, '+30 minutes')`
  await db.schema.alterTable('huisbezoek').addColumn('tijd_tot', 'text').execute()
  await sql`update huisbezoek set tijd_tot = coalesce(
      (select i.bezoek_tot from print_item i
        where i.case_id = huisbezoek.case_id and i.bezoek_datum = huisbezoek.datum and i.bezoek_van = huisbezoek.tijd
        order by i.id desc limit 1),
      ${plus30})`.execute(db)
  await db.schema
    .createIndex('huisbezoek_slot_idx')
    .on('huisbezoek')
    .columns(['datum', 'status', 'tijd'])
    .execute()

  await db.schema
    .alterTable('print_item')
    .addColumn('huisbezoek_id', 'integer', (c) => c.references('huisbezoek.id'))
    .execute()
  await sql`update print_item set huisbezoek_id = (
      select b.id from huisbezoek b
      where b.case_id = print_item.case_id and b.datum = print_item.bezoek_datum and b.tijd = print_item.bezoek_van
      order by b.id desc limit 1)
    where bezoek_datum is not null`.execute(db)

  await db.schema.alterTable('monitor_case_fact').addColumn('peildatum', 'text').execute()
  // Frozen facts (their personal data deleted) keep their figures; their date comes from the
  // anonymous signal rows the retention purge kept, else the day the case was picked up.
  await sql`update monitor_case_fact set peildatum = coalesce(
      (select min(s.signaaldatum) from vroegsignaal s where s.case_id = monitor_case_fact.case_id),
      (select min(s.signaaldatum) from retention_ddas_signal s where s.case_id = monitor_case_fact.case_id),
      datum_opgepakt)`.execute(db)
  await sql`drop index if exists monitor_case_fact_date_idx`.execute(db)
  await sql`drop index if exists monitor_case_fact_bedrag_idx`.execute(db)
  await db.schema
    .createIndex('monitor_case_fact_peil_idx')
    .on('monitor_case_fact')
    .columns(['peildatum', 'opgepakt'])
    .execute()
  await db.schema
    .createIndex('monitor_case_fact_bedrag_idx')
    .on('monitor_case_fact')
    .columns(['bedrag_euro', 'peildatum', 'opgepakt', 'bereikt'])
    .execute()

  // One letter, one attempt: drop the attempt logged when the visit was planned wherever the
  // same letter (same case, same visit day) was confirmed as sent with an attempt of its own.
  await sql`delete from contactpoging
    where kanaal = 'brief' and resultaat = 'Brief verstuurd' and notitie like 'Aankondiging huisbezoek op %'
      and exists (
        select 1 from print_item i join huisbezoek b on b.id = i.huisbezoek_id
        where i.case_id = contactpoging.case_id and i.contactpoging_id is not null
          and i.contactpoging_id <> contactpoging.id
          and contactpoging.notitie like 'Aankondiging huisbezoek op ' || substr(b.datum, 9, 2) || '-' || substr(b.datum, 6, 2) || '-' || substr(b.datum, 1, 4) || '%')`.execute(
    db,
  )

  // The daily summary is rebuilt from the facts by the next refreshFacts, on the new dates.
  await sql
    .raw(
      insertOrIgnoreSql(
        d,
        'monitor_dirty',
        `(kind, ref_id) select 'zaak', case_id from monitor_case_fact where frozen = 0`,
      ),
    )
    .execute(db)
  await sql.raw(insertOrIgnoreSql(d, 'monitor_dirty', `(kind, ref_id) values ('daily', 0)`)).execute(db)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0014_contact_dates cannot be undone')
}
