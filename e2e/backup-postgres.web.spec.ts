import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, setUp, shot, signInAs, startServer, type AppServer } from './harness'
import { SETUP } from './ladder-api'
import { test } from './team-server'

// The Back-ups screen of a team server on PostgreSQL (issue 19): the server makes encrypted
// exports, the beheerder makes one now and checks it; restoring is IT's work with the command
// line, so the screen says so and offers no restore button.

test.use({ store: 'PostgreSQL' })

test('on a team server on PostgreSQL the beheerder sees and makes encrypted exports; restoring is left to IT', async ({
  page,
  dataDir,
  team,
}) => {
  const desk = mkdtempSync(join(tmpdir(), 'lange-adem-ws-'))
  let balie: AppServer | null = null
  try {
    balie = await startServer(desk, ['--server', team.url, '--fingerprint', team.fingerprint])
    await setUp(balie, SETUP)
    await signInAs(balie, 'Bert Smeets')
    await page.goto(balie.url)
    await page.getByRole('link', { name: 'Back-ups' }).click()
    await expect(page.getByRole('heading', { name: 'Back-ups' })).toBeVisible()
    await expect(
      page.getByText('De teamserver bewaart de gegevens in een PostgreSQL-database.'),
    ).toBeVisible()
    await expect(page.getByText('Terugzetten doet IT')).toBeVisible()
    // The export the server made at start is listed, checked.
    const table = page.getByRole('table', { name: 'Back-ups' })
    await expect(table.getByRole('row')).toHaveCount(2)

    await page.getByRole('button', { name: 'Nu een back-up maken' }).click()
    await expect(page.getByText('Back-up gemaakt', { exact: true })).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(3)
    await expect(table.getByRole('row').nth(1).getByRole('cell', { name: 'Met de hand' })).toBeVisible()
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Opnieuw controleren' }).click()
    await expect(table.getByText('Zojuist gecontroleerd: in orde')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Terugzetten' })).toHaveCount(0)
    await shot(page, 'backup-05-postgres-exports')

    // On the server: encrypted exports in the data folder, nothing else.
    const files = readdirSync(join(dataDir, 'backups'))
    expect(files.filter((f) => f.endsWith('.export'))).toHaveLength(2)
    expect(files.filter((f) => !f.endsWith('.export'))).toEqual([])
  } finally {
    await balie?.stop()
    rmSync(desk, { recursive: true, force: true })
  }
})
