import { describe, expect, it } from 'vitest'
import { ROERMOND_SETUP, TEST_WACHTWOORD, testApp } from '../../test/fixtures'
import { ALREADY_PASSWORDS, ONLY_BEHEERDER } from './upgrade'

type T = Awaited<ReturnType<typeof testApp>>

const NEW = 'een nieuw lang wachtwoord'

const idOf = async (t: T, naam: string) => (await t.call('session.team', {})).find((m) => m.naam === naam)!.id

/** A team as a database from before passwords leaves it: set up, then no hash for anyone. */
async function upgradedTeam(): Promise<T> {
  const t = await testApp()
  await t.call('setup.complete', ROERMOND_SETUP)
  await t.db.updateTable('app_user').set({ password_hash: null, password_must_change: 0 }).execute()
  return t
}

const trail = (t: T) =>
  t.db.selectFrom('audit_log').select(['user_id', 'action', 'entity_id', 'summary']).orderBy('id').execute()

describe('the first password after an upgrade from before passwords', () => {
  it('says so while nobody active has a password, and names the active beheerders', async () => {
    const t = await upgradedTeam()
    expect(await t.call('session.upgradeStatus', {})).toEqual({
      geenWachtwoorden: true,
      beheerders: [{ id: await idOf(t, 'Bert Smeets'), naam: 'Bert Smeets', rol: 'beheerder' }],
    })
  })

  it('lets the active beheerder set his own password, audited, and signs him in with it', async () => {
    const t = await upgradedTeam()
    const bert = await idOf(t, 'Bert Smeets')
    const before = (await trail(t)).length
    expect(await t.call('session.setFirstPassword', { userId: bert, nieuwWachtwoord: NEW })).toEqual({
      id: bert,
      naam: 'Bert Smeets',
      rol: 'beheerder',
    })
    expect((await t.call('app.status', {})).currentUser?.naam).toBe('Bert Smeets')
    // Working at once: a beheerder's own method answers.
    await t.call('session.settings', {})
    const added = (await trail(t)).slice(before)
    expect(added.map((e) => [e.user_id, e.action, e.entity_id])).toEqual([
      [bert, 'wachtwoord ingesteld', bert],
      [bert, 'aangemeld', null],
    ])
    expect(added[0]!.summary).toMatch(/nog geen wachtwoorden/)
    expect(JSON.stringify(added)).not.toContain(NEW)
    // The password is his, kept as a hash, and not a starting password.
    const row = await t.db
      .selectFrom('app_user')
      .select(['password_hash', 'password_must_change'])
      .where('id', '=', bert)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$scrypt\$/)
    expect(row.password_must_change).toBe(0)
    await t.call('session.signOut', {})
    expect(await t.call('session.signIn', { userId: bert, wachtwoord: NEW })).toMatchObject({
      moetWachtwoordKiezen: false,
    })
  })

  it('is refused once anyone active has a password, changing nothing', async () => {
    const t = await upgradedTeam()
    const bert = await idOf(t, 'Bert Smeets')
    await t.call('session.setFirstPassword', { userId: bert, nieuwWachtwoord: NEW })
    await t.call('session.signOut', {})
    expect(await t.call('session.upgradeStatus', {})).toEqual({ geenWachtwoorden: false, beheerders: [] })
    const before = await t.db.selectFrom('app_user').selectAll().orderBy('id').execute()
    const again = await t.raw('session.setFirstPassword', {
      userId: bert,
      nieuwWachtwoord: 'iets heel anders 9',
    })
    expect(again).toEqual({ ok: false, error: { code: 'conflict', message: ALREADY_PASSWORDS } })
    expect(await t.db.selectFrom('app_user').selectAll().orderBy('id').execute()).toEqual(before)
    expect(t.session.userId).toBeNull()
  })

  it('is refused on a database that had passwords all along (a normal set-up)', async () => {
    const t = await testApp()
    await t.call('setup.complete', ROERMOND_SETUP)
    const res = await t.raw('session.setFirstPassword', {
      userId: await idOf(t, 'Bert Smeets'),
      nieuwWachtwoord: NEW,
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } })
    // Bert's own password still opens it; the refused call replaced nothing.
    await t.call('session.signIn', { userId: await idOf(t, 'Bert Smeets'), wachtwoord: TEST_WACHTWOORD })
  })

  it('only counts active colleagues: an inactive one with a password does not close it', async () => {
    const t = await upgradedTeam()
    await t.db
      .updateTable('app_user')
      .set({ actief: 0, password_hash: '$scrypt$ln=10,r=8,p=1$AAAA$AAAA' })
      .where('naam', '=', 'Anouk Peeters')
      .execute()
    expect((await t.call('session.upgradeStatus', {})).geenWachtwoorden).toBe(true)
  })

  it('is refused for a consulent or kwaliteitsmedewerker, and for an unknown or inactive person', async () => {
    const t = await upgradedTeam()
    const before = (await trail(t)).length
    for (const naam of ['Anouk Peeters', 'Fatima El Idrissi'])
      expect(
        await t.raw('session.setFirstPassword', { userId: await idOf(t, naam), nieuwWachtwoord: NEW }),
      ).toEqual({ ok: false, error: { code: 'forbidden', message: ONLY_BEHEERDER } })
    expect(await t.raw('session.setFirstPassword', { userId: 9999, nieuwWachtwoord: NEW })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const bert = await idOf(t, 'Bert Smeets')
    await t.db.updateTable('app_user').set({ actief: 0 }).where('id', '=', bert).execute()
    expect(await t.raw('session.setFirstPassword', { userId: bert, nieuwWachtwoord: NEW })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    // No active beheerder left: the screen is told so (and points to the command line).
    expect(await t.call('session.upgradeStatus', {})).toEqual({ geenWachtwoorden: true, beheerders: [] })
    expect(
      await t.db.selectFrom('app_user').select('id').where('password_hash', 'is not', null).execute(),
    ).toEqual([])
    expect((await trail(t)).length).toBe(before)
    expect(t.session.userId).toBeNull()
  })

  it('applies the password rules everywhere else applies, per field', async () => {
    const t = await upgradedTeam()
    const bert = await idOf(t, 'Bert Smeets')
    expect(await t.raw('session.setFirstPassword', { userId: bert, nieuwWachtwoord: 'kort' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { nieuwWachtwoord: expect.stringMatching(/minstens 10/) } },
    })
    expect(
      await t.raw('session.setFirstPassword', { userId: bert, nieuwWachtwoord: 'bert smeets 2026' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { nieuwWachtwoord: expect.stringMatching(/eigen naam/) } },
    })
    expect((await t.call('session.upgradeStatus', {})).geenWachtwoorden).toBe(true)
  })
})
