import { readFileSync } from 'node:fs'
import { expect, openSignedIn, shot, startServer, test, shotPath } from './harness'

test('the kwaliteitsmedewerker reads the team figures, opens the cases behind one and delivers DDAS', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await openSignedIn(page, server, 'Marloes Hendrikx')
    await page.getByRole('link', { name: 'Monitor' }).click()
    const dashboard = page.getByTestId('monitor-dashboard')
    await expect(dashboard).toBeVisible()
    await expect(page.getByRole('table', { name: 'Bereik per soort contactpoging' })).toBeVisible()
    await expect(page.getByText('Landelijk: 19%')).toBeVisible()
    await shot(page, 'monitor-01-dashboard')
    await page.screenshot({
      path: shotPath('monitor-02-dashboard-full'),
      fullPage: true,
    })

    await page.getByRole('button', { name: 'Hoe tellen we? Uitleg bij de cijfers' }).click()
    await expect(page.getByText(/Een zaak telt in de maand van haar oudste signaal/)).toBeVisible()
    await page
      .getByRole('button', { name: 'Hoe tellen we? Uitleg bij de cijfers' })
      .evaluate((e) => e.scrollIntoView({ block: 'start' }))
    await shot(page, 'monitor-06-hoe-tellen-we')
    await page.getByRole('button', { name: 'Hoe tellen we? Uitleg bij de cijfers' }).click()

    // Click-through: the reached cases behind the headline reach figure
    await page.getByRole('button', { name: /^Bereik, bereikt: toon de \d+ zaken$/ }).click()
    const modal = page.getByRole('dialog')
    await expect(modal.getByRole('table', { name: 'Zaken achter dit cijfer' })).toBeVisible()
    await expect(modal.getByText('Bereikt').first()).toBeVisible()
    await shot(page, 'monitor-03-zaken-achter-cijfer')
    await page.keyboard.press('Escape')

    // A month as period: it stays chosen on the other tabs and after leaving the monitor.
    await page.getByText('Maand', { exact: true }).click()
    const month = page.getByRole('heading', { name: /^Cijfers \w+ \d{4}/ })
    await expect(month).toBeVisible()
    const monthName = /^Cijfers (\w+ \d{4})/.exec((await month.textContent()) ?? '')![1]!

    // The supplying organisation (the proposed contact person, saved), then the DDAS delivery
    // after the personal-data warning
    await page.getByRole('tab', { name: 'Instellingen' }).click()
    await expect(page.getByLabel('Contactpersoon 1: naam')).toHaveValue('Marloes Hendrikx')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('De instellingen van de monitor zijn opgeslagen.')).toBeVisible()
    await shot(page, 'monitor-04-instellingen')

    await page.getByRole('link', { name: 'Vandaag' }).click()
    await page.getByRole('link', { name: 'Monitor' }).click()
    await page.getByRole('tab', { name: 'DDAS en terugkoppeling' }).click()
    await expect(page.getByRole('heading', { name: `DDAS-levering (${monthName})` })).toBeVisible()
    await expect(page.getByRole('button', { name: `DDAS-bestand maken over ${monthName}` })).toBeDisabled()
    // The confirmation names the period; another period asks again.
    await page.getByLabel(new RegExp(`^Ik maak het DDAS-bestand over ${monthName} \\(`)).check()
    await page.getByText('Jaar', { exact: true }).click()
    const year = String(new Date().getFullYear())
    const make = page.getByRole('button', { name: `DDAS-bestand maken over ${year}` })
    await expect(make).toBeDisabled()
    await page
      .getByLabel(
        `Ik maak het DDAS-bestand over ${year} (01-01-${year} t/m 31-12-${year}) en begrijp dat het persoonsgegevens bevat`,
      )
      .check()
    const [download] = await Promise.all([page.waitForEvent('download'), make.click()])
    expect(download.suggestedFilename()).toMatch(/^ddas-0957-\d{4}-01-01_\d{4}-12-31\.json$/)
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'))
    expect(json.codeGegevensleverancier).toMatch(/^Lange Adem \d+\.\d+\.\d+$/)
    expect(json.leveringen[0].aanleverendeOrganisatie.contactpersonen[0].naam).toBe('Marloes Hendrikx')
    expect(json.leveringen[0].vroegsignalen.length).toBeGreaterThan(100)
    await expect(page.getByRole('status')).toContainText(
      `gemaakt (versie 1.2) over ${year} (01-01-${year} t/m 31-12-${year}):`,
    )
    await shot(page, 'monitor-05-ddas')

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Terugkoppeling als CSV' }).click(),
    ])
    const text = readFileSync(await csv.path(), 'utf8')
    expect(text).toContain('Signaalpartner;Soort;Signaal-ID;Signaaldatum;Opgepakt;Hulp geaccepteerd')
  } finally {
    await server.stop()
  }
})
