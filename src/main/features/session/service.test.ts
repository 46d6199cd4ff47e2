import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../app/create-app'
import { generateKey } from '../keys/key'
import { createSession } from '../../app/context'
import { fixedClock } from '../../lib/clock'
import {
  ROERMOND_SETUP,
  setUpTeam,
  signInAs,
  START_WACHTWOORD,
  TEST_PASSWORD_PARAMS,
  TEST_WACHTWOORD,
  testApp,
} from '../../test/fixtures'
import { NO_PASSWORD, setStartPasswordFromCli, WRONG } from './service'

type T = Awaited<ReturnType<typeof testApp>>

const idOf = async (t: T, naam: string) => (await t.call('session.team', {})).find((m) => m.naam === naam)!.id

async function trail(t: T) {
  return t.db.selectFrom('audit_log').select(['user_id', 'action', 'summary']).orderBy('id').execute()
}

describe('set-up creates the first beheerder with a password', () => {
  it('signs the beheerder in with that password; colleagues have none until the beheerder gives one', async () => {
    const t = await testApp()
    await t.call('setup.complete', ROERMOND_SETUP)
    const bert = await idOf(t, 'Bert Smeets')
    const row = await t.db
      .selectFrom('app_user')
      .select(['password_hash', 'password_must_change'])
      .where('id', '=', bert)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$scrypt\$/)
    expect(row.password_hash).not.toContain(TEST_WACHTWOORD)
    expect(row.password_must_change).toBe(0)
    expect(await t.call('session.signIn', { userId: bert, wachtwoord: TEST_WACHTWOORD })).toMatchObject({
      naam: 'Bert Smeets',
      moetWachtwoordKiezen: false,
    })
    expect((await t.call('app.status', {})).currentUser?.naam).toBe('Bert Smeets')
    await t.call('session.signOut', {})
    const anouk = await t.raw('session.signIn', {
      userId: await idOf(t, 'Anouk Peeters'),
      wachtwoord: 'wat dan ook',
    })
    expect(anouk).toEqual({ ok: false, error: { code: 'forbidden', message: NO_PASSWORD } })
  })

  it.each([
    [
      'no beheerder in the team',
      { medewerkers: ROERMOND_SETUP.medewerkers.slice(0, 3) },
      'medewerkers',
      /beheerder/,
    ],
    [
      'a person who is no beheerder',
      { beheerder: { naam: 'Anouk Peeters', wachtwoord: TEST_WACHTWOORD } },
      'beheerder.naam',
      /Kies jezelf/,
    ],
    [
      'nobody chosen',
      { beheerder: { naam: '', wachtwoord: TEST_WACHTWOORD } },
      'beheerder.naam',
      /Kies wie jij bent/,
    ],
    [
      'a short password',
      { beheerder: { naam: 'Bert Smeets', wachtwoord: 'kort' } },
      'beheerder.wachtwoord',
      /minstens 10/,
    ],
    [
      'the own name',
      { beheerder: { naam: 'Bert Smeets', wachtwoord: 'bertsmeets1' } },
      'beheerder.wachtwoord',
      /eigen naam/,
    ],
  ])('refuses a set-up with %s', async (_what, change, field, message) => {
    const t = await testApp()
    const res = await t.raw('setup.complete', { ...ROERMOND_SETUP, ...change })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.fields?.[field]).toMatch(message)
    expect((await t.call('app.status', {})).setupDone).toBe(false)
  })
})

describe('sign-in', () => {
  it('gives one message for a wrong password and an unknown name, and logs every attempt', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Bert Smeets')
    await t.call('session.signOut', {})
    const bert = await idOf(t, 'Bert Smeets')
    const wrong = await t.raw('session.signIn', { userId: bert, wachtwoord: 'niet het goede wachtwoord' })
    const unknown = await t.raw('session.signIn', { userId: 999, wachtwoord: TEST_WACHTWOORD })
    expect(wrong).toEqual({ ok: false, error: { code: 'forbidden', message: WRONG } })
    expect(unknown).toEqual(wrong)
    expect(t.session.userId).toBeNull()
    await t.call('session.signIn', { userId: bert, wachtwoord: TEST_WACHTWOORD })
    const actions = (await trail(t)).map((e) => e.action)
    expect(actions.slice(-4)).toEqual(['afgemeld', 'aanmelden mislukt', 'aanmelden mislukt', 'aangemeld'])
  })

  it('blocks a name for 60 s after 5 wrong passwords, also after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-auth-'))
    try {
      const clock = fixedClock('2026-11-10T09:30:00.000Z')
      const key = generateKey()
      const open = () => createApp({ dataDir: dir, key, clock, passwordParams: TEST_PASSWORD_PARAMS })
      let app = await open()
      const session = createSession()
      await app.dispatcher.call(session, 'setup.complete', ROERMOND_SETUP)
      const team = (await app.dispatcher.call(session, 'session.team', {})) as {
        ok: true
        value: { id: number; naam: string }[]
      }
      const bert = team.value.find((m) => m.naam === 'Bert Smeets')!.id
      const attempt = (wachtwoord: string) =>
        app.dispatcher.call(createSession(), 'session.signIn', { userId: bert, wachtwoord })
      for (let i = 0; i < 4; i++)
        expect(await attempt('fout wachtwoord ' + i)).toMatchObject({ error: { message: WRONG } })
      const fifth = await attempt('fout wachtwoord 5')
      expect(fifth).toMatchObject({ ok: false, error: { message: /Wacht nog 60 seconden/ } })
      // The right password does not help while blocked, and a restart does not lift the block.
      expect(await attempt(TEST_WACHTWOORD)).toMatchObject({
        ok: false,
        error: { message: /Wacht nog 60 seconden/ },
      })
      await app.close()
      app = await open()
      clock.set('2026-11-10T09:30:45.000Z')
      expect(await attempt(TEST_WACHTWOORD)).toMatchObject({
        ok: false,
        error: { message: /Wacht nog 15 seconden/ },
      })
      clock.set('2026-11-10T09:31:01.000Z')
      expect(await attempt(TEST_WACHTWOORD)).toMatchObject({ ok: true, value: { naam: 'Bert Smeets' } })
      // A good sign-in starts the count again.
      for (let i = 0; i < 4; i++) await attempt('fout wachtwoord ' + i)
      expect(await attempt(TEST_WACHTWOORD)).toMatchObject({ ok: true })
      await app.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('starting passwords', () => {
  it('lets a colleague in only to choose their own password, which then replaces the starting one', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Bert Smeets')
    const anouk = await idOf(t, 'Anouk Peeters')
    await t.call('session.setStartPassword', { userId: anouk, wachtwoord: 'welkom bij het team' })
    expect((await trail(t)).at(-1)).toMatchObject({
      action: 'wachtwoord ingesteld',
      summary: 'Startwachtwoord ingesteld voor Anouk Peeters',
    })
    await t.call('session.signOut', {})

    const first = await t.call('session.signIn', { userId: anouk, wachtwoord: 'welkom bij het team' })
    expect(first.moetWachtwoordKiezen).toBe(true)
    // Not signed in yet: the starting password opens nothing else.
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })

    const choose = (nieuwWachtwoord: string) =>
      t.raw('session.choosePassword', { userId: anouk, wachtwoord: 'welkom bij het team', nieuwWachtwoord })
    expect(await choose('welkom bij het team')).toMatchObject({
      error: { fields: { nieuwWachtwoord: /ander wachtwoord/ } },
    })
    expect(await choose('anouk-2026-abc')).toMatchObject({
      error: { fields: { nieuwWachtwoord: /eigen naam/ } },
    })
    expect(await choose('kort')).toMatchObject({ error: { fields: { nieuwWachtwoord: /minstens 10/ } } })
    expect(
      await t.raw('session.choosePassword', {
        userId: anouk,
        wachtwoord: 'geraden',
        nieuwWachtwoord: 'mijn eigen zin',
      }),
    ).toMatchObject({
      error: { message: WRONG },
    })
    expect(await choose('mijn eigen zin hier')).toMatchObject({ ok: true, value: { naam: 'Anouk Peeters' } })
    expect((await t.call('app.status', {})).currentUser?.naam).toBe('Anouk Peeters')
    expect((await trail(t)).slice(-2).map((e) => e.action)).toEqual(['wachtwoord gewijzigd', 'aangemeld'])

    await t.call('session.signOut', {})
    expect(await t.raw('session.signIn', { userId: anouk, wachtwoord: 'welkom bij het team' })).toMatchObject(
      { error: { message: WRONG } },
    )
    expect(
      await t.call('session.signIn', { userId: anouk, wachtwoord: 'mijn eigen zin hier' }),
    ).toMatchObject({ moetWachtwoordKiezen: false })
  })

  it("a reset by the beheerder ends the colleague's open session", async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const anoukSession = { ...t.session }
    const anouk = anoukSession.userId!
    await signInAs(t, 'Bert Smeets')
    await t.call('session.setStartPassword', { userId: anouk, wachtwoord: START_WACHTWOORD + '-nieuw' })
    const res = await t.app.dispatcher.call(anoukSession, 'caseload.list', {})
    expect(res).toMatchObject({ ok: false, error: { code: 'not_signed_in', message: /opnieuw ingesteld/ } })
    expect(anoukSession.userId).toBeNull()
  })

  it('is for the beheerder only, and not for their own password', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Fatima El Idrissi')
    const anouk = await idOf(t, 'Anouk Peeters')
    expect(
      await t.raw('session.setStartPassword', { userId: anouk, wachtwoord: 'welkom bij het team' }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Dit mag alleen een beheerder.' },
    })
    expect(await t.raw('session.saveSettings', { vergrendelMinuten: 10 })).toMatchObject({
      error: { code: 'forbidden' },
    })
    await signInAs(t, 'Bert Smeets')
    expect(
      await t.raw('session.setStartPassword', {
        userId: t.session.userId,
        wachtwoord: 'welkom bij het team',
      }),
    ).toMatchObject({
      error: { code: 'validation', message: /Wachtwoord wijzigen/ },
    })
  })

  it('lets a signed-in user change their own password after typing the current one', async () => {
    const t = await testApp()
    const { me } = await setUpTeam(t, 'Sem Janssen')
    expect(
      await t.raw('session.changePassword', {
        wachtwoord: 'niet goed',
        nieuwWachtwoord: 'een nieuwe lange zin',
      }),
    ).toMatchObject({
      error: { fields: { wachtwoord: /huidige wachtwoord klopt niet/ } },
    })
    await t.call('session.changePassword', {
      wachtwoord: TEST_WACHTWOORD,
      nieuwWachtwoord: 'een nieuwe lange zin',
    })
    await t.call('session.signOut', {})
    expect(
      await t.call('session.signIn', { userId: me.id, wachtwoord: 'een nieuwe lange zin' }),
    ).toMatchObject({ naam: 'Sem Janssen' })
  })
})

describe('the lock', () => {
  it('locks at once on request: every user method refuses until the password is given', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    await t.call('session.lock', {})
    for (const [m, input] of [
      ['caseload.list', {}],
      ['settings.get', {}],
      ['dossier.get', { caseId: 1 }],
      ['session.activity', {}],
    ] as const)
      expect(await t.raw(m, input)).toEqual({
        ok: false,
        error: {
          code: 'locked',
          message: 'Lange Adem is vergrendeld. Vul je wachtwoord in om verder te gaan.',
        },
      })
    expect(await t.call('app.status', {})).toMatchObject({
      locked: true,
      currentUser: { naam: 'Anouk Peeters' },
    })
    expect(await t.raw('session.unlock', { wachtwoord: 'fout wachtwoord' })).toMatchObject({
      error: { message: WRONG },
    })
    expect(await t.raw('caseload.list', {})).toMatchObject({ error: { code: 'locked' } })
    await t.call('session.unlock', { wachtwoord: TEST_WACHTWOORD })
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
    expect((await trail(t)).at(-1)).toMatchObject({ action: 'ontgrendeld' })
  })

  it('locks after the idle time on the app clock (default 5 minutes), in main', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    t.clock.idle(4 * 60_000)
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
    // That call was activity: the 5 minutes start again.
    t.clock.idle(5 * 60_000)
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
    t.clock.idle(5 * 60_000 + 1)
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    // It stays locked, also when the next call comes at once.
    expect(await t.raw('session.activity', {})).toMatchObject({ error: { code: 'locked' } })
    expect((await t.call('app.status', {})).locked).toBe(true)
    await t.call('session.unlock', { wachtwoord: TEST_WACHTWOORD })
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
  })

  it("follows the beheerder's setting (1 to 60 minutes)", async () => {
    const t = await testApp()
    await setUpTeam(t, 'Bert Smeets')
    expect(await t.call('session.settings', {})).toEqual({ vergrendelMinuten: 5 })
    expect(await t.raw('session.saveSettings', { vergrendelMinuten: 0 })).toMatchObject({
      error: { code: 'validation' },
    })
    expect(await t.raw('session.saveSettings', { vergrendelMinuten: 61 })).toMatchObject({
      error: { code: 'validation' },
    })
    await t.call('session.saveSettings', { vergrendelMinuten: 1 })
    expect((await t.call('app.status', {})).vergrendelMinuten).toBe(1)
    t.clock.idle(61_000)
    expect(await t.raw('settings.get', {})).toMatchObject({ error: { code: 'locked' } })
  })

  it('is not kept open by background polling, only by what the user does', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    for (let i = 0; i < 5; i++) {
      t.clock.idle(60_000)
      expect(await t.raw('documents.renderProgress', {})).toMatchObject({ ok: true })
    }
    t.clock.idle(1)
    expect(await t.raw('documents.renderProgress', {})).toMatchObject({ error: { code: 'locked' } })

    await t.call('session.unlock', { wachtwoord: TEST_WACHTWOORD })
    // The screen reports mouse and keyboard: that keeps the session open.
    for (let i = 0; i < 6; i++) {
      t.clock.idle(60_000)
      await t.call('session.activity', {})
    }
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
  })

  it('"Andere gebruiker": signing out from the lock leaves nobody signed in', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    await t.call('session.lock', {})
    await t.call('session.signOut', {})
    expect(await t.call('app.status', {})).toMatchObject({ locked: false, currentUser: null })
    expect(await t.raw('caseload.list', {})).toMatchObject({ error: { code: 'not_signed_in' } })
    expect(await t.raw('session.unlock', { wachtwoord: TEST_WACHTWOORD })).toMatchObject({
      error: { code: 'not_signed_in' },
    })
    expect((await trail(t)).at(-1)).toMatchObject({ action: 'afgemeld' })
  })
})

describe("medewerkers are the beheerder's", () => {
  it('a kwaliteitsmedewerker may change details and wijken, but not add, switch off or change a role', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Fatima El Idrissi')
    const sem = (await t.call('settings.get', {})).medewerkers.find((m) => m.naam === 'Sem Janssen')!
    const base = {
      id: sem.id,
      naam: sem.naam,
      rol: sem.rol,
      telefoon: '06 99887766',
      email: sem.email,
      wijkIds: sem.wijkIds,
    }
    expect(await t.raw('settings.saveMedewerker', base)).toMatchObject({ ok: true })
    expect(await t.raw('settings.saveMedewerker', { ...base, actief: false })).toMatchObject({
      error: { code: 'forbidden' },
    })
    expect(await t.raw('settings.saveMedewerker', { ...base, rol: 'beheerder' })).toMatchObject({
      error: { code: 'forbidden' },
    })
    const { id: _id, ...nieuw } = base
    expect(await t.raw('settings.saveMedewerker', { ...nieuw, naam: 'Nieuwe Collega' })).toMatchObject({
      error: { code: 'forbidden', message: /alleen de beheerder/ },
    })
  })
})

describe('a starting password from the command line', () => {
  it('opens a database where nobody has a password yet, for the beheerder, who then chooses their own', async () => {
    const t = await testApp()
    await t.call('setup.complete', ROERMOND_SETUP)
    // As after the upgrade of a database from before passwords: nobody has one.
    await t.db.updateTable('app_user').set({ password_hash: null }).execute()
    await expect(
      setStartPasswordFromCli(t.db, t.clock.now(), 'Onbekend', 'een lang wachtwoord', TEST_PASSWORD_PARAMS),
    ).rejects.toThrow(/geen actieve medewerker/)
    await expect(
      setStartPasswordFromCli(t.db, t.clock.now(), 'bert smeets', 'kort', TEST_PASSWORD_PARAMS),
    ).rejects.toThrow(/minstens 10/)
    await setStartPasswordFromCli(
      t.db,
      t.clock.now(),
      'bert smeets',
      'een lang wachtwoord',
      TEST_PASSWORD_PARAMS,
    )
    expect((await trail(t)).at(-1)).toMatchObject({ user_id: null, action: 'wachtwoord ingesteld' })
    const bert = await idOf(t, 'Bert Smeets')
    expect(await t.call('session.signIn', { userId: bert, wachtwoord: 'een lang wachtwoord' })).toMatchObject(
      {
        moetWachtwoordKiezen: true,
      },
    )
  })
})
