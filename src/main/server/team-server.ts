import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { apiContract } from '@shared/api'
import type { ApiResult } from '@shared/api/define'
import { APP_VERSION } from '@shared/version'
import type { App } from '../app/create-app'
import { onWorkstation } from '../features/audit/workstation'
import type { DdasVsHandler } from '../features/ddas-vs/handler'
import { answer, json, MAX_BODY, readBody, refuseTooLarge, TOO_LARGE } from '../web/server'
import { createImportGate, importBusyMessage, IMPORT_METHODS, type ImportGate } from './import-gate'
import { INPUT_HEADER, TEAM_PREFIX, VERSION_HEADER, versionMismatchMessage, type Hallo } from './protocol'
import {
  cleanWorkstationName,
  createSessionStore,
  createWorkstationThrottle,
  PASSWORD_METHODS,
  workstationBlockedMessage,
  type SessionStore,
  type TeamSession,
} from './sessions'

/**
 * The team server's HTTP layer: sessions per workstation in front of the very dispatcher the
 * desktop app uses (every role, scope and input check is the dispatcher's; the change feed that
 * lets screens refresh is one of its methods, `changes.since`), and the DDAS-VS endpoint under
 * its own path. TLS unless the
 * caller listens on loopback (server/options.ts decides; this function only obeys).
 */
export interface TeamServer {
  url: string
  server: Server
  sessions: SessionStore
  imports: ImportGate
  close(): Promise<void>
}

const SESSION_EXPIRED = {
  ok: false,
  error: {
    code: 'not_signed_in',
    message:
      'Je sessie op de teamserver is verlopen, of de teamserver is opnieuw gestart. Er is niets opgeslagen. Meld je opnieuw aan.',
  },
} as const

export async function startTeamServer(opts: {
  app: Pick<App, 'dispatcher' | 'during' | 'database' | 'clock'>
  host: string
  port: number
  tls: { cert: Buffer; key: Buffer } | null
  ddasVs?: DdasVsHandler
  log?: (line: string) => void
}): Promise<TeamServer> {
  const { app } = opts
  const sessions = createSessionStore()
  const throttle = createWorkstationThrottle()
  const imports = createImportGate()
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      opts.log?.(`Fout bij ${req.method} ${req.url}: ${String(err)}`)
      if (!res.headersSent) void answer(req, res, 500, 'text/plain; charset=utf-8', 'Interne fout')
    })
  }
  const server: Server = opts.tls
    ? (createHttpsServer(
        { cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' },
        handler,
      ) as Server)
    : createHttpServer(handler)
  // An import of a large file takes a while; a client that stops sending is let go.
  server.requestTimeout = 300_000
  server.headersTimeout = 20_000
  // Workstations keep their connections open between calls. The server keeps an idle one longer
  // than a client does (remote/client.ts, IDLE_SOCKET_MS), so a client never sends on a
  // connection the server is just closing (which would reset the call).
  server.keepAliveTimeout = 30_000

  const bearer = (req: IncomingMessage) => {
    const h = req.headers.authorization ?? ''
    return h.startsWith('Bearer ') ? h.slice('Bearer '.length).trim() : undefined
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://teamserver')
    const path = url.pathname
    if (!path.startsWith(`${TEAM_PREFIX}/`)) return other(req, res, path)
    const route = path.slice(TEAM_PREFIX.length)
    if (route === '/hallo') {
      const hallo: Hallo = { toepassing: 'lange-adem', versie: APP_VERSION }
      return answer(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(hallo))
    }
    const clientVersion = String(req.headers[VERSION_HEADER] ?? '')
    if (clientVersion !== APP_VERSION)
      return json(req, res, 426, {
        ok: false,
        error: {
          code: 'conflict',
          message: versionMismatchMessage(clientVersion || 'onbekend', APP_VERSION),
        },
      })
    if (route === '/sessie' && req.method === 'POST') {
      const body = await readBody(req, 4096)
      if (body === TOO_LARGE) return refuseTooLarge(req, res, 4096)
      let werkplek: string | null
      try {
        werkplek = cleanWorkstationName(
          (JSON.parse(body.toString('utf8')) as { werkplek?: unknown }).werkplek,
        )
      } catch {
        werkplek = null
      }
      if (!werkplek)
        return json(req, res, 400, {
          ok: false,
          error: {
            code: 'validation',
            message:
              'De naam van deze werkplek ontbreekt of is niet geldig (letters, cijfers, spatie, punt of streepje; hoogstens 40 tekens).',
          },
        })
      const { token } = sessions.open(werkplek)
      return answer(req, res, 200, 'application/json; charset=utf-8', JSON.stringify({ token }))
    }
    const token = bearer(req)
    const entry = sessions.get(token)
    if (!entry) return json(req, res, 401, SESSION_EXPIRED)
    if (route === '/afmelden' && req.method === 'POST') {
      sessions.close(token!)
      return answer(req, res, 204, 'text/plain; charset=utf-8', '')
    }
    if (route.startsWith('/api/') && req.method === 'POST') {
      let method: string
      try {
        method = decodeURIComponent(route.slice('/api/'.length))
      } catch {
        method = ''
      }
      return call(req, res, entry, method)
    }
    return answer(req, res, 404, 'text/plain; charset=utf-8', 'Niet gevonden')
  }

  /** One dispatcher call on the token's session, inside its workstation (for the logboek). */
  async function call(req: IncomingMessage, res: ServerResponse, entry: TeamSession, method: string) {
    const spec = Object.hasOwn(apiContract, method)
      ? (apiContract[method as keyof typeof apiContract] as { file?: { maxBytes: number } }).file
      : undefined
    const isFile = (req.headers['content-type'] ?? '').startsWith('application/octet-stream')
    let input: unknown
    let file: Uint8Array | undefined
    if (isFile) {
      if (!spec)
        return json(req, res, 200, {
          ok: false,
          error: { code: 'validation', message: 'Deze actie neemt geen bestand aan.' },
        })
      try {
        input = JSON.parse(decodeURIComponent(String(req.headers[INPUT_HEADER] ?? '%7B%7D')))
      } catch {
        return unreadable(req, res)
      }
      const body = await readBody(req, spec.maxBytes)
      if (body === TOO_LARGE) return refuseTooLarge(req, res, spec.maxBytes)
      file = new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
    } else {
      const body = await readBody(req, MAX_BODY)
      if (body === TOO_LARGE) return refuseTooLarge(req, res, MAX_BODY)
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return unreadable(req, res)
      }
    }
    const checksPassword = PASSWORD_METHODS.has(method)
    if (checksPassword) {
      const wait = throttle.waitSeconds(entry.werkplek)
      if (wait > 0)
        return json(req, res, 200, {
          ok: false,
          error: { code: 'forbidden', message: workstationBlockedMessage(wait) },
        })
    }
    let release: (() => void) | null = null
    if (IMPORT_METHODS.has(method) && entry.session.userId !== null) {
      const naam = await app.during(async () => {
        const user = await app.database.db
          .selectFrom('app_user')
          .select('naam')
          .where('id', '=', entry.session.userId!)
          .executeTakeFirst()
        return user?.naam ?? 'Een collega'
      })
      const gate = imports.enter({ naam, werkplek: entry.werkplek, since: app.clock.now() })
      if ('busy' in gate)
        return json(req, res, 200, {
          ok: false,
          error: { code: 'conflict', message: importBusyMessage(gate.busy) },
        })
      release = gate.release
    }
    let result: ApiResult<unknown>
    try {
      result = await onWorkstation(entry.werkplek, () =>
        app.dispatcher.call(entry.session, method, input, file),
      )
    } finally {
      release?.()
    }
    if (checksPassword) {
      if (result.ok) throttle.succeeded(entry.werkplek)
      else if (result.error.code === 'forbidden') throttle.failed(entry.werkplek)
    }
    return json(req, res, 200, result)
  }

  /** Outside /team/v1: the DDAS-VS endpoint under the beheerder's path, else nothing. */
  async function other(req: IncomingMessage, res: ServerResponse, path: string) {
    if (opts.ddasVs) {
      const ddas = opts.ddasVs
      const base = await app.during(() => ddas.basePath())
      if (path === base || path.startsWith(`${base}/`)) return app.during(() => ddas.handle(req, res))
    }
    return answer(req, res, 404, 'text/plain; charset=utf-8', 'Niet gevonden')
  }

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
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    server,
    sessions,
    imports,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function unreadable(req: IncomingMessage, res: ServerResponse) {
  return json(req, res, 200, {
    ok: false,
    error: { code: 'validation', message: 'De gegevens konden niet worden gelezen.' },
  })
}
