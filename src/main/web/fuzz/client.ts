import { request } from 'node:http'
import { connect } from 'node:net'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'

/** One answer of the server, or what went wrong getting it. */
export interface Answer {
  status: number | null
  headers: Record<string, string | string[] | undefined>
  body: string
  /** The socket error when no answer came (a reset, a hang-up). */
  error: string | null
}

/** A browser-mode server to talk to: its origin (http://127.0.0.1:port) and the run's token. */
export interface Target {
  origin: string
  token: string
}

export interface HttpRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: Buffer | string
}

const TIMEOUT_MS = 30_000

/** One request on its own connection, framed with a Content-Length when it has a body. */
export function send(target: Target, r: HttpRequest): Promise<Answer> {
  const url = new URL(target.origin)
  const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body)
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        agent: false,
        headers: {
          Host: url.host,
          ...(body ? { 'Content-Length': String(body.length) } : {}),
          ...r.headers,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? null,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            error: null,
          }),
        )
        res.on('error', (e) =>
          resolve({ status: res.statusCode ?? null, headers: {}, body: '', error: e.message }),
        )
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')))
    req.on('error', (e) => resolve({ status: null, headers: {}, body: '', error: e.message }))
    req.end(body)
  })
}

/**
 * Bytes written as they are on one connection (any framing, or none), and the first final answer
 * read (1xx interim answers skipped). The connection is not half-closed after writing: a browser
 * never does that, and Node's server drops a half-closed connection's pending answer.
 */
export function sendRaw(target: Target, bytes: Buffer | string): Promise<Answer> {
  const url = new URL(target.origin)
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0)
    let settled = false
    const done = (a: Answer) => {
      if (settled) return
      settled = true
      socket.destroy()
      resolve(a)
    }
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes))
    socket.setTimeout(10_000, () => done(parsed(true) ?? noAnswer('no answer within 10 s')))
    socket.on('error', (e) => done(parsed(true) ?? noAnswer(e.message)))
    socket.on('close', () => done(parsed(true) ?? noAnswer('closed without an answer')))
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c])
      const a = parsed(false)
      if (a) done(a)
    })
    /** The first final answer once it is complete (or, at the end of the connection, as far as it came). */
    function parsed(atEnd: boolean): Answer | null {
      let text = buf.toString('latin1')
      // Skip interim answers (100 Continue)
      while (/^HTTP\/1\.[01] 1\d\d/.test(text) && text.includes('\r\n\r\n'))
        text = text.slice(text.indexOf('\r\n\r\n') + 4)
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text)
      const split = text.indexOf('\r\n\r\n')
      if (!m || split < 0) return null
      const head = text.slice(0, split).toLowerCase()
      const body = text.slice(split + 4)
      const length = /\r\ncontent-length: (\d+)/.exec(head)
      const complete = length
        ? Buffer.byteLength(body, 'latin1') >= Number(length[1])
        : /\r\ntransfer-encoding: chunked/.test(head)
          ? body.includes('0\r\n\r\n')
          : atEnd
      if (!complete && !atEnd) return null
      return {
        status: Number(m[1]),
        headers: {},
        body: Buffer.from(body, 'latin1').toString('utf8'),
        error: null,
      }
    }
  })
}

const noAnswer = (error: string): Answer => ({ status: null, headers: {}, body: '', error })

/** An API call as the page makes it (token, JSON), answered with the raw answer. */
export function callRaw(target: Target, method: string, input: unknown): Promise<Answer> {
  return send(target, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Lange-Adem-Token': target.token },
    body: JSON.stringify(input),
  })
}

/** A file for a method that takes one (the import), streamed as the import screen sends it. */
export function uploadRaw(target: Target, fileName: string, bytes: Buffer): Promise<Answer> {
  return send(target, {
    method: 'POST',
    path: '/api/intake.upload',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Lange-Adem-Token': target.token,
      'X-Lange-Adem-Input': encodeURIComponent(JSON.stringify({ fileName })),
    },
    body: bytes,
  })
}

/** An upload that returns its id or throws the Dutch message (for building the world). */
export async function uploadOk(
  target: Target,
  fileName: string,
  bytes: Buffer,
): Promise<{ uploadId: string }> {
  const a = await uploadRaw(target, fileName, bytes)
  const res = JSON.parse(a.body) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } }
  if (!res.ok) throw new Error(`intake.upload: ${res.error?.message}`)
  return res.value!
}

/** A typed API call that returns the value or throws the Dutch message (for building the world). */
export async function callOk<M extends MethodName>(
  target: Target,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const a = await callRaw(target, method, input)
  const res = JSON.parse(a.body) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`)
  return res.value as ApiOutput<M>
}
