import { sql, type Kysely } from 'kysely'
import { dialectOf, idColumnSql, inTransaction, insertOrIgnoreSql } from './dialect'

/**
 * Appointments with residents (issue 21).
 *
 * - ontmoetplek: the meeting places. Four are always there (vast = 1): the stadskantoor (its
 *   address is the team's visiting address), at the resident's home, by phone and by video call.
 *   The kwaliteitsmedewerker adds places per wijk (a wijkcentrum, the library, the housing
 *   corporation's office) with their address, the days and hours they can be used, and whether
 *   they are accessible.
 * - afspraak: one appointment of one case: day, time, length, place (and its kind, kept as it was
 *   when the appointment was made), the consulent, optionally a colleague or a chain-partner
 *   contact, its status, the reminder, and a random uid that names it in .ics files.
 * - monitor_afspraak_fact: the monitor's anonymous copy (appointment and case number, day, kind of
 *   place, status), kept by triggers, so the figures survive when retention deletes the case.
 * - monitor_case_fact.afspraak: 1 when the case had an appointment, 2 when one took place; and per
 *   part of the day the timed attempts (phone, home visit) and how many reached the resident, with
 *   monitor_moment summing those per age and kind of arrears (Vandaag's "best reached" hint).
 *   The next refreshFacts fills them for every case that is not frozen.
 * - print_item.afspraak_id: the appointment a confirmation letter confirms.
 * - document_template 'afspraakbevestiging': the confirmation letter, version 1.
 *
 * Self-contained: nothing is imported from the features.
 */
const CONFIRMATION = {
  aanhef: 'Beste {naam},',
  tekst: [
    'Fijn dat wij elkaar hebben gesproken. In deze brief staat onze afspraak nog een keer.',
    '',
    '**Wanneer:** {afspraakdag} om {afspraak_tijd}',
    '**Waar:** {afspraak_plek}',
    '**Met wie:** {afspraak_met}',
    '',
    'Wilt u de brieven over uw rekeningen klaarleggen? Dan kijken we samen wat er nodig is.',
    '',
    'Komt het toch niet uit? Bel of app mij dan op {consulent_telefoon}. Dan maken we een nieuwe afspraak.',
  ].join('\n'),
  afsluiting: 'Met vriendelijke groet,',
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  const ID = idColumnSql(d)
  await inTransaction(db, async (trx) => {
    const run = (q: string) => sql.raw(q).execute(trx)
    await run(`create table ontmoetplek (
      id ${ID},
      soort text not null,
      naam text not null,
      wijk_id integer references wijk(id) on delete set null,
      adres text not null default '',
      postcode text not null default '',
      plaats text not null default '',
      dagen text not null default '12345',
      van text not null default '08:30',
      tot text not null default '17:00',
      toegankelijk integer not null default 1,
      toelichting text not null default '',
      actief integer not null default 1,
      vast integer not null default 0,
      created_at text not null,
      updated_at text not null)`)
    const now = new Date().toISOString()
    const builtIn: [string, string, string, string][] = [
      ['stadskantoor', 'Stadskantoor', '08:30', '17:00'],
      ['thuis', 'Bij de bewoner thuis', '08:00', '21:00'],
      ['telefonisch', 'Telefonisch', '08:00', '20:00'],
      ['beeldbellen', 'Beeldbellen', '08:00', '20:00'],
    ]
    for (const [soort, naam, van, tot] of builtIn)
      await sql`insert into ontmoetplek (soort, naam, dagen, van, tot, toegankelijk, vast, created_at, updated_at)
        values (${soort}, ${naam}, '12345', ${van}, ${tot}, 1, 1, ${now}, ${now})`.execute(trx)

    await run(`create table afspraak (
      id ${ID},
      uid text not null unique,
      case_id integer not null references vroegsignaalzaak(id),
      plek_id integer not null references ontmoetplek(id),
      plek_soort text not null,
      datum text not null,
      tijd text not null,
      duur integer not null,
      consulent_id integer references app_user(id),
      collega_id integer references app_user(id),
      partner_contact_id integer references partner_contact(id),
      status text not null default 'gepland',
      verzet_naar integer references afspraak(id),
      herinnering text not null default 'nodig',
      herinnering_op text,
      contactpoging_id integer,
      notitie text not null default '',
      uitkomst_notitie text not null default '',
      volgnummer integer not null default 0,
      created_at text not null,
      created_by integer,
      updated_at text not null)`)
    await run(`create index afspraak_consulent_idx on afspraak (consulent_id, datum)`)
    await run(`create index afspraak_collega_idx on afspraak (collega_id, datum)`)
    await run(`create index afspraak_case_idx on afspraak (case_id, status)`)

    await run(`create table monitor_afspraak_fact (
      afspraak_id integer primary key,
      case_id integer not null,
      datum text not null,
      plek_soort text not null,
      status text not null)`)
    await run(`create index monitor_afspraak_fact_datum_idx on monitor_afspraak_fact (datum)`)
    await run(`create index monitor_afspraak_fact_case_idx on monitor_afspraak_fact (case_id)`)
    // The fact follows the appointment; a deleted appointment (retention) leaves its fact. A
    // trigger on both stores, like the monitor's marks (0004): PL/pgSQL on PostgreSQL.
    if (d === 'postgres') {
      await run(`create function monitor_afspraak_fact_write() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            insert into monitor_afspraak_fact (afspraak_id, case_id, datum, plek_soort, status)
              values (new.id, new.case_id, new.datum, new.plek_soort, new.status)
              on conflict (afspraak_id) do update set case_id = excluded.case_id, datum = excluded.datum,
                plek_soort = excluded.plek_soort, status = excluded.status;
          else
            update monitor_afspraak_fact set datum = new.datum, plek_soort = new.plek_soort, status = new.status
              where afspraak_id = new.id;
          end if;
          insert into monitor_dirty (kind, ref_id) values ('zaak', new.case_id) on conflict do nothing;
          return null;
        end $$`)
      await run(`create trigger monitor_afspraak_ins after insert on afspraak
        for each row execute function monitor_afspraak_fact_write()`)
      await run(`create trigger monitor_afspraak_upd after update of status, datum, plek_soort on afspraak
        for each row execute function monitor_afspraak_fact_write()`)
    } else {
      await run(`create trigger monitor_afspraak_ins after insert on afspraak begin
        insert or replace into monitor_afspraak_fact (afspraak_id, case_id, datum, plek_soort, status)
          values (new.id, new.case_id, new.datum, new.plek_soort, new.status);
        insert or ignore into monitor_dirty (kind, ref_id) values ('zaak', new.case_id);
      end`)
      await run(`create trigger monitor_afspraak_upd after update of status, datum, plek_soort on afspraak begin
        update monitor_afspraak_fact set datum = new.datum, plek_soort = new.plek_soort, status = new.status
          where afspraak_id = new.id;
        insert or ignore into monitor_dirty (kind, ref_id) values ('zaak', new.case_id);
      end`)
    }

    for (const col of [
      'afspraak',
      'moment_ochtend',
      'moment_middag',
      'moment_avond',
      'moment_ochtend_bereikt',
      'moment_middag_bereikt',
      'moment_avond_bereikt',
    ])
      await run(`alter table monitor_case_fact add column ${col} integer not null default 0`)
    await run(`create table monitor_moment (
      leeftijd integer not null,
      soort text not null,
      dagdeel text not null,
      zaken integer not null,
      pogingen integer not null,
      bereikt integer not null,
      primary key (leeftijd, soort, dagdeel))`)
    await run(
      insertOrIgnoreSql(
        d,
        'monitor_dirty',
        `(kind, ref_id) select 'zaak', case_id from monitor_case_fact where frozen = 0`,
      ),
    )
    await run(insertOrIgnoreSql(d, 'monitor_dirty', `(kind, ref_id) values ('daily', 0)`))

    await run(`alter table print_item add column afspraak_id integer references afspraak(id)`)
    const { id } = (
      await sql<{ id: number }>`insert into document_template (code, naam, soort, standaard, created_at)
        values ('afspraakbevestiging', 'Bevestiging afspraak', 'brief', 1, ${now}) returning id`.execute(trx)
    ).rows[0]!
    await sql`insert into document_template_version (template_id, versie, naam, content, created_at, created_by)
      values (${id}, 1, 'Bevestiging afspraak', ${JSON.stringify(CONFIRMATION)}, ${now}, null)`.execute(trx)
  })
}

export async function down(): Promise<void> {
  throw new Error('Migration 0017_appointments cannot be undone')
}
