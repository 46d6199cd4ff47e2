import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../src/main/app/context'
import { connectToServer } from '../../src/main/remote/client'
import { built, root, runShell } from './runner'

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
