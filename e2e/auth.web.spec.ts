import {
  api,
  expect,
  openSignedIn,
  setUp,
  shot,
  signInAs,
  startServer,
  test,
  E2E_WACHTWOORD,
} from './harness'
import { SETUP } from './ladder-api'
import { fillSetup, WIZARD_WACHTWOORD } from './setup-ui'

const WRONG = 'Deze combinatie van naam en wachtwoord klopt niet. Probeer het opnieuw.'

test('set-up with a password, sign-in, the lock, and a colleague with a starting password', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await page.goto(server.url)
    await fillSetup(page)

    // Sign in: choose the name, then the password. A wrong one gets one message for both cases.
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    await page.getByRole('button', { name: /Bert Smeets/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('niet mijn wachtwoord')
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByText(WRONG)).toBeVisible()
    await shot(page, 'auth-01-aanmelden')
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(WIZARD_WACHTWOORD)
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()

    // Colleagues' details on screen (a beheerder sees no case files), then Ctrl+L: the workspace
    // is gone from the page, not just covered.
    await page.getByRole('link', { name: 'Instellingen' }).click()
    await page.getByRole('tab', { name: 'Medewerkers' }).click()
    await expect(page.getByRole('row', { name: /Anouk Peeters/ })).toBeVisible()
    await page.keyboard.press('Control+l')
    await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible()
    await expect(page.getByText('Bert Smeets')).toBeVisible()
    expect(await page.content()).not.toContain('Anouk Peeters')
    // Main refuses too, whoever asks.
    await expect(api(server, 'settings.get', {})).rejects.toThrow(/vergrendeld/)
    await shot(page, 'auth-02-vergrendeld')
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('nog steeds fout')
    await page.getByRole('button', { name: 'Ontgrendelen' }).click()
    await expect(page.getByText(WRONG)).toBeVisible()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(WIZARD_WACHTWOORD)
    await page.getByRole('button', { name: 'Ontgrendelen' }).click()
    await page.getByRole('tab', { name: 'Medewerkers' }).click()
    await expect(page.getByRole('row', { name: /Anouk Peeters/ })).toBeVisible()

    // A colleague without a password cannot sign in yet; the beheerder gives a starting password.
    await page.getByRole('button', { name: 'Wachtwoord instellen voor Anouk Peeters' }).click()
    const dialog = page.getByRole('dialog', { name: 'Wachtwoord instellen voor Anouk Peeters' })
    await dialog.getByRole('textbox', { name: 'Startwachtwoord', exact: true }).fill('welkom in het team')
    await dialog
      .getByRole('textbox', { name: 'Herhaal het startwachtwoord', exact: true })
      .fill('welkom in het team')
    await shot(page, 'auth-04-startwachtwoord')
    await dialog.getByRole('button', { name: 'Wachtwoord instellen' }).click()
    await expect(page.getByText('Anouk Peeters heeft een startwachtwoord.')).toBeVisible()
  } finally {
    await server.stop()
  }
})

test('first sign-in with a starting password asks for an own password; the lock button and "Andere gebruiker"', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Bert Smeets')
    const team = (await api(server, 'session.team', {})) as { id: number; naam: string }[]
    const sem = team.find((m) => m.naam === 'Sem Janssen')!
    await api(server, 'session.setStartPassword', { userId: sem.id, wachtwoord: 'welkom in het team' })
    await api(server, 'session.signOut', {})

    await page.goto(server.url)
    // Fatima has no password yet.
    await page.getByRole('button', { name: /Fatima El Idrissi/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('iets willekeurigs')
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByText(/Vraag de beheerder om een startwachtwoord/)).toBeVisible()
    await page.getByRole('button', { name: 'Andere naam kiezen' }).click()

    await page.getByRole('button', { name: /Sem Janssen/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('welkom in het team')
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Kies je eigen wachtwoord' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill('welkom in het team')
    await page
      .getByRole('textbox', { name: 'Herhaal het nieuwe wachtwoord', exact: true })
      .fill('welkom in het team')
    await page.getByRole('button', { name: 'Opslaan en aanmelden' }).click()
    await expect(page.getByText(/ander wachtwoord dan/)).toBeVisible()
    await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill('koffie met een koekje')
    await page
      .getByRole('textbox', { name: 'Herhaal het nieuwe wachtwoord', exact: true })
      .fill('koffie met een koekje')
    await shot(page, 'auth-05-eigen-wachtwoord')
    await page.getByRole('button', { name: 'Opslaan en aanmelden' }).click()
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
    await expect(page.getByText('Sem Janssen (Consulent)')).toBeVisible()

    await page.getByRole('button', { name: 'Vergrendelen' }).click()
    await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible()
    await page.getByRole('button', { name: 'Andere gebruiker' }).click()
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    await expect(api(server, 'caseload.list', {})).rejects.toThrow(/Kies eerst wie je bent|aan/)

    // The new own password works; the starting one no longer does.
    await page.getByRole('button', { name: /Sem Janssen/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('koffie met een koekje')
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
  } finally {
    await server.stop()
  }
})

test('locks itself after the idle time the beheerder set', async ({ page, dataDir }) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Bert Smeets')
    await api(server, 'session.saveSettings', { vergrendelMinuten: 1 })
    await page.clock.install()
    await openSignedIn(page, server, 'Anouk Peeters')
    await page.clock.fastForward('00:50')
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible()
    await page.clock.fastForward('00:15')
    await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible()
    await expect(page.getByText('Anouk Peeters')).toBeVisible()
    await expect(api(server, 'caseload.list', {})).rejects.toThrow(/vergrendeld/)
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_WACHTWOORD)
    await page.getByRole('button', { name: 'Ontgrendelen' }).click()
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible()
  } finally {
    await server.stop()
  }
})

test('changing your own password: a wrong current one and your own name are refused at their fields', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Wachtwoord wijzigen' })
    const current = dialog.getByRole('textbox', { name: 'Huidig wachtwoord' })
    const nieuw = dialog.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true })
    const again = dialog.getByRole('textbox', { name: 'Herhaal het nieuwe wachtwoord' })

    // Main refuses the current password: the message stands at that field
    await current.fill('niet mijn wachtwoord')
    await nieuw.fill('een heel nieuw wachtwoord')
    await again.fill('een heel nieuw wachtwoord')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(current).toHaveAttribute('data-invalid', 'true')
    await expect(dialog.getByText('Je huidige wachtwoord klopt niet.')).toBeVisible()

    // Checked before anything is sent: not your own name
    await current.fill(E2E_WACHTWOORD)
    await nieuw.fill('anouk peeters 1234')
    await again.fill('anouk peeters 1234')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog.getByText('Gebruik niet je eigen naam in je wachtwoord.')).toBeVisible()
    await expect(nieuw).toHaveAttribute('data-invalid', 'true')

    await nieuw.fill('een heel nieuw wachtwoord')
    await again.fill('een heel nieuw wachtwoord')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('Je nieuwe wachtwoord is opgeslagen.')).toBeVisible()
    await expect(dialog).toHaveCount(0)
  } finally {
    await server.stop()
  }
})
