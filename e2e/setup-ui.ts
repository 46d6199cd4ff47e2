import type { Page } from '@playwright/test'
import { E2E_WACHTWOORD, expect, shot } from './harness'

/** The beheerder's password typed in the wizard: the harness signs the beheerder in with it. */
export const WIZARD_WACHTWOORD = E2E_WACHTWOORD

/**
 * Clicks through the first-run set-up: Roermond, two wijken, Anouk (consulent), Fatima
 * (kwaliteitsmedewerker) and Bert Smeets (beheerder), who does the set-up and sets his password.
 */
export async function fillSetup(page: Page, { shots = false }: { shots?: boolean } = {}) {
  const snap = async (name: string) => {
    if (shots) await shot(page, name)
  }
  await expect(page.getByRole('heading', { name: 'Welkom bij Lange Adem' })).toBeVisible()
  // First the choice how to work: alone on this computer is the default.
  await expect(page.getByRole('radio', { name: 'Alleen op deze computer' })).toBeChecked()
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByLabel('Naam van de gemeente')).toBeVisible()
  await snap('01-setup-team')
  await page.getByLabel('Naam van de gemeente').fill('Roermond')
  await page.getByLabel('Gemeentecode (CBS)').fill('0957')
  await page.getByLabel('Naam van het team').fill('Team Vroegsignalering')
  await page.getByLabel('Postadres').fill('Postbus 900\n6040 AX Roermond')
  await page.getByLabel('Bezoekadres').fill('Markt 31\n6041 EM Roermond')
  await page.getByLabel('Algemeen telefoonnummer').fill('0475 359 999')
  await page.getByLabel('Algemeen e-mailadres').fill('vroegsignalering@roermond.nl')
  await page.getByRole('button', { name: 'Volgende' }).click()

  // The walk-in hour: Tuesday 09:00-11:00 is the default; only the place is asked for.
  await expect(page.getByLabel('Begintijd')).toHaveValue('09:00')
  await page.getByLabel('Plaats', { exact: false }).first().fill('Stadskantoor, Markt 31')
  await snap('02-setup-inloop')
  await page.getByRole('button', { name: 'Volgende' }).click()

  const wijk1 = page.getByRole('group', { name: 'Wijk 1' })
  await wijk1.getByLabel('Naam van de wijk').fill('Centrum')
  await wijk1.getByLabel('Postcodes').fill('6041')
  await page.getByRole('button', { name: 'Wijk toevoegen' }).click()
  const wijk2 = page.getByRole('group', { name: 'Wijk 2' })
  await wijk2.getByLabel('Naam van de wijk').fill('Donderberg')
  await wijk2.getByLabel('Postcodes').fill('6044-6045')
  await snap('03-setup-wijken')
  await page.getByRole('button', { name: 'Volgende' }).click()

  const m1 = page.getByRole('group', { name: 'Medewerker 1' })
  await m1.getByRole('textbox', { name: 'Naam', exact: true }).fill('Anouk Peeters')
  await pickOption(page, m1.getByRole('combobox', { name: 'Rol' }), 'Consulent')
  await m1.getByLabel('Telefoonnummer').fill('06 12345678')
  await m1.getByLabel('E-mailadres').fill('a.peeters@roermond.nl')
  await pickOption(page, m1.getByRole('combobox', { name: 'Wijken' }), 'Centrum')
  await pickOption(page, m1.getByRole('combobox', { name: 'Wijken' }), 'Donderberg')
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click()
  const m2 = page.getByRole('group', { name: 'Medewerker 2' })
  await m2.getByRole('textbox', { name: 'Naam', exact: true }).fill('Fatima El Idrissi')
  await pickOption(page, m2.getByRole('combobox', { name: 'Rol' }), 'Kwaliteitsmedewerker')
  // Without a beheerder the wizard does not go on.
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expect(page.getByText(/Voeg een beheerder toe/).first()).toBeVisible()
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click()
  const m3 = page.getByRole('group', { name: 'Medewerker 3' })
  await m3.getByRole('textbox', { name: 'Naam', exact: true }).fill('Bert Smeets')
  await pickOption(page, m3.getByRole('combobox', { name: 'Rol' }), 'Beheerder')
  await snap('04-setup-team')
  await page.getByRole('button', { name: 'Volgende' }).click()

  // The person doing the set-up is the beheerder and sets a password, twice.
  await expect(page.getByRole('heading', { name: 'Jouw wachtwoord' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Wie ben jij?' })).toHaveValue('Bert Smeets')
  await page.getByRole('textbox', { name: 'Jouw wachtwoord', exact: true }).fill('bertsmeets2026')
  await page.getByRole('textbox', { name: 'Herhaal je wachtwoord', exact: true }).fill('bertsmeets2026')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expect(page.getByText('Gebruik niet je eigen naam in je wachtwoord.')).toBeVisible()
  await page.getByRole('textbox', { name: 'Jouw wachtwoord', exact: true }).fill(WIZARD_WACHTWOORD)
  await page
    .getByRole('textbox', { name: 'Herhaal je wachtwoord', exact: true })
    .fill(WIZARD_WACHTWOORD + '!')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expect(page.getByText('De twee wachtwoorden zijn niet gelijk.', { exact: false })).toBeVisible()
  await page.getByRole('textbox', { name: 'Herhaal je wachtwoord', exact: true }).fill(WIZARD_WACHTWOORD)
  await snap('auth-03-setup-wachtwoord')
  await page.getByRole('button', { name: 'Volgende' }).click()

  await expect(page.getByText('Roermond').first()).toBeVisible()
  await snap('05-setup-controleren')
  await page.getByRole('button', { name: 'Opslaan en beginnen' }).click()
}

export async function pickOption(page: Page, input: ReturnType<Page['getByRole']>, option: string) {
  await input.click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await page.keyboard.press('Escape')
}
