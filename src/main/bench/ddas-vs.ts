/**
 * DDAS-VS benchmark: CBS collects a year of a large municipality's signals through the API, over
 * HTTPS on this machine, with a real token check and a signed answer, as the test client does.
 * The database is the caseload benchmark's kind (encrypted), with a year holding more than
 * 50,000 signals, so the year takes two pages.
 *
 *   - page 1 cold (the delivery of the year is built and cut into pages): target < 15 s;
 *   - page 2 and page 1 again from the kept delivery: target < 5 s each;
 *   - the answer's size, and how much of the time signing and the schema check of a page take.
 *
 *   npm run bench -- ddas-vs
 *   BENCH_CASES=40000 BENCH_SIGNALS=70000 npm run bench -- ddas-vs     quick run
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { addDays } from '@shared/format/dates'
import { MAX_DDAS_VS_PAGE_SIZE } from '@shared/api/ddas-vs'
import { openDatabase } from '../db/database'
import { fixedClock } from '../lib/clock'
import { generateKey } from '../features/keys/key'
import { loadWijkRanges } from '../features/wijken/assignment'
import { createDdasVsHandler } from '../features/ddas-vs/handler'
import { DEFAULT_DDAS_VS_SETTINGS, putDdasVsSettings } from '../features/ddas-vs/repository'
import { readSigningCredentials } from '../features/ddas-vs/credentials'
import { signPayload } from '../features/ddas-vs/jades'
import { ddasSchemaErrors } from '../features/monitor/ddas-schema'
import { makeTestPki } from '../test/pki'
import { fill } from './fill'
import { benchMonitorSettings, benchTeamSetup, envInt, seconds } from './setup'

const TODAY = '2026-11-10'
const fmt = (n: number) => n.toLocaleString('en-US')
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function runDdasVsBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 100_000)
  const signals = envInt('BENCH_SIGNALS', 160_000)
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-ddas-vs-'))
  const opened = openDatabase(join(dir, 'bench.sqlite'), generateKey())
  const clock = fixedClock(`${TODAY}T12:00:00.000Z`)
  try {
    const db = opened.db
    const consulenten = await benchTeamSetup(db, TODAY, { helpers: 0 })
    await benchMonitorSettings(db, TODAY)
    console.log(`Lange Adem DDAS-VS benchmark: ${fmt(cases)} cases, ${fmt(signals)} signals over two years`)
    let t = performance.now()
    fill(opened.raw, {
      cases,
      signals,
      today: TODAY,
      days: 2 * 365,
      ranges: await loadWijkRanges(db),
      consulenten,
    })
    opened.raw.exec('ANALYZE')
    console.log(`Fill: ${seconds(performance.now() - t)}`)

    const pki = await makeTestPki(new Date(clock.now()))
    writeFileSync(join(dir, 'sign.pem'), pki.gemeente.certPem + pki.intermediate.certPem + pki.root.certPem)
    writeFileSync(join(dir, 'sign.key'), pki.gemeente.keyPem)
    const issuer = await generateKeyPair('RS256')
    await putDdasVsSettings(
      db,
      {
        ...DEFAULT_DDAS_VS_SETTINGS,
        aan: true,
        issuer: 'https://auth.bench.example',
        audience: 'lange-adem',
        jwks: JSON.stringify({ keys: [{ ...(await exportJWK(issuer.publicKey)), alg: 'RS256' }] }),
        certificaatPad: join(dir, 'sign.pem'),
        sleutelPad: join(dir, 'sign.key'),
        maxPerMinuut: 600,
      },
      clock.now(),
      null,
    )
    const token = await new SignJWT({ scope: 'read', client_id: 'cbs-bench' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://auth.bench.example')
      .setAudience('lange-adem')
      .setIssuedAt(Math.floor(Date.parse(clock.now()) / 1000))
      .setExpirationTime(Math.floor(Date.parse(clock.now()) / 1000) + 3600)
      .sign(issuer.privateKey)

    // Its own HTTPS server around the handler, as the team server will mount it: the command
    // line's listener (ddas-vs/listen.ts) stays in the command line's bundle only.
    const handler = createDdasVsHandler({ db: () => db, clock })
    const https = createServer(
      { cert: pki.tls.certPem + pki.intermediate.certPem, key: pki.tls.keyPem },
      (req, res) => void handler.handle(req, res),
    )
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r))
    const server = { url: `https://127.0.0.1:${(https.address() as AddressInfo).port}` }
    const van = addDays(TODAY, -364)
    const collect = (page: number) =>
      new Promise<{ ms: number; raw: Buffer; status: number; digestOk: boolean }>((done, fail) => {
        const body = JSON.stringify({
          aanleverperiodeStartdatum: van,
          aanleverperiodeEinddatum: TODAY,
          page,
          pageSize: MAX_DDAS_VS_PAGE_SIZE,
        })
        const t0 = performance.now()
        const req = request(
          `${server.url}/ddas-vs/v1/gegevens`,
          {
            method: 'POST',
            ca: pki.root.certPem,
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              const raw = Buffer.concat(chunks)
              const digest = `SHA-256=${createHash('sha256').update(raw).digest('base64')}`
              done({
                ms: performance.now() - t0,
                raw,
                status: res.statusCode!,
                digestOk: res.headers['digest'] === digest,
              })
            })
          },
        )
        req.on('error', fail)
        req.end(body)
      })

    let failed = false
    const results: { label: string; ms: number; target: number }[] = []
    let first: Buffer | null = null
    for (const [label, page, target] of [
      ['page 1, cold (builds the year)', 1, 15_000],
      ['page 2, from the kept delivery', 2, 5_000],
      ['page 1 again', 1, 5_000],
    ] as const) {
      const r = await collect(page)
      if (r.status !== 200 || !r.digestOk)
        throw new Error(`page ${page}: ${r.status} ${r.raw.toString('utf8', 0, 300)}`)
      const json = JSON.parse(r.raw.toString('utf8'))
      const lev = json.gegevens.leveringen[0]
      first ??= r.raw
      results.push({ label, ms: r.ms, target })
      console.log(
        `${label}: ${fmt(lev.vroegsignalen.length)} of ${fmt(json.paginering.totalRecords)} signals, ` +
          `${fmt(lev.vroegsignaalzaken.length)} cases, ${mb(r.raw.length)}; ${seconds(r.ms)} ` +
          `(target < ${target / 1000} s) ${r.ms < target ? 'PASS' : 'FAIL'}`,
      )
      if (r.ms >= target) failed = true
    }

    // The parts of a warm page that do not depend on the database.
    const json = JSON.parse(first!.toString('utf8'))
    t = performance.now()
    const errors = ddasSchemaErrors(json.gegevens, '1.2')
    const schemaMs = performance.now() - t
    const creds = readSigningCredentials(
      join(dir, 'sign.pem'),
      join(dir, 'sign.key'),
      '',
      new Date(clock.now()),
    )
    t = performance.now()
    const text = Buffer.from(JSON.stringify(json))
    const stringifyMs = performance.now() - t
    t = performance.now()
    await signPayload(text, creds, new Date(clock.now()))
    const signMs = performance.now() - t
    console.log(
      `Of a ${fmt(json.gegevens.leveringen[0].vroegsignalen.length)}-signal page: schema check ${seconds(schemaMs)} ` +
        `(${errors.length} errors), JSON text ${seconds(stringifyMs)}, Digest + JAdES signature ${seconds(signMs)}; ` +
        `memory in use ${mb(process.memoryUsage().rss)}`,
    )
    await new Promise<void>((r) => https.close(() => r()))
    process.exitCode = failed ? 1 : 0
  } finally {
    await opened.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
