import { createHash, createPublicKey, constants, verify as cryptoVerify, X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { exportJWK, generateKeyPair, SignJWT, FlattenedSign, type JWK } from 'jose'
import { ORGANISATIE, octoberTeam, settingsInput } from '../../test/monitor-data'
import { signal, signInAs } from '../../test/fixtures'
import { makeTestPki, type TestIdentity, type TestPki } from '../../test/pki'
import { createDdasVsHandler } from './handler'
import { startDdasVsServer, type DdasVsServer } from './listen'

/**
 * A test client plays CBS against the DDAS-VS API over HTTPS, as DDAS-VS.yaml describes it: it
 * gets a token from a test issuer (client credentials), collects the period in two pages with
 * signed requests, and checks every answer on its own terms: the Digest header, the JAdES
 * signature (checked here with Node's crypto and the test chain, not with the server's code),
 * the official v1.2 schema, and that the pages together hold every signal of the period once.
 * Then the refusals: missing, wrong and expired tokens, a wrong scope and tampered requests.
 */

const ROOT = resolve(__dirname, '../../../..')
const v12 = JSON.parse(
  readFileSync(resolve(ROOT, 'resources/ddas/json_schema_Uitwisselmodel.v1.2.json'), 'utf8'),
)
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validV12 = ajv.compile(v12)

const OCTOBER_REQUEST = {
  aanleverperiodeStartdatum: '2026-10-01',
  aanleverperiodeEinddatum: '2026-10-31',
  aanleverendeOrganisatie: 'Gemeente Roermond',
}
const ISSUER = 'https://auth.proef.example/cbs'
const AUDIENCE = 'https://lange-adem.roermond.example/ddas-vs'
const CLIENT_ID = 'cbs-ddas-ophaal'
const CLIENT_SECRET = 'proef-geheim-van-cbs'

type Team = Awaited<ReturnType<typeof octoberTeam>>

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  raw: Buffer
  json: any
}

/** The test issuer: a token endpoint (client credentials) and its JWKS, on 127.0.0.1. */
async function startIssuer(now: () => string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'proef-uitgever-1', alg: 'RS256', use: 'sig' }
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += String(c)))
    req.on('end', () => {
      void (async () => {
        if (req.url === '/jwks') {
          res.writeHead(200, { 'Content-Type': 'application/json' })
          return res.end(JSON.stringify({ keys: [jwk] }))
        }
        const form = new URLSearchParams(body)
        if (
          req.url !== '/token' ||
          form.get('grant_type') !== 'client_credentials' ||
          form.get('client_id') !== CLIENT_ID ||
          form.get('client_secret') !== CLIENT_SECRET
        ) {
          res.writeHead(400, { 'Content-Type': 'application/json' })
          return res.end(JSON.stringify({ error: 'invalid_client' }))
        }
        const iat = Math.floor(Date.parse(now()) / 1000)
        const token = await new SignJWT({ scope: form.get('scope') ?? 'read', client_id: CLIENT_ID })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid!, typ: 'at+jwt' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(CLIENT_ID)
          .setIssuedAt(iat)
          .setExpirationTime(iat + 300)
          .sign(privateKey)
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 300 }))
      })()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    jwksUrl: `${base}/jwks`,
    privateKey,
    kid: jwk.kid!,
    async token(scope = 'read'): Promise<string> {
      const res = await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          scope,
        }),
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { access_token: string }).access_token
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const b64url = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url')

/** CBS signs its request the same way: Digest, and a detached JAdES signature over it. */
async function signRequest(body: Buffer, who: TestIdentity, chain: TestIdentity[], at: Date) {
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`
  const { createPrivateKey } = await import('node:crypto')
  const jws = await new FlattenedSign(new TextEncoder().encode(`digest: ${digest}`))
    .setProtectedHeader({
      alg: 'PS256',
      typ: 'JOSE',
      kid: 'cbs-2026',
      x5c: [who, ...chain].map((c) => Buffer.from(c.cert.rawData).toString('base64')),
      sigT: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sigD: { mId: 'http://uri.etsi.org/19182/HttpHeaders', pars: ['digest'] },
      b64: false,
      crit: ['sigT', 'sigD', 'b64'],
    })
    .sign(createPrivateKey(who.keyPem), { crit: { sigT: true, sigD: true } })
  return { digest, signature: `${jws.protected}..${jws.signature}` }
}

describe('CBS collects the DDAS data through the DDAS-VS API', () => {
  let pki: TestPki
  let team: Team
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let server: DdasVsServer
  let dir: string
  let base: string
  const log: string[] = []

  /** One HTTPS request as CBS's outway would send it; the TLS certificate is checked against the test root. */
  function post(
    path: string,
    body: Buffer | string,
    headers: Record<string, string>,
    method = 'POST',
  ): Promise<Answer> {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body)
    return new Promise((done, fail) => {
      const req = request(
        `${base}${path}`,
        {
          method,
          ca: pki.root.certPem,
          headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const raw = Buffer.concat(chunks)
            done({
              status: res.statusCode!,
              headers: res.headers,
              raw,
              json: JSON.parse(raw.toString('utf8')),
            })
          })
        },
      )
      req.on('error', fail)
      req.end(data)
    })
  }

  const now = () => new Date(team.t.clock.now())
  async function collect(request: object, token?: string, extra: Record<string, string> = {}) {
    const body = Buffer.from(JSON.stringify(request))
    const signed = await signRequest(body, pki.cbs, [pki.intermediate], now())
    return post('/ddas-vs/v1/gegevens', body, {
      Authorization: `Bearer ${token ?? (await issuer.token())}`,
      Digest: signed.digest,
      'nlgov-adr-payload-sig': signed.signature,
      ...extra,
    })
  }

  /**
   * What CBS must check on every answer, done here without the server's code: the Digest over
   * the exact bytes, then the detached JWS: its header (PS256, typ JOSE, kid, x5c, sigD with only
   * "digest"), the x5c chain up to the test root with Node's X509Certificate, and the RSA-PSS
   * signature over `<protected>.digest: <Digest>` with Node's crypto.verify.
   */
  function checkSigned(a: Answer): Record<string, any> {
    const digest = a.headers['digest'] as string
    expect(digest).toMatch(/^SHA-256=[A-Za-z0-9+/=]{43,44}$/)
    expect(digest).toBe(`SHA-256=${createHash('sha256').update(a.raw).digest('base64')}`)
    const sig = a.headers['nlgov-adr-payload-sig'] as string
    const m = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/.exec(sig)
    expect(m, 'a detached compact JWS').not.toBeNull()
    const header = JSON.parse(Buffer.from(m![1]!, 'base64url').toString('utf8'))
    expect(header).toMatchObject({
      alg: 'PS256',
      typ: 'JOSE',
      b64: false,
      sigD: { mId: 'http://uri.etsi.org/19182/HttpHeaders', pars: ['digest'] },
    })
    expect(header.crit).toEqual(expect.arrayContaining(['sigD', 'b64']))
    expect(typeof header.kid).toBe('string')
    const chain = (header.x5c as string[]).map((c) => new X509Certificate(Buffer.from(c, 'base64')))
    const root = new X509Certificate(pki.root.certPem)
    expect(chain.map((c) => c.subject)).toEqual([
      new X509Certificate(pki.gemeente.certPem).subject,
      new X509Certificate(pki.intermediate.certPem).subject,
    ])
    expect(chain[0]!.checkIssued(chain[1]!) && chain[0]!.verify(chain[1]!.publicKey)).toBe(true)
    expect(chain[1]!.checkIssued(root) && chain[1]!.verify(root.publicKey)).toBe(true)
    expect(header['x5t#S256']).toBe(b64url(createHash('sha256').update(chain[0]!.raw).digest()))
    const ok = cryptoVerify(
      'sha256',
      Buffer.from(`${m![1]}.digest: ${digest}`),
      {
        key: createPublicKey(chain[0]!.publicKey.export({ type: 'spki', format: 'pem' })),
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: 32,
      },
      Buffer.from(m![2]!, 'base64url'),
    )
    expect(ok, 'RSA-PSS signature over the digest line').toBe(true)
    return header
  }

  function expectProblem(a: Answer, status: number, fsc: string | null, type: string) {
    expect(a.status).toBe(status)
    expect(a.headers['content-type']).toBe('application/problem+json')
    expect(a.json).toMatchObject({ status, type: `urn:lange-adem:ddas-vs:${type}` })
    expect(typeof a.json.title).toBe('string')
    expect(typeof a.json.detail).toBe('string')
    if (fsc) {
      expect(a.headers['fsc-error-code']).toBe(fsc)
      expect(a.json).toMatchObject({ code: fsc, domain: 'ERROR_DOMAIN_INWAY' })
    } else expect(a.headers['fsc-error-code']).toBeUndefined()
    checkSigned(a)
  }

  beforeAll(async () => {
    team = await octoberTeam()
    const { t } = team
    pki = await makeTestPki(new Date(t.clock.now()))
    // A second signal of C's household joins C's open case, with a higher number than F and G:
    // the case's signals are not next to each other in the delivery.
    t.clock.set('2026-10-28T09:00:00.000Z')
    const extra = signal({
      achternaam: 'Claessens',
      postcode: '6044 AA',
      partnerType: 'Energie',
      signaaldatum: '27-10-2026',
    })
    extra.signaal.externId = 'VPS-C2'
    await t.call('signals.createManual', extra)
    t.clock.set('2026-11-10T09:30:00.000Z')
    await signInAs(t, 'Fatima El Idrissi')
    const s = await t.call('monitor.settings', {})
    await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))

    dir = mkdtempSync(join(tmpdir(), 'lange-adem-ddas-vs-'))
    writeFileSync(
      join(dir, 'ondertekening.pem'),
      pki.gemeente.certPem + pki.intermediate.certPem + pki.root.certPem,
    )
    writeFileSync(join(dir, 'ondertekening.key'), pki.gemeente.keyPem, { mode: 0o600 })
    issuer = await startIssuer(() => t.clock.now())
    await signInAs(t, 'Bert Smeets')
    await t.call('ddasVs.saveSettings', {
      aan: true,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: issuer.jwksUrl,
      jwks: '',
      certificaatPad: join(dir, 'ondertekening.pem'),
      sleutelPad: join(dir, 'ondertekening.key'),
      vertrouwdeCaPad: '',
      kid: 'roermond-ddas-2026',
      poort: 8443,
      pad: '/ddas-vs/v1',
      maxPerMinuut: 100,
      ondertekeningVerplicht: false,
    })
    const handler = createDdasVsHandler({
      db: () => t.app.database.db,
      clock: t.app.clock,
      log: (l) => log.push(l),
    })
    server = await startDdasVsServer({
      handler,
      cert: Buffer.from(pki.tls.certPem + pki.intermediate.certPem),
      key: Buffer.from(pki.tls.keyPem),
      port: 0,
      host: '127.0.0.1',
    })
    base = server.url
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await issuer?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('collects October in two pages: signed, valid v1.2, every signal of the period exactly once', async () => {
    const { t } = team
    const first = await collect({ ...OCTOBER_REQUEST, page: 1, pageSize: 5 })
    expect(first.status).toBe(200)
    expect(first.headers['content-type']).toBe('application/json')
    expect(first.headers['cache-control']).toBe('no-store')
    expect(first.headers['api-version']).toBe('1.0.0')
    const header = checkSigned(first)
    expect(header.kid).toBe('roermond-ddas-2026')
    expect(Object.keys(first.json).sort()).toEqual(['gegevens', 'paginering'])
    expect(first.json.paginering).toEqual({ pageSize: 5, currentPage: 1, totalPages: 2, totalRecords: 9 })
    expect(validV12(first.json.gegevens), JSON.stringify(validV12.errors)).toBe(true)

    const second = await collect({ ...OCTOBER_REQUEST, page: 2, pageSize: 5 })
    expect(second.status).toBe(200)
    checkSigned(second)
    expect(second.json.paginering).toEqual({ pageSize: 5, currentPage: 2, totalPages: 2, totalRecords: 9 })
    expect(validV12(second.json.gegevens), JSON.stringify(validV12.errors)).toBe(true)
    // The same snapshot: page 2 was cut from the delivery page 1 came from.
    expect(second.json.gegevens.aanleverdatumEnTijd).toBe(first.json.gegevens.aanleverdatumEnTijd)

    // Together, the pages are the delivery the Monitor's export makes for October: every signal
    // once, every case once, nothing else.
    await signInAs(t, 'Fatima El Idrissi')
    const file = await t.call('monitor.exportDdas', { van: '2026-10-01', tot: '2026-10-31' })
    const whole = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')).leveringen[0]
    const pages = [first, second].map((a) => a.json.gegevens.leveringen[0])
    const signals = pages.flatMap((l) => l.vroegsignalen)
    const cases = pages.flatMap((l) => l.vroegsignaalzaken)
    const canon = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort()
    expect(signals).toHaveLength(9)
    expect(new Set(signals.map((s: { ID: string }) => s.ID)).size).toBe(9)
    expect(canon(signals)).toEqual(canon(whole.vroegsignalen))
    expect(canon(cases)).toEqual(canon(whole.vroegsignaalzaken))
    expect(pages[0].aanleverendeOrganisatie).toEqual(whole.aanleverendeOrganisatie)
    // C's two signals stand together, and each case refers to signals of the delivery.
    const ids = signals.map((s: { ID: string }) => s.ID)
    expect(ids.indexOf('VPS-C2')).toBe(ids.indexOf('VPS-C') + 1)
    for (const z of cases) for (const r of z.vroegsignalen) expect(ids).toContain(r.ID)

    // Each page is in the logboek: who, which period, how many; and in the Monitor's list.
    const overview = await t.call('ddasVs.collections', {})
    expect(overview.aan).toBe(true)
    expect(overview.collections.slice(0, 2)).toEqual([
      expect.objectContaining({
        clientId: CLIENT_ID,
        van: '2026-10-01',
        tot: '2026-10-31',
        pagina: 2,
        paginas: 2,
        signalen: 4,
        totaalSignalen: 9,
      }),
      expect.objectContaining({ clientId: CLIENT_ID, pagina: 1, signalen: 5, totaalSignalen: 9 }),
    ])
    const audit = await t.call('audit.search', { actie: 'ddas-opgehaald', page: 1, pageSize: 10 })
    expect(audit.rows.map((r) => r.samenvatting)).toEqual([
      expect.stringMatching(
        /opgehaald door cbs-ddas-ophaal .*01-10-2026 t\/m 31-10-2026, pagina 2 van 2, 4 van 9 signalen/,
      ),
      expect.stringMatching(/pagina 1 van 2, 5 van 9 signalen/),
    ])
    expect(audit.rows[0]!.door).toBe('systeem')
    expect((await t.call('audit.verify', {})).ok).toBe(true)
  })

  it('keeps a case whole on the page of its first signal when its signals straddle two pages', async () => {
    const pages = []
    for (let page = 1; page <= 5; page++) {
      const a = await collect({ ...OCTOBER_REQUEST, page, pageSize: 2 })
      expect(a.status).toBe(200)
      expect(validV12(a.json.gegevens), JSON.stringify(validV12.errors)).toBe(true)
      pages.push(a.json)
    }
    expect(pages.map((p) => p.paginering.totalPages)).toEqual([5, 5, 5, 5, 5])
    const ids = pages.map((p) => p.gegevens.leveringen[0].vroegsignalen.map((s: { ID: string }) => s.ID))
    expect(ids.flat()).toHaveLength(9)
    expect(new Set(ids.flat()).size).toBe(9)
    const caseB = pages.findIndex((p) =>
      p.gegevens.leveringen[0].vroegsignaalzaken.some((z: { vroegsignalen: { ID: string }[] }) =>
        z.vroegsignalen.some((r) => r.ID === 'VPS-B2'),
      ),
    )
    expect(ids[caseB]).toContain('VPS-B1')
    const allCases = pages.flatMap((p) => p.gegevens.leveringen[0].vroegsignaalzaken)
    expect(new Set(allCases.map((z) => JSON.stringify(z))).size).toBe(allCases.length)

    // A page past the last: no signals and no cases, but the paging figures.
    const beyond = await collect({ ...OCTOBER_REQUEST, page: 6, pageSize: 2 })
    expect(beyond.status).toBe(200)
    expect(beyond.json.paginering).toEqual({ pageSize: 2, currentPage: 6, totalPages: 5, totalRecords: 9 })
    expect(beyond.json.gegevens.leveringen[0].vroegsignalen).toEqual([])
    expect(beyond.json.gegevens.leveringen[0].vroegsignaalzaken).toEqual([])
    expect(validV12(beyond.json.gegevens)).toBe(true)
  })

  it('answers without paging parameters with everything on one page, and caps the page size at 50,000', async () => {
    const all = await collect(OCTOBER_REQUEST)
    expect(all.json.paginering).toEqual({ pageSize: 50_000, currentPage: 1, totalPages: 1, totalRecords: 9 })
    const big = await collect({ ...OCTOBER_REQUEST, pageSize: 100_000 })
    expect(big.json.paginering.pageSize).toBe(50_000)
    expect(big.json.gegevens.leveringen[0].vroegsignalen).toHaveLength(9)
  })

  it('refuses a request without a token, with a wrong token, an expired token or without scope read', async () => {
    const body = JSON.stringify(OCTOBER_REQUEST)
    const none = await post('/ddas-vs/v1/gegevens', body, {})
    expectProblem(none, 401, 'ERROR_CODE_ACCESS_TOKEN_MISSING', 'token-ontbreekt')
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/)

    // Signed by a key the issuer does not have.
    const { privateKey: otherKey } = await generateKeyPair('RS256')
    const at = Math.floor(now().getTime() / 1000)
    const forged = await new SignJWT({ scope: 'read', client_id: CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256', kid: issuer.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(at)
      .setExpirationTime(at + 300)
      .sign(otherKey)
    const wrong = await collect(OCTOBER_REQUEST, forged)
    expectProblem(wrong, 401, 'ERROR_CODE_ACCESS_TOKEN_INVALID', 'token-ongeldig')
    expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/)

    // The issuer's own key, but meant for another audience.
    const otherAudience = await new SignJWT({ scope: 'read', client_id: CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256', kid: issuer.kid })
      .setIssuer(ISSUER)
      .setAudience('https://iemand-anders.example')
      .setIssuedAt(at)
      .setExpirationTime(at + 300)
      .sign(issuer.privateKey)
    expectProblem(
      await collect(OCTOBER_REQUEST, otherAudience),
      401,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
      'token-ongeldig',
    )

    // A real token from the issuer, used after it expired (five minutes, and the 30 s leeway).
    const token = await issuer.token()
    team.t.clock.idle(6 * 60_000)
    try {
      const expired = await collect(OCTOBER_REQUEST, token)
      expectProblem(expired, 401, 'ERROR_CODE_ACCESS_TOKEN_EXPIRED', 'token-verlopen')
    } finally {
      team.t.clock.set('2026-11-10T09:30:00.000Z')
    }

    const noRead = await collect(OCTOBER_REQUEST, await issuer.token('write'))
    expectProblem(noRead, 403, null, 'scope-ontbreekt')
    expect(noRead.json).toMatchObject({ code: 'insufficient_scope', domain: 'ERROR_DOMAIN_INWAY' })
    expect(noRead.headers['www-authenticate']).toMatch(/insufficient_scope/)
  })

  it('refuses a signed request that was changed on the way, or signed outside PKIoverheid', async () => {
    const token = await issuer.token()
    const body = Buffer.from(JSON.stringify({ ...OCTOBER_REQUEST, page: 1, pageSize: 5 }))
    const signed = await signRequest(body, pki.cbs, [pki.intermediate], now())
    const headers = {
      Authorization: `Bearer ${token}`,
      Digest: signed.digest,
      'nlgov-adr-payload-sig': signed.signature,
    }

    // The body changed after signing: the Digest no longer matches.
    const changed = Buffer.from(JSON.stringify({ ...OCTOBER_REQUEST, page: 2, pageSize: 5 }))
    const tampered = await post('/ddas-vs/v1/gegevens', changed, headers)
    expectProblem(tampered, 400, null, 'ongeldige-ondertekening')
    expect(tampered.json.detail).toMatch(/Digest/)

    // The Digest recomputed too: now the signature no longer matches.
    const redigested = await post('/ddas-vs/v1/gegevens', changed, {
      ...headers,
      Digest: `SHA-256=${createHash('sha256').update(changed).digest('base64')}`,
    })
    expectProblem(redigested, 400, null, 'ongeldige-ondertekening')
    expect(redigested.json.detail).toMatch(/handtekening klopt niet/)

    // Properly signed, but by a certificate that does not chain to the trusted root.
    const stranger = await signRequest(body, pki.strangerLeaf, [pki.stranger], now())
    const foreign = await post('/ddas-vs/v1/gegevens', body, {
      Authorization: `Bearer ${token}`,
      Digest: stranger.digest,
      'nlgov-adr-payload-sig': stranger.signature,
    })
    expectProblem(foreign, 400, null, 'ongeldige-ondertekening')
    expect(foreign.json.detail).toMatch(/vertrouwd basiscertificaat/)

    // The untouched request goes through.
    expect((await post('/ddas-vs/v1/gegevens', body, headers)).status).toBe(200)
  })

  it('refuses wrong requests with problem details: syntax 400, contents 422, method 405, path 404', async () => {
    const token = await issuer.token()
    expectProblem(await collect({ ...OCTOBER_REQUEST, page: 0 }, token), 400, null, 'ongeldig-verzoek')
    const unknown = await collect({ ...OCTOBER_REQUEST, periode: 'oktober' }, token)
    expectProblem(unknown, 400, null, 'ongeldig-verzoek')
    expect(unknown.json.detail).toBe('Onbekende parameter: periode.')
    expectProblem(
      await collect({ aanleverperiodeStartdatum: '2026-02-30' }, token),
      400,
      null,
      'ongeldig-verzoek',
    )
    const reversed = await collect(
      { aanleverperiodeStartdatum: '2026-10-31', aanleverperiodeEinddatum: '2026-10-01' },
      token,
    )
    expectProblem(reversed, 422, null, 'niet-verwerkbaar')
    const other = await collect({ ...OCTOBER_REQUEST, aanleverendeOrganisatie: 'Gemeente Venlo' }, token)
    expectProblem(other, 422, null, 'niet-verwerkbaar')
    // The gemeentecode names the organisation too.
    expect((await collect({ ...OCTOBER_REQUEST, aanleverendeOrganisatie: '0957' }, token)).status).toBe(200)
    const get = await post('/ddas-vs/v1/gegevens', '', { Authorization: `Bearer ${token}` }, 'GET')
    expectProblem(get, 405, 'ERROR_CODE_METHOD_UNSUPPORTED', 'methode-niet-toegestaan')
    expect(get.headers['allow']).toBe('POST')
    expectProblem(
      await post('/ddas-vs/v1/anders', '{}', {}),
      404,
      'ERROR_CODE_SERVICE_NOT_FOUND',
      'niet-gevonden',
    )
    expectProblem(
      await post('/ddas-vs/v1/gegevens', '{niet json', { Authorization: `Bearer ${token}` }),
      400,
      null,
      'ongeldig-verzoek',
    )
    // A refused request collects nothing: no logboek entry for it.
    expect(log.some((l) => / 405 client=- /.test(l))).toBe(true)
  })

  it('passes the rate limit with 429, and is switched off with 404 until the beheerder switches it on', async () => {
    const { t } = team
    await signInAs(t, 'Bert Smeets')
    const s = await t.call('ddasVs.settings', {})
    await t.call('ddasVs.saveSettings', { ...s, maxPerMinuut: 2 })
    const token = await issuer.token()
    try {
      // The new limit starts a full bucket of 2; the third request within the minute is refused.
      const answers = []
      for (let i = 0; i < 3; i++) answers.push(await collect(OCTOBER_REQUEST, token))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429])
      expectProblem(answers[2]!, 429, null, 'te-veel-verzoeken')
      expect(Number(answers[2]!.headers['retry-after'])).toBeGreaterThan(0)
      team.t.clock.idle(60_000)
    } finally {
      t.clock.set('2026-11-10T09:30:00.000Z')
    }
    await t.call('ddasVs.saveSettings', { ...s, aan: false })
    const off = await collect(OCTOBER_REQUEST, token)
    expectProblem(off, 404, 'ERROR_CODE_SERVICE_NOT_FOUND', 'niet-gevonden')
    expect(off.json.detail).toBe('De koppeling met CBS staat uit.')
    await t.call('ddasVs.saveSettings', s)
    expect((await collect(OCTOBER_REQUEST, token)).status).toBe(200)
  })
})
