import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Dispatcher } from '../app/dispatcher'
import { createSession } from '../app/context'
import { CONTENT_SECURITY_POLICY } from '../shell/security-policy'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

const MAX_BODY = 2 * 1024 * 1024
const UNKNOWN_METHOD = { ok: false, error: { code: 'not_found', message: 'Deze actie bestaat niet.' } }

export interface WebServer {
  url: string
  token: string
  server: Server
  close(): Promise<void>
}

/**
 * The browser mode: the built renderer and the same services, on 127.0.0.1 only.
 * A per-run token guards the API: the page gets it from the address the server prints, and
 * sends it with every call. Host and Origin are checked so another site cannot reach the API
 * through DNS rebinding or a cross-site request. Never part of a packaged app.
 */
export async function startWebServer(opts: {
  dispatcher: Dispatcher
  rendererDir: string
  port?: number
  token?: string
}): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const tokenBuf = Buffer.from(token)
  // One browser mode run is one workplace: one session, as one Electron window would have.
  const session = createSession()
  let port = 0

  const allowedHost = () => [`127.0.0.1:${port}`, `localhost:${port}`]
  const tokenOk = (given: string | undefined) => {
    if (!given) return false
    const b = Buffer.from(given)
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Interne fout')
    })
  })
  // CONNECT (a proxy tunnel) goes to its own event; without an answer Node just drops the line.
  server.on('connect', (_req, socket) =>
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 16\r\n\r\nNiet toegestaan.',
    ),
  )

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHost().includes(req.headers.host ?? ''))
      return send(res, 421, 'text/plain; charset=utf-8', 'Onbekende host')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const api = url.pathname.startsWith('/api/')
    if (req.method !== (api ? 'POST' : 'GET')) {
      // A body sent along is read to its end and thrown away, so the connection stays usable
      // for the next request and the client never meets a reset instead of this answer.
      req.resume()
      res.setHeader('Allow', api ? 'POST' : 'GET')
      // OPTIONS asks what is allowed: the Allow header answers it. No CORS headers, so another
      // site's preflight still fails.
      if (req.method === 'OPTIONS') return send(res, 204, 'text/plain; charset=utf-8', '')
      return send(res, 405, 'text/plain; charset=utf-8', api ? 'Alleen POST' : 'Niet toegestaan')
    }
    if (api) {
      const origin = req.headers.origin
      if (origin && !allowedHost().some((h) => origin === `http://${h}`))
        return send(res, 403, 'text/plain; charset=utf-8', 'Andere herkomst geweigerd')
      if (!tokenOk(req.headers['x-lange-adem-token'] as string | undefined))
        return send(res, 401, 'text/plain; charset=utf-8', 'Toegangssleutel ontbreekt of klopt niet')
      const body = await readBody(req)
      let input: unknown
      try {
        input = body ? JSON.parse(body) : {}
      } catch {
        return sendJson(res, {
          ok: false,
          error: { code: 'validation', message: 'De gegevens konden niet worden gelezen.' },
        })
      }
      let method: string
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length))
      } catch {
        // A broken escape (%E0%A4%A, %) names no method: not found, not a server error.
        return send(res, 404, 'application/json; charset=utf-8', JSON.stringify(UNKNOWN_METHOD))
      }
      return sendJson(res, await opts.dispatcher.call(session, method, input))
    }
    // The page itself is only handed out with the token, so the token never has to be guessed.
    let path = url.pathname === '/' ? '/index.html' : url.pathname
    if (path === '/index.html' && !tokenOk(url.searchParams.get('token') ?? undefined))
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Open Lange Adem via het adres dat bij het starten is getoond.',
      )
    const file = normalize(join(opts.rendererDir, path))
    if (!file.startsWith(normalize(opts.rendererDir) + sep))
      return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden')
    try {
      const data = await readFile(file)
      path = file
      return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', data)
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden')
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const addr = server.address()
  port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // A browser keeps connections open; without this, closing waits for them to time out.
        server.closeAllConnections()
      }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function securityHeaders(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cache-Control', 'no-store')
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  securityHeaders(res)
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}

function sendJson(res: ServerResponse, value: unknown) {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))
}
