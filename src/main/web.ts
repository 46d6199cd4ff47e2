/**
 * `npm run web`: the same renderer against the same services, in a browser on 127.0.0.1.
 * For development and end-to-end tests only; it imports nothing from Electron.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp, DATABASE_FILE } from './app/create-app'
import { resolveDataDir, hasFlag } from './app/data-dir'
import { startWebServer } from './web/server'
import { loadDemoData } from './features/demo/service'
import { isSetupDone } from './features/settings/repository'
import { DatabaseTooNewError } from './db/database'
import { backupDue, DatabaseDamagedError } from './features/backup/service'
import { devKey } from './features/keys/dev-key'
import { DatabaseKeyError } from './features/keys/key'
import { startRetentionSchedule } from './features/retention/purge'
import { clockFrom } from './lib/clock'
import { connectToServer, RemoteError } from './remote/client'
import { normaliseFingerprint } from './server/fingerprint'
import { readTeamConfig, TeamConfigError } from './remote/config'
import { createWorkstation, type Current, type SoloBackend } from './remote/workstation'
import { hostname } from 'node:os'

async function main() {
  const argv = process.argv.slice(2)
  const serverUrl = option(argv, '--server')
  if (serverUrl) return teamClient(argv, serverUrl)
  const dataDir = resolveDataDir(argv, process.env)
  const portArg = argv.indexOf('--port')
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.LANGE_ADEM_PORT ?? 0)
  const werkplek = option(argv, '--werkplek') ?? hostname().slice(0, 40)
  // team.json in the data folder (written by the first-run choice "Met het team", or placed by
  // IT): a workstation of the team server, with no database here. Otherwise this folder's data.
  const team = readTeamConfig(dataDir)
  const start: Current = team
    ? {
        modus: 'team',
        config: team,
        remote: await connectToServer({
          url: team.server,
          fingerprint: team.vingerafdruk,
          werkplek: team.werkplek,
        }),
      }
    : { modus: 'alleen', solo: await openSolo(argv, dataDir) }
  const workstation = createWorkstation({
    dataDir,
    defaultWerkplek: werkplek,
    openSolo: () => openSolo(argv, dataDir),
    start,
  })
  const here = dirname(fileURLToPath(import.meta.url))
  const web = await startWebServer({
    dispatcher: workstation.dispatcher,
    rendererDir: join(here, '../renderer'),
    port,
  })
  // Tests wait for this exact line; people read the address.
  console.log(`LANGE_ADEM_READY ${web.url}`)
  console.log(`Lange Adem draait. Open in de browser: ${web.url}`)
  console.log(team ? `Teamserver: ${team.server} (werkplek ${team.werkplek})` : `Gegevensmap: ${dataDir}`)
  const stop = async () => {
    await web.close()
    await workstation.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** This folder's own data: the encrypted database, its backup and retention schedule. */
async function openSolo(argv: string[], dataDir: string): Promise<SoloBackend> {
  // Browser mode is for development and tests only: the key comes from LANGE_ADEM_DB_KEY,
  // --key-file, or a key file in the data folder (with a warning). See the README.
  const key = devKey(argv, process.env, dataDir, join(dataDir, DATABASE_FILE))
  // Tests of work over several days start the app at a given moment (never in a packaged app).
  const klok = argv.indexOf('--klok')
  const clock = klok >= 0 && argv[klok + 1] ? clockFrom(argv[klok + 1]!) : undefined
  const app = await createApp({ dataDir, key, clock })
  if (backupDue(dataDir, app.clock.now())) await app.backupNow()
  // Expired personal data deleted at start and daily (before demo data, so a fresh demo stays whole).
  const stopRetention = await startRetentionSchedule(() => app.database.db, app.clock)
  if (hasFlag(argv, '--demo') && !(await isSetupDone(app.database.db)))
    await loadDemoData(app.database.db, app.clock)
  return {
    dispatcher: app.dispatcher,
    close: async () => {
      stopRetention()
      await app.close()
    },
  }
}

/**
 * `npm run web -- --server URL --fingerprint SHA256 [--werkplek NAAM]`: the browser mode as a
 * workstation of a team server. Every call is forwarded to the server (remote/client.ts); this
 * process opens no database and keeps no personal data. The page is the same.
 */
async function teamClient(argv: string[], serverUrl: string) {
  const fingerprint = option(argv, '--fingerprint')
  const werkplek = option(argv, '--werkplek') ?? hostname().slice(0, 40)
  const portArg = option(argv, '--port')
  const port = portArg !== undefined ? Number(portArg) : Number(process.env.LANGE_ADEM_PORT ?? 0)
  const remote = await connectToServer({ url: serverUrl, werkplek, ...(fingerprint ? { fingerprint } : {}) })
  // The command line decides here: the screens show the server but cannot change it.
  const workstation = createWorkstation({
    dataDir: null,
    defaultWerkplek: werkplek,
    openSolo: () => Promise.reject(new Error('--server')),
    start: {
      modus: 'team',
      remote,
      config: { server: serverUrl, vingerafdruk: normaliseFingerprint(fingerprint ?? '') ?? '', werkplek },
    },
  })
  const here = dirname(fileURLToPath(import.meta.url))
  const web = await startWebServer({
    dispatcher: workstation.dispatcher,
    rendererDir: join(here, '../renderer'),
    port,
  })
  console.log(`LANGE_ADEM_READY ${web.url}`)
  console.log(
    `Lange Adem draait met de teamserver ${serverUrl} (werkplek ${werkplek}). Open in de browser: ${web.url}`,
  )
  const stop = async () => {
    await web.close()
    await workstation.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** The value of `--name VALUE` or `--name=VALUE`, if given. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

main().catch((err) => {
  if (err instanceof RemoteError || err instanceof TeamConfigError) console.error(err.message)
  else if (err instanceof DatabaseTooNewError || err instanceof DatabaseKeyError) console.error(err.message)
  else if (err instanceof DatabaseDamagedError)
    console.error(
      `${err.message}\nTerugzetten: npm run cli -- restore-backup --data-dir <map>\n(${err.problem})`,
    )
  else console.error('Lange Adem kon niet starten:', err)
  process.exit(1)
})
