import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { DatabaseTooNewError, migrateToLatest, openDatabase, type OpenedDatabase } from './database'
import { migrations } from './migrations'
import { generateKey } from '../features/keys/key'

const opened: OpenedDatabase[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close().catch(() => {})
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function open(file = ':memory:') {
  const o = openDatabase(file)
  opened.push(o)
  return o
}

function schemaOf(o: OpenedDatabase) {
  return o.raw
    .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name")
    .all()
}

describe('migrations', () => {
  it('applies every migration once; a second run is a no-op', async () => {
    const o = open()
    expect(await migrateToLatest(o.db)).toEqual(Object.keys(migrations))
    const schema = schemaOf(o)
    expect(schema.length).toBeGreaterThan(20)
    expect(await migrateToLatest(o.db)).toEqual([])
    expect(schemaOf(o)).toEqual(schema)
    const done = o.raw.prepare('select name from kysely_migration order by name').all()
    expect(done).toEqual(Object.keys(migrations).map((name) => ({ name })))
  })

  it('sets the pragmas the app relies on', () => {
    const o = open()
    expect(o.raw.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it("syncs every commit of the app's own database file to disk (a power cut loses no confirmed action)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-sync-'))
    dirs.push(dir)
    const app = await createApp({ dataDir: dir, key: generateKey() })
    try {
      expect(app.database.raw.pragma('journal_mode', { simple: true })).toBe('wal')
      // 2 = FULL: the WAL is synced at each commit, not only at checkpoints (1 = NORMAL)
      expect(app.database.raw.pragma('synchronous', { simple: true })).toBe(2)
    } finally {
      await app.close()
    }
  })

  it('refuses, unchanged, a database that knows a migration this build does not', async () => {
    const o = open()
    await migrateToLatest(o.db)
    o.raw.prepare("insert into setting (key, value, updated_at) values ('team', '{}', 'x')").run()
    o.raw
      .prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')")
      .run()
    const schema = schemaOf(o)
    const err = await migrateToLatest(o.db).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseTooNewError)
    expect((err as DatabaseTooNewError).unknownMigrations).toEqual(['9999_from_the_future'])
    expect((err as Error).message).toMatch(/nieuwere versie van Lange Adem/)
    expect(schemaOf(o)).toEqual(schema)
    expect(o.raw.prepare('select count(*) n from setting').get()).toEqual({ n: 1 })
  })

  it('refuses a newer database before creating any table in it', async () => {
    const o = open()
    o.raw.exec(
      'create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)',
    )
    o.raw.exec(
      "insert into kysely_migration values ('0001_initial', '2026-01-01'), ('0002_later', '2027-01-01')",
    )
    await expect(migrateToLatest(o.db)).rejects.toBeInstanceOf(DatabaseTooNewError)
    expect(schemaOf(o).map((r) => (r as { name: string }).name)).toEqual(['kysely_migration'])
  })

  it('does not open the app on a newer database file, and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-'))
    dirs.push(dir)
    const key = generateKey()
    const app = await createApp({ dataDir: dir, key })
    await app.close()
    const file = join(dir, DATABASE_FILE)
    const o = openDatabase(file, key)
    o.raw.prepare("insert into kysely_migration (name, timestamp) values ('0002_later', '2027-01-01')").run()
    o.raw.pragma('wal_checkpoint(TRUNCATE)')
    await o.close()
    const before = readFileSync(file)
    await expect(createApp({ dataDir: dir, key })).rejects.toBeInstanceOf(DatabaseTooNewError)
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

describe('resident.has_open_case (kept by triggers)', () => {
  it('follows the household cases through intake, closing, reopening, moving and deleting', async () => {
    const o = open()
    await migrateToLatest(o.db)
    const at = '2026-11-10T09:00:00.000Z'
    const run = (sql: string, ...p: unknown[]) => o.raw.prepare(sql).run(...p)
    const flags = () =>
      Object.fromEntries(
        (
          o.raw.prepare('select id, has_open_case from resident order by id').all() as {
            id: number
            has_open_case: number
          }[]
        ).map((r) => [r.id, r.has_open_case]),
      )
    for (const id of [1, 2])
      run(
        `insert into household (id, postcode, huisnummer, straat, plaats, created_at) values (?, '6041AB', ?, 'Markt', 'Roermond', ?)`,
        id,
        id,
        at,
      )
    const resident = (id: number, household: number) =>
      run(
        `insert into resident (id, household_id, voorletters, achternaam, achternaam_key, created_at, updated_at) values (?, ?, 'J.', 'Berg', 'berg', ?, ?)`,
        id,
        household,
        at,
        at,
      )
    const zaak = (id: number, household: number, isOpen: number) =>
      run(
        `insert into vroegsignaalzaak (id, case_number, household_id, status, is_open, datum_opgepakt, display_name, sort_name, postcode, adres,
           partner_types, signal_count, total_amount_cents, latest_signal_date, created_at) values (?, ?, ?, ?, ?, '2026-11-10', '', '', '6041AB', '', '', 0, 0, '2026-11-10', ?)`,
        id,
        `LA-2026-0000${id}`,
        household,
        isOpen ? 'nieuw' : 'gesloten',
        isOpen,
        at,
      )

    resident(1, 1)
    resident(2, 2)
    expect(flags()).toEqual({ 1: 0, 2: 0 })
    zaak(1, 1, 1)
    expect(flags()).toEqual({ 1: 1, 2: 0 })
    // A resident who joins a household with an open case
    resident(3, 1)
    expect(flags()).toEqual({ 1: 1, 2: 0, 3: 1 })
    // A closed case does not count; closing the open one clears the flag
    zaak(2, 2, 0)
    expect(flags()).toEqual({ 1: 1, 2: 0, 3: 1 })
    run('update vroegsignaalzaak set is_open = 0 where id = 1')
    expect(flags()).toEqual({ 1: 0, 2: 0, 3: 0 })
    run('update vroegsignaalzaak set is_open = 1 where id = 2')
    expect(flags()).toEqual({ 1: 0, 2: 1, 3: 0 })
    // Other updates leave it alone; moving to a household with an open case sets it
    run("update vroegsignaalzaak set status = 'in_behandeling' where id = 2")
    run('update resident set household_id = 2 where id = 3')
    expect(flags()).toEqual({ 1: 0, 2: 1, 3: 1 })
    run('delete from vroegsignaalzaak where id = 2')
    expect(flags()).toEqual({ 1: 0, 2: 0, 3: 0 })
  })
})
