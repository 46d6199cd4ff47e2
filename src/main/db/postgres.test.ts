import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { DatabaseTooNewError, migrateToLatest } from './database'
import { dialectOf } from './dialect'
import { postgresConfig, PostgresTlsRequiredError } from './postgres'
import { MAX_ATTEMPTS, retryOnSerializationFailure } from './retry'
import { setUpTeam, signal, testApp } from '../test/fixtures'
import { testStoreIsPostgres } from '../test/postgres'
import { verifyAuditChain } from '../features/audit/repository'

describe('the PostgreSQL connection rule', () => {
  it('lets loopback and a local socket connect without TLS', () => {
    for (const url of [
      'postgres://la@localhost/lange_adem',
      'postgres://la@127.0.0.1:5433/lange_adem',
      'postgres://la@[::1]/lange_adem',
      'postgres:///lange_adem?host=/run/postgresql',
    ])
      expect(() => postgresConfig(url)).not.toThrow()
  })

  it('refuses a server elsewhere without verified TLS, with a Dutch message', () => {
    for (const mode of ['', '?sslmode=disable', '?sslmode=require', '?sslmode=verify-ca', '?sslmode=prefer'])
      expect(() => postgresConfig(`postgres://la@db.roermond.local/lange_adem${mode}`)).toThrow(
        PostgresTlsRequiredError,
      )
    expect(() => postgresConfig('postgres://la@10.0.0.5/lange_adem')).toThrow(/sslmode=verify-full/)
  })

  it('accepts a server elsewhere with sslmode=verify-full, or an explicit CA that replaces the URL’s TLS settings', () => {
    expect(() =>
      postgresConfig('postgres://la@db.roermond.local/lange_adem?sslmode=verify-full'),
    ).not.toThrow()
    const c = postgresConfig('postgres://la@db.roermond.local/lange_adem?sslmode=require', { ca: 'PEM' })
    expect(c.ssl).toEqual({ ca: 'PEM', rejectUnauthorized: true })
    expect(c.connectionString).not.toContain('sslmode')
  })
})

describe('retrying a transaction that lost a race', () => {
  const failure = (code: string) => Object.assign(new Error(code), { code })
  const noWait = () => Promise.resolve()

  it('runs again after a serialization failure or a deadlock, and gives the answer', async () => {
    let n = 0
    const answer = await retryOnSerializationFailure(async () => {
      n++
      if (n === 1) throw failure('40001')
      if (n === 2) throw failure('40P01')
      return 'klaar'
    }, noWait)
    expect(answer).toBe('klaar')
    expect(n).toBe(3)
  })

  it('gives up after a bounded number of attempts, and never retries other errors', async () => {
    let n = 0
    await expect(
      retryOnSerializationFailure(async () => {
        n++
        throw failure('40001')
      }, noWait),
    ).rejects.toThrow('40001')
    expect(n).toBe(MAX_ATTEMPTS)
    n = 0
    await expect(
      retryOnSerializationFailure(async () => {
        n++
        throw failure('23505')
      }, noWait),
    ).rejects.toThrow('23505')
    expect(n).toBe(1)
  })
})

// Runs on the store the tests use: SQLite by default, PostgreSQL under `npm run test:pg`.
describe('the one list of migrations, on the store under test', () => {
  it('runs on the expected dialect', async () => {
    const t = await testApp()
    expect(dialectOf(t.db)).toBe(testStoreIsPostgres() ? 'postgres' : 'sqlite')
    expect(t.app.database.dialect).toBe(dialectOf(t.db))
    await t.app.close()
  })

  it('refuses, unchanged, a database that knows a newer migration', async () => {
    const t = await testApp()
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', ${new Date().toISOString()})`.execute(
      t.db,
    )
    await expect(migrateToLatest(t.db)).rejects.toBeInstanceOf(DatabaseTooNewError)
    await t.app.close()
  })

  it('keeps the open-case flag, the planned first step and the monitor marks by trigger', async () => {
    const t = await testApp()
    const db = t.db
    const at = '2026-11-10T09:30:00.000Z'
    const hh = await db
      .insertInto('household')
      .values({
        postcode: '6041AB',
        huisnummer: 12,
        toevoeging: '',
        straat: 'Markt',
        plaats: 'Roermond',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const resident = await db
      .insertInto('resident')
      .values({
        household_id: hh.id,
        voorletters: 'J.',
        achternaam: 'Berg',
        achternaam_key: 'berg',
        tussenvoegsel: '',
        telefoon: '',
        email: '',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const zaak = await db
      .insertInto('vroegsignaalzaak')
      .values({
        case_number: 'VS-2026-0001',
        household_id: hh.id,
        status: 'nieuw',
        is_open: 1,
        datum_opgepakt: '2026-11-10',
        display_name: 'J. Berg',
        sort_name: 'berg',
        postcode: '6041AB',
        adres: 'Markt 12',
        partner_types: 'Huur',
        signal_count: 1,
        total_amount_cents: 45000,
        latest_signal_date: '2026-11-05',
        crisis: 0,
        is_demo: 0,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const flag = () =>
      db
        .selectFrom('resident')
        .select('has_open_case')
        .where('id', '=', resident.id)
        .executeTakeFirstOrThrow()
    expect((await flag()).has_open_case).toBe(1)
    const planned = await db
      .selectFrom('vroegsignaalzaak')
      .select(['plan_datum', 'niet_benaderen'])
      .where('id', '=', zaak.id)
      .executeTakeFirstOrThrow()
    expect(planned).toEqual({ plan_datum: '2026-11-10', niet_benaderen: 0 })
    const marks = await db
      .selectFrom('monitor_dirty')
      .select(['kind', 'ref_id'])
      .where('kind', '=', 'zaak')
      .execute()
    expect(marks).toContainEqual({ kind: 'zaak', ref_id: zaak.id })
    await db
      .updateTable('vroegsignaalzaak')
      .set({ is_open: 0, status: 'gesloten' })
      .where('id', '=', zaak.id)
      .execute()
    expect((await flag()).has_open_case).toBe(0)
    await t.app.close()
  })
})

describe('two colleagues at once, on the store under test', () => {
  it('enter signals for one new address at the same moment: one household, both signals, a sound logboek', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const calls = Array.from({ length: 6 }, (_, i) =>
      t.call(
        'signals.createManual',
        signal({ voorletters: `${String.fromCharCode(65 + i)}.`, bedrag: `${100 + i},00` }),
      ),
    )
    const saved = await Promise.all(calls)
    expect(saved).toHaveLength(6)
    const households = await t.db.selectFrom('household').select('id').execute()
    expect(households).toHaveLength(1)
    const signals = await t.db.selectFrom('vroegsignaal').select('id').execute()
    expect(signals).toHaveLength(6)
    const open = await t.db.selectFrom('vroegsignaalzaak').select('id').where('is_open', '=', 1).execute()
    expect(open).toHaveLength(1)
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
    await t.app.close()
  })
})
