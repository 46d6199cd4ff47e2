import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { apiContract } from '@shared/api'
import type { ApiResult } from '@shared/api/define'
import { tooLarge, type Dispatcher } from '../app/dispatcher'
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

/** A JSON call's body: the largest input any method takes is far smaller. */
export const MAX_BODY = 2 * 1024 * 1024
/**
 * Past its limit a body is still read (and thrown away) up to this much more, so the client gets
 * to read the 413 answer instead of a reset connection; beyond it the connection is closed.
 */
const MAX_DRAIN = 256 * 1024 * 1024
export const TOO_LARGE = Symbol('too large')
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
      if (!res.headersSent) void answer(req, res, 500, 'text/plain; charset=utf-8', 'Interne fout')
    })
  })
  // CONNECT (a proxy tunnel) goes to its own event; without an answer Node just drops the line.
  server.on('connect', (_req, socket) =>
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 16\r\n\r\nNiet toegestaan.',
    ),
  )

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const text = (status: number, body: string) => answer(req, res, status, 'text/plain; charset=utf-8', body)
    if (!allowedHost().includes(req.headers.host ?? '')) return text(421, 'Onbekende host')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const api = url.pathname.startsWith('/api/')
    if (req.method !== (api ? 'POST' : 'GET')) {
      // answer() reads a body sent along to its end, so the connection stays usable and the
      // client never meets a reset instead of this answer.
      res.setHeader('Allow', api ? 'POST' : 'GET')
      // OPTIONS asks what is allowed: the Allow header answers it. No CORS headers, so another
      // site's preflight still fails.
      if (req.method === 'OPTIONS') return text(204, '')
      return text(405, api ? 'Alleen POST' : 'Niet toegestaan')
    }
    if (api) {
      const origin = req.headers.origin
      if (origin && !allowedHost().some((h) => origin === `http://${h}`))
        return text(403, 'Andere herkomst geweigerd')
      if (!tokenOk(req.headers['x-lange-adem-token'] as string | undefined))
        return text(401, 'Toegangssleutel ontbreekt of klopt niet')
      let method: string
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length))
      } catch {
        // A broken escape (%E0%A4%A, %) names no method: not found, not a server error.
        return answer(req, res, 404, 'application/json; charset=utf-8', JSON.stringify(UNKNOWN_METHOD))
      }
      // A file (an import) streams in as the body itself, its input in a header: never as base64 JSON
      if ((req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
        return fileCall(req, res, method)
      const body = await readBody(req, MAX_BODY)
      if (body === TOO_LARGE) return refuseTooLarge(req, res, MAX_BODY)
      let input: unknown
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return json(req, res, 200, {
          ok: false,
          error: { code: 'validation', message: 'De gegevens konden niet worden gelezen.' },
        })
      }
      return json(req, res, 200, await opts.dispatcher.call(session, method, input))
    }
    // The page itself is only handed out with the token, so the token never has to be guessed.
    let path = url.pathname === '/' ? '/index.html' : url.pathname
    if (path === '/index.html' && !tokenOk(url.searchParams.get('token') ?? undefined))
      return text(401, 'Open Lange Adem via het adres dat bij het starten is getoond.')
    const file = normalize(join(opts.rendererDir, path))
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) return text(404, 'Niet gevonden')
    try {
      const data = await readFile(file)
      path = file
      return answer(req, res, 200, TYPES[extname(path)] ?? 'application/octet-stream', data)
    } catch {
      return text(404, 'Niet gevonden')
    }
  }

  /** A method that takes a file: the input from a header, the file streamed in up to the method's own limit. */
  async function fileCall(req: IncomingMessage, res: ServerResponse, method: string) {
    const spec = Object.hasOwn(apiContract, method)
      ? (apiContract[method as keyof typeof apiContract] as { file?: { maxBytes: number } }).file
      : undefined
    if (!spec)
      return json(req, res, 200, {
        ok: false,
        error: { code: 'validation', message: 'Deze actie neemt geen bestand aan.' },
      })
    let input: unknown
    try {
      input = JSON.parse(decodeURIComponent(String(req.headers['x-lange-adem-input'] ?? '%7B%7D')))
    } catch {
      return json(req, res, 200, {
        ok: false,
        error: { code: 'validation', message: 'De gegevens konden niet worden gelezen.' },
      })
    }
    const body = await readBody(req, spec.maxBytes)
    if (body === TOO_LARGE) return refuseTooLarge(req, res, spec.maxBytes)
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
    return json(req, res, 200, await opts.dispatcher.call(session, method, input, bytes))
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

/**
 * The body, or TOO_LARGE past `limit`: what comes after the limit is read and thrown away (up to
 * MAX_DRAIN), so the client finishes sending and reads the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit + MAX_DRAIN) {
      // Not worth reading at all: answer now and close the connection after the answer
      req.pause()
      return resolve(TOO_LARGE)
    }
    let size = 0
    let over = Number.isFinite(declared) && declared > limit
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (!over && size > limit) {
        over = true
        chunks.length = 0
      }
      if (!over) chunks.push(c)
      else if (size > limit + MAX_DRAIN) {
        req.pause()
        resolve(TOO_LARGE)
      }
    })
    req.on('end', () => resolve(over ? TOO_LARGE : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** 413 with a Dutch answer the page can show (JSON, like every API answer). */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number) {
  const { message, fields } = tooLarge(limit)
  res.setHeader('Connection', 'close')
  return json(req, res, 413, { ok: false, error: { code: 'validation', message, fields } })
}

function securityHeaders(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cache-Control', 'no-store')
}

/**
 * Sends an answer once the request's body is read: a client still sending when the answer comes
 * would get a reset connection instead of the answer (a body on a GET, an OPTIONS, a refused
 * call). What is left of the body is read and thrown away, up to MAX_DRAIN; a larger one is cut off.
 */
export async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
) {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > MAX_DRAIN) res.setHeader('Connection', 'close')
  else if (!req.complete && !req.readableEnded && !req.destroyed) {
    let drained = 0
    await new Promise<void>((done) => {
      req.on('data', (c: Buffer) => {
        drained += c.length
        if (drained > MAX_DRAIN) {
          res.setHeader('Connection', 'close')
          done()
        }
      })
      req.once('end', () => done())
      req.once('close', () => done())
      req.once('error', () => done())
      req.resume()
    })
  }
  securityHeaders(res)
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}

export function json(req: IncomingMessage, res: ServerResponse, status: number, value: ApiResult<unknown>) {
  return answer(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}
