import { api, expect, E2E_WACHTWOORD, setUp, shot, signInAs, startServer, test } from './harness'
import { SETUP, signal, signedIn } from './ladder-api'

// "Wissel van gebruiker" at a shared desk: the next person starts on their own start page. No
// case file of the previous person is opened, or written to the logboek, in the next one's name.

test('switching user lands on the role’s start page, never on the previous person’s case file', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    // Everyone chooses a password once.
    for (const naam of ['Sem Janssen', 'Fatima El Idrissi', 'Anouk Peeters']) await signInAs(server, naam)
    const { caseId } = (await api(
      server,
      'signals.createManual',
      signal('Aarts', '6041 AB', '1', '12-03-1984'),
    )) as { caseId: number }

    // Anouk works in a case file of her wijk, and has the caseload filtered.
    await signedIn(page, server)
    await page.goto(`${server.url}#/zaak/${caseId}`)
    await expect(page.getByRole('heading', { name: /^Zaak LA-/ })).toBeVisible()

    const signInThroughScreen = async (naam: string) => {
      await page.getByRole('button', { name: 'Wissel van gebruiker' }).click()
      await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
      expect(page.url()).not.toContain('#/zaak')
      await page.getByRole('button', { name: new RegExp(naam) }).click()
      await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_WACHTWOORD)
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
      await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
    }

    // Sem (no wijken of his own) takes over the desk: his start page, no "another wijk" message.
    await signInThroughScreen('Sem Janssen')
    await expect(page).toHaveURL(/#\/caseload$/)
    await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible()
    await expect(page.getByText(/hoort bij een andere wijk/)).toHaveCount(0)
    await shot(page, 'nav-02-wissel-van-gebruiker')

    // Back to Anouk in the case, then Fatima (who may see every case) takes over: still her start page.
    await page.getByRole('button', { name: 'Wissel van gebruiker' }).click()
    await page.getByRole('button', { name: /Anouk Peeters/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_WACHTWOORD)
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page).toHaveURL(/#\/caseload$/)
    await page.goto(`${server.url}#/zaak/${caseId}`)
    await expect(page.getByRole('heading', { name: /^Zaak LA-/ })).toBeVisible()
    await signInThroughScreen('Fatima El Idrissi')
    await expect(page).toHaveURL(/#\/caseload$/)

    // The logboek: the case was viewed by Anouk, twice, and by nobody else.
    await signInAs(server, 'Bert Smeets')
    const trail = (await api(server, 'audit.search', { actie: 'bekeken', pageSize: 200 })) as {
      rows: { door: string; caseId: number | null }[]
    }
    expect(trail.rows.filter((r) => r.caseId === caseId).map((r) => r.door)).toEqual([
      'Anouk Peeters',
      'Anouk Peeters',
    ])
  } finally {
    await server.stop()
  }
})
