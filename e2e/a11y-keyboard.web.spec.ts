import type { Locator, Page } from '@playwright/test'
import { api, expect, shot, signInAs, startServer, test } from './harness'
import { expectVisibleFocus, horizontalOverflow, screenReady } from './a11y'

/** Presses Tab until `target` has focus (at most `max` times), with visible focus at every stop. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    await expectVisibleFocus(page)
    if (
      await target.evaluate(
        (el) =>
          el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      )
    )
      return
  }
  throw new Error(`${target} not reached in ${max} Tabs`)
}

// A click on something that is not there fails within this, not at the end of the whole test.
test.use({ actionTimeout: 20_000 })

test("a consulent's morning by keyboard alone, with visible focus at every step", async ({
  page,
  dataDir,
}) => {
  const server = await startServer(dataDir, ['--demo'])
  try {
    const status = (await api(server, 'app.status', {})) as { demoWachtwoord: string }
    await page.goto(server.url)

    // Sign in: her name, then her password.
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible()
    await tabTo(page, page.getByRole('button', { name: /Anouk Peeters/ }))
    await page.keyboard.press('Enter')
    const wachtwoord = page.getByRole('textbox', { name: 'Wachtwoord', exact: true })
    await expect(wachtwoord).toBeFocused()
    await expectVisibleFocus(page)
    await page.keyboard.type(status.demoWachtwoord)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: 'Wissel van gebruiker' })).toBeVisible()

    // Skip to the content: the first Tab stop, then the screen's heading.
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Naar de inhoud' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page.locator('main h1')).toBeFocused()

    // Vandaag: the first call of the day has focus.
    await page.keyboard.press('Alt+V')
    await expect(page).toHaveURL(/#\/vandaag$/)
    await expect(page).toHaveTitle('Vandaag – Lange Adem')
    const firstCall = page.getByRole('region', { name: 'Bellen' }).getByRole('link').first()
    await expect(firstCall).toBeFocused()
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/zaak\/\d+\/vandaag$/)
    await screenReady(page)

    // Log a call: the dialog opens on its first field; Ctrl+Enter saves.
    const dialog = page.getByRole('dialog', { name: 'Contactpoging vastleggen' })
    await page.keyboard.press('Alt+P')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Hoe')).toBeFocused()
    await expect(dialog.getByLabel('Hoe')).toHaveValue('telefoon')
    await expectVisibleFocus(page)
    await page.keyboard.press('Control+Enter')
    await expect(dialog).toBeHidden()

    // The next task: one link, with focus.
    const next = page.getByRole('link', { name: /→$/ })
    await expect(next).toBeFocused()
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/zaak\/\d+\/vandaag$/)
    await screenReady(page)
    const secondCase = Number(/#\/zaak\/(\d+)/.exec(page.url())![1])

    // Log a WhatsApp: choose it in "Hoe" by typing its first letter.
    await page.keyboard.press('Alt+P')
    await expect(dialog.getByLabel('Hoe')).toBeFocused()
    await page.keyboard.press('w')
    await expect(dialog.getByLabel('Hoe')).toHaveValue('whatsapp')
    await expectVisibleFocus(page)
    await page.keyboard.press('Control+Enter')
    await expect(dialog).toBeHidden()
    await expectVisibleFocus(page)
    const d = (await api(server, 'dossier.get', { caseId: secondCase })) as {
      contactpogingen: { soort: string }[]
    }
    expect(d.contactpogingen.map((p) => p.soort)).toContain('SMS/Whatsapp')

    // Lock.
    await page.keyboard.press('Control+L')
    await expect(page).toHaveTitle('Vergrendeld – Lange Adem')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  } finally {
    await server.stop()
  }
})

/** 1440 × 900 at 200% zoom is 720 × 450 CSS px; 320 px is WCAG 1.4.10's reflow width. */
const ZOOMS = [
  { name: '200', width: 720, height: 450 },
  { name: '320px', width: 320, height: 640 },
]

test('Vandaag, a case file, the caseload and the import reflow at 200% zoom and 320 px', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(180_000)
  const server = await startServer(dataDir, ['--demo'])
  try {
    await signInAs(server, 'Anouk Peeters')
    const root = server.url.replace(/#.*$/, '')
    await page.goto(`${root}#/mijn-zaken`)
    await screenReady(page)
    await page.locator('main tbody tr').first().click()
    await expect(page).toHaveURL(/#\/zaak\/\d+/)
    const caseHref = new URL(page.url()).hash
    const screens = [
      { name: 'vandaag', href: '#/vandaag' },
      { name: 'zaak', href: caseHref },
      { name: 'caseload', href: '#/caseload' },
      { name: 'inlezen', href: '#/inlezen' },
    ]
    for (const s of screens) {
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(`${root}${s.href}`)
      await screenReady(page)
      await shot(page, `a11y-zoom-100-${s.name}`)
      for (const zoom of ZOOMS) {
        await page.setViewportSize({ width: zoom.width, height: zoom.height })
        await screenReady(page)
        expect(
          await horizontalOverflow(page),
          `${s.name} at ${zoom.name} scrolls sideways`,
        ).toBeLessThanOrEqual(0)
        // The header's controls are on screen and work: the menu behind its button, and the
        // signed-in person's menu with "Wissel van gebruiker".
        const burger = page.getByRole('button', { name: 'Menu openen' })
        await expect(burger).toBeInViewport()
        const user = page.getByRole('button', { name: /^Anouk Peeters/ })
        await expect(user).toBeInViewport()
        await shot(page, `a11y-zoom-${zoom.name}-${s.name}`)
        await user.click()
        await expect(page.getByRole('menuitem', { name: 'Wissel van gebruiker' })).toBeInViewport()
        await page.keyboard.press('Escape')
        await burger.click()
        const menu = page.getByRole('navigation', { name: 'Hoofdmenu' })
        await expect(menu.getByRole('link', { name: 'Mijn zaken' })).toBeInViewport()
        await page.getByRole('button', { name: 'Menu sluiten' }).click()
        await expect(menu.getByRole('link', { name: 'Mijn zaken' })).not.toBeInViewport()
      }
    }
  } finally {
    await server.stop()
  }
})
