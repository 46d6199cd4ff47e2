import type { Page } from '@playwright/test'
import { expect, openSignedIn, setUp, shot, startServer, test } from './harness'
import { SETUP } from './ladder-api'

const CASE_WORK = [
  // The menu shows Vandaag's shortcut beside it.
  'VandaagAlt+V',
  'Mijn zaken',
  'Caseload (alle zaken)',
  'Inloopspreekuur',
  'Agenda',
  'Huisbezoeken',
  'Afdrukken',
  'Signaal invoeren',
  'Bestand inlezen',
  'Te controleren',
  'Inleesgeschiedenis',
  'Monitor',
  'Verdeling',
  'Afwegingskader',
  'Stappenplan',
  'Brieven en kaartjes',
]

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')

test('each role sees only the screens it can use, and starts on one', async ({ page, dataDir }) => {
  const server = await startServer(dataDir)
  try {
    await setUp(server, SETUP)

    // The beheerder sees no case contents: no Vandaag, caseload or walk-in hour, and starts in
    // Instellingen (colleagues, passwords, the lock), with his own tools beside it.
    await openSignedIn(page, server, 'Bert Smeets')
    await expect(page).toHaveURL(/#\/instellingen$/)
    await expect(page.getByRole('tab', { name: 'Medewerkers' })).toBeVisible()
    await expect(menu(page)).toHaveText([
      'Monitor',
      'Afwegingskader',
      'Stappenplan',
      'Brieven en kaartjes',
      'Logboek',
      'Bewaartermijnen',
      'Back-ups',
      'Instellingen',
    ])
    await shot(page, 'nav-01-beheerder')
    // An address of a case screen leads him back to his start page.
    await page.goto(server.url.replace(/#.*$/, '') + '#/mijn-zaken')
    await expect(page).toHaveURL(/#\/instellingen$/)
    await expect(page.getByRole('heading', { name: 'Mijn zaken' })).toHaveCount(0)

    // The kwaliteitsmedewerker: every case screen, the meeting places, the logboek and a resident's
    // request; not the beheerder's.
    await openSignedIn(page, server, 'Fatima El Idrissi')
    await page.goto(server.url.replace(/#.*$/, '') + '#/back-ups')
    await expect(page).toHaveURL(/#\/caseload$/)
    await expect(menu(page)).toHaveText([
      ...CASE_WORK.flatMap((l) => (l === 'Stappenplan' ? [l, 'Ontmoetplekken'] : [l])),
      'Logboek',
      'Inzage- en verwijderverzoek',
      'Instellingen',
    ])

    // The consulent: the case work, nothing of the trail, retention or backups.
    await openSignedIn(page, server, 'Anouk Peeters')
    await expect(menu(page)).toHaveText([
      ...CASE_WORK.map((l) => (l === 'Caseload (alle zaken)' ? 'Zaken in mijn wijken' : l)),
      'Instellingen',
    ])
    await page.getByRole('link', { name: 'Vandaag' }).click()
    await expect(page).toHaveURL(/#\/vandaag$/)
    // Vandaag from anywhere with one key.
    await page.getByRole('link', { name: 'Afdrukken' }).click()
    await expect(page).toHaveURL(/#\/afdrukken$/)
    await page.keyboard.press('Alt+V')
    await expect(page).toHaveURL(/#\/vandaag$/)
  } finally {
    await server.stop()
  }
})
