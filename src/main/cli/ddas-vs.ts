import { readFileSync } from 'node:fs'
import { isSetupDone } from '../features/settings/repository'
import { CredentialError, readSigningCredentials } from '../features/ddas-vs/credentials'
import { certificateName } from '../features/ddas-vs/certificates'
import { createDdasVsHandler } from '../features/ddas-vs/handler'
import { startDdasVsServer } from '../features/ddas-vs/listen'
import { getDdasVsSettings } from '../features/ddas-vs/repository'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

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
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'tls-client-ca': { type: 'string' },
  })
  const { 'tls-cert': tlsCert, 'tls-key': tlsKey, host, 'tls-client-ca': clientCaPath } = values
  if (!tlsCert || !tlsKey) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const portText = values.port
  const port = portText === undefined ? undefined : Number(portText)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    console.error(`Geen geldige poort: ${portText}`)
    return 2
  }
  const tls = {
    cert: readFile(tlsCert, 'het TLS-certificaat'),
    key: readFile(tlsKey, 'de TLS-sleutel'),
    ...(clientCaPath ? { clientCa: readFile(clientCaPath, 'de CA voor clientcertificaten') } : {}),
  }

  const { app } = await openFolder(values)
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
