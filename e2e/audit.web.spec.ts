import { test, expect, openSignedIn, startServer, shot } from './harness'

test('the kwaliteitsmedewerker searches the logboek and checks that it was not altered', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await openSignedIn(page, server, 'Marloes Hendrikx')
    // Opening a case file is itself recorded.
    await page.getByRole('link', { name: 'Caseload (alle zaken)' }).click()
    const first = page.getByRole('table', { name: 'Zaken' }).getByRole('row').nth(1)
    const caseNumber = (await first.getByText(/^LA-\d{4}-\d{5}$/).textContent())!
    await first.click()
    await expect(page.getByRole('heading', { name: new RegExp(caseNumber) })).toBeVisible()
    await page.getByRole('link', { name: 'Logboek' }).click()
    await expect(page.getByRole('heading', { name: 'Logboek' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Logboek' }).getByRole('row').nth(1)).toBeVisible()
    await page.getByRole('button', { name: 'Controleer het logboek' }).click()
    await expect(page.getByText('Het logboek klopt')).toBeVisible()
    await page.getByLabel('Zaaknummer').fill(caseNumber)
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect(page.getByRole('link', { name: `zaak ${caseNumber}` }).first()).toBeVisible()
    await shot(page, 'audit-01-logboek')
  } finally {
    await server.stop()
  }
})
