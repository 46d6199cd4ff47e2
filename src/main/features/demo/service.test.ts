import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { addDays } from '@shared/format/dates'
import { EINDRESULTATEN, CONTACTSOORTEN, DAGDELEN } from '@shared/domain/ddas'
import { setUpTeam, signal, testApp } from '../../test/fixtures'
import { EXPORT_TABLES, SEEDED_TABLES } from '../../db/export/tables'
import { verifyAuditChain } from '../audit/repository'
import { DEMO_WACHTWOORD } from './password'
import { loadDemoData } from './service'

type T = Awaited<ReturnType<typeof testApp>>

async function loadedApp(): Promise<T> {
  const t = await testApp()
  const status = await t.call('setup.loadDemo', {})
  expect(status.setupDone).toBe(true)
  expect(status.demo).toBe(true)
  expect(status.gemeenteNaam).toBe('Roermond')
  return t
}

async function signIn(t: T, naam: string) {
  const me = (await t.call('session.team', {})).find((m) => m.naam === naam)!
  await t.call('session.signIn', { userId: me.id, wachtwoord: DEMO_WACHTWOORD })
}

async function allCases(t: T) {
  const rows = []
  for (let page = 1; ; page++) {
    const p = await t.call('caseload.list', { status: 'alle', pageSize: 200, page })
    rows.push(...p.rows)
    if (rows.length >= p.total) return rows
  }
}

describe('demo data', () => {
  // How fast it loads is not asserted here (a timed unit test fails on a busy machine).
  it('fills an empty database with a realistic month for Roermond', async () => {
    const t = await loadedApp()
    const today = t.clock.today()
    const monthAgo = addDays(today, -31)

    const settings = await t.db.selectFrom('app_user').select(['naam', 'rol']).execute()
    expect(settings.filter((u) => u.rol === 'consulent')).toHaveLength(3)
    expect(settings.filter((u) => u.rol === 'kwaliteitsmedewerker')).toHaveLength(1)
    expect(settings.filter((u) => u.rol === 'beheerder')).toHaveLength(1)
    const wijken = await t.db.selectFrom('wijk').select('naam').execute()
    expect(wijken.map((w) => w.naam)).toEqual(
      expect.arrayContaining(['Centrum', "Kapel in 't Zand", 'Donderberg', 'Swalmen']),
    )

    const recent = await t.db
      .selectFrom('vroegsignaal')
      .select([
        'household_id',
        'partner_type',
        'crisis',
        'warme_overdracht',
        'bedrag_cents',
        'is_demo',
        'signaaldatum',
      ])
      .where('signaaldatum', '>=', monthAgo)
      .execute()
    expect(recent.length).toBeGreaterThanOrEqual(280)
    expect(recent.length).toBeLessThanOrEqual(320)
    expect(recent.every((s) => s.signaaldatum < today)).toBe(true)
    // Partner mix: health insurers most, then rent and energy; some crisis signals and warm handovers
    const byType = (type: string) => recent.filter((s) => s.partner_type === type).length
    expect(byType('Zorg')).toBeGreaterThan(byType('Huur'))
    expect(byType('Huur')).toBeGreaterThan(byType('Water'))
    expect(byType('Energie')).toBeGreaterThan(byType('CAK Zorgverzekeringen'))
    expect(recent.some((s) => s.crisis === 1 && s.partner_type === 'Energie')).toBe(true)
    expect(recent.filter((s) => s.warme_overdracht === 1).length).toBeGreaterThan(3)
    // Amounts mostly between 100 and 2,000 euro
    const inBand = recent.filter((s) => s.bedrag_cents >= 10_000 && s.bedrag_cents <= 200_000).length
    expect(inBand / recent.length).toBeGreaterThan(0.75)

    // Meervoudig: about 15% of addresses have several signals this month
    const perHousehold = new Map<number, number>()
    for (const s of recent) perHousehold.set(s.household_id, (perHousehold.get(s.household_id) ?? 0) + 1)
    const several = [...perHousehold.values()].filter((n) => n > 1).length
    expect(several).toBeGreaterThan(0)
    expect(several / perHousehold.size).toBeGreaterThan(0.08)
    expect(several / perHousehold.size).toBeLessThan(0.25)

    // Everything is marked as demo, and the load is in the audit trail once
    const notDemo = await t.db
      .selectFrom('vroegsignaalzaak')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_demo', '=', 0)
      .executeTakeFirstOrThrow()
    expect(Number(notDemo.n)).toBe(0)
    expect(
      (await t.db.selectFrom('vroegsignaal').select('id').where('is_demo', '=', 0).execute()).length,
    ).toBe(0)
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'demo geladen')
      .execute()
    expect(audit).toHaveLength(1)

    // Every open case lies in a wijk and has a consulent
    const orphans = await t.db
      .selectFrom('vroegsignaalzaak')
      .select('id')
      .where('is_open', '=', 1)
      .where((eb) => eb.or([eb('wijk_id', 'is', null), eb('consulent_id', 'is', null)]))
      .execute()
    expect(orphans).toHaveLength(0)
  })

  it('has about 40 earlier closed cases with DDAS end results and contact attempts', async () => {
    const t = await loadedApp()
    const today = t.clock.today()
    const earlier = await t.db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'datum_opgepakt', 'resultaat', 'gesloten_op', 'status'])
      .where('is_open', '=', 0)
      .where('datum_opgepakt', '<', addDays(today, -55))
      .execute()
    expect(earlier.length).toBeGreaterThanOrEqual(35)
    expect(earlier.length).toBeLessThanOrEqual(45)
    for (const c of earlier) {
      expect(c.status).toBe('gesloten')
      expect(EINDRESULTATEN).toContain(c.resultaat)
      expect(c.datum_opgepakt >= addDays(today, -366)).toBe(true)
      expect(c.gesloten_op! >= c.datum_opgepakt).toBe(true)
      expect(c.gesloten_op! < addDays(today, -31)).toBe(true)
    }
    const attempts = await t.db.selectFrom('contactpoging').selectAll().execute()
    expect(attempts.length).toBeGreaterThan(40)
    for (const a of attempts) {
      expect(CONTACTSOORTEN).toContain(a.soort)
      expect(DAGDELEN).toContain(a.dagdeel)
      expect(a.datum <= today).toBe(true)
    }
    expect(attempts.some((a) => a.soort === 'Kaartje')).toBe(true)
    expect(attempts.some((a) => a.bereikt === 1)).toBe(true)
  })

  it('shows "eerder bekend" in the dossier, by address and by person, with realistic names', async () => {
    const t = await loadedApp()
    // The cases below lie in every wijk: the kwaliteitsmedewerker may open them all.
    await signIn(t, 'Marloes Hendrikx')
    const withHistory = await sql<{ id: number }>`
      select z.id from vroegsignaalzaak z
      where z.is_open = 1 and exists (select 1 from vroegsignaalzaak e where e.household_id = z.household_id and e.is_open = 0)
      order by z.id`.execute(t.db)
    expect(withHistory.rows.length).toBeGreaterThan(20)
    const dossier = await t.call('dossier.get', { caseId: withHistory.rows[0]!.id })
    expect(dossier.eerderBekend.length).toBeGreaterThan(0)
    expect(dossier.eerderBekend[0]!.reden).toBe('adres')
    expect(dossier.eerderBekend[0]!.resultaat).not.toBeNull()

    // Someone who moved is recognised at the new address by surname and birth date
    const movers = await sql<{ id: number }>`
      select distinct z.id from vroegsignaalzaak z
      join resident r on r.household_id = z.household_id
      join resident o on o.achternaam_key = r.achternaam_key and o.geboortedatum = r.geboortedatum and o.household_id != r.household_id
      join vroegsignaalzaak e on e.household_id = o.household_id and e.is_open = 0
      where z.is_open = 1 order by z.id`.execute(t.db)
    expect(movers.rows.length).toBeGreaterThan(0)
    const moved = await t.call('dossier.get', { caseId: movers.rows[0]!.id })
    expect(moved.eerderBekend.some((e) => e.reden === 'persoon')).toBe(true)

    const names = (await allCases(t)).map((r) => r.naam)
    expect(names.some((n) => / van der /.test(n))).toBe(true)
    expect(names.some((n) => / (van den|van|de|in 't) [A-Z]/.test(n))).toBe(true)
    expect(names.some((n) => /Çelik|Müller|Kreß|Gülşen|Hoëlle|Şahin|Öztürk|Yılmaz/.test(n))).toBe(true)
    expect(names.some((n) => /El [A-Z]/.test(n))).toBe(true)
    // Search finds diacritics without them (a household shows under its first resident's name)
    for (const [typed, real] of [
      ['Celik', 'Çelik'],
      ['Yilmaz', 'Yılmaz'],
      ['Kress', 'Kreß'],
      ["in 't Zandt", 'Zandt'],
    ] as const) {
      const found = await t.call('caseload.list', { status: 'alle', zoek: typed })
      expect(found.rows.some((r) => r.naam.includes(real))).toBe(true)
    }
    // Initials outside Latin-1 ("Ş.", "Ł.") are kept
    const noInitials = await t.db.selectFrom('resident').select('id').where('voorletters', '=', '').execute()
    expect(noInitials).toHaveLength(0)
  })

  it('plans every open case through the ladder: a realistic Vandaag, most steps ahead', async () => {
    const t = await loadedApp()
    const today = t.clock.today()
    for (const naam of ['Anouk Peeters', 'Sem Janssen', 'Yasmina Bouzid']) {
      await signIn(t, naam)
      const view = await t.call('ladder.today', {})
      const items = view.groepen.flatMap((g) => g.items)
      expect(view.totaal).toBe(items.length)
      expect(items.filter((i) => i.datum === today).length).toBeGreaterThan(0)
      expect(view.telaat).toBeLessThan(view.totaal / 3)
      // Overdue means a working day or two, not weeks
      for (const i of items.filter((x) => x.telaat)) expect(i.datum >= addDays(today, -5)).toBe(true)
    }
    const open = await t.db
      .selectFrom('vroegsignaalzaak')
      .select(['plan_stap', 'plan_datum'])
      .where('is_open', '=', 1)
      .execute()
    const ahead = open.filter((c) => c.plan_datum! > today).length
    expect(ahead / open.length).toBeGreaterThan(0.5)
    // The plans are the planner's: cases with attempts have moved past the first call
    expect(open.filter((c) => c.plan_stap !== null && c.plan_stap !== 'bellen').length).toBeGreaterThan(50)
    // Attempts carry the app's channel and a short result
    const bare = await t.db.selectFrom('contactpoging').select('id').where('kanaal', '=', '').execute()
    expect(bare).toHaveLength(0)
  })

  it('gives the same data on every load', async () => {
    const a = await loadedApp()
    const b = await loadedApp()
    await signIn(a, 'Marloes Hendrikx')
    await signIn(b, 'Marloes Hendrikx')
    const ra = await allCases(a)
    const rb = await allCases(b)
    expect(ra.length).toBeGreaterThan(250)
    expect(rb).toEqual(ra)
    const signals = (t: T) => t.db.selectFrom('vroegsignaal').selectAll().orderBy('id').execute()
    expect(await signals(b)).toEqual(await signals(a))
    const people = (t: T) => t.db.selectFrom('resident').selectAll().orderBy('id').execute()
    expect(await people(b)).toEqual(await people(a))
  })

  it('writes the same rows on the store under test as on SQLite, and the database goes on from there', async () => {
    // On PostgreSQL the month is made on a scratch SQLite database and copied in (demo/copy.ts).
    const a = await loadedApp()
    const b = await testApp(undefined, 'sqlite')
    await b.call('setup.loadDemo', {})
    const seeded = new Set<string>(SEEDED_TABLES)
    const rows = async (t: T, table: (typeof EXPORT_TABLES)[number]) => {
      const order = (table.key ?? ['1']).map((c) => sql.raw(c))
      const all = (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table.name)} order by ${sql.join(order)}`.execute(t.db)
      ).rows
      // A seed row keeps the moment its own database was migrated; a password hash has its own salt.
      return all.map(({ created_at: c, updated_at: u, password_hash: _p, ...rest }) =>
        seeded.has(table.name) ? rest : { ...rest, created_at: c, updated_at: u },
      )
    }
    for (const table of EXPORT_TABLES) expect(await rows(a, table), table.name).toEqual(await rows(b, table))
    expect((await verifyAuditChain(a.db)).ok).toBe(true)

    // The id counters went along: the next case gets the same id and number on both.
    for (const t of [a, b]) await signIn(t, 'Anouk Peeters')
    const next = await Promise.all([a, b].map((t) => t.call('signals.createManual', signal())))
    expect(next[0]).toEqual(next[1])
    await a.app.close()
    await b.app.close()
  })

  it('refuses a database that is already set up, and changes nothing', async () => {
    const t = await testApp()
    await setUpTeam(t)
    await t.call('signals.createManual', (await import('../../test/fixtures')).signal())
    const before = await t.db.selectFrom('vroegsignaalzaak').select('id').execute()
    const res = await t.raw('setup.loadDemo', {})
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('conflict')
      expect(res.error.message).toMatch(/lege database/)
    }
    await expect(loadDemoData(t.db, t.clock)).rejects.toThrow(/al ingesteld/)
    expect(await t.db.selectFrom('vroegsignaalzaak').select('id').execute()).toEqual(before)
    expect((await t.call('app.status', {})).demo).toBe(false)
  })

  it('refuses a second load', async () => {
    const t = await loadedApp()
    const count = async () => (await t.db.selectFrom('vroegsignaal').select('id').execute()).length
    const n = await count()
    const res = await t.raw('setup.loadDemo', {})
    expect(res.ok).toBe(false)
    expect(await count()).toBe(n)
  })
})
