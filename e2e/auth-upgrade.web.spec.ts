import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { api, expect, setUp, shot, startServer, test } from './harness'
import { SETUP } from './ladder-api'

const NIEUW = 'een rustige ochtend in mei'

/**
 * A database upgraded from before passwords: a team, but nobody has a password. The folder is made
 * by the real app (set-up through its API), then the hashes are cleared with SQL from this test
 * process, on the same key; the app itself has no way to do that.
 */
test('after an upgrade from before passwords, the beheerder sets his own password on the sign-in screen', async ({
  page,
  dataDir,
}) => {
  const key = randomBytes(32).toString('hex')
  const env = { LANGE_ADEM_DB_KEY: key }
  let server = await startServer(dataDir, [], env)
  try {
    await setUp(server, SETUP)
  } finally {
    await server.stop()
  }
  const raw = new Database(join(dataDir, 'lange-adem.sqlite'))
  raw.pragma("cipher='aegis'") // what the app writes (CIPHER in src/main/db/database.ts)
  raw.pragma(`hexkey='${key}'`)
  const cleared = raw.prepare('update app_user set password_hash = null, password_must_change = 0').run()
  expect(cleared.changes).toBe(SETUP.medewerkers.length + 1)
  raw.close()

  server = await startServer(dataDir, [], env)
  try {
    await page.goto(server.url)
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    await expect(
      page.getByText(
        'Lange Adem is bijgewerkt: er zijn nog geen wachtwoorden. Kies de beheerder en stel diens wachtwoord in.',
      ),
    ).toBeVisible()
    // Only the beheerder is offered: no consulent can make himself the first one.
    await expect(page.getByRole('button', { name: /Anouk Peeters/ })).toHaveCount(0)
    await shot(page, 'auth-06-bijgewerkt')

    await page.getByRole('button', { name: /Bert Smeets/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord van de beheerder', exact: true }).fill(NIEUW)
    await page
      .getByRole('textbox', { name: 'Herhaal het wachtwoord', exact: true })
      .fill('iets anders dan dat')
    await page.getByRole('button', { name: 'Wachtwoord instellen en aanmelden' }).click()
    await expect(page.getByText('De twee wachtwoorden zijn niet gelijk.', { exact: false })).toBeVisible()
    await page.getByRole('textbox', { name: 'Herhaal het wachtwoord', exact: true }).fill(NIEUW)
    await page.getByRole('button', { name: 'Wachtwoord instellen en aanmelden' }).click()
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
    await expect(page.getByText('Bert Smeets (Beheerder)')).toBeVisible()
    // His start page is one he can use: Instellingen, where he gives colleagues a starting password.
    await expect(page).toHaveURL(/#\/instellingen$/)

    // From now on main refuses the upgrade path, whoever asks; the screen is the normal sign-in.
    const team = (await api(server, 'session.team', {})) as { id: number; naam: string }[]
    const bert = team.find((m) => m.naam === 'Bert Smeets')!
    await expect(
      api(server, 'session.setFirstPassword', {
        userId: bert.id,
        nieuwWachtwoord: 'een ander lang wachtwoord',
      }),
    ).rejects.toThrow(/Er zijn al wachtwoorden ingesteld/)
    await page.getByRole('button', { name: 'Wissel van gebruiker' }).click()
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
    await expect(page.getByText('Lange Adem is bijgewerkt', { exact: false })).toHaveCount(0)
    await page.getByRole('button', { name: /Bert Smeets/ }).click()
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(NIEUW)
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()
  } finally {
    await server.stop()
  }
})
