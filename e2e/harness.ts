import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

const root = resolve(import.meta.dirname, '..')

/** One running `npm run web` process (built bundle) on its own data folder. */
export interface AppServer {
  url: string
  dataDir: string
  stop(): Promise<void>
}

/** Starts the browser mode on `dataDir` and waits for its readiness line (no sleeps). */
export async function startServer(
  dataDir: string,
  extraArgs: string[] = [],
  /** Extra environment, e.g. LANGE_ADEM_DB_KEY to open a folder the test made itself. */
  env: Record<string, string> = {},
): Promise<AppServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'out/main/web.js'), '--data-dir', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  )
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let buf = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000)
    child.stdout?.on('data', (d) => {
      buf += String(d)
      const m = /LANGE_ADEM_READY (\S+)/.exec(buf)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1]!)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${stderr}`))
    })
  })
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        // A clean stop first; a server that does not end within 5 s is killed.
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(killer)
          done()
        })
        child.kill('SIGTERM')
      }),
  }
}

/** Each test gets a fresh data folder, removed afterwards. */
export const test = base.extend<{ dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
})

export { expect }

/**
 * Screenshots of each screen go to docs/screenshots (committed, so reviewers can look) when a spec
 * is run on its own; `npm test` points LANGE_ADEM_SHOTS_DIR elsewhere, so a full run does not
 * rewrite every committed picture with pixel noise.
 */
export function shotPath(name: string): string {
  return join(process.env.LANGE_ADEM_SHOTS_DIR ?? join(root, 'docs/screenshots'), `${name}.png`)
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: shotPath(name) })
}

/** Calls the running app's API as the page would (token header), and returns the value or throws the Dutch error. */
export async function api(server: AppServer, method: string, input: unknown): Promise<unknown> {
  const url = new URL(server.url)
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lange-Adem-Token': url.searchParams.get('token')! },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.value
}

/** Hands a file to the import as the import screen does (a streamed body), and returns its upload id. */
export async function uploadFile(
  server: AppServer,
  fileName: string,
  content: string | Buffer,
): Promise<string> {
  const url = new URL(server.url)
  const res = await fetch(`${url.origin}/api/intake.upload`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Lange-Adem-Token': url.searchParams.get('token')!,
      'X-Lange-Adem-Input': encodeURIComponent(JSON.stringify({ fileName })),
    },
    body: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  })
  const body = (await res.json()) as {
    ok: boolean
    value?: { uploadId: string }
    error?: { message: string }
  }
  if (!body.ok) throw new Error(`intake.upload: ${body.error?.message}`)
  return body.value!.uploadId
}

/** The team details every API-driven set-up in these tests uses; each spec adds its own wijken and people. */
export const ROERMOND_TEAM = {
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
}

/** The beheerder every API-driven set-up adds when the spec's own team has none. */
export const E2E_BEHEERDER = { naam: 'Bert Smeets', rol: 'beheerder', telefoon: '', email: '', wijken: [] }
/** The password of the beheerder who does the set-up, and the own password every colleague chooses. */
export const E2E_WACHTWOORD = 'e2e-wachtwoord-lang'
const E2E_STARTWACHTWOORD = 'e2e-startwachtwoord'

interface SetupLike {
  medewerkers: { naam: string; rol: string }[]
  [key: string]: unknown
}

/**
 * Completes the set-up through the API as the team's beheerder (Bert Smeets is added when the
 * spec names no beheerder), with E2E_WACHTWOORD as the beheerder's password.
 */
export async function setUp(server: AppServer, setup: SetupLike): Promise<void> {
  const medewerkers = setup.medewerkers.some((m) => m.rol === 'beheerder')
    ? setup.medewerkers
    : [...setup.medewerkers, E2E_BEHEERDER]
  const beheerder = medewerkers.find((m) => m.rol === 'beheerder')!.naam
  await api(server, 'setup.complete', {
    ...setup,
    medewerkers,
    beheerder: { naam: beheerder, wachtwoord: E2E_WACHTWOORD },
  })
}

async function rawApi(server: AppServer, method: string, input: unknown) {
  const url = new URL(server.url)
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lange-Adem-Token': url.searchParams.get('token')! },
    body: JSON.stringify(input),
  })
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

/**
 * Signs the server's session in as a team member by name, through the API, with a password as a
 * person would: on a demo database with the demo password; otherwise with E2E_WACHTWOORD, and a
 * colleague who has no password yet first gets a starting password from the beheerder and
 * chooses E2E_WACHTWOORD as their own. Every spec signs in through here (or `openSignedIn`), so
 * the way of signing in lives in one place.
 */
export async function signInAs(server: AppServer, naam: string): Promise<{ id: number; naam: string }> {
  const status = (await api(server, 'app.status', {})) as { demoWachtwoord: string | null }
  const team = (await api(server, 'session.team', {})) as { id: number; naam: string; rol: string }[]
  const member = team.find((m) => m.naam === naam)
  if (!member) throw new Error(`no team member named ${naam}`)
  const wachtwoord = status.demoWachtwoord ?? E2E_WACHTWOORD
  const first = await rawApi(server, 'session.signIn', { userId: member.id, wachtwoord })
  if (first.ok && !(first.value as { moetWachtwoordKiezen: boolean }).moetWachtwoordKiezen) return member
  if (!/startwachtwoord/.test(first.error?.message ?? ''))
    throw new Error(`session.signIn ${naam}: ${first.error?.message ?? 'must choose a password'}`)
  const beheerder = team.find((m) => m.rol === 'beheerder')!
  await api(server, 'session.signIn', { userId: beheerder.id, wachtwoord: E2E_WACHTWOORD })
  await api(server, 'session.setStartPassword', { userId: member.id, wachtwoord: E2E_STARTWACHTWOORD })
  await api(server, 'session.choosePassword', {
    userId: member.id,
    wachtwoord: E2E_STARTWACHTWOORD,
    nieuwWachtwoord: E2E_WACHTWOORD,
  })
  return member
}

/** Signs in as `naam` and opens the app in the page, waiting until the workspace shows. */
export async function openSignedIn(page: Page, server: AppServer, naam = 'Anouk Peeters'): Promise<void> {
  await signInAs(server, naam)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
}
