import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, startServer, shot, api, openSignedIn, signInAs } from './harness'

const SURNAME = 'Terugzetproef'

function newSignal() {
  return {
    signaal: {
      partnerType: 'Huur',
      partnerNaam: 'Wonen Limburg',
      externId: '',
      bedrag: '450,00',
      ontstaansdatum: '',
      signaaldatum: new Date().toISOString().slice(0, 10),
      crisis: false,
      warmeOverdracht: false,
    },
    bewoner: {
      voorletters: 'K.',
      tussenvoegsel: '',
      achternaam: SURNAME,
      geboortedatum: '',
      telefoon: '',
      email: '',
      bsn: '',
    },
    adres: {
      straat: 'Kapellerlaan',
      huisnummer: '77',
      toevoeging: '',
      postcode: '6041 AB',
      plaats: 'Roermond',
    },
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n)
    return statSync(f).isDirectory() ? filesUnder(f) : [f]
  })
}

/** Counted by the kwaliteitsmedewerker (a beheerder sees no case contents); Rob is signed in again after. */
async function casesNamed(server: Awaited<ReturnType<typeof startServer>>): Promise<number> {
  await signInAs(server, 'Marloes Hendrikx')
  const list = (await api(server, 'caseload.list', { zoek: SURNAME, status: 'alle' })) as { total: number }
  await signInAs(server, 'Rob Geraedts')
  return list.total
}

test('the beheerder makes a backup and puts it back; later changes are gone, the app keeps working', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    // A consulent does not see the screen.
    await openSignedIn(page, server, 'Anouk Peeters')
    await expect(page.getByRole('link', { name: 'Back-ups' })).toHaveCount(0)

    await openSignedIn(page, server, 'Rob Geraedts')
    await page.getByRole('link', { name: 'Back-ups' }).click()
    await expect(page.getByRole('heading', { name: 'Back-ups' })).toBeVisible()
    // The backup made at start (before the demo data) is listed, checked.
    const table = page.getByRole('table', { name: 'Back-ups' })
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table.getByRole('cell', { name: 'Automatisch' })).toBeVisible()
    await shot(page, 'backup-01-lijst')

    await page.getByRole('button', { name: 'Nu een back-up maken' }).click()
    await expect(page.getByText('Back-up gemaakt', { exact: true })).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(3)
    await expect(table.getByRole('row').nth(1).getByRole('cell', { name: 'Met de hand' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Nu een back-up maken' })).not.toHaveAttribute(
      'data-loading',
    )
    await shot(page, 'backup-02-gemaakt')

    // A change after the backup.
    await api(server, 'signals.createManual', newSignal())
    expect(await casesNamed(server)).toBe(1)
    // Nothing readable in the data folder: not the database, its WAL, nor any backup.
    for (const f of filesUnder(dataDir)) {
      const bytes = readFileSync(f)
      expect(bytes.includes(Buffer.from('SQLite format 3')), f).toBe(false)
      expect(bytes.includes(Buffer.from(SURNAME)), f).toBe(false)
    }

    await table.getByRole('row').nth(1).getByRole('button', { name: 'Opnieuw controleren' }).click()
    await expect(table.getByText('Zojuist gecontroleerd: in orde')).toBeVisible()
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Terugzetten' }).click()
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten?' })
    await expect(dialog.getByText('Dit gaat verloren')).toBeVisible()
    await shot(page, 'backup-03-bevestigen')
    await dialog.getByRole('button', { name: 'Ja, zet deze back-up terug' }).click()
    await expect(page.getByText('Back-up teruggezet', { exact: true })).toBeVisible()
    await expect(table.getByRole('row').nth(1).getByRole('cell', { name: 'Vóór terugzetten' })).toBeVisible()
    await shot(page, 'backup-04-teruggezet')

    // The same server, on the restored database: the later case is gone, the rest still works.
    expect(await casesNamed(server)).toBe(0)
    await page.getByRole('link', { name: 'Instellingen' }).click()
    await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible()

    // Putting the safety backup back brings the case back; it survives a restart.
    await page.getByRole('link', { name: 'Back-ups' }).click()
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Terugzetten' }).click()
    await dialog.getByRole('button', { name: 'Ja, zet deze back-up terug' }).click()
    await expect(page.getByText('Back-up teruggezet', { exact: true })).toBeVisible()
    expect(await casesNamed(server)).toBe(1)
  } finally {
    await server.stop()
  }
  const again = await startServer(dataDir)
  try {
    await signInAs(again, 'Rob Geraedts')
    expect(await casesNamed(again)).toBe(1)
  } finally {
    await again.stop()
  }
})
