import type { Page } from '@playwright/test'
import { test, expect, openSignedIn, startServer, shot } from './harness'
import { fillSetup } from './setup-ui'

// A new user's first session: set the team up, pick yourself, enter two signals for one address
// and one for another, find two cases, open one, restart on the same data folder, find it all back.

async function enterSignal(
  page: Page,
  s: {
    soort: string
    bedrag: string
    voorletters: string
    tussenvoegsel?: string
    achternaam: string
    geboortedatum: string
    postcode: string
    huisnummer: string
    straat: string
  },
) {
  await page.getByRole('link', { name: 'Signaal invoeren' }).click()
  await expect(page.getByRole('heading', { name: 'Signaal invoeren', level: 1 })).toBeVisible()
  await page.getByRole('combobox', { name: 'Soort signaalpartner' }).click()
  await page.getByRole('option', { name: s.soort, exact: true }).click()
  await page.getByLabel('Naam signaalpartner').fill('Wonen Limburg')
  await page.getByLabel('Bedrag achterstand').fill(s.bedrag)
  await page.getByLabel('Voorletters').fill(s.voorletters)
  if (s.tussenvoegsel) await page.getByLabel('Tussenvoegsel').fill(s.tussenvoegsel)
  await page.getByLabel('Achternaam').fill(s.achternaam)
  await page.getByLabel('Geboortedatum').fill(s.geboortedatum)
  await page.getByLabel('Postcode').fill(s.postcode)
  await page.getByLabel('Huisnummer').fill(s.huisnummer)
  await page.getByLabel('Straat').fill(s.straat)
  await page.getByLabel('Plaats').fill('Roermond')
  await page.getByRole('button', { name: 'Signaal opslaan' }).click()
  await expect(page.getByRole('button', { name: 'Naar de zaak' })).toBeVisible()
}

test('first use: set-up, signals, caseload, case file, and everything back after a restart', async ({
  page,
  dataDir,
}) => {
  let server = await startServer(dataDir)
  try {
    await page.goto(server.url)
    await fillSetup(page, { shots: true })

    // After the set-up: the sign-in screen (signing in itself is tested in auth.web.spec.ts).
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    await shot(page, '06-aanmelden')
    await openSignedIn(page, server, 'Anouk Peeters')

    // A bad entry first: the form keeps what was typed and says what is wrong, in Dutch.
    await page.getByRole('link', { name: 'Signaal invoeren' }).click()
    await page.getByLabel('BSN (niet verplicht)').fill('123456789')
    await page.getByLabel('BSN (niet verplicht)').press('Tab')
    await page.getByRole('button', { name: 'Signaal opslaan' }).click()
    await expect(page.getByText(/elfproef/).first()).toBeVisible()
    await expect(page.getByText('Vul de achternaam in.').first()).toBeVisible()
    await shot(page, '07-signaal-fouten')
    await page.getByLabel('BSN (niet verplicht)').fill('')

    await enterSignal(page, {
      soort: 'Huur (verhuurder)',
      bedrag: '1.250,00',
      voorletters: 'J.',
      tussenvoegsel: 'van der',
      achternaam: 'Berg',
      geboortedatum: '12-03-1984',
      postcode: '6041 AB',
      huisnummer: '12a',
      straat: 'Kapellerlaan',
    })
    await shot(page, '08-signaal-opgeslagen')
    await page.getByRole('button', { name: /Nog een signaal/ }).click()
    // The same address written differently: one household, so the signal joins the open case.
    await enterSignal(page, {
      soort: 'Energie',
      bedrag: '310',
      voorletters: 'M.',
      achternaam: 'Çelik',
      geboortedatum: '02-07-1990',
      postcode: '6041ab',
      huisnummer: '12 A',
      straat: 'Kapellerlaan',
    })
    await page.getByRole('button', { name: /Nog een signaal/ }).click()
    await enterSignal(page, {
      soort: 'Zorgverzekering',
      bedrag: '480,50',
      voorletters: 'P.',
      tussenvoegsel: 'de',
      achternaam: 'Vries',
      geboortedatum: '30-11-1958',
      postcode: '6044 CD',
      huisnummer: '3',
      straat: 'Donderbergweg',
    })

    await page.getByRole('link', { name: 'Mijn zaken' }).click()
    await expect(page.getByText('2 zaken')).toBeVisible()
    const berg = page.getByRole('row', { name: /Berg/ })
    await expect(berg).toContainText('€ 1.560,00')
    await expect(page.getByRole('row', { name: /Vries/ })).toBeVisible()
    await shot(page, '09-mijn-zaken')

    await page.getByLabel('Zoeken').fill('celik')
    await expect(page.getByText('1 zaak')).toBeVisible()
    await page.getByLabel('Zoeken').fill('')
    await expect(page.getByText('2 zaken')).toBeVisible()

    await berg.click()
    await expect(page.getByRole('heading', { name: /LA-\d{4}-00001/ })).toBeVisible()
    await expect(page.getByText('Kapellerlaan 12A').first()).toBeVisible()
    await expect(page.getByText('M. Çelik').first()).toBeVisible()
    await page.getByLabel('Nieuwe notitie').fill('Mevrouw belde terug, wil graag een afspraak.')
    await page.getByRole('button', { name: 'Notitie opslaan' }).click()
    await expect(page.getByText('Mevrouw belde terug, wil graag een afspraak.')).toBeVisible()
    await shot(page, '10-dossier')

    // A consulent may look at the settings but not change them (main refuses it too).
    await page.getByRole('link', { name: 'Instellingen' }).click()
    await expect(page.getByText('Alleen bekijken').first()).toBeVisible()
    await page.getByRole('tab', { name: 'Wijken' }).click()
    await expect(page.getByRole('button', { name: 'Wijk toevoegen' })).toBeDisabled()
    await shot(page, '13-instellingen-alleen-bekijken')
  } finally {
    await server.stop()
  }

  // Restart on the same folder: everything is still there.
  server = await startServer(dataDir)
  try {
    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await expect(page.getByText('2 zaken')).toBeVisible()
    await page.getByRole('row', { name: /Berg/ }).click()
    await expect(page.getByText('Mevrouw belde terug, wil graag een afspraak.')).toBeVisible()
    await expect(page.getByText('M. Çelik').first()).toBeVisible()
    await shot(page, '11-na-herstart')
  } finally {
    await server.stop()
  }
})

test('demo data fill an empty database and are marked as such', async ({ page, dataDir }) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await page.goto(server.url)
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    // The demo's sign-in screen shows the demo password; real data never does.
    await expect(page.getByText('Demo-wachtwoord: demo-lange-adem')).toBeVisible()
    await openSignedIn(page, server, 'Anouk Peeters')
    await expect(page.getByText('Demo-gegevens').first()).toBeVisible()
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await expect(page.getByText(/\d+ zaken/)).toBeVisible()
    await shot(page, '12-demo-caseload')
  } finally {
    await server.stop()
  }
})
