import { test, expect, setUp, startServer, shot, signInAs, api } from './harness'
import { signal, signedIn, TWO_WIJKEN_SETUP as SETUP } from './ladder-api'

// Issue 14: a typed note is never lost without a word, and hand entry learns nothing about
// another wijk's case but that it exists and where.

test('the attempt dialog asks before a typed note is thrown away', async ({ page, dataDir }) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Anouk Peeters')
    const { caseId } = (await api(
      server,
      'signals.createManual',
      signal('Hendriks', '6041 AB', '12', '12-03-1984'),
    )) as { caseId: number }
    await signedIn(page, server)
    await page.goto(`${server.url}#/zaak/${caseId}`)
    await expect(page.getByRole('heading', { name: 'Stappenplan' })).toBeVisible()

    // Nothing typed: Escape closes at once.
    const dialog = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
    await page.keyboard.press('Alt+P')
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // A note typed: Escape asks, and the note is still there.
    await page.keyboard.press('Alt+P')
    const note = dialog.getByLabel('Notitie')
    await note.fill('Dochter nam op, bellen na 17 uur')
    await page.keyboard.press('Escape')
    const question = dialog.getByRole('alert').filter({ hasText: 'nog niet opgeslagen' })
    await expect(question).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Verder met invullen' })).toBeFocused()
    await expect(note).toHaveValue('Dochter nam op, bellen na 17 uur')
    await shot(page, 'hostile-01-vraag-bij-sluiten')

    // Going on: the focus is back in the note, the question gone.
    await dialog.getByRole('button', { name: 'Verder met invullen' }).click()
    await expect(question).toBeHidden()
    await expect(note).toBeFocused()
    // Escape twice: asked, then back to typing; the dialog stays.
    await page.keyboard.press('Escape')
    await expect(question).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(question).toBeHidden()
    await expect(dialog).toBeVisible()
    // Annuleren asks too; throwing away closes it, and nothing was logged.
    await dialog.getByRole('button', { name: 'Annuleren' }).click()
    await dialog.getByRole('button', { name: 'Weggooien en sluiten' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('table', { name: 'Contactpogingen' })).toHaveCount(0)
  } finally {
    await server.stop()
  }
})

test('hand entry at another wijk\u2019s address: only that a case is open, and in which wijk', async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)
    await signInAs(server, 'Fatima El Idrissi')
    await api(server, 'signals.createManual', signal('Andermans', '6042 CD', '5', '01-01-1970'))
    await signedIn(page, server, 'Anouk Peeters')
    await page.getByRole('link', { name: 'Signaal invoeren' }).click()
    await page.getByLabel('Postcode').fill('6042 CD')
    await page.getByLabel('Huisnummer').fill('5')
    const notice = page.getByText('Op dit adres loopt al een zaak in wijk Kapel in het Zand')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('de consulent daar ziet het signaal')
    const text = (await page.locator('main').innerText()).toString()
    expect(text).not.toMatch(/Andermans|Sem Janssen|LA-\d{4}-\d{5}/)
    await notice.scrollIntoViewIfNeeded()
    await shot(page, 'hostile-02-adres-andere-wijk')
  } finally {
    await server.stop()
  }
})
