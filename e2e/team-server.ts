import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import pg from 'pg'
import { startBenchPostgres, type BenchPostgres } from '../src/main/test/embedded-postgres'
import { expect, shot, test as harnessTest } from './harness'

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

/** The store a team server runs on; each team-mode end-to-end test runs once on each. */
export type TeamStore = 'SQLite' | 'PostgreSQL'
export const TEAM_STORES: readonly TeamStore[] = ['SQLite', 'PostgreSQL']

/** The database key of the fixture's team server (for its SQLite file, or its exports on PostgreSQL). */
export const TEAM_KEY = 'd'.repeat(64)

/**
 * The harness's `test` with a team server: `team` is started for the test on `store` (an option,
 * `test.use({ store: 'PostgreSQL' })`, default SQLite) in the test's data folder, under TEAM_KEY,
 * and stopped after it. On PostgreSQL it gets a new, empty database on one embedded PostgreSQL
 * per worker (or LANGE_ADEM_BENCH_PG), started when a test first needs it, so a run on SQLite
 * only starts none. `shot` writes the committed screenshots on SQLite only: the screens are the
 * same on both stores.
 */
export const test = harnessTest.extend<
  { store: TeamStore; team: TeamServer; teamShot: (page: Page, name: string) => Promise<void> },
  { postgres: { database(): Promise<string> } }
>({
  store: ['SQLite', { option: true }],
  postgres: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server: { started?: Promise<BenchPostgres> } = {}
      await use({ database: async () => (await (server.started ??= startBenchPostgres())).database() })
      if (server.started) await (await server.started).stop()
    },
    { scope: 'worker' },
  ],
  team: async ({ store, postgres, dataDir }, use) => {
    const database = store === 'PostgreSQL' ? await postgres.database() : null
    const team = await startTeamServer(dataDir, TEAM_KEY, database ? ['--database', database] : [])
    try {
      await use(team)
    } finally {
      await team.stop()
    }
    // The server ran on the store the test names: it migrated that database.
    if (database) {
      const client = new pg.Client({ connectionString: database })
      await client.connect()
      try {
        const { rows } = await client.query<{ n: string }>('select count(*) as n from kysely_migration')
        expect(Number(rows[0]!.n)).toBeGreaterThan(0)
      } finally {
        await client.end()
      }
    }
  },
  teamShot: async ({ store }, use) => {
    await use((page, name) => (store === 'SQLite' ? shot(page, name) : Promise.resolve()))
  },
})
