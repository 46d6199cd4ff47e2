import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { DdasVsHandler } from './handler'

/**
 * The stand-alone HTTPS listener for the DDAS-VS API, until the team server (issue 18) mounts
 * the same handler itself. Imported by the command line only: nothing in the desktop app serves
 * HTTP (a test of the packaged app checks that).
 *
 * TLS here is the transport: its certificate is another one than the signing certificate (the
 * DDAS specification asks for two). With `clientCa` the listener asks every caller for a client
 * certificate issued under it (mutual TLS from the FSC inway).
 */
export interface DdasVsServer {
  url: string
  server: Server
  close(): Promise<void>
}

export async function startDdasVsServer(opts: {
  handler: DdasVsHandler
  cert: Buffer
  key: Buffer
  clientCa?: Buffer
  port: number
  host: string
}): Promise<DdasVsServer> {
  const server = createServer(
    {
      cert: opts.cert,
      key: opts.key,
      minVersion: 'TLSv1.2',
      ...(opts.clientCa ? { ca: opts.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
    },
    (req, res) => void opts.handler.handle(req, res),
  )
  // A page of 50,000 signals takes seconds to build; a caller that stops sending is let go.
  server.requestTimeout = 120_000
  server.headersTimeout = 20_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  return {
    url: `https://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
