import { sql, type Kysely } from 'kysely'
import { dialectOf } from './dialect'

/**
 * PostgreSQL only: the monthly import no longer locks its four tables for its whole run.
 *
 * Until now the import disabled the insert triggers of household, resident, vroegsignaalzaak and
 * vroegsignaal inside its transaction (it does their work itself, about 60 µs per signal cheaper).
 * `ALTER TABLE … DISABLE TRIGGER` takes a SHARE ROW EXCLUSIVE lock that lasts until the commit, so
 * every colleague's update of a case (an attempt, a note, closing it) waited for the whole import.
 * Here the same triggers get a condition instead: they skip a row written by a transaction that
 * said `set local lange_adem.bulk_import = 'on'` (the import's writer, intake/pg-writer.ts) and
 * fire for everyone else. A setting read in the trigger's WHEN costs no PL/pgSQL call. Each
 * trigger keeps its own condition, anded with this one. SQLite pauses its triggers in its own
 * way (one writer at a time) and is not changed.
 */
const NOT_BULK = `coalesce(current_setting('lange_adem.bulk_import', true), '') <> 'on'`

const TRIGGERS: [name: string, on: string, when: string | null, fn: string][] = [
  ['resident_open_before_insert', 'before insert on resident', null, 'resident_open_before_write'],
  ['zaak_open_after_insert', 'after insert on vroegsignaalzaak', 'new.is_open = 1', 'zaak_open_after_insert'],
  [
    'zaak_plan_before_insert',
    'before insert on vroegsignaalzaak',
    'new.is_open = 1 and new.plan_datum is null',
    'zaak_plan_before_insert',
  ],
  ['monitor_zaak_ins', 'after insert on vroegsignaalzaak', null, 'monitor_mark_zaak'],
  ['monitor_signaal_ins', 'after insert on vroegsignaal', null, 'monitor_mark_signaal'],
]

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  for (const [name, on, when, fn] of TRIGGERS) {
    const table = on.split(' on ')[1]!
    await sql.raw(`drop trigger ${name} on ${table}`).execute(db)
    await sql
      .raw(
        `create trigger ${name} ${on} for each row when (${when ? `(${when}) and ` : ''}${NOT_BULK}) execute function ${fn}()`,
      )
      .execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('Migration 0020 cannot be undone')
}
