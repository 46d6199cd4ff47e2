import type { Page } from '@playwright/test'
import { api, openSignedIn, ROERMOND_TEAM, type AppServer } from './harness'

/** Set-up and sign-in through the API for the ladder and walk-in tests. */

export { api }

export const SETUP = {
  team: ROERMOND_TEAM,
  wijken: [{ naam: 'Centrum', postcodes: '6041' }],
  medewerkers: [
    {
      naam: 'Anouk Peeters',
      rol: 'consulent',
      telefoon: '06 12345678',
      email: 'a.peeters@roermond.nl',
      wijken: ['Centrum'],
    },
    { naam: 'Sem Janssen', rol: 'consulent', telefoon: '06 23456789', email: '', wijken: [] },
    {
      naam: 'Fatima El Idrissi',
      rol: 'kwaliteitsmedewerker',
      telefoon: '',
      email: 'f@roermond.nl',
      wijken: [],
    },
  ],
}

/** Two wijken with a consulent each, and the kwaliteitsmedewerker: for tests of who sees which case. */
export const TWO_WIJKEN_SETUP = {
  team: ROERMOND_TEAM,
  wijken: [
    { naam: 'Centrum', postcodes: '6041' },
    { naam: 'Kapel in het Zand', postcodes: '6042-6043' },
  ],
  medewerkers: [
    { naam: 'Anouk Peeters', rol: 'consulent', telefoon: '06 12345678', email: '', wijken: ['Centrum'] },
    {
      naam: 'Sem Janssen',
      rol: 'consulent',
      telefoon: '06 23456789',
      email: '',
      wijken: ['Kapel in het Zand'],
    },
    { naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker', telefoon: '', email: '', wijken: [] },
  ],
}

export function signal(achternaam: string, postcode: string, huisnummer: string, geboortedatum: string) {
  const d = new Date()
  const today = `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`
  return {
    signaal: {
      partnerType: 'Huur',
      partnerNaam: 'Wonen Limburg',
      externId: '',
      bedrag: '650,00',
      signaaldatum: today,
    },
    bewoner: { voorletters: 'M.', achternaam, geboortedatum, telefoon: '06-11223344' },
    adres: { straat: 'Kapellerlaan', huisnummer, postcode, plaats: 'Roermond' },
  }
}

export async function signedIn(page: Page, server: AppServer, who = 'Anouk Peeters') {
  await openSignedIn(page, server, who)
}
