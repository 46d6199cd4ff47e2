/**
 * `npm run server -- --data-dir DIR [--port N] [--host H] [--tls-cert FILE --tls-key FILE]
 * [--database postgres://… [--database-ca FILE]]`: the Lange Adem team server. The same services,
 * contract and dispatcher as the desktop app, on the encrypted SQLite database in DIR or on
 * PostgreSQL (README, "PostgreSQL (team server)"); workstations forward their calls to it over TLS
 * (src/main/remote). Imports nothing from Electron. See the README, "Teamserver (voor IT)".
 */
import { readFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { createApp, DATABASE_FILE } from './app/create-app'
import { resolveDataDir } from './app/data-dir'
import { DatabaseTooNewError } from './db/database'
import { PostgresCollationError, PostgresTlsRequiredError } from './db/postgres'
import { DatabaseDamagedError } from './features/backup/service'
import { devKey } from './features/keys/dev-key'
import { DatabaseKeyError } from './features/keys/key'
import { createDdasVsHandler } from './features/ddas-vs/handler'
import { clockFrom } from './lib/clock'
import { CertificateFileError, loadOrCreateCertificate } from './server/certificate'
import { OptionsError, parseServerOptions } from './server/options'
import { startBackgroundWork } from './server/background'
import { startTeamServer } from './server/team-server'

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const options = parseServerOptions(argv, process.env)
  const dataDir = resolveDataDir(argv, process.env)
  const klok = argv.indexOf('--klok')
  const clock = klok >= 0 && argv[klok + 1] ? clockFrom(argv[klok + 1]!) : undefined
  const app = options.database
    ? await createApp({
        dataDir,
        database: options.database,
        // The key of the export backups in the data folder, found as for a SQLite server.
        key: devKey(argv, process.env, dataDir, join(dataDir, DATABASE_FILE)),
        ...(options.databaseCa ? { postgres: { ca: readFileSync(options.databaseCa, 'utf8') } } : {}),
        clock,
      })
    : await createApp({
        dataDir,
        // The database key as for the command line: LANGE_ADEM_DB_KEY, --key-file, or the data folder's key file.
        key: devKey(argv, process.env, dataDir, join(dataDir, DATABASE_FILE)),
        clock,
      })
  const tls = options.plainHttp
    ? null
    : await loadOrCreateCertificate({
        dataDir,
        ...(options.tlsCert ? { certFile: options.tlsCert, keyFile: options.tlsKey! } : {}),
        names: certificateNames(options.host),
        now: new Date(app.clock.now()),
      })
  const log = (line: string) => console.log(`${app.clock.now()} ${line}`)
  const ddasVs = createDdasVsHandler({ db: () => app.database.db, clock: app.clock, log })
  const background = await startBackgroundWork({ app, dataDir, log })
  const server = await startTeamServer({ app, host: options.host, port: options.port, tls, ddasVs, log })
  if (tls?.created) console.log(`Nieuw certificaat gemaakt in ${dataDir}.`)
  if (tls)
    console.log(
      `Vingerafdruk (SHA-256) van het certificaat: ${tls.fingerprint}\nVergelijk die bij de eerste verbinding van elke werkplek.`,
    )
  // Tests and service managers wait for this exact line; people read the address.
  console.log(`LANGE_ADEM_SERVER_READY ${server.url}${tls ? ` ${tls.fingerprint}` : ''}`)
  console.log(
    `Lange Adem teamserver draait op ${server.url}. Gegevensmap: ${dataDir}` +
      (options.database ? `. Opslag: PostgreSQL (${redactedUrl(options.database)})` : ''),
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  background.stop()
  await server.close()
  await app.close()
  return 0
}

/** A `postgres://` URL without its password, for the log. */
function redactedUrl(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

/** The names a self-signed certificate covers: this machine's name and addresses. */
function certificateNames(host: string): string[] {
  const names = [hostname(), 'localhost', '127.0.0.1', '::1']
  if (host !== '0.0.0.0' && host !== '::') names.push(host)
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (!a.internal) names.push(a.address.split('%')[0]!)
  return names
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof OptionsError ||
      err instanceof CertificateFileError ||
      err instanceof DatabaseTooNewError ||
      err instanceof DatabaseKeyError ||
      err instanceof PostgresCollationError ||
      err instanceof PostgresTlsRequiredError
    )
      console.error(err.message)
    else if (err instanceof DatabaseDamagedError)
      console.error(
        `${err.message}\nTerugzetten: npm run cli -- restore-backup --data-dir <map>\n(${err.problem})`,
      )
    else console.error('De teamserver kon niet starten:', err)
    process.exit(1)
  },
)
