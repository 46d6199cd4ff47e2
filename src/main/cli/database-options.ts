import { readFileSync } from 'node:fs'
import { isPostgresUrl, postgresConfig } from '../db/postgres'
import { UsageError } from './options'

/** The environment variable the server and the commands read a PostgreSQL URL from. */
export const DATABASE_URL_ENV = 'LANGE_ADEM_DATABASE_URL'

/**
 * A command's PostgreSQL target: `--database postgres://…` or LANGE_ADEM_DATABASE_URL, with
 * `--database-ca FILE` as for the server. The TLS rule is checked before anything opens (a
 * database that is not on this machine needs `sslmode=verify-full` or a CA). Undefined when no
 * database is given.
 */
export function databaseOptions(
  values: { database?: string | undefined; 'database-ca'?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): { url: string; ca?: string } | undefined {
  const url = values.database ?? env[DATABASE_URL_ENV]
  const caFile = values['database-ca']
  if (!url) {
    if (caFile) throw new UsageError('--database-ca hoort bij --database postgres://…')
    return undefined
  }
  if (!isPostgresUrl(url))
    throw new UsageError(
      `Geef bij --database het adres van een PostgreSQL-database (postgres://gebruiker@server/database), niet: ${url}`,
    )
  const ca = caFile ? readFileSync(caFile, 'utf8') : undefined
  // Throws PostgresTlsRequiredError (a Dutch message) for a remote server without verified TLS.
  postgresConfig(url, ca ? { ca } : {})
  return { url, ...(ca ? { ca } : {}) }
}
