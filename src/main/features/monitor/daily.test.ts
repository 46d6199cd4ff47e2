import { describe, expect, it } from 'vitest'
import { Migrator, sql, type Insertable } from 'kysely'
import type { MonitorDashboard } from '@shared/api/monitor'
import { CONTACTSOORTEN, DAGDELEN, EINDRESULTATEN, NIET_DOORGEZET_STATUSSEN } from '@shared/domain/ddas'
import { addDays } from '@shared/format/dates'
import { openDatabase, type Db } from '../../db/database'
import type { ContactpogingTable } from '../../db/schema'
import { migrations } from '../../db/migrations'
import { setUpTeam, signal, testApp } from '../../test/fixtures'
import { dialectOf, insertOrIgnoreSql } from '../../db/dialect'
import { DEMO_WACHTWOORD } from '../demo/password'
import { fillDb } from '../../bench/fill'
import { loadWijkRanges } from '../wijken/assignment'
import { createRandom } from '../demo/random'
import { refreshFacts } from './facts'
import { computeFigures } from '../../test/figures-by-case'
import { figureContext, getDashboard, loadFacts, teamStartDate } from './service'
import type { Period } from './figures'
import { histogramMedian, splitSteps } from './daily'
import { appointmentsByPlace } from './appointment-figures'
import { settingsInput } from '../../test/monitor-data'

type T = Awaited<ReturnType<typeof testApp>>

/** The dashboard as it was computed before the daily summary: case by case over the facts. */
async function perCase(db: Db, p: Period): Promise<MonitorDashboard> {
  await refreshFacts(db)
  const signalRows = await sql<{ uitkomst: string; n: number }>`
    select uitkomst, count(*) as n from monitor_signal_fact
    where signaaldatum >= ${p.van} and signaaldatum <= ${p.tot} group by uitkomst`.execute(db)
  const byOutcome = new Map(signalRows.rows.map((r) => [r.uitkomst, Number(r.n)]))
  const [facts, ctx] = await Promise.all([loadFacts(db, p), figureContext(db)])
  return {
    van: p.van,
    tot: p.tot,
    ontvangen: [...byOutcome.values()].reduce((a, b) => a + b, 0),
    doorgezet: byOutcome.get('doorgezet') ?? 0,
    nietDoorgezet: NIET_DOORGEZET_STATUSSEN.map((status) => ({ status, aantal: byOutcome.get(status) ?? 0 })),
    ...computeFigures(facts, ctx),
    afspraken: await appointmentsByPlace(db, p),
    referentieBron: ctx.bron,
    inGebruikSinds: await teamStartDate(db),
  }
}

/** Compares the dashboard with the per-case computation, figure by figure, for every period. */
async function expectSameFigures(t: T, periods: Period[]) {
  for (const p of periods) {
    const fast = await t.call('monitor.dashboard', p)
    const slow = await perCase(t.db, p)
    for (const key of Object.keys(slow) as (keyof MonitorDashboard)[])
      if (key !== 'breakdowns') expect(fast[key], `${p.van}..${p.tot} ${key}`).toEqual(slow[key])
    for (const b of slow.breakdowns)
      expect(
        fast.breakdowns.find((x) => x.key === b.key),
        `${p.van}..${p.tot} ${b.key}`,
      ).toEqual(b)
    expect(fast).toEqual(slow)
  }
}

async function dailyRows(t: T) {
  return (
    await sql<Record<string, unknown>>`select * from monitor_daily order by dag, tabel, groep`.execute(t.db)
  ).rows
}

/** The summary kept up to date change by change equals the summary built afresh. */
async function expectSameAsRebuilt(t: T) {
  await refreshFacts(t.db)
  const kept = await dailyRows(t)
  await sql`insert into monitor_dirty (kind, ref_id) values ('daily', 0)`.execute(t.db)
  await refreshFacts(t.db)
  expect(kept).toEqual(await dailyRows(t))
  expect(kept.length).toBeGreaterThan(0)
}

const ODD_BANDS = { leeftijdsgrenzen: [20, 33, 47, 70], bedraggrenzen: [95, 255, 1001, 3333] }

async function setBands(t: T, bands: { leeftijdsgrenzen: number[]; bedraggrenzen: number[] }) {
  const s = await t.call('monitor.settings', {})
  await t.call('monitor.saveSettings', settingsInput(s, bands))
}

function periodsBefore(today: string): Period[] {
  return [
    { van: addDays(today, -364), tot: today },
    { van: '2020-01-01', tot: today },
    { van: addDays(today, -40), tot: addDays(today, -10) },
    { van: addDays(today, -3), tot: addDays(today, -3) },
    { van: '2030-01-01', tot: '2030-12-31' },
  ]
}

describe('the daily summary gives exactly the per-case figures', () => {
  it('finds the median of a histogram as of the sorted values', () => {
    expect(histogramMedian(new Map())).toEqual({ mediaan: null, aantal: 0 })
    expect(histogramMedian(new Map([[4, 1]]))).toEqual({ mediaan: 4, aantal: 1 })
    expect(
      histogramMedian(
        new Map([
          [5, 1],
          [0, 1],
        ]),
      ),
    ).toEqual({ mediaan: 2.5, aantal: 2 })
    expect(
      histogramMedian(
        new Map([
          [9, 2],
          [1, 3],
          [3, 0],
        ]),
      ),
    ).toEqual({ mediaan: 1, aantal: 5 })
    expect(splitSteps([100, 255, 1001, 3333])).toEqual([250, 1000, 3330])
  })

  it('counts every case once when refreshes run at once and colleagues change cases meanwhile', async () => {
    // On PostgreSQL calls run side by side: the Monitor's refresh, an import's and the next
    // Monitor's can overlap, and attempts commit marks while they run.
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const cases: number[] = []
    for (let i = 0; i < 12; i++)
      cases.push(
        (
          await t.call(
            'signals.createManual',
            signal({ achternaam: `Telling${i}`, postcode: '6041 AB', huisnummer: String(i + 1) }),
          )
        ).caseId,
      )
    await refreshFacts(t.db)
    const markAll = insertOrIgnoreSql(
      dialectOf(t.db),
      'monitor_dirty',
      `(kind, ref_id) select 'zaak', id from vroegsignaalzaak`,
    )
    for (let round = 0; round < 3; round++) {
      await sql.raw(markAll).execute(t.db)
      await Promise.all([
        refreshFacts(t.db),
        refreshFacts(t.db),
        refreshFacts(t.db),
        ...cases.slice(round * 4, round * 4 + 4).map(async (caseId) =>
          t.call('ladder.logAttempt', {
            caseId,
            versie: (await t.call('dossier.get', { caseId })).versie,
            kanaal: 'telefoon',
            bereikt: round === 1,
            resultaat: 'Geen gehoor',
            notitie: '',
          }),
        ),
      ])
    }
    await expectSameAsRebuilt(t)
    const facts = await sql<{ n: number }>`select count(*) as n from monitor_case_fact`.execute(t.db)
    expect(Number(facts.rows[0]!.n)).toBe(cases.length)
    const attempts = await sql<{ n: number }>`select sum(pogingen) as n from monitor_case_fact`.execute(t.db)
    expect(Number(attempts.rows[0]!.n)).toBe(cases.length)
  }, 60_000)

  it('on the demo data, with the standard and with odd bands', async () => {
    const t = await testApp()
    await t.call('setup.loadDemo', {})
    const me = (await t.call('session.team', {})).find((m) => m.rol === 'kwaliteitsmedewerker')!
    await t.call('session.signIn', { userId: me.id, wachtwoord: DEMO_WACHTWOORD })
    const periods = periodsBefore(t.clock.today())
    await expectSameFigures(t, periods)
    await setBands(t, ODD_BANDS)
    await expectSameFigures(t, periods)
    await expectSameAsRebuilt(t)
  }, 60_000)

  it('on a randomized data set, through changes, frozen facts and deleted cases', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Fatima El Idrissi')
    const today = t.clock.today()
    const rnd = createRandom(20_261_106)
    const users = await t.db.selectFrom('app_user').select(['id']).orderBy('id').execute()
    const wijken = await t.db.selectFrom('wijk').select(['id']).orderBy('id').execute()
    await fillDb(t.db, {
      cases: 1500,
      signals: 2600,
      today,
      days: 500,
      ranges: await loadWijkRanges(t.db),
      consulenten: new Map(wijken.map((w) => [w.id, users.map((u) => u.id)])),
    })
    // Unknown birth dates and ages at the band edges come from the fill; add some unknown ones.
    await sql`update resident set geboortedatum = null where id % 13 = 0`.execute(t.db)
    const cases = (
      await t.db.selectFrom('vroegsignaalzaak').select(['id', 'datum_opgepakt']).orderBy('id').execute()
    ).map((c) => [c.id, c.datum_opgepakt] as const)
    const attempts = async (share: number) => {
      const rows: Insertable<ContactpogingTable>[] = []
      for (const [id, opened] of cases) {
        if (!rnd.chance(share)) continue
        for (let k = rnd.int(0, 5); k > 0; k--)
          rows.push({
            case_id: id,
            soort: rnd.pick(CONTACTSOORTEN),
            bereikt: rnd.chance(0.25) ? 1 : 0,
            datum: addDays(opened, rnd.int(-2, 30)),
            dagdeel: rnd.pick(DAGDELEN),
            resultaat: '',
            notitie: '',
            created_at: 'x',
          })
      }
      for (let i = 0; i < rows.length; i += 500)
        await t.db
          .insertInto('contactpoging')
          .values(rows.slice(i, i + 500))
          .execute()
    }
    await attempts(0.9)
    await setBands(t, ODD_BANDS)
    const periods = periodsBefore(today)
    await expectSameFigures(t, periods)

    // Changes by any path, a few at a time: the summary follows them.
    await attempts(0.05)
    const pick = (n: number) => Array.from({ length: n }, () => rnd.pick(cases)[0])
    for (const id of pick(40))
      await t.db
        .updateTable('vroegsignaalzaak')
        .set({ status: 'gesloten', is_open: 0, resultaat: rnd.pick(EINDRESULTATEN), gesloten_op: today })
        .where('id', '=', id)
        .execute()
    for (const id of pick(20))
      await t.db
        .updateTable('vroegsignaalzaak')
        .set({ datum_opgepakt: addDays(today, -rnd.int(0, 400)), wijk_id: null, consulent_id: null })
        .where('id', '=', id)
        .execute()
    for (const id of pick(30))
      await t.db
        .updateTable('vroegsignaal')
        .set({ partner_type: rnd.pick(['Huur', 'Water']), crisis: 1, bedrag_cents: rnd.int(0, 400_000) })
        .where('case_id', '=', id)
        .execute()
    await sql`update resident set geboortedatum = null where id % 17 = 0`.execute(t.db)
    await sql`delete from contactpoging where id % 23 = 0`.execute(t.db)
    await expectSameFigures(t, periods.slice(0, 3))
    await expectSameAsRebuilt(t)

    // Retention freezes the facts of some cases, then deletes them: they still count as they were.
    const gone = [...new Set(pick(25))]
    await refreshFacts(t.db)
    const before = await t.call('monitor.dashboard', periods[1]!)
    await t.db.updateTable('monitor_case_fact').set({ frozen: 1 }).where('case_id', 'in', gone).execute()
    await t.db.updateTable('monitor_signal_fact').set({ frozen: 1 }).where('case_id', 'in', gone).execute()
    await t.db.deleteFrom('contactpoging').where('case_id', 'in', gone).execute()
    await t.db.deleteFrom('vroegsignaal').where('case_id', 'in', gone).execute()
    await t.db.deleteFrom('vroegsignaalzaak').where('id', 'in', gone).execute()
    expect(await t.call('monitor.dashboard', periods[1]!)).toEqual(before)
    await expectSameFigures(t, periods.slice(0, 3))
    await expectSameAsRebuilt(t)

    await setBands(t, { leeftijdsgrenzen: [25, 35, 45, 55, 66], bedraggrenzen: [100, 250, 500, 1000, 2000] })
    await expectSameFigures(t, periods.slice(0, 3))
  }, 60_000)

  it('sums the facts of an existing database after the upgrade (migration 0007), frozen ones too', async () => {
    const { db, close } = openDatabase(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0006_audit_chain')).error).toBeUndefined()
    await sql`insert into monitor_case_fact (case_id, datum_opgepakt, opgepakt, partner_types, crisis, bedrag_euro,
        leeftijd, pogingen, soorten_mask, bereikt_mask, bereikt, eerste_contact_soort, eerste_contact_dagdeel,
        eerste_contact_datum, resultaat, frozen)
      values (7, '2026-03-02', 1, 'Huur', 0, 257, 41, 2, 1, 1, 1, 'Telefoon', 'Ochtend', '2026-03-05',
        'Vervolghulp en/of verwijzing financieel', 1)`.execute(db)
    await sql`insert into monitor_signal_fact (signal_id, case_id, signaaldatum, partner_type, uitkomst, frozen)
      values (9, 7, '2026-03-01', 'Huur', 'doorgezet', 1)`.execute(db)
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const d = await getDashboard(db, { van: '2026-01-01', tot: '2026-12-31' })
    expect(d).toMatchObject({
      ontvangen: 1,
      doorgezet: 1,
      opgepakt: 1,
      bereik: { teller: 1, noemer: 1 },
      hulp: { teller: 1, noemer: 1 },
      dagenTotContact: { mediaan: 3, aantal: 1 },
    })
    expect(d.breakdowns.find((b) => b.key === 'bedrag')!.rows.find((r) => r.key === '250-500')!.noemer).toBe(
      1,
    )
    await close()
  })
})
