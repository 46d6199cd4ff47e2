import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres'
import { openAndMigratePostgres } from '../db/postgres'
import { dropTestDatabases, publishTestPostgres, testStoreIsPostgres, withDatabase } from './postgres'

/**
 * vitest global set-up for `npm run test:pg` (see test/postgres.ts): starts one PostgreSQL for the
 * run (or takes LANGE_ADEM_TEST_PG), migrates the template database, and tears it all down after.
 * Prints how long the start and the removal took. A server that cannot start fails the run.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (!testStoreIsPostgres()) return
  const t0 = performance.now()
  let embedded: EmbeddedServer | null = null
  let admin = process.env['LANGE_ADEM_TEST_PG'] ?? ''
  if (!admin) {
    // A test server: durability off (it is thrown away: no syncs, no full pages in the WAL after
    // the checkpoint each new database brings), enough connections for every worker.
    embedded = await startEmbeddedPostgres('lange-adem-pg-', [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
    ])
    admin = embedded.admin
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
    const t1 = performance.now()
    // The embedded server goes with its folder, databases and all; on LANGE_ADEM_TEST_PG the run's
    // databases are dropped one by one.
    if (embedded) await embedded.stop()
    else await dropTestDatabases(admin, template)
    console.log(`PostgreSQL for the tests: removed in ${Math.round(performance.now() - t1)} ms`)
  }
}
