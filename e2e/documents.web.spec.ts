import { api, expect, ROERMOND_TEAM, setUp, shot, signInAs, startServer, test } from './harness'

// A consulent announces a home visit from the case file (the visit and its letter in one step) and
// queues a card, prints the batch with its mailing list and confirms it went out; the
// kwaliteitsmedewerker edits the letter text.

const SETUP = {
  team: ROERMOND_TEAM,
  wijken: [{ naam: 'Centrum', postcodes: '6041-6045' }],
  medewerkers: [
    { naam: 'Anouk Peeters', rol: 'consulent', telefoon: '06 12345678', email: '', wijken: ['Centrum'] },
    { naam: 'Sem Janssen', rol: 'consulent', telefoon: '06 23456789', email: '', wijken: ['Centrum'] },
    { naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker', telefoon: '', email: '', wijken: [] },
  ],
}

function signal(achternaam: string, postcode: string, huisnummer: string) {
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
      voorletters: 'J.',
      tussenvoegsel: '',
      achternaam,
      geboortedatum: '',
      telefoon: '',
      email: '',
      bsn: '',
    },
    adres: { straat: 'Kapellerlaan', huisnummer, toevoeging: '', postcode, plaats: 'Roermond' },
  }
}

/** A weekday about ten days ahead, as dd-mm-jjjj. */
function visitDate(): string {
  const d = new Date()
  d.setDate(d.getDate() + 10)
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`
}

test('letters and cards: queue from the case file, print a batch, confirm, edit the text', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const first = (await api(server, 'signals.createManual', signal('Smit', '6045 AB', '3'))) as {
      caseId: number
    }
    const second = (await api(server, 'signals.createManual', signal('Berg', '6041 AB', '12'))) as {
      caseId: number
    }

    // The visit announced from the case file: the visit and its letter in one step.
    await page.goto(`${server.url}#/zaak/${first.caseId}`)
    const section = page.getByRole('region', { name: 'Brieven en kaartjes' })
    await section.getByRole('button', { name: 'Huisbezoek aankondigen' }).click()
    const modal = page.getByRole('dialog', { name: 'Huisbezoek aankondigen' })
    await modal.getByLabel('Datum huisbezoek').fill('02-01-2020')
    await modal.getByLabel('Gaat mee (duo)').selectOption({ label: 'Fatima El Idrissi' })
    await modal.getByRole('button', { name: 'Aankondigen' }).click()
    await expect(modal.getByText(/Kies een latere dag/)).toBeVisible()
    await modal.getByLabel('Datum huisbezoek').fill(visitDate())
    // Typing into a time field replaces it: "13:30", never "10:0013:30".
    await modal.getByLabel('Van').click()
    await page.keyboard.type('13:30')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1400')
    await page.keyboard.press('Tab')
    await expect(modal.getByLabel('Van')).toHaveValue('13:30')
    await expect(modal.getByLabel('Tot')).toHaveValue('14:00')
    await shot(page, 'documents-01-visit')
    await modal.getByRole('button', { name: 'Aankondigen' }).click()
    await expect(modal).toBeHidden()
    await expect(section.getByRole('cell', { name: 'In de wachtrij' })).toBeVisible()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Huisbezoek afleggen')
    await section.getByRole('button', { name: 'Bekijken' }).click()
    const viewer = page.getByRole('dialog', { name: /Aankondigingsbrief huisbezoek, LA-/ })
    await expect(viewer.locator('iframe')).toHaveAttribute('src', /^blob:/)
    await page.keyboard.press('Escape')

    // A card for the other case.
    await page.goto(`${server.url}#/zaak/${second.caseId}`)
    await page.getByRole('button', { name: 'Kaartje klaarzetten' }).click()
    await expect(
      page.getByRole('region', { name: 'Brieven en kaartjes' }).getByText('In de wachtrij'),
    ).toBeVisible()

    // The queue: letters, then cards.
    await page.getByRole('link', { name: 'Afdrukken' }).click()
    const queue = page.getByRole('table', { name: 'Wachtrij' })
    await expect(queue.getByRole('cell', { name: 'Kapellerlaan 3' })).toBeVisible()
    await expect(queue.getByText(/met Fatima El Idrissi/)).toBeVisible()
    await shot(page, 'documents-02-queue')
    await page.getByRole('checkbox', { name: 'Alles kiezen' }).check()
    await page.getByRole('button', { name: '1 brief afdrukken' }).click()
    const batchViewer = page.getByRole('dialog', { name: /Afdruk \d+: brieven/ })
    await expect(batchViewer.locator('iframe')).toHaveAttribute('src', /^blob:/)
    await shot(page, 'documents-03-batch-pdf')
    await page.keyboard.press('Escape')

    const batch = page.getByRole('region', { name: /Afdruk \d+/ })
    await batch.getByRole('button', { name: 'Verzendlijst openen' }).click()
    await expect(page.getByRole('dialog', { name: /Verzendlijst afdruk/ }).locator('iframe')).toHaveAttribute(
      'src',
      /^blob:/,
    )
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
    await shot(page, 'documents-04-confirm')
    await batch.getByRole('button', { name: 'Bevestigen: 1 brief verstuurd' }).click()
    await expect(page.getByText('1 brief vastgelegd als contactpoging.')).toBeVisible()
    await expect(batch).toBeHidden()

    await page.getByText(/^Kaartjes \(1\)$/).click()
    await expect(queue.getByRole('cell', { name: 'Kapellerlaan 12' })).toBeVisible()

    // The case now shows the contact attempt and is in behandeling.
    await page.goto(`${server.url}#/zaak/${first.caseId}`)
    const attempts = page.getByRole('table', { name: 'Contactpogingen' })
    await expect(attempts.getByRole('cell', { name: 'Brief', exact: true })).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Brieven en kaartjes' }).getByText(/Verstuurd/),
    ).toBeVisible()

    // The kwaliteitsmedewerker edits the letter: the word check flags an avoided word.
    await signInAs(server, 'Fatima El Idrissi')
    await page.goto(`${server.url}#/brieven-en-kaartjes`)
    await page.reload()
    await expect(page.getByText('Fatima El Idrissi')).toBeVisible()
    const text = page.getByLabel('Tekst van de brief')
    await expect(text).toBeVisible()
    await text.fill(`${await text.inputValue()}\n\nHeeft u schulden? Wij helpen.`)
    await expect(page.getByText('"schulden" staat op de lijst van woorden om te vermijden.')).toBeVisible()
    await shot(page, 'documents-05-template-editor')
    await text.fill(
      (await text.inputValue()).replace(
        '\n\nHeeft u schulden? Wij helpen.',
        '\n\nWij helpen u graag verder.',
      ),
    )
    await expect(page.getByText('Woordcontrole: in orde')).toBeVisible()
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click()
    await expect(page.getByText('Aankondigingsbrief huisbezoek is opgeslagen als versie 2.')).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'Versies' }).getByRole('cell', { name: 'Fatima El Idrissi' }),
    ).toBeVisible()
    await page.getByRole('tab', { name: 'Instellingen voor brieven' }).click()
    await expect(page.getByLabel('Vanaf links')).toHaveValue('20 mm')
    await shot(page, 'documents-06-settings')
  } finally {
    await server.stop()
  }
})
