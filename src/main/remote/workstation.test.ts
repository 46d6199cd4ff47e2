import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppStatus } from '@shared/api/setup'
import type { WerkplekStatus } from '@shared/api/workstation'
import { createApp, type App } from '../app/create-app'
import { createSession, type Session } from '../app/context'
import { fixedClock } from '../lib/clock'
import { loadOrCreateCertificate, type TlsMaterial } from '../server/certificate'
import { startTeamServer, type TeamServer } from '../server/team-server'
import { createDdasVsHandler } from '../features/ddas-vs/handler'
import { ROERMOND_SETUP, TEST_PASSWORD_PARAMS } from '../test/fixtures'
import { readTeamConfig } from './config'
import { createWorkstation, type SoloBackend, type Workstation } from './workstation'

/**
 * The first-run choice and Instellingen > Werkplek in main: a computer that starts alone
 * connects to a real team server (TLS, its own certificate), pins the fingerprint in team.json,
 * and from then on forwards every call; and goes back to its own data.
 */
const clock = fixedClock('2026-11-10T09:30:00.000Z')
let serverDir: string
let serverApp: App
let tls: TlsMaterial
let server: TeamServer
const dirs: string[] = []
const stations: Workstation[] = []

beforeAll(async () => {
  serverDir = mkdtempSync(join(tmpdir(), 'lange-adem-ws-server-'))
  serverApp = await createApp({
    dataDir: serverDir,
    key: 'c'.repeat(64),
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  tls = await loadOrCreateCertificate({
    dataDir: serverDir,
    names: ['localhost', '127.0.0.1'],
    now: new Date(),
  })
  const ddasVs = createDdasVsHandler({ db: () => serverApp.database.db, clock })
  server = await startTeamServer({ app: serverApp, host: '127.0.0.1', port: 0, tls, ddasVs })
  // The server's team is set up (by its first workstation).
  const res = await serverApp.dispatcher.call(createSession(), 'setup.complete', ROERMOND_SETUP)
  expect(res.ok).toBe(true)
})
afterAll(async () => {
  for (const s of stations) await s.close()
  await server.close()
  await serverApp.close()
  for (const d of [serverDir, ...dirs]) rmSync(d, { recursive: true, force: true })
})

/** A computer that starts alone on its own (empty, in-memory) data. */
async function computer() {
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-ws-'))
  dirs.push(dir)
  let opened = 0
  const openSolo = async (): Promise<SoloBackend> => {
    opened++
    const app = await createApp({ memory: true, clock, passwordParams: TEST_PASSWORD_PARAMS })
    return { dispatcher: app.dispatcher, close: () => app.close() }
  }
  const ws = createWorkstation({
    dataDir: dir,
    defaultWerkplek: 'Pc-42',
    openSolo,
    start: { modus: 'alleen', solo: await openSolo() },
  })
  stations.push(ws)
  const session: Session = createSession()
  const call = (method: string, input: unknown) => ws.dispatcher.call(session, method, input)
  return { dir, ws, session, call, opened: () => opened }
}

const value = <T>(res: { ok: boolean; value?: unknown }) => {
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.value as T
}

describe('choosing how this computer works', () => {
  it('connects to the team server after the fingerprint is confirmed, pins it, and forwards from then on', async () => {
    const c = await computer()
    expect(value<WerkplekStatus>(await c.call('werkplek.status', {}))).toMatchObject({
      modus: 'alleen',
      wijzigbaar: true,
    })
    expect(value<AppStatus>(await c.call('app.status', {}))).toMatchObject({ setupDone: false })

    // Typed without https://: main adds it, reads the certificate in a handshake, sends nothing.
    const adres = server.url.replace(/^https:\/\//, '')
    const probe = value<{ server: string; vingerafdruk: string }>(
      await c.call('werkplek.bekijkServer', { adres }),
    )
    expect(probe).toEqual({ server: server.url, vingerafdruk: tls.fingerprint })
    expect(existsSync(join(c.dir, 'team.json'))).toBe(false)

    c.session.userId = 99
    const status = value<WerkplekStatus>(
      await c.call('werkplek.koppel', {
        adres: probe.server,
        vingerafdruk: probe.vingerafdruk.toLowerCase(),
      }),
    )
    expect(status).toEqual({
      modus: 'team',
      server: server.url,
      vingerafdruk: tls.fingerprint,
      werkplek: 'Pc-42',
      wijzigbaar: true,
    })
    // Nobody is signed in on the server yet; the local session starts over.
    expect(c.session.userId).toBeNull()
    // The pin is in team.json, in the form the next start reads; nothing personal in it.
    expect(readTeamConfig(c.dir)).toEqual({
      server: server.url,
      vingerafdruk: tls.fingerprint,
      werkplek: 'Pc-42',
    })
    expect(JSON.parse(readFileSync(join(c.dir, 'team.json'), 'utf8'))).toEqual({
      server: server.url,
      vingerafdruk: tls.fingerprint,
      werkplek: 'Pc-42',
    })
    // The server answers now: its team is set up, this computer's own (empty) one was not.
    expect(value<AppStatus>(await c.call('app.status', {}))).toMatchObject({
      setupDone: true,
      gemeenteNaam: 'Roermond',
    })
    const team = value<{ naam: string }[]>(await c.call('session.team', {}))
    expect(team.map((m) => m.naam)).toContain('Bert Smeets')
  })

  it('refuses a fingerprint that is not the server’s, in Dutch, and writes nothing', async () => {
    const c = await computer()
    const wrong = `${tls.fingerprint.startsWith('00') ? '11' : '00'}${tls.fingerprint.slice(2)}`
    const res = await c.call('werkplek.koppel', { adres: server.url, vingerafdruk: wrong })
    const message = res.ok ? '' : res.error.message
    expect(message).toMatch(/ander certificaat zien dan het vastgelegde/)
    expect(message).toContain(`Verwacht: ${wrong}`)
    expect(message).toContain(`Gekregen: ${tls.fingerprint}`)
    expect(existsSync(join(c.dir, 'team.json'))).toBe(false)
    expect(value<WerkplekStatus>(await c.call('werkplek.status', {})).modus).toBe('alleen')
  })

  it.each([
    [
      JSON.stringify({ toepassing: 'lange-adem', versie: '0.0.1' }),
      /^De teamserver heeft Lange Adem 0\.0\.1, deze computer /,
    ],
    ['<html>Welkom</html>', /draait geen Lange Adem-teamserver/],
  ])('refuses a server of another version, or another program, in Dutch (%s)', async (hallo, message) => {
    // Another server with the same certificate: the pin matches, the answer does not.
    const other = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => res.end(hallo))
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
    try {
      const c = await computer()
      const adres = `https://127.0.0.1:${(other.address() as AddressInfo).port}`
      const res = await c.call('werkplek.koppel', { adres, vingerafdruk: tls.fingerprint })
      expect(res.ok ? '' : res.error.message).toMatch(message)
      expect(existsSync(join(c.dir, 'team.json'))).toBe(false)
      expect(value<WerkplekStatus>(await c.call('werkplek.status', {})).modus).toBe('alleen')
    } finally {
      other.closeAllConnections()
      await new Promise((done) => other.close(done))
    }
  })

  it('says in Dutch when nothing answers at the address', async () => {
    const c = await computer()
    const res = await c.call('werkplek.bekijkServer', { adres: 'https://127.0.0.1:9' })
    expect(res.ok ? '' : res.error.message).toMatch(/^De teamserver is niet bereikbaar/)
  })

  it.each([
    ['http://server.gemeente.local:8443', /moet met https:\/\/ beginnen/],
    ['http://127.0.0.1:8443', /Gebruik https:\/\/, ook op deze computer/],
    ['https://iemand:geheim@server:8443', /geen naam of wachtwoord/],
    ['https://server:8443/team/v1/api', /zonder iets achter de poort/],
    [`https://${'a'.repeat(200)}.nl`, /te lang/],
    ['https://', /geen geldig adres/],
  ])('refuses the address %s before connecting', async (adres, message) => {
    const c = await computer()
    const res = await c.call('werkplek.bekijkServer', { adres })
    expect(res.ok ? null : res.error.code).toBe('validation')
    expect(res.ok ? '' : res.error.message).toMatch(message)
  })

  it('lets only a signed-in beheerder change it once this computer is set up', async () => {
    const c = await computer()
    await c.call('setup.complete', ROERMOND_SETUP)
    const res = await c.call('werkplek.bekijkServer', { adres: server.url })
    expect(res.ok ? null : res.error).toMatchObject({ code: 'forbidden', message: /Alleen de beheerder/ })
    const team = value<{ id: number; naam: string }[]>(await c.call('session.team', {}))
    const bert = team.find((m) => m.naam === 'Bert Smeets')!
    expect(
      (await c.call('session.signIn', { userId: bert.id, wachtwoord: ROERMOND_SETUP.beheerder.wachtwoord }))
        .ok,
    ).toBe(true)
    expect((await c.call('werkplek.bekijkServer', { adres: server.url })).ok).toBe(true)
  })

  it('goes back to working alone: team.json goes, this computer’s own data opens again', async () => {
    const c = await computer()
    value(
      await c.call('werkplek.koppel', {
        adres: server.url,
        vingerafdruk: tls.fingerprint,
        werkplek: 'Balie 3',
      }),
    )
    // On the server only its beheerder may; nobody is signed in here.
    const refused = await c.call('werkplek.alleen', {})
    expect(refused.ok ? null : refused.error.code).toBe('forbidden')
    const team = value<{ id: number; naam: string }[]>(await c.call('session.team', {}))
    const bert = team.find((m) => m.naam === 'Bert Smeets')!
    value(
      await c.call('session.signIn', { userId: bert.id, wachtwoord: ROERMOND_SETUP.beheerder.wachtwoord }),
    )
    expect(value<WerkplekStatus>(await c.call('werkplek.alleen', {})).modus).toBe('alleen')
    expect(existsSync(join(c.dir, 'team.json'))).toBe(false)
    expect(c.opened()).toBe(2)
    expect(value<AppStatus>(await c.call('app.status', {}))).toMatchObject({
      setupDone: false,
      currentUser: null,
    })
  })

  it('leaves the choice to the command line when that named the server', async () => {
    const remote = await import('./client').then((m) =>
      m.connectToServer({ url: server.url, fingerprint: tls.fingerprint, werkplek: 'Cli' }),
    )
    const ws = createWorkstation({
      dataDir: null,
      defaultWerkplek: 'Cli',
      openSolo: () => Promise.reject(new Error('not here')),
      start: {
        modus: 'team',
        remote,
        config: { server: server.url, vingerafdruk: tls.fingerprint, werkplek: 'Cli' },
      },
    })
    stations.push(ws)
    const s = createSession()
    expect(value<WerkplekStatus>(await ws.dispatcher.call(s, 'werkplek.status', {})).wijzigbaar).toBe(false)
    const res = await ws.dispatcher.call(s, 'werkplek.alleen', {})
    expect(res.ok ? '' : res.error.message).toMatch(/--server/)
  })
})
