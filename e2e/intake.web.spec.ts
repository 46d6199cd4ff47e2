import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openSignedIn, ROERMOND_TEAM, setUp, shot, startServer, test } from './harness'

// A month's export as a new team receives it: semicolons, a BOM, Dutch dates and amounts, a
// surname column the app cannot guess ("Persoon") and one row with a broken postcode.
const CSV =
  '\ufeffSignaal ID;Soort;Signaalpartner;Bedrag;Signaaldatum;Voorl.;Persoon;Geb.datum;Straat;Huisnr;Postcode;Woonplaats\r\n' +
  'VPS-9001;Huurachterstand;Wonen Limburg;"€ 1.234,56";05-10-2026;J.;van der Berg;12-03-1984;Kapellerlaan;12;6041 AB;Roermond\r\n' +
  'VPS-9002;Energieleverancier;Vattenfall;450,00;6-10-2026;M.;Jansen;02-01-1990;Hamstraat;3a;6041ab;Roermond\r\n' +
  'VPS-9003;Drinkwater;WML;50;07-10-2026;A.;de Vries;15-05-1970;Markt;1;6041EM;Roermond\r\n' +
  'VPS-9004;Zorgverzekeraar;CZ;310;08-10-2026;P.;Smeets;01-02-1961;Donderbergweg;40;604;Roermond\r\n'

const SETUP = {
  team: ROERMOND_TEAM,
  wijken: [
    { naam: 'Centrum', postcodes: '6041' },
    { naam: 'Donderberg', postcodes: '6044-6045' },
  ],
  medewerkers: [
    { naam: 'Anouk Peeters', rol: 'consulent', telefoon: '', email: '', wijken: ['Centrum', 'Donderberg'] },
    { naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker', telefoon: '', email: '', wijken: [] },
  ],
}

test('a new user imports the month file, fixes the mapping and a problem row, and finds the cases', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    // Throws with the app's own message when the set-up is refused.
    await setUp(server, SETUP)
    const file = join(dataDir, 'vps-oktober-2026.csv')
    writeFileSync(file, CSV, 'utf8')

    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Bestand inlezen' }).click()
    await expect(page.getByRole('heading', { name: 'Signalen inlezen' })).toBeVisible()
    await shot(page, 'intake-01-bestand')
    await page.getByLabel('Bestand met signalen').setInputFiles(file)

    // The mapping: everything proposed except the surname, which the user places by hand
    await expect(page.getByText('4 regels gevonden')).toBeVisible()
    await expect(page.getByText('Nog niet alle verplichte velden hebben een kolom')).toBeVisible()
    await page.getByLabel('Naam van de bron').fill('Vindplaats van Schulden')
    await page.getByRole('combobox', { name: 'Kolom voor Achternaam' }).click()
    await page.getByRole('option', { name: 'Persoon', exact: true }).click()
    await expect(page.getByText('Nog niet alle verplichte velden hebben een kolom')).toBeHidden()
    await shot(page, 'intake-02-kolommen')

    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
    const problems = page.getByRole('table', { name: 'Regels met een probleem' })
    await expect(problems).toContainText('"604" is geen Nederlandse postcode')
    await expect(problems.getByRole('cell', { name: '5', exact: true })).toBeVisible()
    await shot(page, 'intake-03-voorbeeld')
    await page.getByRole('button', { name: '3 signalen inlezen' }).click()
    await expect(page.getByText('3 nieuwe signalen ingelezen, 2 doorgezet in 2 nieuwe zaken')).toBeVisible()
    await shot(page, 'intake-04-klaar')

    // The correction list: fix the postcode and take the row in after all
    await page.getByRole('link', { name: 'Naar Te controleren' }).click()
    const list = page.getByRole('table', { name: 'Regels te controleren' })
    await expect(list).toContainText('is geen Nederlandse postcode')
    await list.getByRole('button', { name: 'Verbeteren' }).click()
    const card = page.getByRole('region', { name: 'Regel 5 van vps-oktober-2026.csv' })
    await shot(page, 'intake-05-te-controleren')
    // A wrong fix first: the row says what is still wrong, and keeps the correction
    await card.getByLabel('Postcode').fill('6044')
    await card.getByRole('button', { name: 'Verbeterd: inlezen' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Regel 5 is nog niet goed' })).toBeVisible()
    await expect(card).toContainText('"6044" is geen Nederlandse postcode')
    await card.getByLabel('Postcode').fill('6044 CD')
    await card.getByRole('button', { name: 'Verbeterd: inlezen' }).click()
    await expect(page.getByText('Niets te controleren')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Regel 5 is ingelezen' })).toBeVisible()

    // The import's signals with the triage proposal; the water signal under the threshold
    await page.getByRole('link', { name: 'Inleesgeschiedenis' }).click()
    const history = page.getByRole('table', { name: 'Inleesgeschiedenis' })
    await expect(history).toContainText('vps-oktober-2026.csv')
    await expect(history).toContainText('3 van 4 (75%)')
    await shot(page, 'intake-06-geschiedenis')
    await history.getByRole('link', { name: 'vps-oktober-2026.csv' }).click()
    const signals = page.getByRole('table', { name: 'Signalen van deze inlezing' })
    await expect(signals).toContainText('Bedrag onder de drempel van € 75,00')
    await shot(page, 'intake-07-signalen')

    // The cases are in the caseload
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await expect(page.getByRole('cell', { name: /J\. van der Berg/ })).toBeVisible()
    await expect(page.getByRole('cell', { name: /P\. Smeets/ })).toBeVisible()
    await expect(page.getByRole('cell', { name: /M\. Jansen/ })).toBeVisible()
    await shot(page, 'intake-08-caseload')

    // The kwaliteitsmedewerker's screens
    await page.getByRole('link', { name: 'Verdeling' }).click()
    await expect(page.getByRole('table', { name: 'Werklast per consulent' })).toContainText('Anouk Peeters')
    await shot(page, 'intake-09-verdeling')
    await page.getByRole('link', { name: 'Afwegingskader' }).click()
    await expect(page.getByLabel('Drinkwater (euro)')).toHaveValue('75')
    await shot(page, 'intake-10-afwegingskader')
  } finally {
    await server.stop()
  }
})
