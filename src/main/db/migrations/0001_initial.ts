import { dialectOf, idColumn } from './dialect'
import { sql, type Kysely } from 'kysely'

// Written with Kysely's schema builder in types both SQLite and PostgreSQL accept
// ("integer primary key" becomes an identity column when ported).
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute()

  await db.schema
    .createTable('wijk')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('naam', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('wijk_postcode')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('wijk_id', 'integer', (c) => c.notNull().references('wijk.id').onDelete('cascade'))
    .addColumn('pc_from', 'text', (c) => c.notNull())
    .addColumn('pc_to', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('rol', 'text', (c) =>
      c.notNull().check(sql`rol in ('consulent', 'kwaliteitsmedewerker', 'beheerder')`),
    )
    .addColumn('telefoon', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actief', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('user_wijk')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('wijk_id', 'integer', (c) => c.notNull().references('wijk.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_wijk_pk', ['user_id', 'wijk_id'])
    .execute()

  await db.schema
    .createTable('household')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('huisnummer', 'integer', (c) => c.notNull())
    .addColumn('toevoeging', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('straat', 'text', (c) => c.notNull())
    .addColumn('plaats', 'text', (c) => c.notNull())
    .addColumn('wijk_id', 'integer', (c) => c.references('wijk.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('household_address_uq', ['postcode', 'huisnummer', 'toevoeging'])
    .execute()
  await db.schema.createIndex('household_number_idx').on('household').column('huisnummer').execute()

  await db.schema
    .createTable('resident')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('voorletters', 'text', (c) => c.notNull())
    .addColumn('tussenvoegsel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('achternaam', 'text', (c) => c.notNull())
    .addColumn('achternaam_key', 'text', (c) => c.notNull())
    .addColumn('geboortedatum', 'text')
    .addColumn('telefoon', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bsn', 'text')
    // 1 while the household has an open case; kept by the triggers below.
    .addColumn('has_open_case', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('resident_household_idx').on('resident').column('household_id').execute()
  // Covering (household_id included): a surname search reads only the index.
  await db.schema
    .createIndex('resident_name_idx')
    .on('resident')
    .columns(['achternaam_key', 'geboortedatum', 'household_id'])
    .execute()
  // The caseload's surname search on open cases: without the flag, a surname that one resident in
  // seventy carries means probing thousands of mostly closed households (see src/main/bench.ts).
  await db.schema
    .createIndex('resident_open_name_idx')
    .on('resident')
    .columns(['has_open_case', 'achternaam_key', 'household_id'])
    .execute()
  await db.schema.createIndex('resident_birth_idx').on('resident').column('geboortedatum').execute()

  await db.schema
    .createTable('vroegsignaalzaak')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('wijk_id', 'integer', (c) => c.references('wijk.id').onDelete('set null'))
    .addColumn('consulent_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('nieuw', 'in_behandeling', 'gesloten')`),
    )
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('datum_opgepakt', 'text', (c) => c.notNull())
    .addColumn('resultaat', 'text')
    .addColumn('gesloten_op', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('adres', 'text', (c) => c.notNull())
    .addColumn('partner_types', 'text', (c) => c.notNull())
    .addColumn('signal_count', 'integer', (c) => c.notNull())
    .addColumn('total_amount_cents', 'integer', (c) => c.notNull())
    .addColumn('latest_signal_date', 'text', (c) => c.notNull())
    .addColumn('crisis', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  // The caseload's common paths: per consulent, per wijk, or everything; open first, newest first.
  await db.schema
    .createIndex('zaak_consulent_idx')
    .on('vroegsignaalzaak')
    .columns(['consulent_id', 'is_open', 'datum_opgepakt', 'id'])
    .execute()
  await db.schema
    .createIndex('zaak_wijk_idx')
    .on('vroegsignaalzaak')
    .columns(['wijk_id', 'is_open', 'datum_opgepakt', 'id'])
    .execute()
  await db.schema
    .createIndex('zaak_open_idx')
    .on('vroegsignaalzaak')
    .columns(['is_open', 'datum_opgepakt', 'id'])
    .execute()
  await db.schema
    .createIndex('zaak_household_idx')
    .on('vroegsignaalzaak')
    .columns(['household_id', 'is_open'])
    .execute()

  // resident.has_open_case follows the household's cases whoever changes them (intake, closing,
  // a repair by hand), so it can never drift. Each statement filters on household_id or id only:
  // a condition on has_open_case could make the planner walk resident_open_name_idx (flag first)
  // through every resident, per case. PostgreSQL has the same rule in PL/pgSQL (below).
  if (d === 'postgres') {
    await openCaseTriggersPostgres(db)
  } else {
    const openNow = (household: string) =>
      `exists (select 1 from vroegsignaalzaak z where z.household_id = ${household} and z.is_open = 1)`
    await sql
      .raw(
        `create trigger zaak_open_after_insert after insert on vroegsignaalzaak when new.is_open = 1 begin
           update resident set has_open_case = 1 where household_id = new.household_id;
         end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger zaak_open_after_update after update of is_open, household_id on vroegsignaalzaak begin
           update resident set has_open_case = ${openNow('resident.household_id')}
           where household_id in (old.household_id, new.household_id);
         end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger zaak_open_after_delete after delete on vroegsignaalzaak begin
           update resident set has_open_case = ${openNow('resident.household_id')} where household_id = old.household_id;
         end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger resident_open_after_insert after insert on resident when ${openNow('new.household_id')} begin
           update resident set has_open_case = 1 where id = new.id;
         end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger resident_open_after_move after update of household_id on resident begin
           update resident set has_open_case = ${openNow('new.household_id')} where id = new.id;
         end`,
      )
      .execute(db)
  }

  await db.schema
    .createTable('vroegsignaal')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('extern_id', 'text', (c) => c.unique())
    .addColumn('bron', 'text', (c) => c.notNull())
    .addColumn('partner_type', 'text', (c) => c.notNull())
    .addColumn('partner_naam', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bedrag_cents', 'integer', (c) => c.notNull())
    .addColumn('ontstaansdatum', 'text')
    .addColumn('signaaldatum', 'text', (c) => c.notNull())
    .addColumn('crisis', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warme_overdracht', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text')
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('resident.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('case_id', 'integer', (c) => c.references('vroegsignaalzaak.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema
    .createIndex('signaal_case_idx')
    .on('vroegsignaal')
    .columns(['case_id', 'partner_type'])
    .execute()
  await db.schema
    .createIndex('signaal_household_idx')
    .on('vroegsignaal')
    .columns(['household_id', 'signaaldatum'])
    .execute()
  await db.schema.createIndex('signaal_resident_idx').on('vroegsignaal').column('resident_id').execute()

  await db.schema
    .createTable('contactpoging')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('vroegsignaalzaak.id'))
    .addColumn('soort', 'text', (c) => c.notNull())
    .addColumn('bereikt', 'integer', (c) => c.notNull())
    .addColumn('datum', 'text', (c) => c.notNull())
    .addColumn('dagdeel', 'text', (c) => c.notNull())
    .addColumn('resultaat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notitie', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema
    .createIndex('contactpoging_case_idx')
    .on('contactpoging')
    .columns(['case_id', 'datum'])
    .execute()

  await db.schema
    .createTable('note')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('vroegsignaalzaak.id'))
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema.createIndex('note_case_idx').on('note').column('case_id').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute()
}

/**
 * The open-case flag on PostgreSQL, as SQLite's triggers after 0009 keep it (0009 changes
 * nothing on PostgreSQL). A trigger and not the write path: the import's batch writer, closing,
 * reopening, moving a resident and a repair by hand all change cases, and a rule in the schema
 * covers every one of them (README, "PostgreSQL (team server)"). The resident's own flag is set
 * before its row is written, so no second write is needed.
 */
async function openCaseTriggersPostgres(db: Kysely<unknown>): Promise<void> {
  const openNow = (household: string) =>
    `(exists (select 1 from vroegsignaalzaak z where z.household_id = ${household} and z.is_open = 1))::int`
  const run = (q: string) => sql.raw(q).execute(db)
  await run(`create function zaak_open_after_insert() returns trigger language plpgsql as $$
    begin
      update resident set has_open_case = 1 where household_id = new.household_id and has_open_case = 0;
      return null;
    end $$`)
  await run(`create trigger zaak_open_after_insert after insert on vroegsignaalzaak
    for each row when (new.is_open = 1) execute function zaak_open_after_insert()`)
  await run(`create function zaak_open_after_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update resident set has_open_case = ${openNow('resident.household_id')} where household_id = old.household_id;
      else
        update resident set has_open_case = ${openNow('resident.household_id')}
        where household_id in (old.household_id, new.household_id);
      end if;
      return null;
    end $$`)
  await run(`create trigger zaak_open_after_update after update of is_open, household_id on vroegsignaalzaak
    for each row execute function zaak_open_after_change()`)
  await run(`create trigger zaak_open_after_delete after delete on vroegsignaalzaak
    for each row execute function zaak_open_after_change()`)
  await run(`create function resident_open_before_write() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' and new.has_open_case = 1 then return new; end if;
      new.has_open_case := ${openNow('new.household_id')};
      return new;
    end $$`)
  await run(`create trigger resident_open_before_insert before insert on resident
    for each row execute function resident_open_before_write()`)
  await run(`create trigger resident_open_before_move before update of household_id on resident
    for each row execute function resident_open_before_write()`)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0001 cannot be undone')
}
