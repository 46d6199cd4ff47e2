import type { z } from 'zod'
import type { AanleverendeOrganisatie, MonitorSettings, monitorSettingsInput } from '@shared/api/monitor'
import type { Eindresultaat } from '@shared/domain/ddas'
import { setUpTeam, signal, testApp } from './fixtures'

/** The supplying organisation as a kwaliteitsmedewerker would fill it in for the DDAS delivery. */
export const ORGANISATIE: AanleverendeOrganisatie = {
  naam: 'Gemeente Roermond',
  kvkNummer: '',
  contactpersonen: [
    {
      naam: 'Fatima El Idrissi',
      telefoon: '0475 359 999',
      email: 'f.elidrissi@roermond.nl',
      functie: 'Kwaliteitsmedewerker vroegsignalering',
    },
  ],
}

/** What the settings screen sends back: the stored settings without the read-only parts. */
export function settingsInput(
  s: MonitorSettings,
  change: Partial<z.input<typeof monitorSettingsInput>> = {},
): z.input<typeof monitorSettingsInput> {
  const {
    codeGegevensleverancier: _code,
    softwareVersie: _versie,
    voorstelContactpersonen: _voorstel,
    ...input
  } = s
  return { ...input, ...change }
}

/**
 * A hand-built October 2026 where every figure is known in advance (see service.test.ts):
 *   A  Centrum, Huur 450, 42 y: 4 attempts, reached twice (home visit first), help accepted
 *   B  Kapel, Zorg + Energie (crisis) + Water = 350.50, 26 y: reached by phone in the evening
 *   C  Donderberg, Zorg 80, 76 y: no attempts yet
 *   D  Centrum, Energie 1,500 (crisis), 56 y: letter, phone, card, never reached
 *   E  picked up in September (outside the period), reached
 *   F  October signal closed as "Niet opgepakt: onterecht signaal" (not followed up)
 *   G  signal of 30 October taken in on 2 November: counts in October (the month of its signal),
 *      picked up (DDAS datum_opgepakt) on 2 November
 */
export async function octoberTeam() {
  const t = await testApp('2026-10-01T08:00:00.000Z')
  await setUpTeam(t, 'Fatima El Idrissi')
  const at = (day: string) => t.clock.set(`${day}T09:00:00.000Z`)
  const take = async (
    day: string,
    o: Parameters<typeof signal>[0] & { crisis?: boolean; externId?: string },
  ) => {
    at(day)
    const input = signal(o)
    input.signaal.crisis = o.crisis ?? false
    input.signaal.externId = o.externId ?? ''
    return (await t.call('signals.createManual', input)).caseId
  }
  const attempt = (
    caseId: number,
    soort: string,
    bereikt: boolean,
    datum: string,
    dagdeel: 'Ochtend' | 'Middag' | 'Avond',
  ) =>
    t.db
      .insertInto('contactpoging')
      .values({
        case_id: caseId,
        soort,
        bereikt: bereikt ? 1 : 0,
        datum,
        dagdeel,
        resultaat: '',
        notitie: 'Gesprek over de rekening',
        created_at: `${datum}T10:00:00.000Z`,
        created_by: null,
      })
      .execute()
  const close = (caseId: number, resultaat: Eindresultaat, op: string) =>
    t.db
      .updateTable('vroegsignaalzaak')
      .set({ status: 'gesloten', is_open: 0, resultaat, gesloten_op: op })
      .where('id', '=', caseId)
      .execute()

  const E = await take('2026-09-20', {
    achternaam: 'Eerder',
    postcode: '6041 EE',
    partnerType: 'Huur',
    bedrag: '3000',
    signaaldatum: '18-09-2026',
    externId: 'VPS-E',
  })
  await attempt(E, 'Telefoon', true, '2026-09-21', 'Ochtend')

  const A = await take('2026-10-05', {
    achternaam: 'Aarts',
    postcode: '6041 AB',
    partnerType: 'Huur',
    bedrag: '450,00',
    signaaldatum: '02-10-2026',
    geboortedatum: '12-03-1984',
    externId: 'VPS-A',
  })
  const bewonerB = {
    achternaam: 'Bos',
    postcode: '6042 AC',
    geboortedatum: '01-05-2000',
    signaaldatum: '08-10-2026',
  }
  const B = await take('2026-10-08', { ...bewonerB, partnerType: 'Zorg', bedrag: '100', externId: 'VPS-B1' })
  await take('2026-10-08', {
    ...bewonerB,
    partnerType: 'Energie',
    bedrag: '200',
    crisis: true,
    externId: 'VPS-B2',
  })
  await take('2026-10-08', { ...bewonerB, partnerType: 'Water', bedrag: '50,50' })
  const D = await take('2026-10-15', {
    achternaam: 'Dekker',
    postcode: '6041 XY',
    partnerType: 'Energie',
    bedrag: '1500',
    crisis: true,
    signaaldatum: '14-10-2026',
    geboortedatum: '30-06-1970',
    externId: 'VPS-D',
  })
  const C = await take('2026-10-20', {
    achternaam: 'Claessens',
    postcode: '6044 AA',
    partnerType: 'Zorg',
    bedrag: '80',
    signaaldatum: '19-10-2026',
    geboortedatum: '01-01-1950',
    externId: 'VPS-C',
  })
  const F = await take('2026-10-22', {
    achternaam: 'Frissen',
    postcode: '6041 FF',
    partnerType: 'Huur',
    bedrag: '40',
    signaaldatum: '21-10-2026',
    externId: 'VPS-F',
  })
  const G = await take('2026-11-02', {
    achternaam: 'Geelen',
    postcode: '6041 GG',
    partnerType: 'Water',
    bedrag: '120',
    signaaldatum: '30-10-2026',
    externId: 'VPS-G',
  })

  await attempt(A, 'Telefoon', false, '2026-10-06', 'Ochtend')
  await attempt(A, 'SMS/Whatsapp', false, '2026-10-07', 'Middag')
  await attempt(A, 'Huisbezoek', true, '2026-10-10', 'Middag')
  await attempt(A, 'Telefoon', true, '2026-10-12', 'Ochtend')
  await close(A, '(Budget)advies en/of quick fix', '2026-10-20')
  await attempt(B, 'Telefoon', true, '2026-10-08', 'Avond')
  await close(B, 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering', '2026-10-09')
  await attempt(D, 'Brief', false, '2026-10-16', 'Ochtend')
  await attempt(D, 'Telefoon', false, '2026-10-17', 'Ochtend')
  await attempt(D, 'Kaartje', false, '2026-10-20', 'Middag')
  await close(D, 'Definitief geen contact kunnen krijgen', '2026-10-30')
  await close(F, 'Niet opgepakt: onterecht signaal', '2026-10-22')
  await close(E, 'Vervolghulp en/of verwijzing financieel', '2026-09-30')
  at('2026-11-10')
  return { t, ids: { A, B, C, D, E, F, G }, attempt, close }
}

export const OCTOBER = { van: '2026-10-01', tot: '2026-10-31' }
