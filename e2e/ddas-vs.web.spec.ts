import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { join, resolve } from 'node:path'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { makeTestPki } from '../src/main/test/pki'
import { api, expect, openSignedIn, shot, startServer, test, shotPath } from './harness'

// The CBS connection as the beheerder and the kwaliteitsmedewerker meet it: the beheerder
// configures it in Instellingen > Koppeling CBS with what IT gave (issuer keys, the signing
// certificate and key on the server) and checks it; the command line serves it over HTTPS; a
// caller playing CBS collects two pages; the kwaliteitsmedewerker sees both in the Monitor.

const root = resolve(import.meta.dirname, '..')

test('the beheerder switches the CBS connection on, CBS collects, the Monitor lists it', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000)
  const server = await startServer(dataDir, ['--demo'])
  const pki = await makeTestPki(new Date())
  const dir = join(dataDir, 'pki')
  mkdirSync(dir)
  writeFileSync(
    join(dir, 'ondertekening.pem'),
    pki.gemeente.certPem + pki.intermediate.certPem + pki.root.certPem,
  )
  writeFileSync(join(dir, 'ondertekening.key'), pki.gemeente.keyPem, { mode: 0o600 })
  writeFileSync(join(dir, 'tls.pem'), pki.tls.certPem + pki.intermediate.certPem)
  writeFileSync(join(dir, 'tls.key'), pki.tls.keyPem, { mode: 0o600 })
  const issuerKeys = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(issuerKeys.publicKey)), kid: 'proef-1', alg: 'RS256', use: 'sig' }
  let cli: ReturnType<typeof spawn> | null = null
  try {
    // The kwaliteitsmedewerker has the supplying organisation in order (issue 17's screen).
    await openSignedIn(page, server, 'Marloes Hendrikx')
    const m = (await api(server, 'monitor.settings', {})) as Record<string, any>
    await api(server, 'monitor.saveSettings', {
      leverancierNaam: m.leverancierNaam,
      organisatie: { ...m.organisatie, contactpersonen: m.voorstelContactpersonen },
      geboortedatumMeesturen: m.geboortedatumMeesturen,
      leeftijdsgrenzen: m.leeftijdsgrenzen,
      bedraggrenzen: m.bedraggrenzen,
      referenties: m.referenties.map((r: Record<string, unknown>) => ({
        key: r.key,
        percentage: r.percentage,
        bron: r.bron,
        jaar: r.jaar,
      })),
    })
    // Before the beheerder has done anything, the Monitor says the connection is off.
    await page.getByRole('link', { name: 'Monitor' }).click()
    await page.getByRole('tab', { name: 'DDAS en terugkoppeling' }).click()
    await expect(page.getByText('Koppeling staat uit')).toBeVisible()

    await openSignedIn(page, server, 'Rob Geraedts')
    await page.getByRole('link', { name: 'Instellingen' }).first().click()
    await page.getByRole('tab', { name: 'Koppeling CBS' }).click()
    const aan = page.getByLabel('Koppeling met CBS aan')
    await expect(aan).not.toBeChecked()
    // Switched on without what it needs: the screen says what is missing, field by field.
    await aan.check()
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('Vul de uitgever van de tokens in')).toBeVisible()
    await expect(page.getByText('Vul het bestand met het certificaat voor ondertekenen in.')).toBeVisible()

    await page.getByLabel('Uitgever van de tokens (issuer)').fill('https://auth.proef.example/cbs')
    await page.getByLabel('Audience').fill('https://lange-adem.roermond.example/ddas-vs')
    await page
      .getByLabel('Sleutels van de uitgever (JWKS, alleen openbare sleutels)')
      .fill(JSON.stringify({ keys: [jwk] }))
    await page.getByLabel('Bestand met het certificaat (PEM)').fill(join(dir, 'ontbreekt.pem'))
    await page.getByLabel('Bestand met de sleutel (PEM)').fill(join(dir, 'ondertekening.key'))
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText(/bestaat niet op de server/).first()).toBeVisible()
    await page.getByLabel('Bestand met het certificaat (PEM)').fill(join(dir, 'ondertekening.pem'))
    await page.getByLabel('Pad', { exact: true }).fill('/ddas-vs/v1')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('De koppeling met CBS staat aan.')).toBeVisible()
    await page.getByRole('button', { name: 'Opgeslagen instellingen controleren' }).click()
    await expect(page.getByText('De koppeling kan zo werken')).toBeVisible()
    await expect(
      page.getByText(/gemeente-roermond-ddas-ondertekening, uitgegeven door Proef PKIoverheid/),
    ).toBeVisible()
    await expect(page.getByText(/De keten loopt tot Proef Staat der Nederlanden Root CA/)).toBeVisible()
    await page.locator('.mantine-Notification-root').getByRole('button').click()
    await expect(page.getByText('De koppeling met CBS staat aan.')).toBeHidden()
    // The whole tab: the form and, at its foot, what the check found.
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({
      path: shotPath('ddas-vs-01-instellingen'),
      fullPage: true,
    })

    // The settings survive a reload, and the command line serves them over HTTPS.
    await page.reload()
    await page.getByRole('tab', { name: 'Koppeling CBS' }).click()
    await expect(page.getByLabel('Koppeling met CBS aan')).toBeChecked()
    cli = spawn(
      process.execPath,
      [
        join(root, 'out/main/cli.js'),
        'ddas-vs',
        '--data-dir',
        dataDir,
        '--port',
        '0',
        '--tls-cert',
        join(dir, 'tls.pem'),
        '--tls-key',
        join(dir, 'tls.key'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let err = ''
    cli.stderr?.on('data', (d) => (err += String(d)))
    const endpoint = await new Promise<string>((done, fail) => {
      let out = ''
      cli!.stdout?.on('data', (d) => {
        out += String(d)
        const found = /LANGE_ADEM_DDAS_VS_READY (\S+)/.exec(out)
        if (found) done(found[1]!)
      })
      cli!.on('exit', (code) => fail(new Error(`ddas-vs stopped with ${code}: ${err}`)))
    })
    expect(endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/ddas-vs\/v1\/gegevens$/)

    // CBS: a token from its issuer, two pages of this year.
    const token = await new SignJWT({ scope: 'read', client_id: 'cbs-ddas-ophaal' })
      .setProtectedHeader({ alg: 'RS256', kid: 'proef-1' })
      .setIssuer('https://auth.proef.example/cbs')
      .setAudience('https://lange-adem.roermond.example/ddas-vs')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(issuerKeys.privateKey)
    const collect = (body: object) =>
      new Promise<{ status: number; digest: string; raw: Buffer }>((done, fail) => {
        const data = Buffer.from(JSON.stringify(body))
        const req = request(
          endpoint,
          {
            method: 'POST',
            ca: pki.root.certPem,
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () =>
              done({
                status: res.statusCode!,
                digest: String(res.headers['digest']),
                raw: Buffer.concat(chunks),
              }),
            )
          },
        )
        req.on('error', fail)
        req.end(data)
      })
    const year = new Date().getFullYear()
    const period = {
      aanleverperiodeStartdatum: `${year - 1}-01-01`,
      aanleverperiodeEinddatum: `${year}-12-31`,
    }
    const all = await collect(period)
    expect(all.status).toBe(200)
    const total = JSON.parse(all.raw.toString('utf8')).paginering.totalRecords as number
    expect(total).toBeGreaterThan(100)
    const pageSize = Math.ceil(total / 2)
    const ids: string[] = []
    for (const p of [1, 2]) {
      const a = await collect({ ...period, page: p, pageSize })
      expect(a.status).toBe(200)
      expect(a.digest).toBe(`SHA-256=${createHash('sha256').update(a.raw).digest('base64')}`)
      ids.push(
        ...JSON.parse(a.raw.toString('utf8')).gegevens.leveringen[0].vroegsignalen.map(
          (s: { ID: string }) => s.ID,
        ),
      )
    }
    expect(ids).toHaveLength(total)

    // The kwaliteitsmedewerker sees the three collections in the Monitor.
    await openSignedIn(page, server, 'Marloes Hendrikx')
    await page.getByRole('link', { name: 'Monitor' }).click()
    await page.getByRole('tab', { name: 'DDAS en terugkoppeling' }).click()
    await expect(page.getByText('Koppeling staat aan')).toBeVisible()
    const table = page.getByRole('table', { name: 'Opgehaald door CBS' })
    await expect(table.getByRole('row')).toHaveCount(4)
    await expect(table.getByRole('row').nth(1)).toContainText('cbs-ddas-ophaal')
    await expect(table.getByRole('row').nth(1)).toContainText('2 van 2')
    await table.scrollIntoViewIfNeeded()
    await shot(page, 'ddas-vs-02-monitor')
  } finally {
    cli?.kill('SIGTERM')
    await server.stop()
  }
})
