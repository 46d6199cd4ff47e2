import { readFileSync } from 'node:fs'
import { openCliApp, option } from '../../cli/open'
import { isSetupDone } from '../settings/repository'
import { CredentialError, readSigningCredentials } from './credentials'
import { certificateName } from './certificates'
import { createDdasVsHandler } from './handler'
import { startDdasVsServer } from './listen'
import { getDdasVsSettings } from './repository'

export const usage =
  'ddas-vs --tls-cert BESTAND --tls-key BESTAND [--port N] [--host ADRES] [--tls-client-ca BESTAND] [--data-dir MAP]   CBS haalt de DDAS-gegevens op (HTTPS)'

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw new CredentialError(`Het bestand met ${what} kan niet gelezen worden: ${path}`)
  }
}

/**
 * `npm run cli -- ddas-vs --data-dir DIR --tls-cert tls.pem --tls-key tls-key.pem [--port 8443]`
 * Serves the DDAS-VS API (POST <pad>/gegevens) over HTTPS on the settings the beheerder made in
 * the app (Instellingen > Koppeling CBS), until stopped (Ctrl+C, or SIGTERM from a service
 * manager). The team server (issue 18) will mount the same handler instead.
 */
export async function run(argv: string[]): Promise<number> {
  const tlsCert = option(argv, '--tls-cert')
  const tlsKey = option(argv, '--tls-key')
  if (!tlsCert || !tlsKey) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const portText = option(argv, '--port')
  const port = portText === undefined ? undefined : Number(portText)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    console.error(`Geen geldige poort: ${portText}`)
    return 2
  }
  const host = option(argv, '--host') ?? '127.0.0.1'
  const clientCaPath = option(argv, '--tls-client-ca')
  const tls = {
    cert: readFile(tlsCert, 'het TLS-certificaat'),
    key: readFile(tlsKey, 'de TLS-sleutel'),
    ...(clientCaPath ? { clientCa: readFile(clientCaPath, 'de CA voor clientcertificaten') } : {}),
  }

  const { app } = await openCliApp(argv)
  let stopping: Promise<void> | null = null
  try {
    const db = app.database.db
    if (!(await isSetupDone(db))) {
      console.error('Lange Adem is in deze gegevensmap nog niet ingericht. Start eerst de app.')
      return 2
    }
    const s = await getDdasVsSettings(db)
    if (!s.aan) {
      console.error(
        'De koppeling met CBS staat uit. De beheerder zet haar aan in Lange Adem: Instellingen > Koppeling CBS.',
      )
      return 1
    }
    const creds = readSigningCredentials(s.certificaatPad, s.sleutelPad, s.kid, new Date(app.clock.now()))
    const handler = createDdasVsHandler({
      db: () => app.database.db,
      clock: app.clock,
      log: (line) => console.log(line),
    })
    const server = await startDdasVsServer({ handler, ...tls, port: port ?? s.poort, host })
    console.log(
      `Ondertekenen met ${certificateName(creds.chain[0]!)} (kid ${creds.kid}); ` +
        `${s.maxPerMinuut} verzoeken per minuut${tls.clientCa ? '; alleen callers met een clientcertificaat' : ''}.`,
    )
    console.log(`LANGE_ADEM_DDAS_VS_READY ${server.url}${s.pad}/gegevens`)
    await new Promise<void>((resolve) => {
      const stop = () => {
        stopping ??= server.close().then(resolve)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  } finally {
    await app.close()
  }
}
