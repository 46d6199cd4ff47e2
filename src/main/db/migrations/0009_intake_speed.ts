import { sql, type Kysely } from 'kysely'
import { dialectOf } from './dialect'

/**
 * Speed for the monthly import (issue 3: 100,000 rows at 20,000 rows per second).
 *
 * - Indexes on the child columns of foreign keys that had none. SQLite looks up the child rows
 *   whenever a parent row is deleted (undoing an import deletes its signals and cases) and, while
 *   a deferred foreign key is outstanding, whenever a parent row is inserted: without an index
 *   that is a scan of the whole child table per row.
 * - The open-case flag triggers of 0001 rewrote every resident of the household on every new
 *   open case, also when the flag was already set (the import sets it when it inserts the
 *   resident). They now touch only residents whose flag is still 0: the same end state, no
 *   rewrites. The unary + keeps the planner on the household index (see 0001's note on
 *   resident_open_name_idx).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('signaal_intake_signal_idx').on('signaal_intake').column('signal_id').execute()
  await db.schema.createIndex('import_problem_signal_idx').on('import_problem').column('signal_id').execute()
  await db.schema.createIndex('import_problem_import_idx').on('import_problem').column('import_id').execute()
  await db.schema.createIndex('walkin_bezoek_case_idx').on('walkin_bezoek').column('case_id').execute()

  // PostgreSQL's triggers (0001) were written in this form from the start.
  if (dialectOf(db) === 'postgres') return
  await sql`drop trigger zaak_open_after_insert`.execute(db)
  await sql
    .raw(
      `create trigger zaak_open_after_insert after insert on vroegsignaalzaak when new.is_open = 1 begin
         update resident set has_open_case = 1 where household_id = new.household_id and +has_open_case = 0;
       end`,
    )
    .execute(db)
  await sql`drop trigger resident_open_after_insert`.execute(db)
  await sql
    .raw(
      `create trigger resident_open_after_insert after insert on resident
       when new.has_open_case = 0
         and exists (select 1 from vroegsignaalzaak z where z.household_id = new.household_id and z.is_open = 1)
       begin
         update resident set has_open_case = 1 where id = new.id;
       end`,
    )
    .execute(db)
}

export async function down(): Promise<void> {
  throw new Error('Migration 0009_intake_speed cannot be undone')
}
