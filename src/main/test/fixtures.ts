import { createApp, type App } from '../app/create-app'
import { fixedClock } from '../lib/clock'
import { createSession, type Session } from '../app/context'
import type { ScryptParams } from '../features/session/passwords'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import type { SetupInput } from '@shared/api/setup'
import type { Db } from '../db/database'
import { freshTestDatabase, testStoreIsPostgres } from './postgres'
import { migrateToLatest, openDatabase, type OpenedDatabase } from '../db/database'
import { openPostgres } from '../db/postgres'

/**
 * A cheap password hash for tests (N = 2^10 instead of 2^17): the same code, a thousandth of the
 * time. The production cost is tested in features/session/passwords.test.ts.
 */
export const TEST_PASSWORD_PARAMS: ScryptParams = { ln: 10, r: 8, p: 1 }
/** The beheerder's password from the set-up, and the own password every test colleague chooses. */
export const TEST_WACHTWOORD = 'proef-wachtwoord-42'
/** The starting password the beheerder gives colleagues in `setUpTeam`. */
export const START_WACHTWOORD = 'start-wachtwoord-7'

/**
 * A fresh app with a clock standing at a known moment: in memory, or, under `npm run test:pg`
 * (LANGE_ADEM_TEST_STORE=postgres), on a fresh PostgreSQL database of its own (test/postgres.ts). Moving the clock with `set` or
 * `advanceDays` stands for days of work, not for a user walking away: it keeps a signed-in session
 * from locking. Tests of the lock move time with `clock.idle(ms)`, which the user does not touch.
 */
export async function testApp(
  now = '2026-11-10T09:30:00.000Z',
  store: 'sqlite' | 'postgres' = testStoreIsPostgres() ? 'postgres' : 'sqlite',
) {
  const base = fixedClock(now)
  const app: App =
    store === 'postgres'
      ? await createApp({
          database: await freshTestDatabase(),
          postgres: { poolSize: 4, idleTimeoutMillis: 200 },
          clock: base,
          passwordParams: TEST_PASSWORD_PARAMS,
        })
      : await createApp({ memory: true, clock: base, passwordParams: TEST_PASSWORD_PARAMS })
  const session: Session = createSession()
  const keepAwake = () => {
    if (session.lastActivityAt != null) session.lastActivityAt = Date.parse(base.now())
  }
  const clock = {
    now: base.now,
    today: base.today,
    set(instant: string) {
      base.set(instant)
      keepAwake()
    },
    advanceDays(n: number) {
      base.advanceDays(n)
      keepAwake()
    },
    /** Time passes while nobody touches the app. */
    idle(ms: number) {
      base.set(new Date(Date.parse(base.now()) + ms).toISOString())
    },
  }
  /** Calls through the real dispatcher (validation included) and unwraps the result. */
  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const res = await app.dispatcher.call(session, method, input)
    if (!res.ok) throw Object.assign(new Error(res.error.message), { payload: res.error })
    return res.value as ApiOutput<M>
  }
  /** Calls and returns the raw result, for tests of rejected input. */
  function raw(method: string, input: unknown, file?: Uint8Array) {
    return app.dispatcher.call(session, method, input, file)
  }
  /** Hands a file to the import as the screen does (intake.upload, the bytes beside the input). */
  async function upload(fileName: string, content: Uint8Array | string): Promise<ApiOutput<'intake.upload'>> {
    const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content
    const res = await app.dispatcher.call(session, 'intake.upload', { fileName }, bytes)
    if (!res.ok) throw Object.assign(new Error(res.error.message), { payload: res.error })
    return res.value as ApiOutput<'intake.upload'>
  }
  /**
   * The case's current version, as a case file read now would give it: a test that changes a
   * case as a user who just opened it sends this (the conflict tests send an older one).
   */
  async function versie(caseId: number): Promise<number> {
    const row = await app.database.db
      .selectFrom('vroegsignaalzaak')
      .select('versie')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    return row.versie
  }
  return { app, clock, session, call, raw, upload, versie, db: app.database.db }
}

/**
 * A freshly migrated, empty database without an app around it, on the store under test: SQLite in
 * memory, or (npm run test:pg) a new PostgreSQL database of its own.
 */
export async function testDatabase(
  store: 'sqlite' | 'postgres' = testStoreIsPostgres() ? 'postgres' : 'sqlite',
): Promise<OpenedDatabase> {
  if (store === 'postgres')
    return openPostgres(await freshTestDatabase(), { poolSize: 4, idleTimeoutMillis: 200 })
  const o = openDatabase(':memory:')
  await migrateToLatest(o.db)
  return o
}

export const ROERMOND_SETUP: SetupInput = {
  team: {
    gemeenteNaam: 'Roermond',
    gemeenteCode: '0957',
    teamNaam: 'Team Vroegsignalering',
    postadres: 'Postbus 900\n6040 AX Roermond',
    bezoekadres: 'Markt 31\n6041 EM Roermond',
    telefoon: '0475 359 999',
    email: 'vroegsignalering@roermond.nl',
    inloopDag: 'dinsdag',
    inloopStart: '09:00',
    inloopEind: '11:00',
    inloopPlaats: 'Stadskantoor, Markt 31',
  },
  wijken: [
    { naam: 'Centrum', postcodes: '6041' },
    { naam: 'Kapel in het Zand', postcodes: '6042-6043' },
    { naam: 'Donderberg', postcodes: '6044, 6045AA-6045ZZ' },
  ],
  medewerkers: [
    {
      naam: 'Anouk Peeters',
      rol: 'consulent',
      telefoon: '06 12345678',
      email: 'a.peeters@roermond.nl',
      wijken: ['Centrum'],
    },
    {
      naam: 'Sem Janssen',
      rol: 'consulent',
      telefoon: '06 23456789',
      email: 's.janssen@roermond.nl',
      wijken: ['Kapel in het Zand', 'Donderberg'],
    },
    {
      naam: 'Fatima El Idrissi',
      rol: 'kwaliteitsmedewerker',
      telefoon: '',
      email: 'f.elidrissi@roermond.nl',
      wijken: [],
    },
    { naam: 'Bert Smeets', rol: 'beheerder', telefoon: '', email: 'b.smeets@roermond.nl', wijken: [] },
  ],
  beheerder: { naam: 'Bert Smeets', wachtwoord: TEST_WACHTWOORD },
}

/** What the team helpers need of an app: calls through its dispatcher, and its database (benchmarks pass their own). */
type T = Pick<Awaited<ReturnType<typeof testApp>>, 'call' | 'db'>

/** A file through the import as the screen takes it: upload, analysis, import with the proposed mapping. */
export async function importFile(
  t: Pick<Awaited<ReturnType<typeof testApp>>, 'call' | 'upload'>,
  fileName: string,
  content: Uint8Array | string,
  bron = 'Vindplaats van Schulden',
) {
  const { uploadId } = await t.upload(fileName, content)
  const a = await t.call('intake.analyse', { uploadId })
  const summary = await t.call('intake.commit', { uploadId, mapping: a.mapping, bron })
  return { a, summary }
}

/**
 * Sets Roermond up as the real team would: Bert Smeets (beheerder) does the set-up with his
 * password and gives each colleague a starting password; then `as` signs in (choosing their own
 * password at the first sign-in, as a colleague must).
 */
export async function setUpTeam(t: T, as = 'Anouk Peeters') {
  await t.call('setup.complete', ROERMOND_SETUP)
  const team = await t.call('session.team', {})
  const bert = team.find((m) => m.naam === 'Bert Smeets')!
  await t.call('session.signIn', { userId: bert.id, wachtwoord: TEST_WACHTWOORD })
  for (const m of team)
    if (m.id !== bert.id)
      await t.call('session.setStartPassword', { userId: m.id, wachtwoord: START_WACHTWOORD })
  await t.call('session.signOut', {})
  const me = await signInAs(t, as)
  return { team, me }
}

/**
 * Signs in as a colleague by name: with their own password, or (first time) with the starting
 * password, choosing TEST_WACHTWOORD as their own.
 */
export async function signInAs(t: T, naam: string) {
  const me = (await t.call('session.team', {})).find((m) => m.naam === naam)
  if (!me) throw new Error(`no active team member named ${naam}`)
  const row = await t.db
    .selectFrom('app_user')
    .select('password_must_change')
    .where('id', '=', me.id)
    .executeTakeFirstOrThrow()
  if (row.password_must_change === 0) {
    await t.call('session.signIn', { userId: me.id, wachtwoord: TEST_WACHTWOORD })
    return me
  }
  await t.call('session.choosePassword', {
    userId: me.id,
    wachtwoord: START_WACHTWOORD,
    nieuwWachtwoord: TEST_WACHTWOORD,
  })
  return me
}

/** The same app through a second session: a colleague at another workstation, signed in. */
export async function colleague(t: Awaited<ReturnType<typeof testApp>>, naam: string) {
  const session = createSession()
  const raw = <M extends MethodName>(method: M, input: ApiInput<M>) =>
    t.app.dispatcher.call(session, method, input)
  const c = {
    ...t,
    session,
    raw,
    call: async <M extends MethodName>(method: M, input: ApiInput<M>) => {
      const res = await raw(method, input)
      if (!res.ok) throw Object.assign(new Error(res.error.message), { payload: res.error })
      return res.value as ApiOutput<M>
    },
  }
  await signInAs(c, naam)
  return c
}

export function signal(
  overrides: {
    achternaam?: string
    tussenvoegsel?: string
    voorletters?: string
    geboortedatum?: string
    postcode?: string
    huisnummer?: string
    toevoeging?: string
    partnerType?: ApiInput<'signals.createManual'>['signaal']['partnerType']
    bedrag?: string
    signaaldatum?: string
    bsn?: string
  } = {},
): ApiInput<'signals.createManual'> {
  return {
    signaal: {
      partnerType: overrides.partnerType ?? 'Huur',
      partnerNaam: 'Wonen Limburg',
      externId: '',
      bedrag: overrides.bedrag ?? '450,00',
      ontstaansdatum: '01-09-2026',
      signaaldatum: overrides.signaaldatum ?? '05-11-2026',
      crisis: false,
      warmeOverdracht: true,
    },
    bewoner: {
      voorletters: overrides.voorletters ?? 'J.',
      tussenvoegsel: overrides.tussenvoegsel ?? 'van der',
      achternaam: overrides.achternaam ?? 'Berg',
      geboortedatum: overrides.geboortedatum ?? '12-03-1984',
      telefoon: '06-11223344',
      email: '',
      bsn: overrides.bsn ?? '',
    },
    adres: {
      straat: 'Kapellerlaan',
      huisnummer: overrides.huisnummer ?? '12',
      toevoeging: overrides.toevoeging ?? '',
      postcode: overrides.postcode ?? '6041 AB',
      plaats: 'Roermond',
    },
  }
}

/** Every table of the database, on either store, sorted by name (Kysely's own tables too when asked). */
export async function tableNames(db: Db, opts: { kysely?: boolean } = {}): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: opts.kysely ?? false })
  return tables
    .filter((t) => !t.isView)
    .map((t) => t.name)
    .sort()
}
