import type { Page } from '@playwright/test'
import { test, expect, setUp, startServer, shot, signInAs, type AppServer } from './harness'
import { api, SETUP, signal, signedIn } from './ladder-api'

// One case from signal to closure, on the days it happens (the app's clock, `--klok`, which the
// page follows): three calls and a WhatsApp on Tuesday; on Thursday the visit is due, planned
// from the case file's link with a colleague and its letter printed and sent; on the visit day
// nobody is home and the card goes through the letterbox; the resident comes to the walk-in hour,
// and the case is closed. The case file's attempts then equal the DDAS delivery's, contact by contact.

const TUESDAY = '2026-11-10T08:00:00.000Z'
const THURSDAY = '2026-11-12T08:00:00.000Z'
const VISIT_DAY = '2026-11-19T14:00:00.000Z'

async function logAttempt(page: Page, kanaal: string, resultaat: string) {
  await page.keyboard.press('Alt+P')
  const dialog = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Hoe').selectOption({ label: kanaal })
  await dialog.getByLabel('Resultaat').selectOption(resultaat)
  await dialog.getByLabel('Notitie').fill(`${kanaal}: ${resultaat}`)
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
}

/** The app on `instant`: the same data folder, started again at that moment; the page takes the date from it. */
async function on(page: Page, dataDir: string, instant: string, who = 'Anouk Peeters'): Promise<AppServer> {
  const server = await startServer(dataDir, ['--klok', instant])
  await signedIn(page, server, who)
  return server
}

test('one case from signal to closure along the ladder', async ({ page, context, dataDir }) => {
  let server = await startServer(dataDir, ['--klok', TUESDAY])
  try {
    // Every start of the app listens on a new port: the permission holds for all of them.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const input = signal('Hendriks', '6041 AB', '12', '12-03-1984')
    input.signaal.signaaldatum = '05-11-2026'
    const created = (await api(server, 'signals.createManual', input)) as { caseId: number }
    await server.stop()
    server = await on(page, dataDir, TUESDAY)

    // Today: the first call is due.
    await page.getByRole('link', { name: 'Vandaag' }).click()
    const calls = page.getByRole('region', { name: 'Bellen' })
    await expect(calls.getByRole('link', { name: 'M. Hendriks' })).toBeFocused()
    await shot(page, 'ladder-01-vandaag')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Stappenplan' })).toBeVisible()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Bellen (poging 1 van 3)')
    await expect(page.getByRole('link', { name: '← Terug naar Vandaag' })).toBeVisible()

    // Three calls without an answer, then the WhatsApp step.
    await logAttempt(page, 'Telefoon', 'Geen gehoor')
    await expect(page.getByLabel('Volgende stap')).toHaveText('Bellen (poging 2 van 3)')
    await logAttempt(page, 'Telefoon', 'Geen gehoor')
    await logAttempt(page, 'Telefoon', 'Voicemail ingesproken')
    await expect(page.getByLabel('Volgende stap')).toHaveText('WhatsApp of sms sturen')
    await page.getByRole('button', { name: 'WhatsApp-tekst kopiëren' }).click()
    await expect(page.getByText('WhatsApp-tekst gekopieerd')).toBeVisible()
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string
    expect(copied).toContain('Beste M. Hendriks')
    expect(copied).toContain('Anouk Peeters')
    expect(copied.toLowerCase()).not.toContain('schuld')
    await shot(page, 'ladder-02-tekst-gekopieerd')
    await logAttempt(page, 'WhatsApp', 'Bericht gestuurd')
    await expect(page.getByLabel('Volgende stap')).toHaveText('Huisbezoek plannen en brief sturen')
    const attempts = page.getByRole('table', { name: 'Contactpogingen' })
    await expect(attempts.getByRole('row')).toHaveCount(5)
    await expect(attempts.getByRole('cell', { name: 'WhatsApp', exact: true })).toBeVisible()
    // The visit step is due on Thursday: no link to the planner yet.
    await expect(page.getByRole('link', { name: 'Huisbezoek plannen →' })).toHaveCount(0)
    await server.stop()

    // Thursday: Vandaag, the case file and the planner agree that the visit is due.
    server = await on(page, dataDir, THURSDAY)
    await page.keyboard.press('Alt+V')
    const due = page.getByRole('region', { name: 'Huisbezoek plannen en brief sturen' })
    await expect(due.getByRole('link', { name: 'M. Hendriks' })).toBeFocused()
    await expect(due.getByRole('link', { name: 'Huisbezoek plannen →' })).toBeVisible()
    await shot(page, 'ladder-12-vandaag-huisbezoek')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: 'Huisbezoek aankondigen' }).first()).toBeVisible()
    await shot(page, 'ladder-13-dossier-huisbezoek-nodig')
    await page.getByRole('link', { name: 'Huisbezoek plannen →' }).click()
    await expect(page).toHaveURL(new RegExp(`#/huisbezoeken/\\d+/${created.caseId}$`))
    await expect(page.getByRole('checkbox', { name: 'M. Hendriks plannen' })).toBeChecked()
    await page.getByLabel('Datum').fill('19-11-2026')
    await page.getByLabel('Eerste bezoek om').click()
    await page.keyboard.type('1400')
    await page.keyboard.press('Tab')
    await page.getByLabel('Gaat mee (duo)').selectOption({ label: 'Sem Janssen' })
    await expect(page.getByLabel('Eerste bezoek om')).toHaveValue('14:00')
    await shot(page, 'ladder-03-huisbezoek-plannen')
    await page.getByRole('button', { name: 'Huisbezoeken plannen' }).click()
    const visits = page.getByRole('table', { name: 'Huisbezoeken' })
    const row = visits.getByRole('row', { name: /M\. Hendriks/ })
    await expect(row).toContainText('14:00–14:30')
    await expect(row).toContainText('Sem Janssen')
    await expect(row).toContainText('Gepland')
    // Before the visit day only an opt-out can be recorded, no outcome.
    await expect(row.getByRole('button', { name: 'Uitkomst M. Hendriks' })).toHaveCount(0)
    await expect(row).toContainText('uitkomst vanaf 19-11-2026')
    await shot(page, 'ladder-04-bezoeken-gepland')

    // The day list in route order, to print.
    await page.getByRole('link', { name: 'Daglijst afdrukken' }).click()
    await expect(
      page.getByRole('table', { name: 'Daglijst huisbezoeken' }).getByRole('row', { name: /Hendriks/ }),
    ).toBeVisible()
    await shot(page, 'ladder-05-daglijst')

    // The letter is printed and posted today: then, and only then, it is a contact attempt.
    await page.getByRole('link', { name: 'Afdrukken' }).click()
    await page.getByRole('checkbox', { name: 'Alles kiezen' }).check()
    await page.getByRole('button', { name: '1 brief afdrukken' }).click()
    await expect(page.getByRole('dialog', { name: /Afdruk \d+: brieven/ }).locator('iframe')).toHaveAttribute(
      'src',
      /^blob:/,
    )
    await page.keyboard.press('Escape')
    const batch = page.getByRole('region', { name: /Afdruk \d+/ })
    await batch.getByRole('button', { name: 'Bevestigen: 1 brief verstuurd' }).click()
    await expect(page.getByText('1 brief vastgelegd als contactpoging.')).toBeVisible()
    await server.stop()

    // The visit day: nobody home, the card goes through the letterbox.
    server = await on(page, dataDir, VISIT_DAY)
    await page.getByRole('link', { name: 'Huisbezoeken' }).click()
    await page.getByLabel('Datum').fill('19-11-2026')
    await visits.getByRole('button', { name: 'Uitkomst M. Hendriks' }).click()
    const outcome = page.getByRole('dialog')
    await outcome.getByLabel('Hoe ging het bezoek').selectOption({ label: 'Niet thuis' })
    await expect(outcome.getByLabel('Kaartje in rode envelop achtergelaten')).toBeChecked()
    await outcome.getByRole('button', { name: 'Uitkomst opslaan' }).click()
    await expect(visits.getByRole('row', { name: /M\. Hendriks/ })).toContainText('Niet thuis')

    // The resident comes to the walk-in hour with the card.
    await page.getByRole('link', { name: 'Inloopspreekuur' }).click()
    await page.getByLabel('Zoek bezoeker').fill('6041 AB 12')
    await page.getByRole('button', { name: 'Bezoek vastleggen voor M. Hendriks' }).click()
    const intake = page.getByRole('dialog', { name: 'Bezoek van M. Hendriks' })
    await intake.getByLabel('Wat speelt er').fill('Huur achter na ziekte, wil een regeling.')
    await intake.getByLabel('Afgesproken vervolgstap').fill('Samen met de verhuurder een regeling maken')
    await intake.getByRole('button', { name: 'Bezoek vastleggen' }).click()
    await expect(
      page.getByRole('table', { name: 'Bezoekers' }).getByRole('row', { name: /Hendriks/ }),
    ).toBeVisible()

    // Close with result, help and referral.
    await page.goto(`${server.url}#/zaak/${created.caseId}`)
    await expect(page.getByLabel('Volgende stap')).toHaveText('Opvolgen na contact')
    // Three calls, a WhatsApp, the letter, the visit, the card, the walk-in hour: one row each.
    await expect(attempts.getByRole('row')).toHaveCount(9)
    await shot(page, 'ladder-06-dossier-na-inloop')
    await page.getByRole('button', { name: 'Zaak afsluiten' }).click()
    const close = page.getByRole('dialog', { name: 'Zaak afsluiten' })
    await close.getByLabel('Eindresultaat').selectOption('Vervolghulp en/of verwijzing financieel')
    await close.getByLabel('Hulp aangeboden').check()
    await close.getByLabel('Hulp aangenomen').check()
    await close.getByLabel('Verwezen naar').selectOption('Schuldhulpverlening (warme overdracht)')
    await close.getByRole('button', { name: 'Zaak afsluiten' }).click()
    await expect(page.getByText('Deze zaak is gesloten.')).toContainText(
      'Verwezen naar: Schuldhulpverlening (warme overdracht)',
    )
    await expect(page.getByRole('button', { name: 'Zaak heropenen' })).toBeVisible()
    await shot(page, 'ladder-07-gesloten')

    // The case file and the DDAS delivery hold the same contacts, each once, on its own day.
    const fileRows = await attempts
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => r.querySelector('td')?.textContent?.trim() ?? ''))
    await signInAs(server, 'Fatima El Idrissi')
    // The supplying organisation, as the kwaliteitsmedewerker fills it in before a delivery.
    const { codeGegevensleverancier, softwareVersie, voorstelContactpersonen, ...settings } = (await api(
      server,
      'monitor.settings',
      {},
    )) as Record<string, unknown>
    void [codeGegevensleverancier, softwareVersie, voorstelContactpersonen]
    await api(server, 'monitor.saveSettings', {
      ...settings,
      organisatie: {
        naam: 'Gemeente Roermond',
        kvkNummer: '',
        contactpersonen: [
          {
            naam: 'Fatima El Idrissi',
            telefoon: '0475 359 999',
            email: 'f.elidrissi@roermond.nl',
            functie: 'Kwaliteitsmedewerker',
          },
        ],
      },
    })
    const file = (await api(server, 'monitor.exportDdas', { van: '2026-11-01', tot: '2026-11-30' })) as {
      base64: string
    }
    const ddas = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'))
    const delivered = ddas.leveringen[0].vroegsignaalzaken[0].contactpogingen as {
      soort: string
      datum: string
    }[]
    expect(delivered.map((p) => `${p.datum} ${p.soort}`)).toEqual([
      '2026-11-10 Telefoon',
      '2026-11-10 Telefoon',
      '2026-11-10 Telefoon',
      '2026-11-10 SMS/Whatsapp',
      '2026-11-12 Brief',
      '2026-11-19 Huisbezoek',
      '2026-11-19 Kaartje',
      '2026-11-19 Overige',
    ])
    // The case file lists them newest first, by date.
    expect(fileRows.map((d) => d.slice(0, 10)).reverse()).toEqual(
      delivered.map((p) => p.datum.split('-').reverse().join('-')),
    )
  } finally {
    await server.stop()
  }
})

// The demo month: Vandaag shows a realistic day, the address book can be kept up to date, and a
// household that comes back soon after its case was closed is marked and explained.
test('demo month: Vandaag, the address book and a returning household', async ({ page, dataDir }) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    await signedIn(page, server)
    await page.getByRole('link', { name: 'Vandaag' }).click()
    const calls = page.getByRole('region', { name: 'Bellen' })
    await expect(calls.getByRole('link').first()).toBeVisible()
    await shot(page, 'ladder-00-vandaag-demo')

    // Address book: add, change and deactivate a chain-partner contact.
    await page.getByRole('link', { name: 'Huisbezoeken' }).click()
    const book = page.getByRole('region', { name: 'Adresboek ketenpartners' })
    await book.getByLabel('Organisatie').fill('Wonen Limburg')
    await book.getByLabel('Naam contactpersoon').fill('Ria Hermans')
    await book.getByRole('button', { name: 'Contactpersoon toevoegen' }).click()
    const partners = book.getByRole('table', { name: 'Ketenpartners' })
    await expect(partners.getByRole('row', { name: /Ria Hermans/ })).toContainText('Actief')
    await book.getByRole('button', { name: 'Ria Hermans wijzigen' }).click()
    await expect(book.getByLabel('Naam contactpersoon')).toHaveValue('Ria Hermans')
    await book.getByLabel('Functie').fill('Woonconsulent')
    await book.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
    await expect(partners.getByRole('row', { name: /Ria Hermans/ })).toContainText('Woonconsulent')
    await expect(book.getByRole('button', { name: 'Contactpersoon toevoegen' })).toBeVisible()
    await book.getByRole('button', { name: 'Ria Hermans deactiveren' }).click()
    await expect(partners.getByRole('row', { name: /Ria Hermans/ })).toContainText('Niet actief')
    await expect(page.getByLabel('Gaat mee (duo)').locator('option', { hasText: 'Ria Hermans' })).toHaveCount(
      0,
    )
    await book.scrollIntoViewIfNeeded()
    await shot(page, 'ladder-08-adresboek')

    // A household whose case was closed a few months ago: marked in the caseload, notice in the case.
    const page1 = (await api(server, 'caseload.list', { status: 'open', pageSize: 200 })) as {
      rows: { id: number; eerderBekend: boolean; caseNumber: string }[]
    }
    const back = page1.rows.find((r) => r.eerderBekend)!
    expect(back).toBeTruthy()
    await page.getByRole('link', { name: 'Zaken in mijn wijken' }).click()
    await page.getByLabel('Zoeken').fill(back.caseNumber)
    await expect(page.getByText(/^1 zaak\b/)).toBeVisible()
    await expect(page.getByRole('row', { name: new RegExp(back.caseNumber) })).toContainText('eerder bekend')
    await shot(page, 'ladder-10-caseload-eerder-bekend')
    await page.goto(`${server.url}#/zaak/${back.id}`)
    const notice = page.getByRole('note', { name: 'Eerdere zaak' })
    await expect(notice).toContainText(
      /Dit huishouden had eerder zaak LA-\d{4}-\d{5} \(gesloten op \d\d-\d\d-\d{4}, resultaat: /,
    )
    await shot(page, 'ladder-09-eerder-bekend')
  } finally {
    await server.stop()
  }
})
