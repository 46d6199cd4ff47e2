import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { MonitorDashboard, MonitorSettings } from '@shared/api/monitor'
import type { Handlers } from '../../test/fake-backend'
import { renderWithApp, signedInStatus } from '../../test/render'
import { MonitorPage } from './MonitorPage'

const FATIMA = { id: 1, naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker' as const }
// The monitor counts back from today: the app's clock says it is 6 October 2026.
const ON_6_OCTOBER = { ...signedInStatus(FATIMA), nu: '2026-10-06T08:00:00.000Z' }

function dashboard(van: string, tot: string): MonitorDashboard {
  return {
    van,
    tot,
    ontvangen: 40,
    doorgezet: 36,
    nietDoorgezet: [{ status: 'Herhaalde melding', aantal: 4 }],
    opgepakt: 30,
    bereik: { teller: 18, noemer: 30, pct: 60, landelijk: 48 },
    hulp: { teller: 9, noemer: 18, pct: 50, landelijk: null },
    dagenTotContact: { mediaan: 3, aantal: 18 },
    perMaand: [{ maand: van.slice(0, 7), teller: 18, noemer: 30, pct: 60 }],
    breakdowns: [
      {
        key: 'kanaal',
        titel: 'Bereik per kanaal',
        uitleg: 'Welk kanaal het eerste contact gaf.',
        rows: [{ key: 'telefoon', label: 'Telefoon', teller: 12, noemer: 30, pct: 40, landelijk: null }],
      },
    ],
    afspraken: [],
    referentieBron: 'Monitor Vroegsignalering 2025',
    inGebruikSinds: null,
  }
}

const SETTINGS: MonitorSettings = {
  leverancierNaam: 'Lange Adem',
  softwareVersie: '0.1.0',
  codeGegevensleverancier: 'Lange Adem 0.1.0',
  organisatie: {
    naam: 'Gemeente Roermond',
    kvkNummer: '12345678',
    contactpersonen: [
      { naam: 'Fatima El Idrissi', telefoon: '0475 359 999', email: '', functie: 'Kwaliteit' },
    ],
  },
  voorstelContactpersonen: [],
  geboortedatumMeesturen: true,
  leeftijdsgrenzen: [25, 35, 45, 55, 66],
  bedraggrenzen: [100, 250, 500, 1000, 2000],
  referenties: [],
}

const backend = (): Handlers => ({
  'monitor.dashboard': ({ van, tot }) => dashboard(van, tot),
  'monitor.cases': () => ({
    titel: 'Bereik: bereikt',
    total: 1,
    rows: [
      {
        id: 7,
        caseNumber: '2026-0007',
        naam: 'M. Hendriks',
        wijkNaam: 'Kapel in het Zand',
        consulentNaam: 'Anouk Peeters',
        datumOpgepakt: '2026-10-01',
        pogingen: 2,
        bereikt: true,
        resultaat: null,
      },
    ],
  }),
  'monitor.settings': () => SETTINGS,
  'ddasVs.collections': () => ({ aan: false, eindpunt: '/ddas-vs/v1/gegevens', collections: [] }),
})

describe('the monitor', () => {
  it("shows this year's figures and the cases behind a number", async () => {
    const { user, backend: fake } = renderWithApp(<MonitorPage />, {
      backend: backend(),
      status: ON_6_OCTOBER,
    })
    expect(await screen.findByRole('heading', { name: /^Cijfers 2026/ })).toBeVisible()
    expect(fake.inputsOf('monitor.dashboard')).toEqual([{ van: '2026-01-01', tot: '2026-12-31' }])
    await user.click(screen.getByRole('button', { name: 'Bereik, bereikt: toon de 18 zaken' }))
    const dialog = await screen.findByRole('dialog', { name: 'Bereik: bereikt' })
    expect(within(dialog).getByRole('link', { name: '2026-0007' })).toHaveAttribute('href', '#/zaak/7')
    expect(fake.inputsOf('monitor.cases')).toEqual([
      { van: '2026-01-01', tot: '2026-12-31', tabel: 'totaal', groep: 'alle', wat: 'bereikt' },
    ])
  })

  it('asks for the figures of the month when the period changes', async () => {
    const { user, backend: fake } = renderWithApp(<MonitorPage />, {
      backend: backend(),
      status: ON_6_OCTOBER,
    })
    await screen.findByRole('heading', { name: /^Cijfers 2026/ })
    await user.click(screen.getByText('Maand', { exact: true }))
    expect(await screen.findByRole('heading', { name: /^Cijfers oktober 2026/ })).toBeVisible()
    expect(fake.inputsOf('monitor.dashboard')).toContainEqual({ van: '2026-10-01', tot: '2026-10-31' })
  })

  it('makes the DDAS file only after the confirmation that names the period', async () => {
    URL.createObjectURL ??= () => 'blob:test'
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { user, backend: fake } = renderWithApp(<MonitorPage />, {
      backend: {
        ...backend(),
        'monitor.exportDdas': ({ versie }) => ({
          fileName: 'ddas-0957-2026-01-01_2026-12-31.json',
          mimeType: 'application/json',
          base64: btoa('{}'),
          versie: versie ?? '1.2',
          vroegsignalen: 40,
          zaken: 30,
          opmerkingen: [],
        }),
      },
      status: ON_6_OCTOBER,
    })
    await user.click(await screen.findByRole('tab', { name: 'DDAS en terugkoppeling' }))
    const make = await screen.findByRole('button', { name: 'DDAS-bestand maken over 2026' })
    expect(make).toBeDisabled()
    await user.click(
      screen.getByLabelText(
        'Ik maak het DDAS-bestand over 2026 (01-01-2026 t/m 31-12-2026) en begrijp dat het persoonsgegevens bevat',
      ),
    )
    await user.click(make)
    expect(await screen.findByRole('status')).toHaveTextContent(
      'ddas-0957-2026-01-01_2026-12-31.json gemaakt (versie 1.2) over 2026 (01-01-2026 t/m 31-12-2026): 40 signalen in 30 zaken.',
    )
    expect(fake.inputsOf('monitor.exportDdas')).toEqual([
      { van: '2026-01-01', tot: '2026-12-31', versie: '1.2' },
    ])
    expect(click).toHaveBeenCalledTimes(1)
    click.mockRestore()
  })
})
