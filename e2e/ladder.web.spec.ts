import type { Page } from '@playwright/test'
import { test, expect, setUp, startServer, shot, signInAs } from './harness'
import { api, SETUP, signal, signedIn } from './ladder-api'

// One case from signal to closure: call, WhatsApp (text copied), announced visit with a duo, not at
// home and the card, then the resident comes to the walk-in hour, and the case is closed.

/** A working day at least `n` working days ahead, as dd-mm-jjjj. */
function workdaysAhead(n: number): string {
  const d = new Date()
  let left = n
  while (left > 0) {
    d.setDate(d.getDate() + 1)
    if (d.getDay() !== 0 && d.getDay() !== 6) left--
  }
  return `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`
}

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

test('one case from signal to closure along the ladder', async ({ page, context, dataDir }) => {
  const server = await startServer(dataDir)
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    })
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const created = (await api(
      server,
      'signals.createManual',
      signal('Hendriks', '6041 AB', '12', '12-03-1984'),
    )) as { caseId: number }
    await signedIn(page, server)

    // Today: the first call is due.
    await page.getByRole('link', { name: 'Vandaag' }).click()
    const calls = page.getByRole('region', { name: 'Bellen' })
    await expect(calls.getByRole('link', { name: 'M. Hendriks' })).toBeFocused()
    await shot(page, 'ladder-01-vandaag')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Stappenplan' })).toBeVisible()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Bellen (poging 1 van 3)')

    // Call: wrong number, so the WhatsApp step comes next.
    await logAttempt(page, 'Telefoon', 'Verkeerd nummer')
    await expect(page.getByLabel('Volgende stap')).toHaveText('WhatsApp of sms sturen')
    await page.getByRole('button', { name: 'WhatsApp-tekst kopiëren' }).click()
    await expect(page.getByRole('status')).toContainText('WhatsApp-tekst gekopieerd')
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string
    expect(copied).toContain('Beste M. Hendriks')
    expect(copied).toContain('Anouk Peeters')
    expect(copied.toLowerCase()).not.toContain('schuld')
    await shot(page, 'ladder-02-tekst-gekopieerd')
    await logAttempt(page, 'WhatsApp', 'Bericht gestuurd')
    await expect(page.getByLabel('Volgende stap')).toHaveText('Huisbezoek plannen en brief sturen')
    const attempts = page.getByRole('table', { name: 'Contactpogingen' })
    await expect(attempts.getByRole('row')).toHaveCount(3)
    await expect(attempts.getByRole('cell', { name: 'WhatsApp', exact: true })).toBeVisible()

    // Announced visit with a colleague.
    await page.getByRole('link', { name: 'Huisbezoek plannen →' }).click()
    const visitDay = workdaysAhead(6)
    await page.getByLabel('Datum').fill(visitDay)
    await page.getByLabel('Eerste bezoek om').fill('14:00')
    await page.getByLabel('Gaat mee (duo)').selectOption({ label: 'Sem Janssen' })
    await page.getByRole('button', { name: 'Zaken zoeken' }).click()
    await expect(page.getByRole('checkbox', { name: 'M. Hendriks plannen' })).toBeChecked()
    await shot(page, 'ladder-03-huisbezoek-plannen')
    await page.getByRole('button', { name: 'Huisbezoeken plannen' }).click()
    const visits = page.getByRole('table', { name: 'Huisbezoeken' })
    const row = visits.getByRole('row', { name: /M\. Hendriks/ })
    await expect(row).toContainText('14:00')
    await expect(row).toContainText('Sem Janssen')
    await expect(row).toContainText('Gepland')
    await shot(page, 'ladder-04-bezoeken-gepland')

    // The day list in route order, to print.
    await page.getByRole('link', { name: 'Daglijst afdrukken' }).click()
    await expect(
      page.getByRole('table', { name: 'Daglijst huisbezoeken' }).getByRole('row', { name: /Hendriks/ }),
    ).toBeVisible()
    await shot(page, 'ladder-05-daglijst')
    await page.getByRole('link', { name: '← Terug naar huisbezoeken' }).click()

    // Not at home: the card goes through the letterbox.
    await page.getByLabel('Datum').fill(visitDay)
    await page.getByRole('button', { name: 'Uitkomst M. Hendriks' }).click()
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
    await expect(attempts.getByRole('row')).toHaveCount(7)
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
