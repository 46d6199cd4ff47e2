import { describe, expect, it } from 'vitest'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../database'
import { migrations } from './index'

describe('migration 0018_case_version', () => {
  it('gives every existing case version 0, and a new case starts there too', async () => {
    const { db, close } = openDatabase(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0017_appointments')).error).toBeUndefined()
    await sql`insert into household (id, postcode, huisnummer, straat, plaats, created_at)
      values (1, '6041AB', 1, 'Markt', 'Roermond', 'x')`.execute(db)
    const insertCase = (id: number) =>
      sql`insert into vroegsignaalzaak (id, case_number, household_id, status, is_open, datum_opgepakt, display_name,
          sort_name, postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, created_at)
        values (${id}, ${`LA-${id}`}, 1, 'in_behandeling', ${id === 1 ? 1 : 0}, '2026-12-02', '', '', '6041AB', '', '', 1, 0,
          '2026-09-20', 'x')`.execute(db)
    await insertCase(1)
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    await insertCase(2)
    const rows = await db.selectFrom('vroegsignaalzaak').select(['id', 'versie']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 1, versie: 0 },
      { id: 2, versie: 0 },
    ])
    close()
  })
})
