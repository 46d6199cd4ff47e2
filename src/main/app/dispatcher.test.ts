import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp, ROERMOND_SETUP } from '../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>
type SignalInput = ReturnType<typeof signal>

async function teamWithOneCase() {
  const t = await testApp()
  await setUpTeam(t)
  await t.call('signals.createManual', signal())
  return t
}

async function stored(t: T) {
  const total = (await t.call('caseload.list', { status: 'alle' })).total
  const signals = (await t.db.selectFrom('vroegsignaal').select('id').execute()).length
  const households = (await t.db.selectFrom('household').select('id').execute()).length
  return { total, signals, households }
}

/** A valid manual signal with one change, made by `edit`. */
function changed(edit: (s: SignalInput) => void): SignalInput {
  const s = signal({ huisnummer: '77' })
  edit(s)
  return s
}

describe('invalid input through the dispatcher', () => {
  it.each<[string, SignalInput, string, RegExp]>([
    [
      'an empty surname',
      changed((s) => (s.bewoner.achternaam = '  ')),
      'bewoner.achternaam',
      /Achternaam ontbreekt/,
    ],
    [
      'a missing surname',
      changed((s) => delete (s.bewoner as Partial<SignalInput['bewoner']>).achternaam),
      'bewoner.achternaam',
      /Achternaam ontbreekt/,
    ],
    [
      'a bad postcode',
      changed((s) => (s.adres.postcode = '60411 AB')),
      'adres.postcode',
      /Postcode is niet geldig/,
    ],
    [
      'a postcode PostNL never issues',
      changed((s) => (s.adres.postcode = '6041 SS')),
      'adres.postcode',
      /Postcode is niet geldig/,
    ],
    [
      'a bad house number',
      changed((s) => (s.adres.huisnummer = 'a12')),
      'adres.huisnummer',
      /Huisnummer is niet geldig/,
    ],
    [
      'a BSN that fails the eleven-test',
      changed((s) => (s.bewoner.bsn = '123456789')),
      'bewoner.bsn',
      /elfproef/,
    ],
    ['a BSN with a letter', changed((s) => (s.bewoner.bsn = '12345678a')), 'bewoner.bsn', /elfproef/],
    [
      'a birth date in the future',
      changed((s) => (s.bewoner.geboortedatum = '01-01-2099')),
      'bewoner.geboortedatum',
      /toekomst/,
    ],
    [
      'an impossible birth date',
      changed((s) => (s.bewoner.geboortedatum = '30-02-1980')),
      'bewoner.geboortedatum',
      /Geboortedatum is geen geldige datum/,
    ],
    ['a negative amount', changed((s) => (s.signaal.bedrag = '-5')), 'signaal.bedrag', /groter zijn dan nul/],
    ['a zero amount', changed((s) => (s.signaal.bedrag = '0,00')), 'signaal.bedrag', /groter zijn dan nul/],
    [
      'an amount that is no number',
      changed((s) => (s.signaal.bedrag = 'abc')),
      'signaal.bedrag',
      /geen geldig bedrag/,
    ],
    ['an empty amount', changed((s) => (s.signaal.bedrag = '')), 'signaal.bedrag', /Vul het bedrag/],
    [
      'an impossible signal date',
      changed((s) => (s.signaal.signaaldatum = '31-02-2026')),
      'signaal.signaaldatum',
      /Signaaldatum is geen geldige datum/,
    ],
    [
      'an arrear that starts after the signal',
      changed((s) => (s.signaal.ontstaansdatum = '06-11-2026')),
      'signaal.ontstaansdatum',
      /na de signaaldatum/,
    ],
    [
      'an unknown partner type',
      changed((s) => ((s.signaal as { partnerType: string }).partnerType = 'Bank')),
      'signaal.partnerType',
      /Kies het soort signaalpartner/,
    ],
    [
      'a number for a string',
      changed((s) => ((s.bewoner as { achternaam: unknown }).achternaam = 42)),
      'bewoner.achternaam',
      /Achternaam ontbreekt/,
    ],
    [
      'a string for a boolean',
      changed((s) => ((s.signaal as { crisis: unknown }).crisis = 'ja')),
      'signaal.crisis',
      /ja of nee/,
    ],
    [
      'a bad phone number',
      changed((s) => (s.bewoner.telefoon = '12345')),
      'bewoner.telefoon',
      /Telefoonnummer is niet geldig/,
    ],
  ])('refuses %s with a Dutch message and stores nothing', async (_what, input, field, message) => {
    const t = await teamWithOneCase()
    const before = await stored(t)
    const res = await t.raw('signals.createManual', input)
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('validation')
    expect(res.error.message).toMatch(message)
    expect(res.error.fields?.[field]).toMatch(message)
    expect(await stored(t)).toEqual(before)
  })

  it('sums up several errors in one message and names every field', async () => {
    const t = await teamWithOneCase()
    const res = await t.raw(
      'signals.createManual',
      changed((s) => {
        s.adres.postcode = 'x'
        s.bewoner.bsn = '123456789'
      }),
    )
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.message).toMatch(/\(en nog 1 andere fout\)$/)
    expect(Object.keys(res.error.fields ?? {}).sort()).toEqual(['adres.postcode', 'bewoner.bsn'])
  })

  it.each<[string, string, unknown, RegExp]>([
    ['caseload.list', 'an unknown key', { zoek: '', foo: 1 }, /onbekende velden/],
    ['caseload.list', 'a number for the search text', { zoek: 5 }, /Zoektekst is geen tekst/],
    ['caseload.list', 'an unknown status', { status: 'weg' }, /Onbekende status/],
    ['caseload.list', 'a page size beyond the limit', { pageSize: 5000 }, /te groot/],
    ['dossier.get', 'an unknown key', { caseId: 1, extra: true }, /onbekende velden/],
    ['dossier.get', 'a text id', { caseId: '1' }, /Ongeldig nummer/],
    ['dossier.get', 'a negative id', { caseId: -1 }, /Ongeldig nummer/],
    ['dossier.addNote', 'an empty note', { caseId: 1, tekst: '   ' }, /De notitie ontbreekt/],
    [
      'signals.checkAddress',
      'an unknown key',
      { postcode: '6041AB', huisnummer: '12', toevoeging: '', x: 1 },
      /onbekende velden/,
    ],
    [
      'setup.complete',
      'a team without consulent',
      { ...ROERMOND_SETUP, medewerkers: ROERMOND_SETUP.medewerkers.slice(2) },
      /minstens één consulent/,
    ],
  ])('%s refuses %s', async (method, _what, input, message) => {
    const t = await teamWithOneCase()
    const before = await stored(t)
    const res = await t.raw(method, input)
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('validation')
    expect(res.error.message).toMatch(message)
    // zod's own English texts never reach the user
    expect(res.error.message).not.toMatch(/Invalid|Expected|Unrecognized|Too (big|small)/)
    expect(await stored(t)).toEqual(before)
  })

  it('refuses a user method before anyone has signed in', async () => {
    const t = await testApp()
    await t.call('setup.complete', ROERMOND_SETUP)
    for (const [method, input] of [
      ['caseload.list', {}],
      ['signals.createManual', signal()],
      ['settings.get', {}],
      ['dossier.get', { caseId: 1 }],
    ] as const) {
      const res = await t.raw(method, input)
      expect(res).toEqual({ ok: false, error: { code: 'not_signed_in', message: 'Kies eerst wie je bent.' } })
    }
    expect((await t.db.selectFrom('vroegsignaal').select('id').execute()).length).toBe(0)
    // Methods for the start screen work without signing in
    expect((await t.raw('app.status', {})).ok).toBe(true)
    expect((await t.raw('session.team', {})).ok).toBe(true)
  })

  it.each(['caseload.drop', '', '__proto__', 'constructor', 'toString'])(
    'answers an unknown method "%s" without running anything',
    async (method) => {
      const t = await teamWithOneCase()
      const res = await t.raw(method, {})
      expect(res).toEqual({ ok: false, error: { code: 'not_found', message: 'Deze actie bestaat niet.' } })
    },
  )

  it('answers a missing case with a Dutch not-found message', async () => {
    const t = await teamWithOneCase()
    const res = await t.raw('dossier.get', { caseId: 999 })
    expect(res).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Deze zaak bestaat niet (meer).' },
    })
  })

  it('hides an unexpected failure behind a Dutch message and logs it', async () => {
    const t = await teamWithOneCase()
    const logged: string[] = []
    const { createDispatcher } = await import('./dispatcher')
    const { handlers } = await import('./create-app')
    const broken = createDispatcher(
      { db: t.db, clock: t.clock, log: (msg) => logged.push(msg) },
      {
        ...handlers,
        'caseload.list': async () => {
          throw new Error('disk on fire')
        },
      },
    )
    const res = await broken.call(t.session, 'caseload.list', {})
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('internal')
      expect(res.error.message).toMatch(/Er ging iets mis. Er is niets gewijzigd/)
      expect(res.error.message).not.toMatch(/disk/)
    }
    expect(logged).toEqual(['Fout in caseload.list'])
  })

  it('says a write waited too long for the lock (a large import in its worker) as a Dutch conflict', async () => {
    const t = await teamWithOneCase()
    const { createDispatcher } = await import('./dispatcher')
    const { handlers } = await import('./create-app')
    const busy = createDispatcher(
      { db: t.db, clock: t.clock, log: () => undefined },
      {
        ...handlers,
        'caseload.list': async () => {
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
        },
      },
    )
    expect(await busy.call(t.session, 'caseload.list', {})).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /even bezig met een groot bestand/ },
    })
  })
})

describe('roles, checked in main for every method', () => {
  it('lets a consulent work cases but not change team settings, rules or exports', async () => {
    const { PERMISSIONS } = await import('@shared/api/permissions')
    const { setUpTeam, testApp } = await import('../test/fixtures')
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const restricted = Object.entries(PERMISSIONS).filter(([, roles]) => roles !== 'iedereen')
    expect(restricted.length).toBeGreaterThanOrEqual(15)
    for (const [method] of restricted) {
      // Valid or not, the input never reaches the handler: the role is checked first.
      expect(await t.raw(method, {}), method).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await t.raw('settings.saveWijk', { naam: 'Oost', postcodes: '6049' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Dit mag alleen een kwaliteitsmedewerker of beheerder.' },
    })
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
  })

  it('stops a colleague who was made inactive at the next call', async () => {
    const { setUpTeam, testApp } = await import('../test/fixtures')
    const t = await testApp()
    const { team } = await setUpTeam(t, 'Anouk Peeters')
    const anouk = team.find((m) => m.naam === 'Anouk Peeters')!
    await t.db.updateTable('app_user').set({ actief: 0 }).where('id', '=', anouk.id).execute()
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    expect(t.session.userId).toBeNull()
  })
})
