import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { api, expect, openSignedIn, ROERMOND_TEAM, setUp, shot, startServer, test } from './harness'

const SETUP = {
  team: ROERMOND_TEAM,
  wijken: [
    { naam: 'Centrum', postcodes: '6041-6043' },
    { naam: 'Donderberg', postcodes: '6044-6046' },
  ],
  medewerkers: [
    { naam: 'Anouk Peeters', rol: 'consulent', telefoon: '', email: '', wijken: ['Centrum', 'Donderberg'] },
    { naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker', telefoon: '', email: '', wijken: [] },
  ],
}

const HEADER =
  'Signaal ID;Melder;Soort achterstand;Bedrag;Datum ontstaan;Signaaldatum;Voorletters;Tussenvoegsel;Achternaam;' +
  'Geboortedatum;Telefoon;E-mail;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats'
const NAMES = ['’t Hart', 'D’Souza', 'Šerif', 'Hoëlle', 'Jansen', 'Müller', 'Peeters', 'Smeets']
const STREETS = ['Maria Theresialaan – Noord', 'Burgemeester Kortenhorstlaan', 'Sint-Christoffelstraat']
const MELDERS = [
  'Woonstichting ’t Heem',
  'Energie – Noord B.V.',
  'Zorgverzekeraar CZ',
  'Waterleiding Maatschappij Limburg',
]
const SOORTEN = ['Huurachterstand', 'Energieleverancier', 'Zorgverzekeraar', 'Drinkwater']

/** A large city's year, as Excel on Windows saves it: Windows-1252, euro signs, curly apostrophes. */
function yearFile(rows: number, tweak: (i: number, cells: string[]) => void = () => undefined): Buffer {
  const lines = [HEADER]
  for (let i = 0; i < rows; i++) {
    const naam = NAMES[i % NAMES.length]!
    const cells = [
      `VPS-2026-${String(100000 + i)}`,
      MELDERS[i % MELDERS.length]!,
      SOORTEN[i % SOORTEN.length]!,
      `€ ${(100 + (i % 2900)).toLocaleString('nl-NL')},${String(i % 100).padStart(2, '0')}`,
      `${1 + (i % 28)}-0${1 + (i % 9)}-2026`,
      `${1 + (i % 28)}-10-2026`,
      'J.K.',
      '',
      naam,
      `${1 + (i % 28)}-${1 + (i % 12)}-19${45 + (i % 50)}`,
      `06-${String(10_000_000 + i).slice(0, 8)}`,
      `bewoner${i}@voorbeeld.nl`,
      STREETS[i % STREETS.length]!,
      String(1 + Math.floor(i / 2000)),
      i % 7 === 0 ? 'A' : '',
      // Letters PostNL gives out (never SA, SD or SS)
      `${6041 + (i % 6)} ${'ABCDEFGHJKLMNPRTUVWXYZ'[i % 22]}${String.fromCharCode(66 + (Math.floor(i / 22) % 24))}`,
      'Roermond',
    ]
    tweak(i, cells)
    lines.push(cells.join(';'))
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252')
}

test('a year of signals (20 MB) imports from the screen with progress, and the app keeps answering', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(10 * 60_000)
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    const file = join(dataDir, 'VPS-export-2026.csv')
    const bytes = yearFile(100_000)
    expect(bytes.length).toBeGreaterThan(18_000_000)
    writeFileSync(file, bytes)

    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Bestand inlezen' }).click()
    await page.getByLabel('Bestand met signalen').setInputFiles(file)
    await expect(page.getByText('100.000 regels gevonden (CSV, Windows-1252)')).toBeVisible({
      timeout: 120_000,
    })
    // The name of the source is filled in from the file's name, so the preview cannot fail on it
    await expect(page.getByLabel('Naam van de bron')).toHaveValue('Vindplaats van Schulden')
    await page.evaluate('window.scrollTo(0, 0)')
    await shot(page, 'intake-11-kolommen-groot')

    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
    const progress = page.getByRole('status').filter({ hasText: /Regels controleren: [1-9]/ })
    await expect(progress).toBeVisible({ timeout: 60_000 })
    // Main keeps answering while its worker checks 100,000 rows
    const history = (await api(server, 'intake.history', {})) as unknown[]
    expect(history).toEqual([])
    await expect(progress).toBeVisible()
    await progress.scrollIntoViewIfNeeded()
    await shot(page, 'intake-12-voortgang')
    await expect(page.getByText('Zo ziet de inlezing van')).toBeVisible({ timeout: 300_000 })
    await page.getByRole('button', { name: '100.000 signalen inlezen' }).click()
    const storing = page.getByRole('status').filter({ hasText: /Signalen opslaan: [1-9]/ })
    await expect(storing).toBeVisible({ timeout: 60_000 })
    expect(await api(server, 'caseload.list', {})).toMatchObject({ total: 0 })
    await expect(storing).toBeVisible()
    await shot(page, 'intake-13-opslaan')
    await expect(page.getByText('100.000 nieuwe signalen ingelezen')).toBeVisible({ timeout: 300_000 })
    await page.evaluate('window.scrollTo(0, 0)')
    await shot(page, 'intake-14-klaar-groot')
    // Every row in, with the characters as written
    const signals = (await api(server, 'intake.importSignals', { importId: 1 })) as {
      naam: string
      adres: string
    }[]
    expect(signals.some((s) => s.naam === 'J.K. ’t Hart')).toBe(true)
    expect(signals.some((s) => s.adres.startsWith('Maria Theresialaan – Noord'))).toBe(true)
  } finally {
    await server.stop()
  }
})

test('100 rows with the same problem are cleared at once; 20 others rejected with one reason', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    const file = join(dataDir, 'vps-november-2026.csv')
    writeFileSync(
      file,
      yearFile(130, (i, cells) => {
        if (i < 100) cells[2] = 'Kinderopvang'
        else if (i < 120) cells[15] = '604'
      }),
    )
    await openSignedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Bestand inlezen' }).click()
    await page.getByLabel('Bestand met signalen').setInputFiles(file)
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
    await page.getByRole('button', { name: '10 signalen inlezen' }).click()
    await expect(page.getByText('120 regels staan in Te controleren')).toBeVisible()

    const started = Date.now()
    await page.getByRole('link', { name: 'Naar Te controleren' }).click()
    await expect(page.getByText('120 regels te controleren')).toBeVisible()
    const groups = page.getByRole('group', { name: 'Groepen met hetzelfde probleem' })
    await expect(groups).toContainText('Soort signaalpartner: "Kinderopvang" (100)')
    await shot(page, 'intake-15-te-controleren-groepen')
    await groups.getByRole('button', { name: 'Soort signaalpartner: "Kinderopvang" (100)' }).click()
    await expect(page.getByText('100 regels gekozen')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Vervang' })).toHaveValue('Kinderopvang')
    await page.getByRole('combobox', { name: 'Door' }).click()
    await page.getByRole('option', { name: 'Overig', exact: true }).click()
    await shot(page, 'intake-16-zelfde-fix')
    await page.getByRole('button', { name: 'Toepassen en inlezen (100)' }).click()
    await expect(page.getByRole('status').filter({ hasText: '100 regels ingelezen.' })).toBeVisible()
    await expect(page.getByText('20 regels te controleren')).toBeVisible()
    console.log(`100 rows with the same problem cleared in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    await groups.getByRole('button', { name: /Postcode: "604" \(20\)/ }).click()
    await page.getByRole('button', { name: 'Afwijzen met één reden…' }).click()
    await page.getByLabel('Reden van afwijzen (voor alle gekozen regels)').fill('Geen adres in onze gemeente')
    await shot(page, 'intake-17-afwijzen')
    await page.getByRole('button', { name: '20 regels afwijzen' }).click()
    await expect(page.getByText('Niets te controleren')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: '20 regels afgewezen.' })).toBeVisible()

    // The history's count follows: none left of the 120
    await page.getByRole('link', { name: 'Inleesgeschiedenis' }).click()
    const history = page.getByRole('table', { name: 'Inleesgeschiedenis' })
    await expect(history.getByRole('row').nth(1)).toContainText('0 van 120')
    await shot(page, 'intake-18-geschiedenis-na-correctie')
  } finally {
    await server.stop()
  }
})
