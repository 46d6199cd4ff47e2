import { isIP } from 'node:net'
import { isPostgresUrl, postgresConfig } from '../db/postgres'

/**
 * `npm run server -- --data-dir DIR [--port N] [--host H] [--tls-cert FILE --tls-key FILE] [--http]
 *   [--database postgres://… [--database-ca FILE]]`
 *
 * `--database` (or LANGE_ADEM_DATABASE_URL) runs the services on PostgreSQL instead of the SQLite
 * file in the data folder; a PostgreSQL that is not on loopback needs `sslmode=verify-full` in the
 * URL or a CA file (`--database-ca`), else the server refuses to start.
 *
 * The server listens with TLS. `--http` (plain HTTP) is accepted only on a loopback address,
 * for a reverse proxy on the same machine or a test; anywhere else the server refuses to start.
 */
export const DEFAULT_PORT = 8443
export const DEFAULT_HOST = '0.0.0.0'

export interface ServerOptions {
  port: number
  host: string
  tlsCert?: string
  tlsKey?: string
  plainHttp: boolean
  /** A `postgres://` URL: the store is PostgreSQL (README, "PostgreSQL (team server)"). */
  database?: string
  /** A CA certificate file to verify the PostgreSQL server with. */
  databaseCa?: string
}

export class OptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OptionsError'
  }
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

/** 127.0.0.0/8, ::1 and `localhost`: nothing outside this machine can reach them. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  const bare = host.replace(/^\[|\]$/g, '')
  if (isIP(bare) === 4) return bare.startsWith('127.')
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare)
  return false
}

/** The PostgreSQL store, from `--database` or LANGE_ADEM_DATABASE_URL, checked before anything opens. */
function databaseOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Pick<ServerOptions, 'database' | 'databaseCa'> {
  const database = option(argv, '--database') ?? env['LANGE_ADEM_DATABASE_URL']
  const databaseCa = option(argv, '--database-ca')
  if (!database) {
    if (databaseCa) throw new OptionsError('--database-ca hoort bij --database postgres://…')
    return {}
  }
  if (!isPostgresUrl(database))
    throw new OptionsError(
      `Geef bij --database het adres van een PostgreSQL-database (postgres://gebruiker@server/database), niet: ${database}`,
    )
  try {
    // Checks the address and the TLS rule; the CA file itself is read when the server opens it.
    postgresConfig(database, databaseCa ? { ca: 'given' } : {})
  } catch (err) {
    throw new OptionsError(err instanceof Error ? err.message : String(err))
  }
  return { database, ...(databaseCa ? { databaseCa } : {}) }
}

export function parseServerOptions(argv: string[], env: NodeJS.ProcessEnv = {}): ServerOptions {
  const portText = option(argv, '--port')
  const port = portText === undefined ? DEFAULT_PORT : Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new OptionsError(`Geen geldige poort: ${portText}`)
  const host = option(argv, '--host') ?? DEFAULT_HOST
  if (host !== 'localhost' && isIP(host.replace(/^\[|\]$/g, '')) === 0)
    throw new OptionsError(
      `Geef bij --host een IP-adres van deze server (bijvoorbeeld 0.0.0.0), niet: ${host}`,
    )
  const tlsCert = option(argv, '--tls-cert')
  const tlsKey = option(argv, '--tls-key')
  if (Boolean(tlsCert) !== Boolean(tlsKey))
    throw new OptionsError('Geef het certificaat en de sleutel samen: --tls-cert BESTAND --tls-key BESTAND.')
  const plainHttp = argv.includes('--http')
  if (plainHttp && (tlsCert || tlsKey))
    throw new OptionsError('Kies --http (zonder versleuteling) of een certificaat, niet allebei.')
  if (plainHttp && !isLoopback(host))
    throw new OptionsError(
      `De teamserver start niet zonder TLS op ${host}: onversleuteld kan alleen op 127.0.0.1 (bijvoorbeeld achter een reverse proxy op deze server). Laat --http weg; de server maakt dan zelf een certificaat.`,
    )
  return {
    port,
    host,
    plainHttp,
    ...(tlsCert ? { tlsCert } : {}),
    ...(tlsKey ? { tlsKey } : {}),
    ...databaseOptions(argv, env),
  }
}
