import AxeBuilder from '@axe-core/playwright'
import { writeFileSync } from 'node:fs'
import { openSignedIn, startServer, test } from './harness'

const PATHS = [
  'vandaag',
  'mijn-zaken',
  'caseload',
  'inloop',
  'huisbezoeken',
  'afdrukken',
  'nieuw-signaal',
  'inlezen',
  'te-controleren',
  'inleesgeschiedenis',
  'monitor',
  'verdeling',
  'afwegingskader',
  'stappenplan',
  'brieven-en-kaartjes',
  'logboek',
  'inzageverzoek',
  'bewaartermijnen',
  'back-ups',
  'instellingen',
  'zaak/1',
]
test('before', async ({ page, dataDir }) => {
  test.setTimeout(600_000)
  const server = await startServer(dataDir, ['--demo'])
  const out: Record<string, unknown> = {}
  try {
    for (const naam of ['Anouk Peeters', 'Marloes Hendrikx', 'Rob Geraedts']) {
      await openSignedIn(page, server, naam)
      for (const p of PATHS) {
        await page.goto(server.url.replace(/#.*$/, '') + '#/' + p)
        await page.waitForTimeout(1500)
        const r = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        out[`${naam}|${p}|${page.url().replace(/.*#/, '')}`] = r.violations.map((v) => ({
          id: v.id,
          n: v.nodes.length,
          nodes: v.nodes.slice(0, 4).map((x) => [x.target.join(' '), x.failureSummary?.slice(0, 200)]),
        }))
      }
    }
  } finally {
    writeFileSync('.tmp/axe-before.json', JSON.stringify(out, null, 1))
    await server.stop()
  }
})
