import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { api, expect, openSignedIn, shot, startServer, test } from './harness'

/** Waits until an opened dialog has finished fading in, so the screenshot shows it as people see it. */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    // Runs in the page; typed by hand because the specs compile without the DOM library.
    const g = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<object> }
      getComputedStyle(el: object): { opacity: string }
    }
    return Array.from(g.document.querySelectorAll('.mantine-Modal-content, .mantine-Modal-overlay')).every(
      (el) => g.getComputedStyle(el).opacity === '1',
    )
  })

const LAST_YEAR = { van: '2025-01-01', tot: '2026-12-31' }

test('the beheerder sets the periods, previews and runs a purge; the monitor stays equal', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await openSignedIn(page, server, 'Rob Geraedts')
    await page.getByRole('link', { name: 'Bewaartermijnen' }).click()
    await expect(page.getByRole('heading', { name: 'Bewaartermijnen' })).toBeVisible()
    await expect(page.getByText('Er is nog niet opgeschoond.')).toBeVisible()
    await shot(page, 'retention-01-termijnen')

    // A period outside 1-120 is refused with a Dutch message.
    await page.getByLabel('Zaken afgesloten met hulp (maanden)').fill('121')
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click()
    await expect(page.getByText('Afgesloten met hulp: hoogstens 120 maanden (10 jaar).')).toBeVisible()
    // Short periods, so the demo's earlier closed cases (2 to 12 months back) have expired.
    await page.getByLabel('Zaken afgesloten met hulp (maanden)').fill('1')
    await page.getByLabel('Zaken afgesloten zonder hulp (maanden)').fill('1')
    await page.getByLabel('Signalen die niet zijn doorgezet (maanden)').fill('1')
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click()
    await expect(page.getByText('Opgeslagen.')).toBeVisible()

    const before = await api(server, 'monitor.dashboard', LAST_YEAR)
    await page.getByRole('button', { name: 'Nu opschonen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Wat wordt er verwijderd?' })
    const zaken = dialog
      .getByRole('table', { name: 'Wat verwijderd wordt' })
      .getByRole('row', { name: /^Zaken/ })
    await expect(zaken).toBeVisible()
    const count = Number((await zaken.getByRole('cell').nth(1).textContent())!.replace(/\./g, ''))
    expect(count).toBeGreaterThan(0)
    await settled(page)
    await shot(page, 'retention-02-voorbeeld')

    await dialog.getByRole('button', { name: /^Ja, verwijder/ }).click()
    await expect(page.getByText('Opgeschoond', { exact: true })).toBeVisible()
    await expect(page.getByText(new RegExp(`${count.toLocaleString('nl-NL')} zaken`)).first()).toBeVisible()
    const history = page.getByRole('table', { name: 'Eerdere keren opgeschoond' })
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history.getByText('Door Rob Geraedts')).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await history.scrollIntoViewIfNeeded()
    await shot(page, 'retention-03-geschiedenis')
    expect(await api(server, 'monitor.dashboard', LAST_YEAR)).toEqual(before)
  } finally {
    await server.stop()
  }
})

test("a resident's request: find, download everything, delete refused while a case runs, then deleted", async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await openSignedIn(page, server, 'Marloes Hendrikx')
    const list = (await api(server, 'caseload.list', { status: 'open' })) as { rows: { id: number }[] }
    const caseId = list.rows[0]!.id
    const dossier = (await api(server, 'dossier.get', { caseId })) as {
      bewoners: { achternaam: string; geboortedatum: string | null }[]
    }
    const person = dossier.bewoners.find((b) => b.geboortedatum)!
    const born = person.geboortedatum!.split('-').reverse().join('-')

    await page.getByRole('link', { name: 'Inzage- en verwijderverzoek' }).click()
    await expect(page.getByRole('heading', { name: 'Inzage- en verwijderverzoek' })).toBeVisible()
    await page.getByLabel('Achternaam', { exact: true }).fill(person.achternaam)
    await page.getByLabel('Geboortedatum', { exact: true }).fill(born)
    await page.getByRole('button', { name: 'Zoeken' }).click()
    const found = page.getByRole('table', { name: 'Gevonden bewoners' })
    await expect(found.getByText(/\(loopt\)/).first()).toBeVisible()
    await shot(page, 'retention-04-gevonden')

    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))
    await page.getByRole('button', { name: 'Alle gegevens downloaden' }).click()
    await expect.poll(() => downloads.length).toBe(2)
    const text = downloads.find((d) => d.suggestedFilename().endsWith('.txt'))!
    expect(text.suggestedFilename()).toMatch(/^inzage-bewoner-[\d-]+\.txt$/)
    const overview = readFileSync(await text.path(), 'utf8')
    expect(overview).toContain('== Persoonsgegevens (')
    expect(overview).toContain(`achternaam: ${person.achternaam}`)
    const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!
    const data = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      gegevens: { bewoners: { achternaam: string }[]; zaken: { id: number }[] }
    }
    expect(data.gegevens.bewoners.map((b) => b.achternaam)).toContain(person.achternaam)
    // The person's own cases; a housemate's open case at the address is not theirs to read.
    const match = (await api(server, 'retention.findPerson', {
      achternaam: person.achternaam,
      geboortedatum: born,
    })) as { zaken: { id: number }[] }[]
    const listed = match.flatMap((m) => m.zaken.map((z) => z.id))
    expect(data.gegevens.zaken.length).toBeGreaterThan(0)
    for (const z of data.gegevens.zaken) expect(listed).toContain(z.id)
    expect(listed).toContain(caseId)

    await page.getByRole('button', { name: 'Gegevens verwijderen' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click()
    await expect(page.getByText(/Er loopt nog een zaak voor dit adres \(LA-/)).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await shot(page, 'retention-05-geweigerd')

    // Closed cases of the household: then the data may go.
    const found2 = (await api(server, 'retention.findPerson', {
      achternaam: person.achternaam,
      geboortedatum: born,
    })) as { zaken: { id: number; open: boolean }[] }[]
    for (const z of found2.flatMap((m) => m.zaken).filter((z) => z.open))
      await api(server, 'ladder.close', {
        caseId: z.id,
        versie: ((await api(server, 'dossier.get', { caseId: z.id })) as { versie: number }).versie,
        resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
        hulpAangeboden: true,
        hulpGeaccepteerd: false,
      })
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect(found.getByText(/\(loopt\)/)).toHaveCount(0)
    await page.getByRole('button', { name: 'Gegevens verwijderen' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click()
    await expect(page.getByText('Gegevens verwijderd')).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await shot(page, 'retention-06-verwijderd')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect(page.getByText('Niemand gevonden.')).toBeVisible()
  } finally {
    await server.stop()
  }
})
