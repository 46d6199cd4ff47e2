import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../src/main/app/context'
import { connectToServer } from '../../src/main/remote/client'
import { appFolderWithBinding, built, root, runShell } from './runner'

// The desktop app in team mode (issue 18): the built Electron bundle, under the stand-in electron
// module, with team.json in its data folder, against a real team server (the built
// `npm run server`, TLS with its own certificate) in a child process.

interface Running {
  url: string
  fingerprint: string
  child: ChildProcess
}

function startTeamServer(dataDir: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/server.js'), '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANGE_ADEM_DB_KEY: 'e'.repeat(64) } },
  )
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  return new Promise((done, fail) => {
    let buf = ''
    child.stdout?.on('data', (d) => {
      buf += String(d)
      const m = /LANGE_ADEM_SERVER_READY (\S+) (\S+)/.exec(buf)
      if (m) done({ url: m[1]!, fingerprint: m[2]!, child })
    })
    child.on('exit', (code) => fail(new Error(`team server exited with ${code}: ${stderr}`)))
  })
}

describe.skipIf(!built)('the built Electron shell in team mode', () => {
  let serverDir: string
  let server: Running
  const dirs: string[] = []

  const workstation = (config: object) => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-team-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'team.json'), JSON.stringify(config))
    return dir
  }

  beforeAll(async () => {
    serverDir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-server-'))
    server = await startTeamServer(serverDir)
  })
  afterAll(() => {
    server?.child.kill('SIGTERM')
    for (const d of [serverDir, ...dirs]) rmSync(d, { recursive: true, force: true })
  })

  it('forwards every call to the team server and keeps nothing but team.json on the workstation', async () => {
    const dir = workstation({ server: server.url, vingerafdruk: server.fingerprint, werkplek: 'Shell 1' })
    const report = runShell(dir, {})
    expect(report.errors).toEqual([])
    expect(report.windowCount).toBe(1)
    // The shell's own probe sets the team up through IPC: that happened on the server.
    expect(report.statusFromTrusted).toMatchObject({ ok: true })
    expect(report.setupResult).toMatchObject({ ok: true })
    expect(report.statusFromForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // No database, no key, no backups on the workstation.
    expect(readdirSync(dir)).toEqual(['team.json'])

    const other = await connectToServer({
      url: server.url,
      fingerprint: server.fingerprint,
      werkplek: 'Controle',
    })
    try {
      const status = await other.call(createSession(), 'app.status', {})
      expect(status).toMatchObject({ ok: true, value: { setupDone: true, gemeenteNaam: 'Roermond' } })
    } finally {
      await other.close()
    }
  })

  it('first run: the choice "Met het team" pins the fingerprint in team.json, and the next start is a workstation', () => {
    // A computer that starts alone (no team.json): its own, empty, encrypted database.
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-choice-'))
    dirs.push(dir)
    const project = appFolderWithBinding()
    dirs.push(project.appDir)
    const env = { STUB_APP_PATH: project.appDir }

    // A wrong fingerprint typed in (or a server that is not ours): refused, nothing written.
    const wrong = `${server.fingerprint.startsWith('00') ? '11' : '00'}${server.fingerprint.slice(2)}`
    const refused = runShell(dir, {
      ...env,
      SHELL_TEAM_CHOICE: JSON.stringify({ adres: server.url, vingerafdruk: wrong }),
    })
    expect(refused.choiceBefore).toMatchObject({ ok: true, value: { modus: 'alleen', wijzigbaar: true } })
    expect(refused.choiceJoin).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/ander certificaat/) },
    })
    expect(existsSync(join(dir, 'team.json'))).toBe(false)

    const first = runShell(dir, {
      ...env,
      SHELL_TEAM_CHOICE: JSON.stringify({
        adres: server.url.replace('https://', ''),
        vingerafdruk: server.fingerprint,
      }),
    })
    expect(first.errors).toEqual([])
    // Alone, it opened its own database (the SQLite binding is loaded)...
    expect(first.nativeModules.some((m: string) => m.endsWith('better_sqlite3.node'))).toBe(true)
    expect(first.statusFromTrusted).toMatchObject({ ok: true, value: { setupDone: false } })
    expect(first.choiceProbe).toEqual({
      ok: true,
      value: { server: server.url, vingerafdruk: server.fingerprint },
    })
    expect(first.choiceJoin).toMatchObject({ ok: true, value: { modus: 'team', werkplek: 'Shell keuze' } })
    // The same window now talks to the server, whose team was set up by the first test.
    expect(first.statusAfterChoice).toMatchObject({
      ok: true,
      value: { setupDone: true, gemeenteNaam: 'Roermond' },
    })
    expect(JSON.parse(readFileSync(join(dir, 'team.json'), 'utf8'))).toEqual({
      server: server.url,
      vingerafdruk: server.fingerprint,
      werkplek: 'Shell keuze',
    })

    // ...the next start reads team.json: a workstation from the start, no database opened.
    const next = runShell(dir, env)
    expect(next.errors).toEqual([])
    expect(next.windowCount).toBe(1)
    expect(next.statusFromTrusted).toMatchObject({
      ok: true,
      value: { setupDone: true, gemeenteNaam: 'Roermond' },
    })
    expect(next.nativeModules.filter((m: string) => m.endsWith('better_sqlite3.node'))).toEqual([])
  })

  it('refuses a server whose certificate is not the pinned one, and opens no window', () => {
    const wrong = `${server.fingerprint.startsWith('00') ? '11' : '00'}${server.fingerprint.slice(2)}`
    const dir = workstation({ server: server.url, vingerafdruk: wrong })
    const report = runShell(dir, {})
    expect(report.exitCode).toBe(1)
    expect(report.windowCount).toBe(0)
    expect(report.errors[0].msg).toMatch(/ander certificaat zien dan het vastgelegde/)
    expect(readdirSync(dir)).toEqual(['team.json'])
  })

  it('explains a team.json it cannot use', () => {
    const dir = workstation({ server: 'http://server:8443', vingerafdruk: server.fingerprint })
    const report = runShell(dir, {})
    expect(report.exitCode).toBe(1)
    expect(report.errors[0].msg).toMatch(/moet "server" een adres zijn dat met https:\/\/ begint/)
  })
})
