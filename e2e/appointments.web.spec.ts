import { readFileSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, setUp, startServer, shot, signInAs, type AppServer } from './harness'
import { api, SETUP, signal, signedIn } from './ladder-api'

// Issue 21, the whole flow on the days it happens (the app's clock, `--klok`, and the page's):
// the kwaliteitsmedewerker adds a wijk place; on Tuesday the consulent reaches the resident by
// phone and makes an appointment there on Thursday right from "Contactpoging vastleggen", copies
// the confirmation, puts the letter in the print queue, saves the .ics and sees it in her agenda;
// on Wednesday Vandaag asks for the reminder; on Thursday the resident does not come, and the plan
// moves to a call on Friday; on Friday the call reaches her and a new appointment is made at the
// stadskantoor for Monday; on Monday it takes place. The monitor then counts one of each.

const TUESDAY = '2026-11-10T08:00:00.000Z'
const WEDNESDAY = '2026-11-11T08:00:00.000Z'
const THURSDAY_AFTER = '2026-11-12T15:00:00.000Z'
const FRIDAY = '2026-11-13T08:00:00.000Z'
const MONDAY_AFTER = '2026-11-16T11:00:00.000Z'

/** The app (server and page) on `instant`: the same data folder, started again at that moment. */
async function on(page: Page, dataDir: string, instant: string, who = 'Anouk Peeters'): Promise<AppServer> {
  const server = await startServer(dataDir, ['--klok', instant])
  await page.clock.setFixedTime(new Date(instant))
  await signedIn(page, server, who)
  return server
}

/** Logs a call that reached the resident, with "Meteen een afspraak maken" ticked. */
async function reachedByPhone(page: Page) {
  await page.getByRole('button', { name: 'Contactpoging vastleggen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
  await dialog.getByLabel('Hoe').selectOption({ label: 'Telefoon' })
  await dialog.getByLabel('Resultaat').selectOption('Gesprek gevoerd')
  await expect(dialog.getByLabel('Contact gehad met de bewoner (bereikt)')).toBeChecked()
  await dialog.getByLabel('Meteen een afspraak maken met de bewoner').check()
  await dialog.getByRole('button', { name: 'Poging opslaan' }).click()
  await expect(dialog).toBeHidden()
}

async function fillAppointment(page: Page, datum: string, tijd: string, plek: string) {
  const dialog = page.getByRole('dialog', { name: 'Afspraak maken' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Datum').fill(datum)
  await dialog.getByLabel('Tijd').fill(tijd)
  await dialog.getByLabel('Waar').selectOption({ label: plek })
  return dialog
}

test('an appointment at a wijk place, missed, a call, a new one, and it takes place', async ({
  page,
  context,
  dataDir,
}, testInfo) => {
  let server = await startServer(dataDir, ['--klok', TUESDAY])
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const input = signal('Hendriks', '6041 AB', '12', '12-03-1984')
    input.signaal.signaaldatum = '05-11-2026'
    const { caseId } = (await api(server, 'signals.createManual', input)) as { caseId: number }
    await server.stop()

    // The kwaliteitsmedewerker adds the wijkcentrum as a meeting place.
    server = await on(page, dataDir, TUESDAY, 'Fatima El Idrissi')
    await page.getByRole('link', { name: 'Ontmoetplekken' }).click()
    const places = page.getByRole('table', { name: 'Ontmoetplekken' })
    await expect(places.getByRole('row', { name: /Stadskantoor/ }).first()).toBeVisible()
    await page.getByRole('button', { name: 'Plek toevoegen' }).click()
    const placeDialog = page.getByRole('dialog', { name: 'Plek toevoegen' })
    await placeDialog.getByLabel('Naam van de plek').fill('Wijkcentrum De Kemp')
    await placeDialog.getByRole('button', { name: 'Opslaan' }).click()
    // Main names what is missing, at its field.
    await expect(placeDialog.getByText('Kies de wijk van deze plek.')).toBeVisible()
    await placeDialog.getByLabel('Wijk').selectOption({ label: 'Centrum' })
    await placeDialog.getByLabel('Adres').fill('Kempweg 10')
    await placeDialog.getByLabel('Postcode').fill('6041 AB')
    await placeDialog.getByLabel('Plaats').fill('Roermond')
    await placeDialog.getByLabel('Toelichting (niet verplicht)').fill('Melden bij de balie.')
    await placeDialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(placeDialog).toBeHidden()
    const kemp = places.getByRole('row', { name: /Wijkcentrum De Kemp/ })
    await expect(kemp).toContainText('Centrum')
    await expect(kemp).toContainText('ma, di, wo, do, vr 09:00-17:00')
    await shot(page, 'afspraken-01-ontmoetplekken')
    await server.stop()

    // Tuesday: the call reaches the resident; the appointment is made right there.
    server = await on(page, dataDir, TUESDAY)
    await page.goto(`${server.url}#/zaak/${caseId}`)
    await reachedByPhone(page)
    const dialog = await fillAppointment(page, '12-11-2026', '14:00', 'Wijkcentrum De Kemp (Centrum)')
    await expect(dialog.getByLabel('Over de plek')).toContainText('Kempweg 10, 6041 AB Roermond')
    // Outside the place's hours: main says so at the time field, and nothing is saved.
    await dialog.getByLabel('Tijd').fill('18:00')
    await dialog.getByRole('button', { name: 'Afspraak maken' }).click()
    await expect(dialog.getByText('Wijkcentrum De Kemp kan van 09:00 tot 17:00')).toBeVisible()
    await dialog.getByLabel('Tijd').fill('14:00')
    await dialog.getByLabel('Wie komt er nog bij? (niet verplicht)').selectOption({ label: 'Sem Janssen' })
    await shot(page, 'afspraken-02-afspraak-maken')
    await dialog.getByRole('button', { name: 'Afspraak maken' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Afspraak: uitkomst vastleggen')
    const planned = page.getByRole('region', { name: 'Geplande afspraak' })
    await expect(planned).toContainText('12 november 2026, 14:00–14:45')
    await expect(planned).toContainText('Wijkcentrum De Kemp')
    await expect(planned).toContainText('met Sem Janssen')
    await expect(planned).toContainText('Herinnering sturen op 11-11-2026')
    // Not yet begun: no outcome to record.
    await expect(planned.getByRole('button', { name: 'Uitkomst vastleggen' })).toHaveCount(0)

    // The confirmation, copied for WhatsApp.
    await planned.getByRole('button', { name: 'WhatsApp-tekst kopiëren' }).click()
    await expect(planned.getByText('WhatsApp-tekst gekopieerd')).toBeVisible()
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string
    expect(copied).toContain('M. Hendriks')
    expect(copied).toContain('Donderdag 12 november om 14.00 uur')
    expect(copied).toContain('Wijkcentrum De Kemp')
    expect(copied.toLowerCase()).not.toContain('schuld')
    await expect(planned.getByText('Woordcontrole: niets gevonden.')).toBeVisible()
    await shot(page, 'afspraken-03-bevestiging')

    // The letter goes to the print queue; the .ics is saved and holds no name.
    await planned.getByRole('button', { name: 'Bevestigingsbrief klaarzetten' }).click()
    await expect(page.getByText('De bevestigingsbrief staat in de wachtrij om af te drukken.')).toBeVisible()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      planned.getByRole('button', { name: 'Agendabestand (.ics) opslaan' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.ics$/)
    const ics = readFileSync((await download.path())!, 'utf8')
    expect(ics).toContain('BEGIN:VEVENT')
    expect(ics).toContain('Wijkcentrum De Kemp')
    expect(ics).not.toContain('Hendriks')
    const queue = (await api(server, 'documents.queue', {})) as {
      wachtrij: { id: number; templateNaam: string }[]
    }
    const letter = queue.wachtrij.find((i) => i.templateNaam === 'Bevestiging afspraak')!
    const pdf = (await api(server, 'documents.itemPdf', { itemId: letter.id })) as { pdfBase64: string }
    const pdfPath = testInfo.outputPath('bevestigingsbrief.pdf')
    writeFileSync(pdfPath, Buffer.from(pdf.pdfBase64, 'base64'))
    expect(readFileSync(pdfPath).subarray(0, 4).toString()).toBe('%PDF')

    // The agenda: Thursday holds the appointment, in the week and on the day.
    await page.getByRole('link', { name: 'Agenda', exact: true }).click()
    const thursday = page.getByRole('region', { name: 'donderdag 12 november 2026' })
    await expect(thursday).toContainText('14:00–14:45')
    await expect(thursday.getByRole('link', { name: 'M. Hendriks' })).toBeVisible()
    await expect(thursday).toContainText('Wijkcentrum De Kemp')
    await shot(page, 'afspraken-04-agenda-week')
    await page.getByRole('link', { name: /donderdag 12-11/ }).click()
    const dayTable = page.getByRole('table', { name: 'Agenda van de dag' })
    await expect(dayTable.getByRole('row', { name: /M\. Hendriks/ })).toContainText('Sem Janssen')
    await shot(page, 'afspraken-05-agenda-dag')
    await server.stop()

    // Wednesday: Vandaag asks for the reminder.
    server = await on(page, dataDir, WEDNESDAY)
    await page.keyboard.press('Alt+V')
    const reminders = page.getByRole('region', { name: 'Herinnering sturen' })
    await expect(reminders.getByRole('link', { name: 'M. Hendriks' })).toBeVisible()
    await reminders.getByRole('button', { name: 'Herinnering aan M. Hendriks kopiëren' }).click()
    await expect(reminders.getByText('Herinnering gekopieerd')).toBeVisible()
    const reminder = (await page.evaluate('navigator.clipboard.readText()')) as string
    expect(reminder).toContain(
      'een herinnering aan onze afspraak. Wanneer: donderdag 12 november om 14.00 uur.',
    )
    expect(reminder).toContain('Wijkcentrum De Kemp')
    await shot(page, 'afspraken-06-vandaag-herinnering')
    await reminders.getByRole('button', { name: 'Herinnering aan M. Hendriks verstuurd' }).click()
    await expect(reminders).toBeHidden()
    await server.stop()

    // Thursday, after the hour: the resident did not come; the plan moves to a call on Friday.
    server = await on(page, dataDir, THURSDAY_AFTER)
    await page.goto(`${server.url}#/zaak/${caseId}`)
    await expect(page.getByText('Herinnering is verstuurd.')).toBeVisible()
    await page.getByRole('button', { name: 'Uitkomst vastleggen' }).click()
    const outcome = page.getByRole('dialog', { name: 'Hoe ging de afspraak?' })
    await outcome.getByLabel('Niet gekomen').check()
    await expect(outcome).toContainText('Het stappenplan gaat verder met bellen.')
    await outcome.getByRole('button', { name: 'Uitkomst opslaan' }).click()
    await expect(outcome).toBeHidden()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Bellen (poging 1 van 3)')
    await expect(page.getByText(/^13-11-2026/)).toBeVisible()
    const earlier = page.getByRole('table', { name: 'Eerdere afspraken' })
    await expect(earlier.getByRole('row', { name: /12-11-2026/ })).toContainText('Niet gekomen')
    const attempts = page.getByRole('table', { name: 'Contactpogingen' })
    await expect(attempts.getByRole('row', { name: /Niet gekomen/ })).toContainText('Afspraak op locatie')
    await server.stop()

    // Friday: the call is in Vandaag; it reaches her, and a new appointment is made.
    server = await on(page, dataDir, FRIDAY)
    await page.keyboard.press('Alt+V')
    const calls = page.getByRole('region', { name: 'Bellen' })
    await calls.getByRole('link', { name: 'M. Hendriks' }).click()
    await reachedByPhone(page)
    const second = await fillAppointment(page, '16-11-2026', '10:00', 'Stadskantoor')
    await second.getByRole('button', { name: 'Afspraak maken' }).click()
    await expect(second).toBeHidden()
    await expect(page.getByRole('region', { name: 'Geplande afspraak' })).toContainText(
      '16 november 2026, 10:00–10:45',
    )
    await server.stop()

    // Monday, after the appointment: from the agenda to the case; it took place.
    server = await on(page, dataDir, MONDAY_AFTER)
    await page.getByRole('link', { name: 'Agenda', exact: true }).click()
    await page.getByRole('link', { name: /maandag 16-11/ }).click()
    await page
      .getByRole('table', { name: 'Agenda van de dag' })
      .getByRole('link', { name: 'M. Hendriks' })
      .click()
    await page.getByRole('button', { name: 'Uitkomst vastleggen' }).click()
    await outcome.getByLabel('Geweest: we hebben gesproken').check()
    await outcome.getByLabel('Notitie (niet verplicht)').fill('Samen de post doorgenomen.')
    await outcome.getByRole('button', { name: 'Uitkomst opslaan' }).click()
    await expect(outcome).toBeHidden()
    await expect(page.getByLabel('Volgende stap')).toHaveText('Opvolgen na contact')
    await expect(earlier.getByRole('row', { name: /16-11-2026/ })).toContainText('Geweest')
    await expect(attempts.getByRole('row', { name: /Afspraak stadskantoor: Samen/ })).toContainText(
      'Afspraak op locatie',
    )
    await shot(page, 'afspraken-07-dossier-afspraken')
    await server.stop()

    // The monitor: one missed in the wijk, one kept at the stadskantoor.
    server = await on(page, dataDir, MONDAY_AFTER, 'Fatima El Idrissi')
    await page.getByRole('link', { name: 'Monitor' }).click()
    const table = page.getByRole('table', { name: 'Afspraken per soort plek' })
    // Soort plek, geweest, niet gekomen, opkomst, verzet, nog gepland.
    await expect(table.getByRole('row', { name: /In de wijk/ }).getByRole('cell')).toHaveText([
      'In de wijk',
      '0',
      '1',
      '0%',
      '0',
      '0',
    ])
    await expect(table.getByRole('row', { name: /^Stadskantoor/ }).getByRole('cell')).toHaveText([
      'Stadskantoor',
      '1',
      '0',
      '100%',
      '0',
      '0',
    ])
    await table.scrollIntoViewIfNeeded()
    await shot(page, 'afspraken-08-monitor')
  } finally {
    await server.stop()
  }
})

test("Vandaag shows when households like this one were best reached, from the team's own figures", async ({
  page,
  dataDir,
}) => {
  const WED_MORNING = '2026-11-11T08:00:00.000Z'
  const WED_EVENING = '2026-11-11T18:30:00.000Z'
  const THURSDAY = '2026-11-12T08:00:00.000Z'
  let server = await startServer(dataDir, ['--klok', WED_MORNING])
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const ids: number[] = []
    for (let i = 1; i <= 30; i++) {
      const input = signal(`Groep${i}`, '6041 AB', String(100 + i), '12-03-1984')
      input.signaal.signaaldatum = '05-11-2026'
      ids.push(((await api(server, 'signals.createManual', input)) as { caseId: number }).caseId)
    }
    // 30 households called in the morning (one in five answers) and in the evening (two in three).
    const callAll = async (reached: (i: number) => boolean) => {
      for (const [i, caseId] of ids.entries())
        await api(server, 'ladder.logAttempt', {
          caseId,
          // The version a case file read now shows (issue 18: a change carries it).
          versie: ((await api(server, 'dossier.get', { caseId })) as { versie: number }).versie,
          kanaal: 'telefoon',
          bereikt: reached(i),
          resultaat: reached(i) ? 'Gesprek gevoerd' : 'Geen gehoor',
          notitie: '',
        })
    }
    await callAll((i) => i % 5 === 0)
    await server.stop()
    server = await startServer(dataDir, ['--klok', WED_EVENING])
    await signInAs(server, 'Anouk Peeters')
    await callAll((i) => i % 3 !== 0)
    await server.stop()

    // Thursday: a new household of the same age and kind of arrears; the monitor was opened.
    server = await startServer(dataDir, ['--klok', THURSDAY])
    await signInAs(server, 'Fatima El Idrissi')
    await api(server, 'monitor.dashboard', { van: '01-11-2026', tot: '30-11-2026' })
    await signInAs(server, 'Anouk Peeters')
    const input = signal('Hendriks', '6041 AB', '12', '20-06-1983')
    input.signaal.signaaldatum = '10-11-2026'
    await api(server, 'signals.createManual', input)
    await page.clock.setFixedTime(new Date(THURSDAY))
    await signedIn(page, server)
    await page.keyboard.press('Alt+V')
    const row = page.getByRole('region', { name: 'Bellen' }).getByRole('row', { name: /M\. Hendriks/ })
    await expect(row).toContainText('beste kans in de avond (67%)')
    await shot(page, 'afspraken-09-vandaag-beste-moment')
  } finally {
    await server.stop()
  }
})
