import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { octoberTeam, OCTOBER, ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { buildDdasDelivery } from '../monitor/ddas'
import { verifyAuditChain } from '../audit/repository'
import { takeInSignal } from '../signals/service'
import { TABLE_HANDLING } from './erase'
import { monthsBefore } from './periods'
import { previewPurge, runPurge } from './purge'
import { tableNames } from '../../test/fixtures'

type Team = Awaited<ReturnType<typeof octoberTeam>>

const PERIODS = [
  { van: '2026-09-01', tot: '2026-09-30' },
  OCTOBER,
  { van: '2026-11-01', tot: '2026-11-30' },
  { van: '2026-01-01', tot: '2026-12-31' },
]

/** Every figure of the dashboard and the DDAS delivery (without names and signal numbers) per period. */
async function allFigures(t: Team['t']) {
  const out: Record<string, unknown> = {}
  for (const p of PERIODS) {
    out[`monitor ${p.van}`] = await t.call('monitor.dashboard', p)
    // v0.9 keeps a signal whose personal data were deleted (empty client); v1.2 cannot (ddas-format.ts).
    const lev = (await buildDdasDelivery(t.db, p, '2030-01-01T00:00:00.000Z', '0.9')).file.leveringen[0]!
    out[`ddas ${p.van}`] = {
      signalen: lev.vroegsignalen.length,
      zaken: lev.vroegsignaalzaken.length,
      signaalInhoud: lev.vroegsignalen.map(({ ID: _id, client: _c, ...rest }) => JSON.stringify(rest)).sort(),
      zaakInhoud: lev.vroegsignaalzaken
        .map((z) => JSON.stringify({ ...z, vroegsignalen: (z.vroegsignalen as unknown[]).length }))
        .sort(),
    }
  }
  return out
}

/** A richer October: a signal not followed up, and notes, a visit, a walk-in and a letter on case B. */
async function richTeam() {
  const team = await octoberTeam()
  const { t, ids } = team
  const ctx = { at: '2026-11-10T09:00:00.000Z', today: '2026-11-10', userId: null }
  await t.db.transaction().execute((trx) =>
    takeInSignal(
      trx,
      ctx,
      {
        externId: 'VPS-N',
        bron: 'handmatig',
        partnerType: 'Zorg',
        partnerNaam: 'CZ',
        bedragCents: 3000,
        ontstaansdatum: null,
        signaaldatum: '2026-11-09',
        crisis: false,
        warmeOverdracht: false,
      },
      {
        voorletters: 'N.',
        tussenvoegsel: '',
        achternaam: 'Nooit',
        geboortedatum: '1990-01-01',
        telefoon: '',
        email: '',
        bsn: '',
      },
      { straat: 'Markt', huisnummer: 5, toevoeging: '', postcode: '6041NN', plaats: 'Roermond' },
      { notFollowed: 'Niet opgepakt: onterecht signaal' },
    ),
  )
  const B = ids.B
  await t.db
    .insertInto('note')
    .values({ case_id: B, tekst: 'Mevrouw Bos belt terug', created_at: ctx.at, created_by: null })
    .execute()
  await t.db
    .insertInto('huisbezoek')
    .values({
      case_id: B,
      wijk_id: null,
      datum: '2026-10-09',
      tijd: '10:00',
      consulent_id: null,
      duo_user_id: null,
      duo_partner_id: null,
      afmelden_voor: '2026-10-08',
      status: 'afgelegd',
      uitkomst: 'thuis',
      afmelding_via: null,
      afmelding_op: null,
      created_at: ctx.at,
      created_by: null,
    })
    .execute()
  const { id: sessie } = await t.db
    .insertInto('walkin_sessie')
    .values({ datum: '2026-10-13', created_at: ctx.at, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('walkin_bezoek')
    .values({
      sessie_id: sessie,
      case_id: B,
      tijd: '09:30',
      nieuwe_zaak: 0,
      wat_speelt: 'Zorgpremie',
      rekeningen: 'CZ',
      urgentie: 'geen',
      urgentie_datum: null,
      vervolgstap: '',
      created_at: ctx.at,
      created_by: null,
    })
    .execute()
  const template = await t.db.selectFrom('document_template').select('id').executeTakeFirstOrThrow()
  await t.db
    .insertInto('print_item')
    .values({
      case_id: B,
      template_id: template.id,
      status: 'gedrukt',
      bezoek_datum: null,
      bezoek_van: null,
      bezoek_tot: null,
      collega_id: null,
      partner_contact_id: null,
      afmeld_datum: null,
      consulent_id: null,
      batch_id: null,
      template_version_id: null,
      values_json: JSON.stringify({ naam: 'Mevrouw Bos', adres: 'Kapellerlaan 12' }),
      printed_at: ctx.at,
      sent_on: null,
      contactpoging_id: null,
      created_at: ctx.at,
      created_by: null,
    })
    .execute()
  const s = await t.call('monitor.settings', {})
  await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))
  return team
}

const caseIdsLeft = async (t: Team['t']) =>
  (await t.db.selectFrom('vroegsignaalzaak').select('id').orderBy('id').execute()).map((r) => r.id)

async function purgeOn(t: Team['t'], today: string) {
  t.clock.set(`${today}T09:00:00.000Z`)
  return runPurge(t.db, { at: t.clock.now(), today, userId: null }, 'automatisch')
}

describe('retention periods', () => {
  it('counts whole calendar months back, clamping the day', () => {
    expect(monthsBefore('2027-04-22', 6)).toBe('2026-10-22')
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28')
    expect(monthsBefore('2028-03-31', 18)).toBe('2026-09-30')
    expect(monthsBefore('2026-01-15', 120)).toBe('2016-01-15')
  })
})

describe('the retention purge', () => {
  it('deletes exactly what expired, per period, and keeps every monitor figure and DDAS count', async () => {
    const { t, ids } = await richTeam()
    const before = await allFigures(t)
    const all = await caseIdsLeft(t)
    const loose = async () =>
      Number(
        (
          await t.db
            .selectFrom('vroegsignaal')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('case_id', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await loose()).toBe(1)

    // Not followed up, 6 months: F was closed as "niet opgepakt" on 22-10-2026.
    expect((await purgeOn(t, '2027-04-22')).totaal).toBe(0) // the last day inside the period
    expect(await caseIdsLeft(t)).toEqual(all)
    const f = await purgeOn(t, '2027-04-23')
    expect(f.aantallen).toMatchObject({ zaken: 1, signalen: 1, bewoners: 1, huishoudens: 1 })
    expect(await caseIdsLeft(t)).toEqual(all.filter((id) => id !== ids.F))
    expect(await loose()).toBe(1) // the loose signal came in on 10-11-2026
    expect((await purgeOn(t, '2027-05-10')).totaal).toBe(0)
    expect((await purgeOn(t, '2027-05-11')).aantallen).toMatchObject({ signalen: 1, zaken: 0, bewoners: 1 })
    expect(await loose()).toBe(0)

    // Closed without help, 12 months: B on 09-10-2026 (with its note, visit, walk-in, letter), D on 30-10-2026.
    expect((await purgeOn(t, '2027-10-09')).totaal).toBe(0)
    const b = await purgeOn(t, '2027-10-10')
    expect(b.aantallen).toMatchObject({
      zaken: 1,
      signalen: 3,
      contactpogingen: 1,
      notities: 1,
      huisbezoeken: 1,
      inloopbezoeken: 1,
      documenten: 1,
    })
    expect(await caseIdsLeft(t)).toEqual(all.filter((id) => ![ids.F, ids.B].includes(id)))
    await purgeOn(t, '2027-10-31')
    expect(await caseIdsLeft(t)).not.toContain(ids.D)
    expect(await caseIdsLeft(t)).toContain(ids.A) // with help: 18 months

    // Closed with help, 18 months: E on 30-09-2026, A on 20-10-2026. Open cases C and G never expire.
    expect((await purgeOn(t, '2028-03-31')).totaal).toBe(0)
    await purgeOn(t, '2028-04-01')
    expect(await caseIdsLeft(t)).toEqual([ids.A, ids.C, ids.G].sort((x, y) => x - y))
    await purgeOn(t, '2028-04-21')
    expect(await caseIdsLeft(t)).toEqual([ids.C, ids.G].sort((x, y) => x - y))
    await purgeOn(t, '2040-01-01')
    expect(await caseIdsLeft(t)).toEqual([ids.C, ids.G].sort((x, y) => x - y))

    // Nothing of the deleted people is left anywhere but in the anonymous facts.
    const residents = await t.db.selectFrom('resident').select('achternaam').orderBy('achternaam').execute()
    expect(residents.map((r) => r.achternaam)).toEqual(['Claessens', 'Geelen'])
    const problems = await t.db.selectFrom('note').selectAll().execute()
    expect(problems).toHaveLength(0)

    expect(await allFigures(t)).toEqual(before)
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
    const runs = await t.db.selectFrom('retention_run').select('total').execute()
    expect(runs.length).toBe(11)
  })

  it('previews exactly what the purge then deletes, and the preview deletes nothing', async () => {
    const { t } = await richTeam()
    t.clock.set('2027-10-31T09:00:00.000Z')
    const plan = await previewPurge(t.db, '2027-10-31')
    expect(plan.aantallen).toMatchObject({ zaken: 3, signalen: 6 }) // F, B (3 signals), D + the loose one
    expect(plan.termijnen.find((x) => x.soort === 'zonderHulp')).toMatchObject({
      zaken: 2,
      grens: '2026-10-31',
    })
    expect((await caseIdsLeft(t)).length).toBe(7)
    const run = await runPurge(t.db, { at: t.clock.now(), today: '2027-10-31', userId: null }, 'handmatig')
    expect(run.aantallen).toEqual(plan.aantallen)
  })

  it('leaves everything as it was when the run fails part-way', async () => {
    const { t } = await richTeam()
    const tables = await tableNames(t.db, { kysely: true })
    const dump = async () => {
      const out: Record<string, unknown[]> = {}
      for (const name of tables)
        out[name] = (await sql`select * from ${sql.table(name)} order by 1`.execute(t.db)).rows
      return out
    }
    await t.call('monitor.dashboard', OCTOBER) // facts up to date, so the dump compares like with like
    const before = await dump()
    t.clock.set('2040-01-01T09:00:00.000Z')
    await expect(
      runPurge(t.db, { at: t.clock.now(), today: '2040-01-01', userId: null }, 'handmatig', {
        beforeCommit: () => {
          throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    expect(await dump()).toEqual(before)
  })

  it('has decided, for every table in the database, what happens to it', async () => {
    const { t } = await octoberTeam()
    const tables = await tableNames(t.db)
    expect(tables.filter((n) => !(n in TABLE_HANDLING))).toEqual([])
  })
})
