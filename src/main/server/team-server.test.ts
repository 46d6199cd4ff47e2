import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import { APP_VERSION } from '@shared/version'
import { createApp, type App } from '../app/create-app'
import { freshTestDatabase, testStoreIsPostgres } from '../test/postgres'
import { fixedClock } from '../lib/clock'
import { connectToServer, RemoteError, type RemoteDispatcher } from '../remote/client'
import { setUpTeam, signInAs, TEST_PASSWORD_PARAMS, TEST_WACHTWOORD } from '../test/fixtures'
import { createSession } from '../app/context'
import { loadOrCreateCertificate, type TlsMaterial } from './certificate'
import { startTeamServer, type TeamServer } from './team-server'
import { createDdasVsHandler } from '../features/ddas-vs/handler'
import { isLoopback, parseServerOptions } from './options'
import { WORKSTATION_MAX_FAILS } from './sessions'

/**
 * The team server started for real (TLS on an ephemeral port, its own self-signed certificate,
 * an encrypted database in a data folder) and workstations talking to it through the same client
 * the desktop app and the browser mode use.
 */
const KEY = 'b'.repeat(64)
const clock = fixedClock('2026-11-10T09:30:00.000Z')

let dir: string
let app: App
let tls: TlsMaterial
let server: TeamServer
const clients: RemoteDispatcher[] = []

async function workstation(werkplek: string, fingerprint = tls.fingerprint) {
  const remote = await connectToServer({ url: server.url, fingerprint, werkplek })
  clients.push(remote)
  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const res = await remote.call(createSession(), method, input)
    if (!res.ok) throw Object.assign(new Error(res.error.message), { payload: res.error })
    return res.value as ApiOutput<M>
  }
  const raw = (method: string, input: unknown) => remote.call(createSession(), method, input)
  return { remote, call, raw, db: app.database.db }
}

function idle(ms: number) {
  clock.set(new Date(Date.parse(clock.now()) + ms).toISOString())
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lange-adem-team-'))
  // The store under test: the encrypted SQLite file, or PostgreSQL under `npm run test:pg`.
  app = testStoreIsPostgres()
    ? await createApp({
        dataDir: dir,
        database: await freshTestDatabase(),
        clock,
        passwordParams: TEST_PASSWORD_PARAMS,
      })
    : await createApp({ dataDir: dir, key: KEY, clock, passwordParams: TEST_PASSWORD_PARAMS })
  tls = await loadOrCreateCertificate({ dataDir: dir, names: ['localhost', '127.0.0.1'], now: new Date() })
  const ddasVs = createDdasVsHandler({ db: () => app.database.db, clock })
  server = await startTeamServer({ app, host: '127.0.0.1', port: 0, tls, ddasVs })
})
afterAll(async () => {
  for (const c of clients) await c.close()
  await server.close()
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One HTTPS request that trusts the test server's certificate. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = request(
      new URL(path, server.url),
      { method: opts.method ?? 'GET', headers: opts.headers ?? {}, ca: tls.cert, servername: 'localhost' },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }),
        )
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('the team server with two workstations', () => {
  it('makes its own certificate once and keeps it', async () => {
    expect(tls.created).toBe(true)
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const again = await loadOrCreateCertificate({ dataDir: dir, names: ['localhost'], now: new Date() })
    expect(again.created).toBe(false)
    expect(again.fingerprint).toBe(tls.fingerprint)
  })

  it('gives each workstation its own session: two colleagues signed in at once, each named with their desk', async () => {
    const balie = await workstation('Balie 1')
    const kamer = await workstation('Kamer 2.14')
    await setUpTeam(balie, 'Anouk Peeters')
    await signInAs(kamer, 'Sem Janssen')
    expect((await balie.call('app.status', {})).currentUser?.naam).toBe('Anouk Peeters')
    expect((await kamer.call('app.status', {})).currentUser?.naam).toBe('Sem Janssen')
    // A third desk that has signed nobody in is not anyone.
    const derde = await workstation('Balie 2')
    expect((await derde.call('app.status', {})).currentUser).toBeNull()
    const res = await derde.raw('caseload.list', {})
    expect(res.ok ? null : res.error.code).toBe('not_signed_in')

    const entries = await app.database.db
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'aangemeld')
      .execute()
    const summaries = entries.map((e) => e.summary)
    expect(summaries).toContain('Anouk Peeters heeft zich aangemeld (werkplek Balie 1)')
    expect(summaries).toContain('Sem Janssen heeft zich aangemeld (werkplek Kamer 2.14)')

    // Signing out at one desk leaves the other signed in.
    await balie.call('session.signOut', {})
    expect((await balie.call('app.status', {})).currentUser).toBeNull()
    expect((await kamer.call('app.status', {})).currentUser?.naam).toBe('Sem Janssen')
  })

  it('locks an idle session on the server, and only that one', async () => {
    const a = await workstation('Balie 3')
    const b = await workstation('Balie 4')
    await signInAs(a, 'Anouk Peeters')
    await signInAs(b, 'Sem Janssen')
    idle(3 * 60_000)
    await b.call('session.activity', {})
    idle(3 * 60_000)
    const refused = await a.raw('session.settings', {})
    expect(refused.ok ? null : refused.error.code).toBe('locked')
    expect((await a.call('app.status', {})).locked).toBe(true)
    expect((await b.call('app.status', {})).locked).toBe(false)
    await a.call('session.unlock', { wachtwoord: TEST_WACHTWOORD })
    expect((await a.call('app.status', {})).locked).toBe(false)
  })

  it('throttles failed sign-ins per workstation, across names, and leaves other desks alone', async () => {
    const probeer = await workstation('Gang')
    const team = await probeer.call('session.team', {})
    // Below the per-name limit for each name (5 in a row), but many from one desk.
    for (let i = 0; i < WORKSTATION_MAX_FAILS; i++) {
      const res = await probeer.raw('session.signIn', {
        userId: team[i % team.length]!.id,
        wachtwoord: 'fout-fout-fout',
      })
      expect(res.ok).toBe(false)
    }
    const sem = team.find((m) => m.naam === 'Sem Janssen')!
    const blocked = await probeer.raw('session.signIn', { userId: sem.id, wachtwoord: TEST_WACHTWOORD })
    expect(blocked.ok ? '' : blocked.error.message).toMatch(
      /^Vanaf deze werkplek is te vaak een verkeerd wachtwoord/,
    )
    const elders = await workstation('Balie 5')
    const ok = await elders.raw('session.signIn', { userId: sem.id, wachtwoord: TEST_WACHTWOORD })
    expect(ok.ok).toBe(true)
  })

  it('tells a colleague what changed, from the logboek, without names', async () => {
    const beheer = await workstation('Balie 6')
    const kijker = await workstation('Balie 7')
    await signInAs(beheer, 'Bert Smeets')
    await signInAs(kijker, 'Anouk Peeters')
    const na = (await kijker.call('changes.since', { na: 0 })).laatste
    await beheer.call('session.saveSettings', { vergrendelMinuten: 7 })
    const after = await kijker.call('changes.since', { na })
    expect(after.wijzigingen).toEqual([expect.objectContaining({ soort: 'instellingen', id: null })])
    expect(after.laatste).toBeGreaterThan(na)
    expect(JSON.stringify(after)).not.toContain('Bert')
    // Not signed in: no feed.
    const anoniem = await workstation('Balie 8')
    expect((await anoniem.raw('changes.since', { na: 0 })).ok).toBe(false)
  })

  it('leaves out what the same user did at the same workstation, not at another one', async () => {
    const hier = await workstation('Balie 11')
    const daar = await workstation('Balie 1')
    await signInAs(hier, 'Bert Smeets')
    await signInAs(daar, 'Bert Smeets')
    const na = (await hier.call('changes.since', { na: 0 })).laatste
    await hier.call('session.saveSettings', { vergrendelMinuten: 8 })
    // "Balie 11" ends in "Balie 1"'s name: the match is on the whole "(werkplek …)" ending.
    expect((await hier.call('changes.since', { na })).wijzigingen).toEqual([])
    expect((await daar.call('changes.since', { na })).wijzigingen).toEqual([
      expect.objectContaining({ soort: 'instellingen' }),
    ])
  })

  it('lets one import run at a time, and tells a second importer who is importing', async () => {
    const desk = await workstation('Balie 10')
    await signInAs(desk, 'Fatima El Idrissi')
    const held = server.imports.enter({
      naam: 'Anouk Peeters',
      werkplek: 'Balie 1',
      since: '2026-11-10T09:32:00.000Z',
    })
    try {
      const res = await desk.raw('intake.commit', { uploadId: 'x'.repeat(32), mapping: {}, bron: 'Proef' })
      expect(res.ok ? '' : res.error.message).toBe(
        'Anouk Peeters leest al een bestand in (werkplek Balie 1, sinds 10:32). Er kan één bestand tegelijk worden ingelezen. Er is niets gewijzigd; probeer het opnieuw als dat klaar is.',
      )
    } finally {
      if ('release' in held) held.release()
    }
    // Free again: the call reaches the import itself (which finds no such upload), and lets go.
    const after = await desk.raw('intake.commit', { uploadId: 'x'.repeat(32), mapping: {}, bron: 'Proef' })
    expect(after.ok ? '' : after.error.message).not.toMatch(/leest al een bestand in/)
    expect(server.imports.holder()).toBeNull()
  })

  it('refuses a client whose pinned fingerprint is another, before sending anything', async () => {
    const wrong = tls.fingerprint.replace(/^../, tls.fingerprint.startsWith('00') ? '11' : '00')
    const open = server.sessions.size
    await expect(
      connectToServer({ url: server.url, fingerprint: wrong, werkplek: 'Balie 9' }),
    ).rejects.toThrow(/ander certificaat zien dan het vastgelegde/)
    await expect(connectToServer({ url: server.url, werkplek: 'Balie 9' })).rejects.toBeInstanceOf(
      RemoteError,
    )
    expect(server.sessions.size).toBe(open)
  })

  it('refuses a client of another version with a Dutch message', async () => {
    const res = await raw('/team/v1/sessie', {
      method: 'POST',
      headers: { 'x-lange-adem-versie': '0.0.9', 'content-type': 'application/json' },
      body: JSON.stringify({ werkplek: 'Oud' }),
    })
    expect(res.status).toBe(426)
    expect(JSON.parse(res.body).error.message).toContain(
      `Werk Lange Adem op deze computer bij naar versie ${APP_VERSION}`,
    )
    const hallo = JSON.parse((await raw('/team/v1/hallo')).body)
    expect(hallo).toEqual({ toepassing: 'lange-adem', versie: APP_VERSION })
  })

  it('says in Dutch that the server cannot be reached, after trying again, and never claims a save', async () => {
    const own = await startTeamServer({ app, host: '127.0.0.1', port: 0, tls })
    const remote = await connectToServer({ url: own.url, fingerprint: tls.fingerprint, werkplek: 'Thuis' })
    await own.close()
    const attempt = { caseId: 1, versie: 1, kanaal: 'telefoon', bereikt: false } as const
    // The first call may meet the connection the server just closed (then it cannot know whether
    // the server read it, and says so); the next finds no server at all.
    const first = await remote.call(createSession(), 'ladder.logAttempt', attempt)
    expect(first.ok ? '' : first.error.message).toMatch(
      /^(De teamserver is niet bereikbaar\. Er is niets opgeslagen\.|De verbinding met de teamserver werd verbroken voordat die antwoordde\. Kijk of je wijziging er staat)/,
    )
    const res = await remote.call(createSession(), 'ladder.logAttempt', attempt)
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^De teamserver is niet bereikbaar\. Er is niets opgeslagen\./),
      },
    })
    await remote.close()
  })

  it('refuses calls without a known session token', async () => {
    const res = await raw('/team/v1/api/app.status', {
      method: 'POST',
      headers: {
        'x-lange-adem-versie': APP_VERSION,
        authorization: 'Bearer verzonnen',
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body).error.code).toBe('not_signed_in')
  })

  it('serves the DDAS-VS endpoint under its own path (switched off by default)', async () => {
    const res = await raw('/ddas-vs/v1/gegevens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(404)
    expect(res.type).toContain('application/problem+json')
    expect(JSON.parse(res.body).detail ?? JSON.parse(res.body).title).toBeTruthy()
  })
})

describe('the server options', () => {
  it('allows plain HTTP only on loopback', () => {
    expect(() => parseServerOptions(['--http', '--host', '0.0.0.0'])).toThrow(/start niet zonder TLS/)
    expect(() => parseServerOptions(['--http', '--host', '192.168.1.20'])).toThrow(/start niet zonder TLS/)
    expect(parseServerOptions(['--http', '--host', '127.0.0.1']).plainHttp).toBe(true)
    expect(parseServerOptions([]).plainHttp).toBe(false)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false)
    expect(() => parseServerOptions(['--tls-cert', 'a.pem'])).toThrow(/samen/)
  })

  it('takes a PostgreSQL store from --database or LANGE_ADEM_DATABASE_URL, with verified TLS off loopback', () => {
    const local = 'postgres://la@127.0.0.1/lange_adem'
    expect(parseServerOptions(['--database', local]).database).toBe(local)
    expect(parseServerOptions([], { LANGE_ADEM_DATABASE_URL: local }).database).toBe(local)
    expect(parseServerOptions([]).database).toBeUndefined()
    expect(() => parseServerOptions(['--database', 'postgres://la@db.gemeente.local/lange_adem'])).toThrow(
      /sslmode=verify-full/,
    )
    expect(
      parseServerOptions(['--database', 'postgres://la@db.gemeente.local/lange_adem?sslmode=verify-full'])
        .database,
    ).toContain('db.gemeente.local')
    expect(
      parseServerOptions(['--database', 'postgres://la@db.gemeente.local/la', '--database-ca', 'ca.pem'])
        .databaseCa,
    ).toBe('ca.pem')
    expect(() => parseServerOptions(['--database', '/srv/lange-adem.sqlite'])).toThrow(/PostgreSQL-database/)
    expect(() => parseServerOptions(['--database-ca', 'ca.pem'])).toThrow(/hoort bij --database/)
  })
})
