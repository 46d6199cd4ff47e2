import { dialectOf, idColumn } from './dialect'
import { sql, type Kysely } from 'kysely'

/**
 * The contact ladder, announced home visits and the walk-in hour.
 *
 * - contactpoging.kanaal: the app's own channel. DDAS knows only 'SMS/Whatsapp'; the team wants
 *   to see WhatsApp and SMS apart. '' on rows from before this migration: read as the DDAS kind.
 * - vroegsignaalzaak.plan_*: the planned next step of an open case (the ladder's state), kept on
 *   the case so "Vandaag" for one consulent is one index range (zaak_plan_idx).
 *   plan_stap null with a plan_datum means "the ladder's first step".
 * - niet_benaderen on household (the person's wish, also for later cases) and on the case (so
 *   every list can leave it out without a join).
 * - hulp_aangeboden / hulp_geaccepteerd / verwijzing: how a case ended besides the DDAS result.
 * - partner_contact: the address book of chain-partner contacts who join home visits.
 * - huisbezoek: announced home visits. walkin_sessie / walkin_bezoek: the walk-in hour.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .alterTable('contactpoging')
    .addColumn('kanaal', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  const zaakColumns: [string, 'text' | 'integer', boolean, string | number | null][] = [
    ['plan_stap', 'text', false, null],
    ['plan_poging', 'integer', true, 0],
    ['plan_datum', 'text', false, null],
    ['plan_dagdeel', 'text', false, null],
    ['niet_benaderen', 'integer', true, 0],
    ['hulp_aangeboden', 'integer', false, null],
    ['hulp_geaccepteerd', 'integer', false, null],
    ['verwijzing', 'text', true, ''],
  ]
  for (const [name, type, notNull, dflt] of zaakColumns)
    await db.schema
      .alterTable('vroegsignaalzaak')
      .addColumn(name, type, (c) => {
        let col = c
        if (dflt !== null) col = col.defaultTo(dflt)
        if (notNull) col = col.notNull()
        return col
      })
      .execute()
  await db.schema
    .alterTable('household')
    .addColumn('niet_benaderen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('household')
    .addColumn('niet_benaderen_reden', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  // Today's work of one consulent: open cases whose next step is due, oldest due first.
  await db.schema
    .createIndex('zaak_plan_idx')
    .on('vroegsignaalzaak')
    .columns(['consulent_id', 'is_open', 'plan_datum'])
    .execute()

  // Open cases that exist already start at the ladder's first step on the day they were picked up.
  await sql`update vroegsignaalzaak set plan_datum = datum_opgepakt where is_open = 1`.execute(db)

  // Every new open case gets its first step planned on the day it is picked up, whoever inserts it
  // (intake, import, demo, bulk fill), and inherits the household's wish not to be approached.
  // A trigger on both stores, for the same reason as the open-case flag (0001): the batch writer
  // inserts cases with its own statements. On PostgreSQL it sets the row before it is written.
  if (d === 'postgres') {
    await sql
      .raw(
        `create function zaak_plan_before_insert() returns trigger language plpgsql as $$
           declare nb integer;
           begin
             select h.niet_benaderen into nb from household h where h.id = new.household_id;
             new.niet_benaderen := nb;
             new.plan_datum := case when nb = 1 then null else new.datum_opgepakt end;
             return new;
           end $$`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger zaak_plan_before_insert before insert on vroegsignaalzaak
         for each row when (new.is_open = 1 and new.plan_datum is null) execute function zaak_plan_before_insert()`,
      )
      .execute(db)
  } else {
    await sql
      .raw(
        `create trigger zaak_plan_after_insert after insert on vroegsignaalzaak when new.is_open = 1 and new.plan_datum is null begin
           update vroegsignaalzaak set
             niet_benaderen = (select h.niet_benaderen from household h where h.id = new.household_id),
             plan_datum = case when (select h.niet_benaderen from household h where h.id = new.household_id) = 1
                               then null else new.datum_opgepakt end
           where id = new.id;
         end`,
      )
      .execute(db)
  }

  await db.schema
    .createTable('partner_contact')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('organisatie', 'text', (c) => c.notNull())
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('functie', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('telefoon', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actief', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('huisbezoek')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('vroegsignaalzaak.id'))
    .addColumn('wijk_id', 'integer', (c) => c.references('wijk.id').onDelete('set null'))
    .addColumn('datum', 'text', (c) => c.notNull())
    .addColumn('tijd', 'text', (c) => c.notNull())
    .addColumn('consulent_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('duo_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('duo_partner_id', 'integer', (c) => c.references('partner_contact.id'))
    .addColumn('afmelden_voor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('gepland', 'afgemeld', 'afgelegd')`))
    .addColumn('uitkomst', 'text')
    .addColumn('afmelding_via', 'text')
    .addColumn('afmelding_reden', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('afmelding_op', 'text')
    .addColumn('notitie', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema.createIndex('huisbezoek_dag_idx').on('huisbezoek').columns(['datum', 'wijk_id']).execute()
  await db.schema.createIndex('huisbezoek_case_idx').on('huisbezoek').columns(['case_id', 'status']).execute()

  await db.schema
    .createTable('walkin_sessie')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('datum', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema
    .createTable('walkin_bezoek')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('sessie_id', 'integer', (c) => c.notNull().references('walkin_sessie.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('vroegsignaalzaak.id'))
    .addColumn('tijd', 'text', (c) => c.notNull())
    .addColumn('nieuwe_zaak', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wat_speelt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rekeningen', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('urgentie', 'text', (c) => c.notNull().defaultTo('geen'))
    .addColumn('urgentie_datum', 'text')
    .addColumn('vervolgstap', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema.createIndex('walkin_bezoek_sessie_idx').on('walkin_bezoek').column('sessie_id').execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0005 cannot be undone')
}
