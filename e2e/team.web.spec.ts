import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, E2E_WACHTWOORD, expect, setUp, signInAs, startServer, type AppServer } from './harness'
import { SETUP, signal } from './ladder-api'
import { AxeReport } from './a11y'
import { TEAM_STORES, test, type TeamServer } from './team-server'

// Team mode (issue 18): one team server, two workstations in the browser mode forwarding every
// call to it over TLS with the pinned certificate, and two colleagues working at once. Each test
// runs twice: with the team server on its SQLite file and on PostgreSQL (issue 19).

/**
 * Two desks in the browser mode forwarding to `team`, named `werkplekken`, in `dirs`; pushed onto
 * `desks` so the test stops them.
 */
async function twoDesks(
  team: TeamServer,
  dirs: string[],
  desks: AppServer[],
  werkplekken: [string, string],
): Promise<[AppServer, AppServer]> {
  for (const [i, werkplek] of werkplekken.entries())
    desks.push(
      await startServer(dirs[i]!, [
        '--server',
        team.url,
        '--fingerprint',
        team.fingerprint,
        '--werkplek',
        werkplek,
      ]),
    )
  return desks as [AppServer, AppServer]
}

/** Two desks (Balie 1 and Kamer 2), the team set up, Anouk signed in at the first and Fatima at the second. */
async function twoColleagues(
  team: TeamServer,
  dirs: string[],
  desks: AppServer[],
): Promise<[AppServer, AppServer]> {
  const [balie, kamer] = await twoDesks(team, dirs, desks, ['Balie 1', 'Kamer 2'])
  await setUp(balie, SETUP)
  await signInAs(balie, 'Anouk Peeters')
  await signInAs(kamer, 'Fatima El Idrissi')
  return [balie, kamer]
}

for (const store of TEAM_STORES)
  test.describe(`team server on ${store}`, () => {
    test.use({ store })

    test('two colleagues on one team server: an attempt logged at one desk appears in the other’s open case file', async ({
      browser,
      team,
      teamShot,
    }) => {
      const dirs = [
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
      ]
      const desks: AppServer[] = []
      try {
        const [balie, kamer] = await twoColleagues(team, dirs, desks)
        const { caseId } = (await api(
          balie,
          'signals.createManual',
          signal('Aarts', '6041 AB', '1', '12-03-1984'),
        )) as {
          caseId: number
        }

        // Each desk is its own colleague: two browser contexts, two sessions on the one server.
        const anouk = await (await browser.newContext()).newPage()
        const fatima = await (await browser.newContext()).newPage()
        await anouk.goto(`${balie.url}#/zaak/${caseId}`)
        await fatima.goto(`${kamer.url}#/zaak/${caseId}`)
        await expect(anouk.getByText('Anouk Peeters (consulent)')).toBeVisible()
        await expect(fatima.getByText('Fatima El Idrissi (kwaliteitsmedewerker)')).toBeVisible()
        await expect(fatima.getByRole('heading', { name: /^Zaak LA-/ })).toBeVisible()
        await expect(fatima.getByText('Gebeld vanaf de balie')).toHaveCount(0)

        // Anouk logs an attempt at her desk (through the page, as she would)...
        await anouk.getByRole('heading', { name: /^Zaak LA-/ }).waitFor()
        await api(balie, 'ladder.logAttempt', {
          caseId,
          versie: ((await api(balie, 'dossier.get', { caseId })) as { versie: number }).versie,
          kanaal: 'telefoon',
          bereikt: false,
          resultaat: 'Geen gehoor',
          notitie: 'Gebeld vanaf de balie',
        })
        // ...and Fatima's open case file shows it without a reload.
        await expect(fatima.getByText('Gebeld vanaf de balie')).toBeVisible()
        // The plan beside it reads again too: one attempt so far.
        await expect(fatima.getByText('Pogingen tot nu toe')).toBeVisible()
        await expect(fatima.getByText(/poging 2 van/)).toBeVisible()
        await teamShot(fatima, 'team-01-collega-ziet-poging')

        // The logboek names the desk it came from.
        await signInAs(kamer, 'Bert Smeets')
        const trail = (await api(kamer, 'audit.search', { pageSize: 200 })) as {
          rows: { samenvatting?: string; summary?: string }[]
        }
        expect(JSON.stringify(trail)).toContain('(werkplek Balie 1)')
        expect(JSON.stringify(trail)).toContain('(werkplek Kamer 2)')
      } finally {
        for (const d of desks) await d.stop()
        for (const d of dirs) rmSync(d, { recursive: true, force: true })
      }
    })

    test('two consulenten edit one case at once: exactly one gets the conflict message, and sees the other’s change', async ({
      browser,
      team,
      teamShot,
    }) => {
      const dirs = [
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
      ]
      const desks: AppServer[] = []
      try {
        const [kamer1, kamer2] = await twoDesks(team, dirs, desks, ['Kamer 1', 'Kamer 2'])
        // Both consulenten work in Centrum, so both may open its cases.
        await setUp(kamer1, {
          ...SETUP,
          medewerkers: SETUP.medewerkers.map((m) =>
            m.naam === 'Sem Janssen' ? { ...m, wijken: ['Centrum'] } : m,
          ),
        })
        await signInAs(kamer1, 'Anouk Peeters')
        await signInAs(kamer2, 'Sem Janssen')
        const { caseId } = (await api(
          kamer1,
          'signals.createManual',
          signal('Bosch', '6041 AB', '7', '04-05-1979'),
        )) as {
          caseId: number
        }
        const anouk = await (await browser.newContext()).newPage()
        const sem = await (await browser.newContext()).newPage()
        await anouk.goto(`${kamer1.url}#/zaak/${caseId}`)
        await sem.goto(`${kamer2.url}#/zaak/${caseId}`)
        await expect(anouk.getByText('Anouk Peeters (consulent)')).toBeVisible()
        await expect(sem.getByText('Sem Janssen (consulent)')).toBeVisible()

        // Both open the attempt dialog on the same case file and type what happened.
        const dialogs = []
        for (const [page, notitie] of [
          [anouk, 'Anouk: voicemail ingesproken'],
          [sem, 'Sem: bewoner belt morgen terug'],
        ] as const) {
          await page.getByRole('button', { name: 'Contactpoging vastleggen' }).click()
          const dialog = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
          await dialog.getByLabel('Notitie').fill(notitie)
          dialogs.push(dialog)
        }
        const [anoukDialog, semDialog] = dialogs as [(typeof dialogs)[0], (typeof dialogs)[0]]

        // Anouk saves first: hers goes through.
        await anoukDialog.getByRole('button', { name: 'Poging opslaan' }).click()
        await expect(anoukDialog).toHaveCount(0)
        await expect(anouk.getByText(/^Vastgelegd/)).toBeVisible()

        // Sem saves on what he read: refused, said in his dialog beside the button, his text kept.
        await semDialog.getByRole('button', { name: 'Poging opslaan' }).click()
        const message =
          /Een collega heeft deze zaak net gewijzigd\. Bekijk de nieuwe gegevens en probeer het opnieuw\./
        await expect(semDialog.getByText(message)).toBeVisible()
        await expect(semDialog.getByLabel('Notitie')).toHaveValue('Sem: bewoner belt morgen terug')
        // Behind the dialog his case file is the fresh one: Anouk's attempt is in it.
        await expect(
          sem.getByRole('table', { name: 'Contactpogingen' }).getByText('Anouk: voicemail ingesproken'),
        ).toBeAttached()
        await expect(anouk.getByText(message)).toHaveCount(0)
        await teamShot(sem, 'team-05-collega-wijzigde-zaak')

        // Having looked, he saves again: now both attempts are in both case files, once each.
        await semDialog.getByRole('button', { name: 'Poging opslaan' }).click()
        await expect(semDialog).toHaveCount(0)
        const attempts = sem.getByRole('table', { name: 'Contactpogingen' })
        await expect(attempts.getByText('Sem: bewoner belt morgen terug')).toHaveCount(1)
        await expect(attempts.getByText('Anouk: voicemail ingesproken')).toHaveCount(1)
        await expect(
          anouk.getByRole('table', { name: 'Contactpogingen' }).getByText('Sem: bewoner belt morgen terug'),
        ).toBeVisible()
      } finally {
        for (const d of desks) await d.stop()
        for (const d of dirs) rmSync(d, { recursive: true, force: true })
      }
    })

    test('a workstation with a wrong pinned fingerprint is refused and starts nothing', async ({ team }) => {
      const dir = mkdtempSync(join(tmpdir(), 'lange-adem-ws-'))
      try {
        const wrong = `${team.fingerprint.startsWith('00') ? '11' : '00'}${team.fingerprint.slice(2)}`
        await expect(startServer(dir, ['--server', team.url, '--fingerprint', wrong])).rejects.toThrow(
          /ander certificaat zien dan het vastgelegde/,
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    test('screens refresh by themselves: a colleague’s new case and card appear in the caseload and the print queue, and the typed search stays', async ({
      browser,
      team,
    }) => {
      const dirs = [
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
        mkdtempSync(join(tmpdir(), 'lange-adem-ws-')),
      ]
      const desks: AppServer[] = []
      try {
        const [balie, kamer] = await twoColleagues(team, dirs, desks)
        await api(balie, 'signals.createManual', signal('Aarts', '6041 AB', '1', '12-03-1984'))

        // Fatima has the caseload open with a search typed, and the print queue in a second tab.
        const context = await browser.newContext()
        const caseload = await context.newPage()
        const queue = await context.newPage()
        await caseload.goto(`${kamer.url}#/caseload`)
        await queue.goto(`${kamer.url}#/afdrukken`)
        const search = caseload.getByRole('searchbox', { name: 'Zoeken' })
        await search.fill('Aar')
        await expect(caseload.getByRole('row', { name: /M\. Aarts/ })).toBeVisible()
        await expect(queue.getByRole('heading', { name: 'Afdrukken', level: 1 })).toBeVisible()
        await expect(queue.getByText('Kaartjes (0)')).toBeVisible()
        // Marks on the pages: a reload would lose them.
        await caseload.evaluate('window.__nietHerladen = true')
        await queue.evaluate('window.__nietHerladen = true')

        // Anouk, at her own desk, registers a new case and puts a card for it in the print queue.
        const { caseId } = (await api(
          balie,
          'signals.createManual',
          signal('Aarsen', '6041 AB', '3', '02-05-1979'),
        )) as {
          caseId: number
        }
        const templates = (await api(balie, 'documents.templates', {})) as {
          id: number
          soort: string
          bezoekNodig: boolean
        }[]
        await api(balie, 'documents.addToQueue', {
          caseId,
          templateId: templates.find((t) => t.soort === 'kaart')!.id,
        })

        // Within a few seconds both of Fatima's screens show it, without a reload; her search stays.
        await expect(caseload.getByRole('row', { name: /M\. Aarsen/ })).toBeVisible({ timeout: 10_000 })
        await expect(queue.getByText('Kaartjes (1)')).toBeVisible({ timeout: 10_000 })
        await queue.getByText('Kaartjes (1)').click()
        await expect(queue.getByText(/Aarsen/).first()).toBeVisible()
        await expect(search).toHaveValue('Aar')
        expect(await caseload.evaluate('window.__nietHerladen')).toBe(true)
        expect(await queue.evaluate('window.__nietHerladen')).toBe(true)
      } finally {
        for (const d of desks) await d.stop()
        for (const d of dirs) rmSync(d, { recursive: true, force: true })
      }
    })

    test('first run with the team: the address, the fingerprint to compare, the pin in team.json, and the sign-in on the server', async ({
      page,
      team,
      teamShot,
    }) => {
      // The team server is set up already (by IT, through another workstation).
      const helperDir = mkdtempSync(join(tmpdir(), 'lange-adem-ws-'))
      const computerDir = mkdtempSync(join(tmpdir(), 'lange-adem-pc-'))
      const servers: AppServer[] = []
      try {
        const helper = await startServer(helperDir, ['--server', team.url, '--fingerprint', team.fingerprint])
        servers.push(helper)
        await setUp(helper, SETUP)
        await helper.stop()

        // A new computer: the browser mode on an empty data folder, as the desktop app would start.
        const computer = await startServer(computerDir)
        servers.push(computer)

        // A fingerprint that is not the server's is refused by main, in Dutch; nothing is written.
        const wrong = `${team.fingerprint.startsWith('00') ? '11' : '00'}${team.fingerprint.slice(2)}`
        await expect(
          api(computer, 'werkplek.koppel', { adres: team.url, vingerafdruk: wrong }),
        ).rejects.toThrow(/ander certificaat zien dan het vastgelegde/)
        expect(existsSync(join(computerDir, 'team.json'))).toBe(false)

        await page.goto(computer.url)
        await expect(page.getByRole('heading', { name: 'Welkom bij Lange Adem', level: 1 })).toBeVisible()
        await expect(page.getByRole('radio', { name: 'Alleen op deze computer' })).toBeChecked()
        const axe = new AxeReport()
        await axe.check(page, 'eerste keer: keuze')
        await teamShot(page, 'team-02-eerste-keer-keuze')
        await page.getByRole('radio', { name: 'Met het team' }).check()
        await page.getByRole('button', { name: 'Verder' }).click()

        // An address that is not https is refused before anything is connected.
        await page.getByLabel('Adres van de teamserver').fill(team.url.replace('https://', 'http://'))
        await page.getByRole('button', { name: 'Verbinden' }).click()
        await expect(page.getByText(/Gebruik https:\/\/, ook op deze computer/)).toBeVisible()

        await page.getByLabel('Adres van de teamserver').fill(team.url)
        await page.getByLabel(/Naam van deze werkplek/).fill('Balie 4')
        await page.getByRole('button', { name: 'Verbinden' }).click()
        await expect(page.getByLabel('Vingerafdruk van de teamserver')).toHaveText(team.fingerprint)
        await expect(page.getByText(/Vergelijk deze vingerafdruk met die van de teamserver/)).toBeVisible()
        await axe.check(page, 'eerste keer: vingerafdruk')
        await teamShot(page, 'team-03-vingerafdruk')
        await page.getByRole('button', { name: 'Ja, klopt: verbinden' }).click()

        // The sign-in now comes from the server, whose team is set up.
        await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible()
        expect(JSON.parse(readFileSync(join(computerDir, 'team.json'), 'utf8'))).toEqual({
          server: team.url,
          vingerafdruk: team.fingerprint,
          werkplek: 'Balie 4',
        })
        await page.getByRole('button', { name: /Bert Smeets/ }).click()
        await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_WACHTWOORD)
        await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
        await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()

        // Instellingen > Werkplek shows how this computer works.
        await page.goto(`${computer.url}#/instellingen`)
        await page.getByRole('tab', { name: 'Werkplek' }).click()
        const table = page.getByRole('table', { name: 'Deze werkplek' })
        await expect(table.getByText('Met het team (teamserver)')).toBeVisible()
        await expect(table.getByText(team.fingerprint)).toBeVisible()
        await expect(table.getByText('Balie 4')).toBeVisible()
        await expect(page.getByRole('button', { name: 'Terug naar alleen op deze computer' })).toBeVisible()
        await axe.check(page, 'instellingen: werkplek')
        await teamShot(page, 'team-04-instellingen-werkplek')
        expect(axe.violations).toEqual([])

        // The logboek on the server names this workstation.
        const trail = (await api(computer, 'audit.search', { pageSize: 50 })) as unknown
        expect(JSON.stringify(trail)).toContain('(werkplek Balie 4)')
      } finally {
        for (const s of servers) await s.stop()
        for (const d of [helperDir, computerDir]) rmSync(d, { recursive: true, force: true })
      }
    })
  })
