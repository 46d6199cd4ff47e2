import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportJWK, generateKeyPair } from 'jose'
import type { DdasVsSettings } from '@shared/api/ddas-vs'
import { setUpTeam, signInAs, testApp } from '../../test/fixtures'
import { makeTestPki, testIssue, type TestPki } from '../../test/pki'
import { verifyChain } from './certificates'
import { readSigningCredentials } from './credentials'
import { digestOf, signPayload, verifyPayloadSignature } from './jades'
import { pageOf, pageOrder } from './paging'
import { rateLimiter } from './rate-limit'
import { requestProblem, resolveRequest } from './request'
import type { DdasFile } from '../monitor/ddas-format'

const AT = new Date('2026-11-10T09:30:00.000Z')
let pki: TestPki
let dir: string
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

beforeAll(async () => {
  pki = await makeTestPki(AT)
  dir = mkdtempSync(join(tmpdir(), 'lange-adem-ddas-vs-unit-'))
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the beheerder configures the CBS connection', () => {
  async function beheerder() {
    const t = await testApp(AT.toISOString())
    await setUpTeam(t, 'Bert Smeets')
    const s = await t.call('ddasVs.settings', {})
    return { t, s }
  }
  const jwks = async () =>
    JSON.stringify({ keys: [await exportJWK((await generateKeyPair('RS256')).publicKey)] })
  const complete = async (s: DdasVsSettings): Promise<DdasVsSettings> => ({
    ...s,
    aan: true,
    issuer: 'https://auth.proef.example',
    audience: 'lange-adem',
    jwks: await jwks(),
    certificaatPad: file('chain.pem', pki.gemeente.certPem + pki.intermediate.certPem + pki.root.certPem),
    sleutelPad: file('sign.key', pki.gemeente.keyPem),
  })

  it('is off by default, with the port, path and limit filled in', async () => {
    const { s } = await beheerder()
    expect(s).toMatchObject({
      aan: false,
      poort: 8443,
      pad: '/ddas-vs/v1',
      maxPerMinuut: 30,
      ondertekeningVerplicht: false,
    })
  })

  it('cannot be switched on without issuer, keys, certificate and key, and says per field what is missing', async () => {
    const { t, s } = await beheerder()
    const r = await t.raw('ddasVs.saveSettings', { ...s, aan: true })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.fields).toMatchObject({
      issuer: expect.stringContaining('uitgever'),
      audience: expect.stringContaining('audience'),
      jwksUrl: expect.stringContaining('sleutels'),
      certificaatPad: expect.stringContaining('certificaat'),
      sleutelPad: expect.stringContaining('sleutel'),
    })
    // Switched off, a half-finished form may be kept.
    expect((await t.call('ddasVs.saveSettings', { ...s, issuer: 'https://auth.proef.example' })).issuer).toBe(
      'https://auth.proef.example',
    )
  })

  it('refuses a private key pasted as issuer key, a plain-http key address and a key that does not fit', async () => {
    const { t, s } = await beheerder()
    const full = await complete(s)
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    const secret = await t.raw('ddasVs.saveSettings', {
      ...full,
      jwks: JSON.stringify({ keys: [await exportJWK(privateKey)] }),
    })
    expect(!secret.ok && secret.error.fields?.['jwks']).toMatch(/geheime sleutel/)
    const http = await t.raw('ddasVs.saveSettings', {
      ...full,
      jwks: '',
      jwksUrl: 'http://auth.proef.example/jwks',
    })
    expect(!http.ok && http.error.fields?.['jwksUrl']).toMatch(/https/)
    const otherKey = await t.raw('ddasVs.saveSettings', {
      ...full,
      sleutelPad: file('other.key', pki.cbs.keyPem),
    })
    expect(!otherKey.ok && otherKey.error.fields?.['sleutelPad']).toMatch(
      /hoort bij geen van de certificaten/,
    )
    const missing = await t.raw('ddasVs.saveSettings', { ...full, certificaatPad: join(dir, 'nergens.pem') })
    expect(!missing.ok && missing.error.fields?.['certificaatPad']).toMatch(/bestaat niet op de server/)
  })

  it('switches on, records it in the logboek, and the check finds everything in order', async () => {
    const { t, s } = await beheerder()
    const saved = await t.call('ddasVs.saveSettings', await complete(s))
    expect(saved.aan).toBe(true)
    const audit = await t.call('audit.search', { page: 1, pageSize: 10 })
    expect(audit.rows[0]!.samenvatting).toMatch(/CBS-koppeling \(DDAS-VS\) gewijzigd \(aangezet\): aan/)
    // The supplying organisation has no contact person yet: the only fault.
    const check = await t.call('ddasVs.check', {})
    expect(check.items.filter((i) => i.status !== 'goed').map((i) => i.titel)).toEqual([
      'Aanleverende organisatie',
    ])
    expect(check.bruikbaar).toBe(false)
    expect(check.items.find((i) => i.titel === 'Keten tot het basiscertificaat')!.tekst).toMatch(
      /Proef Staat der Nederlanden Root CA/,
    )
    // Without the intermediate in the file the chain cannot be followed to the root.
    await t.call('ddasVs.saveSettings', {
      ...saved,
      certificaatPad: file('leaf-only.pem', pki.gemeente.certPem + pki.root.certPem),
    })
    const loose = await t.call('ddasVs.check', {})
    expect(loose.items.find((i) => i.titel === 'Keten tot het basiscertificaat')!.status).toBe('waarschuwing')
  })

  it('lets the kwaliteitsmedewerker look but not change, and keeps consulenten out', async () => {
    const { t, s } = await beheerder()
    await signInAs(t, 'Fatima El Idrissi')
    expect((await t.call('ddasVs.settings', {})).aan).toBe(false)
    expect((await t.call('ddasVs.collections', {})).collections).toEqual([])
    const r = await t.raw('ddasVs.saveSettings', s)
    expect(!r.ok && r.error.code).toBe('forbidden')
    await signInAs(t, 'Anouk Peeters')
    const c = await t.raw('ddasVs.collections', {})
    expect(!c.ok && c.error.code).toBe('forbidden')
  })
})

describe('signing credentials and chains', () => {
  it('finds the leaf by its key whatever the order in the file, and leaves the root out of x5c', () => {
    const path = file('mixed.pem', pki.root.certPem + pki.intermediate.certPem + pki.gemeente.certPem)
    const creds = readSigningCredentials(path, file('k.pem', pki.gemeente.keyPem), '', AT)
    expect(creds.chain.map((c) => c.subject)).toEqual([
      new X509Certificate(pki.gemeente.certPem).subject,
      new X509Certificate(pki.intermediate.certPem).subject,
    ])
    expect(creds.roots).toHaveLength(1)
    expect(creds.kid).toBe(creds.thumbprint)
  })

  it('refuses a key that is not RSA, and an expired certificate', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    })
    expect(() =>
      readSigningCredentials(file('c.pem', pki.gemeente.certPem), file('ec.key', String(ec)), '', AT),
    ).toThrow(/RSA-sleutel/)
    const later = new Date(AT.getTime() + 3 * 365 * 86_400_000)
    expect(() =>
      readSigningCredentials(
        file('c.pem', pki.gemeente.certPem),
        file('k.pem', pki.gemeente.keyPem),
        '',
        later,
      ),
    ).toThrow(/verlopen/)
  })

  it('checks a chain link by link: a leaf under another CA, a leaf posing as CA, an expired intermediate', async () => {
    const cert = (id: { certPem: string }) => new X509Certificate(id.certPem)
    const root = cert(pki.root)
    expect(verifyChain([cert(pki.cbs), cert(pki.intermediate)], [root], AT).subject).toBe(root.subject)
    expect(() => verifyChain([cert(pki.strangerLeaf), cert(pki.stranger)], [root], AT)).toThrow(
      /vertrouwd basiscertificaat/,
    )
    // A signing certificate used as if it were an issuer: its child is refused (OpenSSL's issuer
    // check already fails on the missing keyCertSign usage, before the CA flag is looked at).
    const child = await testIssue(
      pki.gemeente,
      'onder-een-blad',
      { notBefore: AT, notAfter: new Date(AT.getTime() + 86_400_000) },
      'signing',
    )
    expect(() => verifyChain([cert(child), cert(pki.gemeente), cert(pki.intermediate)], [root], AT)).toThrow(
      /onderbroken/,
    )
    expect(() =>
      verifyChain(
        [cert(pki.cbs), cert(pki.intermediate)],
        [root],
        new Date(AT.getTime() + 4 * 365 * 86_400_000),
      ),
    ).toThrow(/verlopen/)
  })

  it('signs and checks a payload: the body, the digest and the signer must all agree', async () => {
    const creds = readSigningCredentials(
      file('s.pem', pki.gemeente.certPem + pki.intermediate.certPem),
      file('s.key', pki.gemeente.keyPem),
      'k1',
      AT,
    )
    const body = Buffer.from('{"a":1}')
    const signed = await signPayload(body, creds, AT)
    const anchors = [new X509Certificate(pki.root.certPem)]
    const ok = await verifyPayloadSignature({
      body,
      digest: signed.digest,
      signature: signed.signature,
      anchors,
      at: AT,
    })
    expect(ok.subject).toMatch(/gemeente-roermond-ddas-ondertekening/)
    await expect(
      verifyPayloadSignature({
        body: Buffer.from('{"a":2}'),
        digest: signed.digest,
        signature: signed.signature,
        anchors,
        at: AT,
      }),
    ).rejects.toThrow(/Digest-header klopt niet/)
    const other = Buffer.from('{"a":2}')
    await expect(
      verifyPayloadSignature({
        body: other,
        digest: digestOf(other),
        signature: signed.signature,
        anchors,
        at: AT,
      }),
    ).rejects.toThrow(/handtekening klopt niet/)
    await expect(
      verifyPayloadSignature({
        body,
        digest: signed.digest,
        signature: signed.signature,
        anchors: [new X509Certificate(pki.stranger.certPem)],
        at: AT,
      }),
    ).rejects.toThrow(/vertrouwd basiscertificaat/)
    await expect(
      verifyPayloadSignature({
        body,
        digest: signed.digest,
        signature: signed.signature.replace('..', '.e30.'),
        anchors,
        at: AT,
      }),
    ).rejects.toThrow(/losse JWS/)
  })
})

describe('the request, the pages and the rate limit', () => {
  it('checks the request as the specification defines it', () => {
    expect(requestProblem({})).toBeNull()
    expect(requestProblem([])).toBe('Het verzoek moet een JSON-object zijn.')
    expect(requestProblem({ page: 0 })).toBe('De parameter page moet groter zijn dan of gelijk zijn aan 1.')
    expect(requestProblem({ pageSize: 2.5 })).toBe('De parameter pageSize moet een geheel getal zijn.')
    expect(requestProblem({ page: '1' })).toBe('De parameter page moet een geheel getal zijn.')
    expect(requestProblem({ aanleverperiodeStartdatum: '01-10-2026' })).toMatch(/JJJJ-MM-DD/)
    expect(requestProblem({ aanleverperiodeEinddatum: '2026-02-29' })).toMatch(/geen bestaande datum/)
    expect(requestProblem({ Page: 1 })).toBe('Onbekende parameter: Page.')
  })

  it('chooses the period when CBS leaves it open, and caps the page size', () => {
    expect(resolveRequest({}, '2026-11-10')).toEqual({
      van: '2026-01-01',
      tot: '2026-11-10',
      page: 1,
      pageSize: 50_000,
    })
    expect(resolveRequest({ aanleverperiodeEinddatum: '2025-12-31' }, '2026-11-10')).toMatchObject({
      van: '2025-01-01',
      tot: '2025-12-31',
    })
    expect(resolveRequest({ aanleverperiodeStartdatum: '2026-12-01' }, '2026-11-10')).toEqual({
      problem: expect.stringContaining('vóór'),
    })
    expect(resolveRequest({ pageSize: 60_000, page: 3 }, '2026-11-10')).toMatchObject({
      page: 3,
      pageSize: 50_000,
    })
    expect(resolveRequest({ aanleverperiodeStartdatum: '2010-01-01' }, '2026-11-10')).toEqual({
      problem: expect.stringContaining('tien jaar'),
    })
  })

  it('cuts any delivery into pages holding every signal once and every case once (property)', () => {
    // 200 signals; cases of 1-4 signals scattered over the delivery; every page size 1..60.
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const signals = Array.from({ length: 200 }, (_, i) => ({ ID: `S${i}` }))
    const free = signals.map((s) => s.ID)
    const zaken = []
    while (free.length > 40) {
      const size = 1 + rnd(4)
      const ids = Array.from({ length: size }, () => free.splice(rnd(free.length), 1)[0]!)
      zaken.push({ vroegsignalen: ids.map((ID) => ({ ID })) })
    }
    const delivery = {
      startdatumLevering: '2026-01-01',
      einddatumLevering: '2026-12-31',
      aanleverdatumEnTijd: '2026-11-10T09:30:00Z',
      codeGegevensleverancier: 'Lange Adem',
      leveringen: [{ teller: 1, gemeentecode: '0957', vroegsignalen: signals, vroegsignaalzaken: zaken }],
    } as unknown as DdasFile
    const paged = pageOrder(delivery)
    for (let size = 1; size <= 60; size++) {
      const pages = Array.from({ length: Math.ceil(200 / size) + 1 }, (_, i) => pageOf(paged, i + 1, size))
      const got = pages.flatMap((p) => p.gegevens.leveringen[0]!.vroegsignalen.map((s) => s['ID']))
      expect(got.sort()).toEqual(signals.map((s) => s.ID).sort())
      const cases = pages.flatMap((p) => p.gegevens.leveringen[0]!.vroegsignaalzaken)
      expect(cases).toHaveLength(zaken.length)
      expect(new Set(cases).size).toBe(zaken.length)
      expect(pages.at(-1)!.gegevens.leveringen[0]!.vroegsignalen).toEqual([])
      expect(pages[0]!.paginering).toEqual({
        pageSize: size,
        currentPage: 1,
        totalPages: Math.ceil(200 / size),
        totalRecords: 200,
      })
      // A case is on the page of its first signal; only at a page boundary may it refer onward.
      pages.forEach((p, i) => {
        const here = new Set(p.gegevens.leveringen[0]!.vroegsignalen.map((s) => s['ID']))
        for (const z of p.gegevens.leveringen[0]!.vroegsignaalzaken) {
          const refs = (z['vroegsignalen'] as { ID: string }[]).map((r) => r.ID)
          expect(here.has(refs.find((r) => here.has(r)) ?? '')).toBe(true)
          const next = new Set(pages[i + 1]?.gegevens.leveringen[0]!.vroegsignalen.map((s) => s['ID']) ?? [])
          for (const r of refs) expect(here.has(r) || next.has(r) || size < 4).toBe(true)
        }
      })
    }
  })

  it('lets through as many requests a minute as set, then asks to wait', () => {
    const limit = rateLimiter()
    const t0 = Date.parse('2026-11-10T09:30:00Z')
    expect([1, 2, 3].map(() => limit.take(3, t0))).toEqual([0, 0, 0])
    expect(limit.take(3, t0)).toBe(20)
    expect(limit.take(3, t0 + 20_000)).toBe(0)
    expect(limit.take(3, t0 + 20_000)).toBeGreaterThan(0)
  })
})
