import { describe, expect, it } from 'vitest'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../database'
import { migrations } from './index'

describe('migration 0014_contact_dates', () => {
  it('links visits and letters, drops the double Brief attempt of one letter, and dates facts by their signals', async () => {
    const { db, close } = openDatabase(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0012_erasure_register')).error).toBeUndefined()
    const run = (q: ReturnType<typeof sql>) => q.execute(db)
    await run(sql`insert into household (id, postcode, huisnummer, straat, plaats, created_at)
      values (1, '6041AB', 1, 'Markt', 'Roermond', 'x'), (2, '6041AB', 2, 'Markt', 'Roermond', 'x')`)
    for (const id of [1, 2])
      await run(sql`insert into vroegsignaalzaak (id, case_number, household_id, status, is_open, datum_opgepakt, display_name,
          sort_name, postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, created_at)
        values (${id}, ${`LA-${id}`}, ${id}, 'in_behandeling', 1, '2026-12-02', '', '', '6041AB', '', '', 1, 0, '2026-09-20', 'x')`)
    await run(sql`insert into resident (id, household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, telefoon, email, created_at, updated_at)
      values (1, 1, 'J.', '', 'Jansen', 'jansen', '', '', 'x', 'x')`)
    // Case 1: a September signal taken in on 2 December.
    await run(sql`insert into vroegsignaal (id, bron, partner_type, partner_naam, bedrag_cents, signaaldatum, crisis, warme_overdracht,
        resident_id, household_id, case_id, is_demo, created_at) values (1, 'VPS', 'Huur', 'W', 10000, '2026-09-20', 0, 0, 1, 1, 1, 0, 'x')`)
    // Both cases: a visit on 17 December 14:00; the planner logged "Brief verstuurd" at once.
    for (const id of [1, 2]) {
      await run(sql`insert into huisbezoek (id, case_id, datum, tijd, afmelden_voor, status, created_at)
        values (${id}, ${id}, '2026-12-17', '14:00', '2026-12-15', 'gepland', 'x')`)
      await run(sql`insert into contactpoging (id, case_id, soort, kanaal, bereikt, datum, dagdeel, resultaat, notitie, created_at)
        values (${id}, ${id}, 'Brief', 'brief', 0, '2026-12-03', 'Ochtend', 'Brief verstuurd',
          'Aankondiging huisbezoek op 17-12-2026 om 14:00, met Sem Janssen.', 'x')`)
    }
    await run(
      sql`insert into document_template (id, code, naam, soort, created_at) values (90, 't', 'T', 'brief', 'x')`,
    )
    // Case 1's letter was confirmed as sent on 4 December (its own attempt); case 2's was never sent.
    await run(sql`insert into contactpoging (id, case_id, soort, bereikt, datum, dagdeel, resultaat, notitie, created_at)
      values (3, 1, 'Brief', 0, '2026-12-04', 'Ochtend', '', 'Brief verstuurd.', 'x')`)
    await run(sql`insert into print_item (id, case_id, template_id, status, bezoek_datum, bezoek_van, bezoek_tot, afmeld_datum,
        sent_on, contactpoging_id, created_at)
      values (1, 1, 90, 'verstuurd', '2026-12-17', '14:00', '14:45', '2026-12-15', '2026-12-04', 3, 'x'),
             (2, 2, 90, 'wachtrij', '2026-12-17', '14:00', '14:30', '2026-12-15', null, null, 'x')`)
    await run(sql`insert into monitor_case_fact (case_id, datum_opgepakt, opgepakt, partner_types, crisis, bedrag_euro, pogingen,
        soorten_mask, bereikt_mask, bereikt) values (1, '2026-12-02', 1, 'Huur', 0, 100, 2, 0, 0, 0)`)

    expect((await migrator.migrateToLatest()).error).toBeUndefined()

    const visits = await sql<{
      id: number
      tijd_tot: string
    }>`select id, tijd_tot from huisbezoek order by id`.execute(db)
    expect(visits.rows).toEqual([
      { id: 1, tijd_tot: '14:45' },
      { id: 2, tijd_tot: '14:30' },
    ])
    const items = await sql<{
      id: number
      huisbezoek_id: number
    }>`select id, huisbezoek_id from print_item order by id`.execute(db)
    expect(items.rows).toEqual([
      { id: 1, huisbezoek_id: 1 },
      { id: 2, huisbezoek_id: 2 },
    ])
    // Case 1: one letter, one attempt (the one of the day it went out). Case 2: its letter never
    // went out; the planner's attempt stays, as there is nothing to tell it from a letter sent by hand.
    const attempts = await sql<{
      id: number
      case_id: number
      datum: string
    }>`select id, case_id, datum from contactpoging order by id`.execute(db)
    expect(attempts.rows).toEqual([
      { id: 2, case_id: 2, datum: '2026-12-03' },
      { id: 3, case_id: 1, datum: '2026-12-04' },
    ])
    const fact = await sql<{
      peildatum: string
    }>`select peildatum from monitor_case_fact where case_id = 1`.execute(db)
    expect(fact.rows).toEqual([{ peildatum: '2026-09-20' }])
    const dirty = await sql<{ kind: string }>`select kind from monitor_dirty where kind = 'daily'`.execute(db)
    expect(dirty.rows).toHaveLength(1)
    await close()
  })
})
