import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Migrator, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { MonitorDashboard } from '@shared/api/monitor'
import { addDays } from '@shared/format/dates'
import { testApp } from '../../test/fixtures'
import { refreshFacts } from '../../features/monitor/facts'
import { getDashboard } from '../../features/monitor/service'
import { storePeriods } from '../../features/retention/periods'
import { runPurge } from '../../features/retention/purge'
import type { Db } from '../database'
import { migrations } from './index'
import { RENAMED_RESULTS } from './0013_ddas_v12'

type T = Awaited<ReturnType<typeof testApp>>

/**
 * Runs 0013 again on a database whose record of it was taken away. Later migrations (0014 and
 * on) have run already and stay as they are, so the migrator may run 0013 out of order.
 */
async function rerun0013(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

const schema = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../resources/ddas/json_schema_Uitwisselmodel.v1.2.json'), 'utf8'),
)
const V12 = {
  resultaat: schema.$defs.EnumEindresultaat.enum as string[],
  soort: schema.$defs.EnumContactsoort.enum as string[],
  status: schema.$defs.EnumSignaalstatus.enum as string[],
}

/** Where a stored end result or contact kind can live, frozen facts and the retention archive included. */
const RESULT_COLUMNS = [
  ['vroegsignaalzaak', 'resultaat'],
  ['monitor_case_fact', 'resultaat'],
  ['retention_ddas_case', 'resultaat'],
] as const
const KIND_COLUMNS = [
  ['contactpoging', 'soort'],
  ['retention_ddas_attempt', 'soort'],
  ['monitor_case_fact', 'eerste_contact_soort'],
] as const

async function distinct(db: Db, table: string, column: string): Promise<string[]> {
  const rows = await sql<{ v: string }>`select distinct ${sql.ref(column)} as v from ${sql.table(table)}
    where ${sql.ref(column)} is not null`.execute(db)
  return rows.rows.map((r) => r.v).sort()
}

async function countOf(db: Db, table: string, column: string, values: readonly string[]): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
    where ${sql.ref(column)} in (${sql.join([...values])})`.execute(db)
  return Number(r.rows[0]!.n)
}

/** Every figure of the dashboard over a year, each of the last 13 months and all time. */
async function figures(t: T): Promise<MonitorDashboard[]> {
  const today = t.clock.today()
  const periods = [
    { van: '2000-01-01', tot: today },
    { van: addDays(today, -364), tot: today },
    ...Array.from({ length: 13 }, (_, i) => ({
      van: addDays(today, -31 * (i + 1)),
      tot: addDays(today, -31 * i),
    })),
  ]
  const out: MonitorDashboard[] = []
  for (const p of periods) out.push(await getDashboard(t.db, p))
  return out
}

async function dailyRows(db: Db) {
  return (await sql`select * from monitor_daily order by dag, tabel, groep`.execute(db)).rows
}

/**
 * The demo data (a month's work and a year of closed cases), part of it purged by retention so
 * some facts are frozen and archived, then written back the way a database from before v1.2
 * stored it: with 0013 not yet run.
 */
async function databaseBeforeV12(): Promise<T> {
  const t = await testApp()
  await t.call('setup.loadDemo', {})
  await storePeriods(t.db, { nietDoorgezet: 1, zonderHulp: 3, metHulp: 6 }, t.clock.now(), null)
  await runPurge(t.db, { at: t.clock.now(), today: t.clock.today(), userId: null }, 'automatisch')
  for (const [table, column] of RESULT_COLUMNS)
    for (const [old, now] of RENAMED_RESULTS)
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${old} where ${sql.ref(column)} = ${now}`.execute(
        t.db,
      )
  await refreshFacts(t.db)
  await sql`delete from kysely_migration where name = '0013_ddas_v12'`.execute(t.db)
  return t
}

describe('migration 0013_ddas_v12', () => {
  it('moves every stored end result to its v1.2 name, frozen facts and the archive too, and keeps every figure', async () => {
    const t = await databaseBeforeV12()
    const old = RENAMED_RESULTS.map(([o]) => o)
    for (const [table, column] of RESULT_COLUMNS)
      expect(await countOf(t.db, table, column, old), `${table} before`).toBeGreaterThan(0)
    const frozen = await sql<{ n: number }>`select count(*) as n from monitor_case_fact
      where frozen = 1 and resultaat in (${sql.join(old)})`.execute(t.db)
    expect(Number(frozen.rows[0]!.n)).toBeGreaterThan(0)
    const before = await figures(t)
    const dailyBefore = await dailyRows(t.db)

    expect(await rerun0013(t.db)).toEqual(['0013_ddas_v12'])

    for (const [table, column] of RESULT_COLUMNS) {
      expect(await countOf(t.db, table, column, old), `${table} after`).toBe(0)
      for (const v of await distinct(t.db, table, column))
        expect(V12.resultaat, `${table}.${column}`).toContain(v)
    }
    for (const [table, column] of KIND_COLUMNS)
      for (const v of await distinct(t.db, table, column))
        expect(V12.soort, `${table}.${column}`).toContain(v)
    for (const v of await distinct(t.db, 'vroegsignaal', 'status')) expect(V12.status).toContain(v)
    // Nothing left for the monitor to recompute: the facts were renamed with the cases.
    const dirty = await sql<{ n: number }>`select count(*) as n from monitor_dirty`.execute(t.db)
    expect(Number(dirty.rows[0]!.n)).toBe(0)
    expect(await dailyRows(t.db)).toEqual(dailyBefore)

    expect(await figures(t)).toEqual(before)
    // The daily summary still equals one built afresh from the renamed facts.
    await sql`insert into monitor_dirty (kind, ref_id) values ('daily', 0)`.execute(t.db)
    await refreshFacts(t.db)
    expect(await dailyRows(t.db)).toEqual(dailyBefore)
  }, 60_000)

  it('gives an attempt of a kind outside the list the kind of its channel, else "Onbekend"', async () => {
    const t = await testApp()
    await t.call('setup.loadDemo', {})
    const ids = (await t.db.selectFrom('contactpoging').select('id').orderBy('id').limit(3).execute()).map(
      (r) => r.id,
    )
    await sql`update contactpoging set soort = 'telefonisch', kanaal = 'telefoon' where id = ${ids[0]}`.execute(
      t.db,
    )
    await sql`update contactpoging set soort = 'Spreekuur', kanaal = '' where id = ${ids[1]}`.execute(t.db)
    await sql`update contactpoging set soort = 'Afspraak op locatie', kanaal = 'afspraak' where id = ${ids[2]}`.execute(
      t.db,
    )
    await sql`delete from kysely_migration where name = '0013_ddas_v12'`.execute(t.db)
    await rerun0013(t.db)
    const rows = await t.db
      .selectFrom('contactpoging')
      .select(['id', 'soort'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.soort)).toEqual(['Telefoon', 'Onbekend', 'Afspraak op locatie'])
    // The monitor now counts that attempt under "Onbekend" instead of nowhere.
    const d = await getDashboard(t.db, { van: '2000-01-01', tot: t.clock.today() })
    const onbekend = d.breakdowns.find((b) => b.key === 'kanaal')!.rows.find((r) => r.key === 'Onbekend')!
    expect(onbekend.noemer).toBe(1)
  }, 60_000)
})
