import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

export interface TeamServer {
  url: string
  fingerprint: string
  stop(): Promise<void>
}

/**
 * `npm run server` (the built bundle) on a data folder, on loopback with TLS, under database key
 * `key`; `args` adds options (`--database postgres://…`). Waits for its readiness line.
 */
export async function startTeamServer(
  dataDir: string,
  key: string,
  args: string[] = [],
): Promise<TeamServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'out/main/server.js'), '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANGE_ADEM_DB_KEY: key } },
  )
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const [url, fingerprint] = await new Promise<[string, string]>((done, fail) => {
    let buf = ''
    child.stdout?.on('data', (d) => {
      buf += String(d)
      const m = /LANGE_ADEM_SERVER_READY (\S+) (\S+)/.exec(buf)
      if (m) done([m[1]!, m[2]!])
    })
    child.on('exit', (code) => fail(new Error(`team server exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    fingerprint,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(killer)
          done()
        })
        child.kill('SIGTERM')
      }),
  }
}
