import { test, expect, startServer, shot, openSignedIn, setUp, signInAs } from './harness'
import { api, signal, TWO_WIJKEN_SETUP as SETUP } from './ladder-api'

// Who sees which case: a consulent works her own wijk; another wijk's resident she reaches only
// at the walk-in desk, and never by typing the case's address in the address bar.

test('a consulent sees her own wijk, and another wijk only through the walk-in hour', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    // Entered by the kwaliteitsmedewerker: one resident in Centrum (Anouk), one in Kapel (Sem)
    await signInAs(server, 'Fatima El Idrissi')
    await api(server, 'signals.createManual', signal('Claessens', '6041 AB', '3', '01-02-1970'))
    const other = (await api(
      server,
      'signals.createManual',
      signal('Wolters', '6042 CD', '18', '05-06-1992'),
    )) as { caseId: number }

    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Mijn zaken' }).click()
    const zaken = page.getByRole('table', { name: 'Zaken' })
    await expect(zaken.getByText('Claessens')).toBeVisible()
    await expect(zaken.getByText('Wolters')).toHaveCount(0)
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await expect(zaken.getByText('Claessens')).toBeVisible()
    await expect(zaken.getByText('Wolters')).toHaveCount(0)
    await shot(page, 'access-01-mijn-zaken')

    // The address bar: refused, with a way to the walk-in desk
    await page.goto(`${server.url}#/zaak/${other.caseId}`)
    await expect(page.getByText('Je kunt deze zaak niet openen')).toBeVisible()
    await expect(
      page.getByText(
        'Deze zaak hoort bij een andere wijk. Zoek de bewoner via het inloopspreekuur als die voor je staat.',
      ),
    ).toBeVisible()
    await shot(page, 'access-02-andere-wijk')

    // At the walk-in desk: found, and opened
    await page.getByRole('link', { name: 'Naar het inloopspreekuur' }).click()
    await page.getByLabel('Zoek bezoeker').fill('Wolters')
    const found = page.getByRole('table', { name: 'Gevonden bewoners' })
    const link = found.getByRole('link', { name: /Sem Janssen/ })
    await expect(link).toBeVisible()
    await shot(page, 'access-03-inloop-gevonden')
    await link.click()
    await expect(page.getByText('M. Wolters · Kapellerlaan 18, Roermond')).toBeVisible()
    await shot(page, 'access-04-dossier-via-inloop')

    // The trail says why
    await signInAs(server, 'Fatima El Idrissi')
    const trail = await api(server, 'audit.search', { actie: 'bekeken' })
    expect(JSON.stringify(trail)).toContain('reden: inloopspreekuur')
  } finally {
    await server.stop()
  }
})
