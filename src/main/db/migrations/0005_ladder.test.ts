import { describe, expect, it } from 'vitest'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../database'
import { migrations } from './index'

describe('migration 0005_ladder', () => {
  it('plans the first step for open cases on their pick-up day and leaves closed cases without a plan', async () => {
    const { db, close } = openDatabase(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('0004_monitor')
    expect(before.error).toBeUndefined()
    await sql`insert into household (id, postcode, huisnummer, straat, plaats, created_at) values (1, '6041AB', 1, 'Markt', 'Roermond', 'x'), (2, '6041AB', 2, 'Markt', 'Roermond', 'x')`.execute(
      db,
    )
    for (const [id, open] of [
      [1, 1],
      [2, 0],
    ])
      await sql`insert into vroegsignaalzaak (id, case_number, household_id, status, is_open, datum_opgepakt, display_name, sort_name, postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, created_at)
        values (${id}, ${`LA-${id}`}, ${id}, ${open ? 'nieuw' : 'gesloten'}, ${open}, '2026-10-05', '', '', '6041AB', '', '', 0, 0, '2026-10-01', 'x')`.execute(
        db,
      )
    await sql`insert into contactpoging (case_id, soort, bereikt, datum, dagdeel, created_at) values (1, 'SMS/Whatsapp', 0, '2026-10-06', 'Middag', 'x')`.execute(
      db,
    )
    const after = await migrator.migrateToLatest()
    expect(after.error).toBeUndefined()
    const cases = await db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'plan_stap', 'plan_datum', 'niet_benaderen'])
      .orderBy('id')
      .execute()
    expect(cases).toEqual([
      { id: 1, plan_stap: null, plan_datum: '2026-10-05', niet_benaderen: 0 },
      { id: 2, plan_stap: null, plan_datum: null, niet_benaderen: 0 },
    ])
    const attempt = await db.selectFrom('contactpoging').select(['soort', 'kanaal']).executeTakeFirstOrThrow()
    expect(attempt).toEqual({ soort: 'SMS/Whatsapp', kanaal: '' })
    await close()
  })
})
