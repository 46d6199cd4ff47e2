import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../app/create-app'
import { startWebServer, type WebServer } from './server'

/** A raw HTTP exchange: the status and body the client reads, or the network error it gets instead. */
function exchange(
  url: string,
  opts: { method: string; headers: Record<string, string>; body: Buffer; chunked?: boolean },
): Promise<{ status: number; body: string; headers: Record<string, unknown> } | { error: string }> {
  return new Promise((resolve) => {
    const headers = opts.chunked
      ? { ...opts.headers, 'Transfer-Encoding': 'chunked' }
      : { ...opts.headers, 'Content-Length': String(opts.body.length) }
    const req = request(url, { method: opts.method, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', (e) => resolve({ error: String(e) }))
    if (opts.chunked) {
      // In pieces, without a Content-Length: the server learns the size only while reading
      for (let i = 0; i < opts.body.length; i += 64 * 1024) req.write(opts.body.subarray(i, i + 64 * 1024))
      req.end()
    } else req.end(opts.body)
  })
}

/** A plain request for the tests of the first part: the answer, or a thrown network error. */
async function httpRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const r = await exchange(url, {
    method: opts.method ?? 'GET',
    headers: opts.headers ?? {},
    body: Buffer.from(opts.body ?? ''),
  })
  if ('error' in r) throw new Error(r.error)
  return r
}

/** Raw HTTP/1.1 over one connection, read until the server closes it: framing exactly as written. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text))
    let out = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => (out += d))
    socket.on('error', reject)
    socket.on('close', () => resolve(out))
  })
}

describe('the browser-mode server', () => {
  let app: App
  let web: WebServer
  let dir: string
  let origin: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lange-adem-web-'))
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true })
    writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>Lange Adem</title>')
    writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser')
    app = await createApp({ memory: true })
    web = await startWebServer({ dispatcher: app.dispatcher, rendererDir: join(dir, 'renderer') })
    origin = new URL(web.url).origin
  })
  afterAll(async () => {
    await web.close()
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    httpRequest(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Lange-Adem-Token': web.token, ...headers },
      body: JSON.stringify(body),
    })

  it('listens on loopback only', () => {
    expect(new URL(web.url).hostname).toBe('127.0.0.1')
    const addr = web.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
  })

  it('hands out the page only with the token, with a CSP', async () => {
    expect((await httpRequest(`${origin}/`)).status).toBe(401)
    expect((await httpRequest(`${origin}/?token=wrong`)).status).toBe(401)
    const page = await httpRequest(web.url)
    expect(page.status).toBe(200)
    expect(page.body).toContain('Lange Adem')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await httpRequest(`${origin}/assets/app.js`)).status).toBe(200)
  })

  it('never serves files outside the renderer folder', async () => {
    expect((await httpRequest(`${origin}/../secret.txt`)).status).toBe(404)
    expect((await httpRequest(`${origin}/%2e%2e/secret.txt`)).status).toBe(404)
  })

  it('answers the API only with the token, the right host and no foreign origin', async () => {
    const ok = await api('app.status', {})
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { setupDone: false } })
    expect((await api('app.status', {}, { 'X-Lange-Adem-Token': 'nope' })).status).toBe(401)
    expect((await api('app.status', {}, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('app.status', {}, { Host: 'evil.example' })).status).toBe(421)
    expect((await httpRequest(`${origin}/api/app.status`)).status).toBe(405)
  })

  it('turns unreadable JSON and unknown methods into Dutch errors', async () => {
    const bad = await httpRequest(`${origin}/api/app.status`, {
      method: 'POST',
      headers: { 'X-Lange-Adem-Token': web.token },
      body: '{not json',
    })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } })
    const unknown = await api('fs.readFile', {})
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { message: 'Deze actie bestaat niet.' },
    })
  })

  // Bodies over the limit: a Dutch answer (413), never a reset connection
  const headers = () => ({ 'Content-Type': 'application/json', 'X-Lange-Adem-Token': web.token })
  const big = Buffer.alloc(3 * 1024 * 1024, 'a')

  it('answers a JSON body over 2 MB with 413 and a Dutch message, with or without a Content-Length', async () => {
    for (const chunked of [false, true]) {
      const r = await exchange(`${origin}/api/app.status`, {
        method: 'POST',
        headers: headers(),
        body: big,
        chunked,
      })
      expect(r).toMatchObject({ status: 413 })
      const body = JSON.parse((r as { body: string }).body) as { ok: boolean; error: { message: string } }
      expect(body.ok).toBe(false)
      expect(body.error.message).toMatch(/groter dan 2 MB/)
    }
    // The server keeps answering
    const after = await exchange(`${origin}/api/app.status`, {
      method: 'POST',
      headers: headers(),
      body: Buffer.from('{}'),
    })
    expect(after).toMatchObject({ status: 200 })
  })

  it('answers a body on a refused request instead of resetting the connection', async () => {
    // OPTIONS is answered (204 with Allow); GET and PUT are refused (405): never a reset.
    for (const [method, status] of [
      ['OPTIONS', 204],
      ['GET', 405],
      ['PUT', 405],
    ] as const) {
      const r = await exchange(`${origin}/api/app.status`, { method, headers: headers(), body: big })
      expect({ method, r: 'status' in r ? r.status : r }).toEqual({ method, r: status })
    }
  })

  it('streams a file to a method that takes one, and refuses it elsewhere or past the limit', async () => {
    const file = (method: string, body: Buffer) =>
      exchange(`${origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-Lange-Adem-Token': web.token,
          'X-Lange-Adem-Input': encodeURIComponent(JSON.stringify({ fileName: 'a.csv' })),
        },
        body,
      })
    const elsewhere = await file('app.status', Buffer.from('x'))
    expect(JSON.parse((elsewhere as { body: string }).body)).toMatchObject({
      ok: false,
      error: { message: 'Deze actie neemt geen bestand aan.' },
    })
    // Nobody signed in: the dispatcher refuses, after the file was read whole
    const upload = await file('intake.upload', Buffer.from('ID;Naam\n1;Berg\n'))
    expect(JSON.parse((upload as { body: string }).body)).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    })
    const huge = await file('intake.upload', Buffer.alloc(65 * 1024 * 1024, 'a'))
    expect(huge).toMatchObject({ status: 413 })
    expect(JSON.parse((huge as { body: string }).body).error.message).toMatch(/groter dan 64 MB/)
  })

  it('answers a broken escape in the method name with 404, not a server error', async () => {
    for (const name of ['%E0%A4%A', '%', '%ZZ', 'app.status%']) {
      const res = await api(name, {})
      expect(res.status, name).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject({
        ok: false,
        error: { message: 'Deze actie bestaat niet.' },
      })
    }
  })

  it('answers OPTIONS, with or without a body, and keeps the connection usable', async () => {
    const port = Number(new URL(origin).port)
    const head = `Host: 127.0.0.1:${port}\r\nX-Lange-Adem-Token: ${web.token}\r\n`
    const next = `POST /api/app.status HTTP/1.1\r\n${head}Content-Length: 2\r\nConnection: close\r\n\r\n{}`
    const bodies: [string, string][] = [
      ['none', '\r\n'],
      ['small', 'Content-Length: 5\r\n\r\nhallo'],
      ['3 MB', `Content-Length: 3000000\r\n\r\n${'x'.repeat(3_000_000)}`],
      ['chunked', 'Transfer-Encoding: chunked\r\n\r\n5\r\nhallo\r\n0\r\n\r\n'],
    ]
    for (const [label, body] of bodies) {
      for (const path of ['/api/app.status', '/']) {
        const out = await rawExchange(port, `OPTIONS ${path} HTTP/1.1\r\n${head}${body}${next}`)
        const statuses = [...out.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((m) => m[1])
        expect(statuses, `${label} ${path}`).toEqual(['204', '200'])
        expect(out).toContain(path === '/' ? 'Allow: GET' : 'Allow: POST')
        expect(out).toContain('"ok":true')
        // No CORS grant: another site's preflight still fails
        expect(out.toLowerCase()).not.toContain('access-control-allow')
      }
    }
  })

  it('answers CONNECT with 405 instead of dropping the line', async () => {
    const port = Number(new URL(origin).port)
    const out = await rawExchange(port, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
    expect(out).toMatch(/^HTTP\/1\.1 405/)
    expect(out).toContain('Niet toegestaan.')
  })
})
