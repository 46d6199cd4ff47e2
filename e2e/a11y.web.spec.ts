import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openSignedIn, shot, startServer, test } from './harness'
import { AxeReport, screenReady } from './a11y'

// Issue 20: every screen and main dialog, as each of the three roles, passes axe-core's WCAG 2.1
// A and AA rules (the tags in a11y.ts); the exceptions, if any, are listed there with a reason.

/** A month file with one broken postcode: the import steps and the correction list. */
const CSV =
  '\ufeffSignaal ID;Soort;Signaalpartner;Bedrag;Signaaldatum;Voorl.;Persoon;Geb.datum;Straat;Huisnr;Postcode;Woonplaats\r\n' +
  'VPS-9001;Huurachterstand;Wonen Limburg;"€ 1.234,56";05-10-2026;J.;van der Berg;12-03-1984;Kapellerlaan;12;6041 AB;Roermond\r\n' +
  'VPS-9004;Zorgverzekeraar;CZ;310;08-10-2026;P.;Smeets;01-02-1961;Donderbergweg;40;604;Roermond\r\n'

/** Every screen in the role's menu, each checked once it has drawn. */
async function everyMenuScreen(page: Page, report: AxeReport, who: string) {
  const hrefs = await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
  expect(hrefs.length).toBeGreaterThan(5)
  for (const href of hrefs) {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).locator(`a[href="${href}"]`).click()
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
    await screenReady(page)
    await report.check(page, `${who} ${href}`)
  }
}

async function dialogState(page: Page, report: AxeReport, name: string, state: string) {
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  await report.check(page, state)
  return dialog
}

// A click on something that is not there fails within this, not at the end of the whole test.
test.use({ actionTimeout: 20_000 })

test('every screen and main dialog, as each role, has no WCAG 2.1 AA violations', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(420_000)
  const server = await startServer(dataDir, ['--demo'])
  const report = new AxeReport()
  try {
    // Before signing in: the sign-in screen, and its password step.
    await page.goto(server.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible()
    await expect(page).toHaveTitle('Inloggen – Lange Adem')
    await report.check(page, 'aanmelden')
    await page.getByRole('button', { name: /Anouk Peeters/ }).click()
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await report.check(page, 'aanmelden, wachtwoord leeg')

    // The consulent.
    await openSignedIn(page, server, 'Anouk Peeters')
    await everyMenuScreen(page, report, 'consulent')
    // A case file, the attempt dialog and the password dialog; each gives focus back on closing.
    await page.getByRole('link', { name: /^Mijn zaken/ }).click()
    await screenReady(page)
    await page.locator('main tbody tr').first().click()
    await expect(page).toHaveURL(/#\/zaak\/\d+/)
    await screenReady(page)
    await expect(page.locator('main h1')).toBeFocused()
    await report.check(page, 'consulent zaak')
    const attempt = page.getByRole('button', { name: 'Contactpoging vastleggen' })
    await attempt.click()
    const dialog = await dialogState(page, report, 'Contactpoging vastleggen', 'consulent contactpoging')
    await dialog.getByRole('button', { name: 'Sluiten' }).click()
    await expect(dialog).toBeHidden()
    await expect(attempt).toBeFocused()
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
    const password = await dialogState(page, report, 'Wachtwoord wijzigen', 'consulent wachtwoord wijzigen')
    await page.keyboard.press('Escape')
    await expect(password).toBeHidden()
    // A form with field errors, and an empty list.
    await page.getByRole('link', { name: 'Signaal invoeren' }).click()
    await screenReady(page)
    await page.getByRole('button', { name: 'Signaal opslaan' }).click()
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible()
    await report.check(page, 'consulent signaal invoeren, met fouten')
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await screenReady(page)
    await page.getByLabel('Zoeken').fill('Niemand-heet-zo')
    await expect(page.getByText('Geen zaken gevonden')).toBeVisible()
    await report.check(page, 'consulent caseload, lege lijst')
    // The lock screen.
    await page.getByRole('button', { name: 'Vergrendelen' }).click()
    await expect(page).toHaveTitle('Vergrendeld – Lange Adem')
    await report.check(page, 'vergrendeld')

    // The kwaliteitsmedewerker: every screen, the import steps and the correction list.
    await openSignedIn(page, server, 'Marloes Hendrikx')
    await everyMenuScreen(page, report, 'kwaliteitsmedewerker')
    const file = join(dataDir, 'vps-oktober-2026.csv')
    writeFileSync(file, CSV, 'utf8')
    await page.getByRole('link', { name: 'Bestand inlezen' }).click()
    await screenReady(page)
    await page.getByLabel('Bestand met signalen').setInputFiles(file)
    await expect(page.getByText('2 regels gevonden')).toBeVisible()
    await report.check(page, 'kwaliteitsmedewerker inlezen, kolommen')
    await page.getByLabel('Naam van de bron').fill('Vindplaats van Schulden')
    await page.getByRole('combobox', { name: 'Kolom voor Achternaam' }).click()
    await report.check(page, 'kwaliteitsmedewerker inlezen, kolom kiezen')
    await page.getByRole('option', { name: 'Persoon', exact: true }).click()
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
    await expect(page.getByRole('table', { name: 'Regels met een probleem' })).toBeVisible()
    await report.check(page, 'kwaliteitsmedewerker inlezen, voorbeeld')
    await page.getByRole('button', { name: /^1 signa(al|len) inlezen$/ }).click()
    await page.getByRole('link', { name: 'Naar Te controleren' }).click()
    await screenReady(page)
    const list = page.getByRole('table', { name: 'Regels te controleren' })
    await list.getByRole('button', { name: 'Verbeteren' }).first().click()
    await expect(page.getByRole('region', { name: /^Regel 3 van vps-oktober-2026.csv/ })).toBeVisible()
    await report.check(page, 'kwaliteitsmedewerker te controleren, verbeteren')

    // The beheerder: his screens, a colleague's dialog with its field errors.
    await openSignedIn(page, server, 'Rob Geraedts')
    await everyMenuScreen(page, report, 'beheerder')
    await page.getByRole('link', { name: 'Instellingen' }).click()
    await screenReady(page)
    await page.getByRole('tab', { name: 'Medewerkers' }).click()
    await page.getByRole('button', { name: 'Medewerker toevoegen' }).click()
    const medewerker = await dialogState(page, report, 'Medewerker toevoegen', 'beheerder medewerker')
    await medewerker
      .getByRole('button', { name: /opslaan|toevoegen/i })
      .last()
      .click()
    await expect(medewerker.locator('[aria-invalid="true"]').first()).toBeVisible()
    await report.check(page, 'beheerder medewerker, met fouten')
    await shot(page, 'a11y-01-medewerker-fouten')

    console.log(`axe-core: ${report.states.length} screen states, ${report.violations.length} violations`)
    expect(report.violations, report.violations.join('\n')).toEqual([])
  } finally {
    await server.stop()
  }
})
