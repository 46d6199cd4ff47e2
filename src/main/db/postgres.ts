import pg from 'pg'
import { watchClient } from './commit-watch'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'
import { migrateToLatest, type Db, type OpenedDatabase } from './database'
import { NotOnPostgresError } from './dialect'

export { NotOnPostgresError }

/**
 * The team server's second store: PostgreSQL 14 or newer (issue 19). Same Kysely schema, same
 * migrations (db/dialect.ts says what maps how), same services.
 */

/** Refused before connecting: a connection that leaves the machine without verified TLS. */
export class PostgresTlsRequiredError extends Error {
  constructor(host: string) {
    super(
      `De PostgreSQL-server ${host} staat niet op deze computer. Een verbinding daarheen moet versleuteld zijn ` +
        `en het certificaat van de server moet kloppen: zet sslmode=verify-full in het adres ` +
        `(met sslrootcert=<bestand> als de server een eigen certificaatautoriteit heeft), of geef --database-ca <bestand>.`,
    )
    this.name = 'PostgresTlsRequiredError'
  }
}

/** Refused after connecting: a database whose text order is not the byte order SQLite uses. */
export class PostgresCollationError extends Error {
  constructor(collation: string) {
    super(
      `De PostgreSQL-database sorteert tekst met '${collation}'. Lange Adem heeft 'C' nodig, zodat lijsten in ` +
        `dezelfde volgorde staan als met de SQLite-opslag. Maak de database zo: ` +
        `CREATE DATABASE lange_adem TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';`,
    )
    this.name = 'PostgresCollationError'
  }
}

export function isPostgresUrl(s: string | null | undefined): s is string {
  return !!s && /^postgres(ql)?:\/\//i.test(s)
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i

/** The host a `postgres://` URL connects to; a socket directory (host=/run/...) is local. */
function hostOf(url: URL): string {
  const param = url.searchParams.get('host')
  if (param) return param
  return decodeURIComponent(url.hostname)
}

export interface PostgresOptions {
  /** A CA certificate (PEM) to verify the server with: the explicit alternative to sslmode=verify-full. */
  ca?: string
  /** Connections in the pool (default 10). */
  poolSize?: number
  /** How long a statement waits for a lock before it fails, in ms (default 10 s). */
  lockTimeoutMs?: number
  /** How long an idle connection stays open, in ms (default 10 s; the tests use less). */
  idleTimeoutMillis?: number
}

/**
 * The pg settings for `url`, refusing a connection that leaves the machine without verified TLS:
 * loopback and a local socket may go in plain; anything else needs `sslmode=verify-full` in the
 * URL or a CA given explicitly (`ca`), and then the server's name and certificate are checked.
 */
export function postgresConfig(url: string, opts: PostgresOptions = {}): pg.PoolConfig {
  const parsed = new URL(url)
  const host = hostOf(parsed)
  const local = host === '' || host.startsWith('/') || LOOPBACK.test(host)
  const sslmode = parsed.searchParams.get('sslmode')
  if (!local && sslmode !== 'verify-full' && !opts.ca) throw new PostgresTlsRequiredError(host)
  const config: pg.PoolConfig = {
    connectionString: url,
    max: opts.poolSize ?? 10,
    idleTimeoutMillis: opts.idleTimeoutMillis ?? 10_000,
    allowExitOnIdle: true,
    types: { getTypeParser: typeParser as never },
    // No call waits for a lock without end: after this long the statement fails with 55P03 and
    // the user reads that nothing was saved (app/dispatcher.ts). On a team server the long holder
    // is the monthly import, whose row locks on a case it adds to last until its commit.
    options: `-c lock_timeout=${opts.lockTimeoutMs ?? 10_000}`,
  }
  if (opts.ca) {
    // An explicit CA replaces what the URL says about TLS: verify the chain and the host name.
    const withoutSsl = new URL(url)
    for (const k of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey']) withoutSsl.searchParams.delete(k)
    config.connectionString = withoutSsl.toString()
    config.ssl = { ca: opts.ca, rejectUnauthorized: true }
  }
  return config
}

const INT8 = 20
const NUMERIC = 1700

/**
 * Counts and sums come back from PostgreSQL as bigint or numeric, which pg gives as strings; the
 * services expect numbers, as SQLite gives them. Parsed here, for every query, in one place. A
 * bigint beyond 2^53 cannot be a count or a sum of cents this app makes: it is refused rather
 * than rounded.
 */
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8)
    return (v: string) => {
      const n = Number(v)
      if (!Number.isSafeInteger(n)) throw new Error(`bigint out of range: ${v}`)
      return n
    }
  if (oid === NUMERIC) return (v: string) => Number(v)
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown
}

const SAFE_COLLATIONS = new Set(['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'ucs_basic'])

/**
 * Opens the PostgreSQL database at `url` (not yet migrated). `raw` throws: the raw SQLite paths
 * (file backups, key change) do not exist here.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<OpenedDatabase> {
  const pool = new pg.Pool(postgresConfig(url, opts))
  // Each call's commits are counted, so the dispatcher retries only a call that stored nothing
  pool.on('connect', (client) => watchClient(client))
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    const r = await pool.query<{ collation: string }>(
      `select datcollate as collation from pg_database where datname = current_database()`,
    )
    const collation = r.rows[0]?.collation ?? ''
    if (!SAFE_COLLATIONS.has(collation)) throw new PostgresCollationError(collation)
  } catch (err) {
    await db.destroy()
    throw err
  }
  return {
    db,
    get raw(): never {
      throw new NotOnPostgresError('Deze handeling')
    },
    dialect: 'postgres',
    async close() {
      await db.destroy()
    },
  }
}

/**
 * Opens the database at `url` and brings its schema up to date with the same migrations as
 * SQLite; a database that knows a newer migration is refused (DatabaseTooNewError), untouched.
 * The seam for other stores' tools (move-to-server, restoring an export onto PostgreSQL).
 */
export async function openAndMigratePostgres(
  url: string,
  opts: PostgresOptions = {},
): Promise<OpenedDatabase> {
  const opened = await openPostgres(url, opts)
  try {
    await migrateToLatest(opened.db)
    return opened
  } catch (err) {
    await opened.close()
    throw err
  }
}
