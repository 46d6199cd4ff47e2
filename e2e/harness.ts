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
export async function startServer(dataDir: string, extraArgs: string[] = []): Promise<AppServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'out/main/web.js'), '--data-dir', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
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

/** Screenshots of each screen go to docs/screenshots (committed, so reviewers can look). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'docs/screenshots', `${name}.png`) })
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

/**
 * Signs the server's session in as a team member by name, through the API. Every spec signs in through
 * here (or `openSignedIn`), so the way of signing in lives in one place.
 */
export async function signInAs(server: AppServer, naam: string): Promise<{ id: number; naam: string }> {
  const team = (await api(server, 'session.team', {})) as { id: number; naam: string }[]
  const member = team.find((m) => m.naam === naam)
  if (!member) throw new Error(`no team member named ${naam}`)
  await api(server, 'session.signIn', { userId: member.id })
  return member
}

/** Signs in as `naam` and opens the app in the page, waiting until the workspace shows. */
export async function openSignedIn(page: Page, server: AppServer, naam = 'Anouk Peeters'): Promise<void> {
  await signInAs(server, naam)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
}
