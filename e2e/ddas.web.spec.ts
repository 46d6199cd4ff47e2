import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { api, expect, openSignedIn, shot, startServer, test, uploadFile, shotPath } from './harness'

// DDAS 1.2 as the kwaliteitsmedewerker and a consulent meet it: the supplying organisation in
// the settings, the delivery in 1.2 and (on request) 0.9 with what each holds, the explanations,
// the new contact kind and end result, and the new status in triage.

const schema = (v: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../resources/ddas/json_schema_Uitwisselmodel.v${v}.json`),
      'utf8',
    ),
  )
function validate(json: unknown, v: '1.2' | '0.9') {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  const check = ajv.compile(schema(v))
  return check(json) ? [] : check.errors
}

const dutch = (d: Date) =>
  `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`

test('the DDAS delivery in v1.2: organisation, both versions, explanations, new values', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await openSignedIn(page, server, 'Marloes Hendrikx')
    await page.getByRole('link', { name: 'Monitor' }).click()

    // The supplying organisation: the kwaliteitsmedewerker is proposed as contact person.
    await page.getByRole('tab', { name: 'Instellingen' }).click()
    await expect(page.getByText('Nog geen contactpersoon opgeslagen')).toBeVisible()
    await expect(page.getByLabel('Naam organisatie')).toHaveValue('Gemeente Roermond')
    await expect(page.getByLabel('Contactpersoon 1: naam')).toHaveValue('Marloes Hendrikx')
    await page.getByLabel('KvK-nummer').fill('1234 567')
    await page.getByLabel('Contactpersoon 1: e-mail').fill('marloes@roermond')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('Een KvK-nummer heeft 8 cijfers.')).toBeVisible()
    await expect(page.getByText('E-mailadres van de contactpersoon is niet geldig')).toBeVisible()
    await page.getByLabel('KvK-nummer').fill('1234 5678')
    await page.getByLabel('Contactpersoon 1: e-mail').fill('m.hendrikx@roermond.nl')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const saved = page.getByText('De instellingen van de monitor zijn opgeslagen.')
    await expect(saved).toBeVisible()
    await expect(page.getByText('Nog geen contactpersoon opgeslagen')).toBeHidden()
    await expect(page.getByText(/In de levering: "Lange Adem \d+\.\d+\.\d+"/)).toBeVisible()
    await page.getByRole('heading', { name: 'Monitor', level: 1 }).scrollIntoViewIfNeeded()
    await shot(page, 'ddas-01-instellingen')
    await page.locator('.mantine-Notification-root').getByRole('button').click()
    await expect(saved).toBeHidden()

    // Two months, version 1.2: what the file holds, then the file itself.
    await page.getByRole('tab', { name: 'DDAS en terugkoppeling' }).click()
    await page.getByText('Eigen periode', { exact: true }).click()
    const today = new Date()
    await page.getByLabel('Van (dd-mm-jjjj)').fill(dutch(new Date(today.getTime() - 61 * 86_400_000)))
    await page.getByLabel('Tot en met (dd-mm-jjjj)').fill(dutch(today))
    await expect(page.getByLabel('Versie 1.2 (de huidige versie)')).toBeChecked()
    await expect(page.getByText('Geen namen, straten of woonplaatsen.')).toBeVisible()
    const make = page.getByRole('button', { name: 'DDAS-bestand maken' })
    const understood = page.getByLabel(/en begrijp dat het persoonsgegevens bevat/)
    await understood.check()
    const [v12] = await Promise.all([page.waitForEvent('download'), make.click()])
    expect(v12.suggestedFilename()).toMatch(/^ddas-0957-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.json$/)
    const json12 = JSON.parse(readFileSync(await v12.path(), 'utf8'))
    expect(validate(json12, '1.2')).toEqual([])
    expect(json12.leveringen[0].aanleverendeOrganisatie).toMatchObject({ 'kvk-nummer': '12345678' })
    expect(json12.leveringen[0].vroegsignalen.length).toBeGreaterThan(200)
    await expect(page.getByRole('status')).toContainText('(versie 1.2)')
    await shot(page, 'ddas-02-levering-versie-1-2')

    // Version 0.9 on request: a stronger warning, asked again.
    await page.getByLabel('Versie 0.9 (alleen als uw hostingpartij daar nog om vraagt)').check()
    await expect(page.getByText('Dit bestand bevat veel persoonsgegevens')).toBeVisible()
    await expect(understood).not.toBeChecked()
    await expect(make).toBeDisabled()
    await understood.check()
    const [v09] = await Promise.all([page.waitForEvent('download'), make.click()])
    expect(v09.suggestedFilename()).toMatch(/-v0\.9\.json$/)
    const json09 = JSON.parse(readFileSync(await v09.path(), 'utf8'))
    expect(validate(json09, '0.9')).toEqual([])
    expect(json09.leveringen[0].vroegsignalen).toHaveLength(json12.leveringen[0].vroegsignalen.length)
    await shot(page, 'ddas-03-levering-versie-0-9')

    // The explanations follow v1.2.
    await page.getByRole('tab', { name: 'Cijfers' }).click()
    const kanaal = page.getByRole('table', { name: 'Bereik per soort contactpoging' })
    await expect(kanaal.getByRole('row', { name: /Afspraak op locatie/ })).toBeVisible()
    await page.getByRole('button', { name: 'Hoe tellen we? Uitleg bij de cijfers' }).click()
    const uitleg = page.getByText(/Eindresultaten: de zestien van DDAS versie 1\.2/)
    await expect(uitleg).toBeVisible()
    await uitleg.scrollIntoViewIfNeeded()
    await page.locator('.mantine-Accordion-item').screenshot({ path: shotPath('ddas-04-hoe-tellen-we') })

    // An appointment at the stadskantoor, then the new end result with its explanation.
    const list = (await api(server, 'caseload.list', { status: 'open', pageSize: 25 })) as {
      rows: { id: number }[]
    }
    await page.goto(`${server.url}#/zaak/${list.rows[0]!.id}`)
    await page.getByRole('button', { name: 'Contactpoging vastleggen' }).click()
    const log = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
    await log.getByLabel('Hoe').selectOption({ label: 'Afspraak op locatie' })
    await log.getByLabel('Resultaat').selectOption('Gesprek gevoerd')
    await expect(log.getByLabel('Contact gehad met de bewoner (bereikt)')).toBeChecked()
    await page.screenshot({
      path: shotPath('ddas-05-poging-afspraak'),
    })
    await log.getByRole('button', { name: 'Poging opslaan' }).click()
    await expect(log).toBeHidden()
    await expect(page.getByRole('cell', { name: 'Afspraak op locatie' }).first()).toBeVisible()

    await page.getByRole('button', { name: 'Zaak afsluiten' }).click()
    const close = page.getByRole('dialog', { name: 'Zaak afsluiten' })
    await close.getByLabel('Eindresultaat').selectOption('Vervolghulp en/of verwijzing')
    await expect(close.getByText('nieuw in versie 1.2')).toBeVisible()
    await page.screenshot({
      path: shotPath('ddas-06-eindresultaat'),
    })
    await close.getByLabel('Hulp aangeboden').check()
    await close.getByLabel('Hulp aangenomen').check()
    await close.getByRole('button', { name: 'Zaak afsluiten' }).click()
    await expect(page.getByRole('button', { name: 'Zaak heropenen' })).toBeVisible()

    // Triage: the resident is already known at debt help.
    const csv =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode\n' +
      `VPS-E2E-1;Energie;640;${dutch(today)};K.;Kessels;01-02-1975;Markt;9;6041EM\n`
    const uploadId = await uploadFile(server, 'extra.csv', csv)
    const a = (await api(server, 'intake.analyse', { uploadId })) as { mapping: unknown }
    const imported = (await api(server, 'intake.commit', {
      uploadId,
      mapping: a.mapping,
      bron: 'Vindplaats van Schulden',
    })) as { importId: number }
    await page.goto(`${server.url}#/inlezing/${imported.importId}`)
    await page.getByRole('button', { name: 'Toch niet doorzetten…' }).click()
    const decide = page.getByRole('dialog', { name: 'Signaal niet doorzetten' })
    await decide.getByRole('combobox', { name: 'Signaalstatus (reden voor de monitor)' }).click()
    await page.getByRole('option', { name: 'Inwoner al bekend bij schuldhulpverlening' }).click()
    await decide
      .getByRole('textbox', { name: 'Reden' })
      .fill('Loopt al bij schuldhulpverlening (gebeld met de schuldhulpverlener)')
    await page.screenshot({
      path: shotPath('ddas-07-triage-status'),
    })
    await decide.getByRole('button', { name: 'Vastleggen' }).click()
    await expect(
      page
        .getByRole('table', { name: 'Signalen van deze inlezing' })
        .getByText('Inwoner al bekend bij schuldhulpverlening'),
    ).toBeVisible()
  } finally {
    await server.stop()
  }
})
