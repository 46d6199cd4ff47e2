import { test, expect, setUp, startServer, shot, signInAs } from './harness'
import { api, SETUP, signal, signedIn } from './ladder-api'

// A walk-in hour with three visitors: one found by surname, one by postcode and house number
// from the card, and one who came without a signal and gets a new case.

test('a walk-in hour with three visitors, one without a signal', async ({ page, dataDir }) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    await api(server, 'signals.createManual', signal('Claessens', '6041 AB', '3', '01-02-1970'))
    await api(server, 'signals.createManual', signal('Wolters', '6041 CD', '18', '05-06-1992'))
    await signedIn(page, server)
    await page.getByRole('link', { name: 'Inloopspreekuur' }).click()
    await expect(page.getByRole('heading', { name: 'Inloopspreekuur' })).toBeVisible()
    const search = page.getByLabel('Zoek bezoeker')
    await expect(search).toBeFocused()

    // 1. By surname.
    await search.fill('Claessens')
    await expect(page.getByText('Gezocht op: Achternaam begint met')).toBeVisible()
    await page.getByRole('button', { name: 'Bezoek vastleggen voor M. Claessens' }).click()
    let intake = page.getByRole('dialog', { name: 'Bezoek van M. Claessens' })
    await intake.getByLabel('Wat speelt er').fill('Zorgpremie loopt achter.')
    await intake.getByLabel('Welke rekeningen').fill('Zorgverzekering')
    await intake.getByLabel('Afgesproken vervolgstap').fill('Betalingsregeling aanvragen')
    await intake.getByRole('button', { name: 'Bezoek vastleggen' }).click()
    await expect(intake).toBeHidden()

    // 2. By postcode and house number from the card, with an eviction date.
    await search.fill('6041 CD 18')
    await page.getByRole('button', { name: 'Bezoek vastleggen voor M. Wolters' }).click()
    intake = page.getByRole('dialog', { name: 'Bezoek van M. Wolters' })
    await intake.getByLabel('Wat speelt er').fill('Huur drie maanden achter.')
    await intake.getByLabel('Haast').selectOption({ label: 'Ontruiming dreigt' })
    await intake.getByLabel('Afgesproken vervolgstap').fill('Vandaag nog de verhuurder bellen')
    await intake.getByRole('button', { name: 'Bezoek vastleggen' }).click()
    await expect(intake.getByText('Vul de datum van de ontruiming of afsluiting in.')).toBeVisible()
    await intake.getByLabel('Datum ontruiming of afsluiting').fill('01-12-2030')
    await shot(page, 'walkin-01-intake')
    await intake.getByRole('button', { name: 'Bezoek vastleggen' }).click()
    await expect(intake).toBeHidden()

    // 3. Without a signal: a new visitor and a new case.
    await page.getByRole('button', { name: 'Nieuwe bezoeker zonder signaal' }).click()
    intake = page.getByRole('dialog', { name: 'Nieuwe bezoeker (zonder signaal)' })
    await intake.getByLabel('Voorletters').fill('K.')
    await intake.getByLabel('Achternaam').fill('Smeets')
    await intake.getByLabel('Geboortedatum').fill('02-02-1990')
    await intake.getByLabel('Straat').fill('Markt')
    await intake.getByLabel('Huisnummer').fill('5')
    await intake.getByLabel('Postcode').fill('6041 EM')
    await intake.getByLabel('Wat speelt er').fill('Kan de energierekening niet betalen.')
    await intake.getByLabel('Afgesproken vervolgstap').fill('Rekeningen op een rij zetten')
    await intake.getByRole('button', { name: 'Bezoek vastleggen' }).click()
    await expect(intake).toBeHidden()

    const visitors = page.getByRole('table', { name: 'Bezoekers' })
    await expect(visitors.getByRole('row')).toHaveCount(4)
    await expect(visitors.getByRole('row', { name: /Wolters/ })).toContainText(
      'Ontruiming dreigt (01-12-2030)',
    )
    await expect(visitors.getByRole('row', { name: /Smeets/ })).toContainText('nieuw')
    await shot(page, 'walkin-02-bezoekers')

    // The new case is a real case in the caseload, reached through the walk-in hour.
    await visitors
      .getByRole('row', { name: /Smeets/ })
      .getByRole('link')
      .click()
    await expect(page.getByRole('heading', { name: /Zaak LA-/ })).toBeVisible()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Opvolgen na contact')
    await expect(page.getByRole('table', { name: 'Contactpogingen' })).toContainText('Inloopspreekuur')
  } finally {
    await server.stop()
  }
})
