import { dialectOf, insertOrIgnoreSql } from './dialect'
import { sql, type Kysely } from 'kysely'

/**
 * The monitor's own tables.
 *
 * - monitor_case_fact / monitor_signal_fact: one anonymous row per case and per signal with only
 *   what the figures need (dates, partner type, whole-euro amount, age in years, attempt summary,
 *   end result). No names, addresses, birth dates or BSN. The figures are computed from these
 *   tables alone, so they stay correct once retention deletes the personal data (a fact row with
 *   frozen = 1 is never recomputed).
 * - monitor_dirty: which cases and signals changed since the facts were last brought up to date.
 *   Filled by triggers, so every writer (intake, contact ladder, closing, import, a repair by
 *   hand) is covered without calling the monitor.
 * - monitor_reference: the national monitor's figures, with source and year, editable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('monitor_case_fact')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .addColumn('datum_opgepakt', 'text', (c) => c.notNull())
    /** 1 when the case counts as followed up (not closed with a "niet opgepakt" result). */
    .addColumn('opgepakt', 'integer', (c) => c.notNull())
    .addColumn('wijk_id', 'integer')
    .addColumn('consulent_id', 'integer')
    /** Partner types of the case's signals, sorted, joined by '|'. */
    .addColumn('partner_types', 'text', (c) => c.notNull())
    .addColumn('crisis', 'integer', (c) => c.notNull())
    /** Whole euros: the case's arrears when it was picked up. */
    .addColumn('bedrag_euro', 'integer', (c) => c.notNull())
    /** Age in whole years at the first signal's date; null when the birth date is unknown. */
    .addColumn('leeftijd', 'integer')
    .addColumn('pogingen', 'integer', (c) => c.notNull())
    /** Bit i set: an attempt of CONTACTSOORTEN[i] was made / reached the resident. */
    .addColumn('soorten_mask', 'integer', (c) => c.notNull())
    .addColumn('bereikt_mask', 'integer', (c) => c.notNull())
    .addColumn('bereikt', 'integer', (c) => c.notNull())
    .addColumn('eerste_contact_soort', 'text')
    .addColumn('eerste_contact_dagdeel', 'text')
    .addColumn('eerste_contact_datum', 'text')
    .addColumn('resultaat', 'text')
    .addColumn('gesloten_op', 'text')
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('monitor_case_fact_date_idx')
    .on('monitor_case_fact')
    .columns(['datum_opgepakt', 'opgepakt'])
    .execute()

  await db.schema
    .createTable('monitor_signal_fact')
    .addColumn('signal_id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer')
    .addColumn('signaaldatum', 'text', (c) => c.notNull())
    .addColumn('partner_type', 'text', (c) => c.notNull())
    /** 'doorgezet', or the DDAS signal status of a signal that was not followed up. */
    .addColumn('uitkomst', 'text', (c) => c.notNull())
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('monitor_signal_fact_date_idx')
    .on('monitor_signal_fact')
    .columns(['signaaldatum', 'uitkomst', 'partner_type'])
    .execute()

  await db.schema
    .createTable('monitor_dirty')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_dirty_pk', ['kind', 'ref_id'])
    .execute()

  if (d === 'postgres') await dirtyTriggersPostgres(db)
  else {
    const mark = (kind: string, id: string) =>
      `insert or ignore into monitor_dirty (kind, ref_id) values ('${kind}', ${id});`
    const triggers: [string, string, string][] = [
      ['monitor_zaak_ins', 'after insert on vroegsignaalzaak', mark('zaak', 'new.id')],
      ['monitor_zaak_upd', 'after update on vroegsignaalzaak', mark('zaak', 'new.id')],
      ['monitor_zaak_del', 'after delete on vroegsignaalzaak', mark('zaak', 'old.id')],
      ['monitor_signaal_ins', 'after insert on vroegsignaal', mark('signaal', 'new.id')],
      [
        'monitor_signaal_upd',
        'after update on vroegsignaal',
        mark('signaal', 'new.id') + mark('zaak', 'coalesce(old.case_id, 0)'),
      ],
      [
        'monitor_signaal_del',
        'after delete on vroegsignaal',
        mark('signaal', 'old.id') + mark('zaak', 'coalesce(old.case_id, 0)'),
      ],
      ['monitor_poging_ins', 'after insert on contactpoging', mark('zaak', 'new.case_id')],
      [
        'monitor_poging_upd',
        'after update on contactpoging',
        mark('zaak', 'new.case_id') + mark('zaak', 'old.case_id'),
      ],
      ['monitor_poging_del', 'after delete on contactpoging', mark('zaak', 'old.case_id')],
      // A birth date corrected later changes the age band of that resident's cases.
      [
        'monitor_resident_upd',
        'after update of geboortedatum on resident',
        `insert or ignore into monitor_dirty (kind, ref_id) select 'signaal', id from vroegsignaal where resident_id = new.id;`,
      ],
    ]
    for (const [name, when, body] of triggers)
      await sql.raw(`create trigger ${name} ${when} begin ${body} end`).execute(db)
  }

  // Existing data: everything is dirty once, so the first monitor call builds the facts.
  await sql
    .raw(insertOrIgnoreSql(d, 'monitor_dirty', `(kind, ref_id) select 'zaak', id from vroegsignaalzaak`))
    .execute(db)
  await sql
    .raw(insertOrIgnoreSql(d, 'monitor_dirty', `(kind, ref_id) select 'signaal', id from vroegsignaal`))
    .execute(db)

  await db.schema
    .createTable('monitor_reference')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('percentage', d === 'postgres' ? 'double precision' : 'real')
    .addColumn('bron', 'text', (c) => c.notNull())
    .addColumn('jaar', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  const bron = 'Divosa Monitor Vroegsignalering'
  const rows: [string, string, number | null][] = [
    ['bereik', 'Bereik (gemiddeld)', 19],
    ['hulp', 'Hulp geaccepteerd (van de bereikte inwoners)', 35],
    ['soort:Telefoon', 'Bereik telefoon', 50],
    ['soort:Huisbezoek', 'Bereik huisbezoek', 50],
    ['soort:Brief', 'Bereik brief', 9],
    ['soort:Mail', 'Bereik e-mail', 16],
    ['pogingen:1-2', 'Bereik bij 1 of 2 pogingen', 18],
    ['pogingen:4+', 'Bereik bij 4 of meer pogingen', 37],
  ]
  const at = new Date().toISOString()
  await db
    .insertInto('monitor_reference' as never)
    .values(
      rows.map(([key, label, percentage]) => ({
        key,
        label,
        percentage,
        bron,
        jaar: 2023,
        updated_at: at,
      })) as never,
    )
    .execute()
}

/**
 * The same marks on PostgreSQL, in PL/pgSQL: one function per table, fired after each row is
 * written. Triggers and not the write path, as on SQLite: every writer (the import's batch
 * writer, the ladder, closing, retention, a repair by hand) is covered without calling the monitor.
 */
async function dirtyTriggersPostgres(db: Kysely<unknown>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db)
  const mark = (kind: string, id: string) =>
    `insert into monitor_dirty (kind, ref_id) values ('${kind}', ${id}) on conflict do nothing;`
  const fn = async (name: string, body: string) =>
    run(`create function ${name}() returns trigger language plpgsql as $$
      begin
        ${body}
        return null;
      end $$`)
  await fn(
    'monitor_mark_zaak',
    `if tg_op = 'DELETE' then ${mark('zaak', 'old.id')} else ${mark('zaak', 'new.id')} end if;`,
  )
  await fn(
    'monitor_mark_signaal',
    `if tg_op = 'INSERT' then ${mark('signaal', 'new.id')}
     elsif tg_op = 'UPDATE' then ${mark('signaal', 'new.id')} ${mark('zaak', 'coalesce(old.case_id, 0)')}
     else ${mark('signaal', 'old.id')} ${mark('zaak', 'coalesce(old.case_id, 0)')} end if;`,
  )
  await fn(
    'monitor_mark_poging',
    `if tg_op = 'INSERT' then ${mark('zaak', 'new.case_id')}
     elsif tg_op = 'UPDATE' then ${mark('zaak', 'new.case_id')} ${mark('zaak', 'old.case_id')}
     else ${mark('zaak', 'old.case_id')} end if;`,
  )
  // A birth date corrected later changes the age band of that resident's cases.
  await fn(
    'monitor_mark_resident',
    `insert into monitor_dirty (kind, ref_id) select 'signaal', id from vroegsignaal where resident_id = new.id
       on conflict do nothing;`,
  )
  const triggers: [string, string, string][] = [
    ['monitor_zaak_ins', 'after insert on vroegsignaalzaak', 'monitor_mark_zaak'],
    ['monitor_zaak_upd', 'after update on vroegsignaalzaak', 'monitor_mark_zaak'],
    ['monitor_zaak_del', 'after delete on vroegsignaalzaak', 'monitor_mark_zaak'],
    ['monitor_signaal_ins', 'after insert on vroegsignaal', 'monitor_mark_signaal'],
    ['monitor_signaal_upd', 'after update on vroegsignaal', 'monitor_mark_signaal'],
    ['monitor_signaal_del', 'after delete on vroegsignaal', 'monitor_mark_signaal'],
    ['monitor_poging_ins', 'after insert on contactpoging', 'monitor_mark_poging'],
    ['monitor_poging_upd', 'after update on contactpoging', 'monitor_mark_poging'],
    ['monitor_poging_del', 'after delete on contactpoging', 'monitor_mark_poging'],
    ['monitor_resident_upd', 'after update of geboortedatum on resident', 'monitor_mark_resident'],
  ]
  for (const [name, when, f] of triggers)
    await run(`create trigger ${name} ${when} for each row execute function ${f}()`)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0004 cannot be undone')
}
