import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AnalyseResult, ImportSummary } from '@shared/api/intake'
import { FakeBackend, Refusal, renderWithApp } from '../../test/render'
import { ImportPage } from './ImportPage'

// Mantine marks a required field's label with an asterisk.
const BRON = /^Naam van de bron/
const UPLOAD_ID = 'upload-0123456789abcdef'
const HEADERS = ['Kenmerk', 'Soort', 'Bedrag', 'Datum signaal', 'Achternaam', 'Straat', 'Huisnr', 'Postcode']

const ANALYSIS: AnalyseResult = {
  uploadId: UPLOAD_ID,
  fileName: 'Signalen oktober – €.csv',
  format: 'csv',
  encoding: 'windows-1252',
  delimiter: ';',
  headers: HEADERS,
  rowCount: 4,
  sample: [['VPS-1', 'Energie', '€ 640,00', '01-10-2026', "D'Hondt", 'Markt', '9', '6041 EM']],
  mapping: {
    columns: {
      externId: 'Kenmerk',
      partnerType: 'Soort',
      bedrag: 'Bedrag',
      signaaldatum: 'Datum signaal',
      achternaam: 'Achternaam',
      straat: 'Straat',
      huisnummer: 'Huisnr',
      postcode: 'Postcode',
    },
    partnerTypes: { energie: 'Energie' },
  },
  mappingName: null,
  unplaced: [],
  partnerWords: [],
  savedMappings: [],
  bronVoorstel: 'Vindplaats van Schulden',
}

function summary(importId: number | null): ImportSummary {
  return {
    importId,
    rows: 4,
    nieuw: 3,
    eerderIngelezen: 0,
    problemen: 1,
    doorgezet: 2,
    nietDoorgezet: 1,
    nieuweZaken: 2,
    meervoudig: 0,
    opeenvolgend: 0,
    herkend: 0,
    problems: [{ line: 5, field: 'postcode', reason: 'Geen geldige postcode: "604 EM"', code: 'ongeldig' }],
  }
}

/** Main's side of an import: the upload, its analysis, the preview and the commit. */
function intakeBackend() {
  return new FakeBackend({
    'intake.upload': ({ fileName }) => ({ uploadId: UPLOAD_ID, fileName, bytes: 48 }),
    'intake.progress': ({ uploadId }) => ({ uploadId, fase: 'lezen', gedaan: 2, totaal: 4 }),
    'intake.analyse': () => ANALYSIS,
    'intake.preview': () => summary(null),
    'intake.commit': () => summary(17),
  })
}

/**
 * The browser mode streams the chosen file to main beside the call (api/client.ts uploadFile);
 * here that request goes to the fake backend's `intake.upload`, with its input from the header.
 */
function uploadsTo(backend: FakeBackend) {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    expect(url).toBe('/api/intake.upload')
    expect(init.body).toBeInstanceOf(File)
    const header = (init.headers as Record<string, string>)['X-Lange-Adem-Input']!
    const result = await backend.call('intake.upload', JSON.parse(decodeURIComponent(header)))
    return { ok: true, status: 200, json: async () => result }
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const csv = () =>
  new File(['Kenmerk;Soort;Bedrag\r\nVPS-1;Energie;€ 640,00\r\n'], 'Signalen oktober – €.csv', {
    type: 'text/csv',
  })

describe('importing a file (Signalen inlezen)', () => {
  it('takes a file through its steps: the proposed mapping, the preview, the import', async () => {
    const backend = intakeBackend()
    uploadsTo(backend)
    const { user } = renderWithApp(<ImportPage />, { backend })
    expect(screen.getByText('Er wordt nog niets opgeslagen.', { exact: false })).toBeVisible()

    await user.upload(screen.getByLabelText('Bestand met signalen'), csv())

    // The mapping main proposed, with the source's name to save it under.
    expect(await screen.findByLabelText(BRON)).toHaveValue('Vindplaats van Schulden')
    expect(screen.getByText('Signalen oktober – €.csv')).toBeVisible()
    expect(screen.getByText(/4 regels gevonden \(CSV, windows-1252\)/)).toBeVisible()
    expect(screen.getByRole('combobox', { name: 'Kolom voor Achternaam' })).toHaveValue('Achternaam')
    expect(screen.queryByText('Nog niet alle verplichte velden hebben een kolom')).toBeNull()
    expect(backend.inputsOf('intake.upload')).toEqual([{ fileName: 'Signalen oktober – €.csv' }])
    expect(backend.inputsOf('intake.analyse')).toEqual([{ uploadId: UPLOAD_ID, mappingName: '' }])

    await user.click(screen.getByRole('button', { name: 'Voorbeeld bekijken' }))
    expect(await screen.findByText(/Er is nog niets opgeslagen\./)).toBeVisible()
    expect(screen.getByText('Geen geldige postcode: "604 EM"', { exact: false })).toBeVisible()
    expect(backend.inputsOf('intake.preview')).toEqual([
      { uploadId: UPLOAD_ID, mapping: ANALYSIS.mapping, bron: 'Vindplaats van Schulden' },
    ])
    expect(backend.inputsOf('intake.commit')).toEqual([])

    await user.click(screen.getByRole('button', { name: '3 signalen inlezen' }))
    const done = await screen.findByRole('alert')
    expect(done).toHaveTextContent('Ingelezen')
    expect(done).toHaveTextContent(
      '3 nieuwe signalen ingelezen, 2 doorgezet in 2 nieuwe zaken. 1 regels staan in Te controleren.',
    )
    expect(backend.inputsOf('intake.commit')).toEqual([
      { uploadId: UPLOAD_ID, mapping: ANALYSIS.mapping, bron: 'Vindplaats van Schulden' },
    ])
    expect(screen.getByRole('link', { name: 'Signalen van deze inlezing bekijken' })).toHaveAttribute(
      'href',
      '#/inlezing/17',
    )
    expect(screen.getByRole('link', { name: 'Naar Te controleren' })).toBeVisible()

    // Another file starts again at the first step.
    await user.click(screen.getByRole('button', { name: 'Nog een bestand inlezen' }))
    expect(screen.getByLabelText('Bestand met signalen')).toBeVisible()
  })

  it("asks for the source's name before the preview, and keeps the mapping", async () => {
    const backend = intakeBackend()
    uploadsTo(backend)
    const { user } = renderWithApp(<ImportPage />, { backend })
    await user.upload(screen.getByLabelText('Bestand met signalen'), csv())
    await user.clear(await screen.findByLabelText(BRON))
    await user.click(screen.getByRole('button', { name: 'Voorbeeld bekijken' }))

    expect(screen.getByRole('alert')).toHaveTextContent('Vul eerst de naam van de bron in.')
    expect(screen.getByText('Geef de bron een naam, bijvoorbeeld "Vindplaats van Schulden".')).toBeVisible()
    expect(backend.inputsOf('intake.preview')).toEqual([])

    await user.type(screen.getByLabelText(BRON), 'VPS Roermond')
    await user.click(screen.getByRole('button', { name: 'Voorbeeld bekijken' }))
    await screen.findByRole('button', { name: '3 signalen inlezen' })
    expect(backend.inputsOf('intake.preview')).toEqual([
      { uploadId: UPLOAD_ID, mapping: ANALYSIS.mapping, bron: 'VPS Roermond' },
    ])
  })

  it("shows main's Dutch message when a file cannot be read, and stays at the first step", async () => {
    const backend = intakeBackend().on('intake.analyse', () => {
      throw new Refusal({
        code: 'validation',
        message: 'In dit bestand staan geen kolomnamen. Download het bestand opnieuw van het platform.',
      })
    })
    uploadsTo(backend)
    const { user } = renderWithApp(<ImportPage />, { backend })
    await user.upload(screen.getByLabelText('Bestand met signalen'), csv())

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Dat lukte niet')).toBeVisible()
    expect(alert).toHaveTextContent('In dit bestand staan geen kolomnamen.')
    expect(screen.getByLabelText('Bestand met signalen')).toBeEnabled()
    expect(screen.queryByLabelText(BRON)).toBeNull()
    expect(backend.inputsOf('intake.preview')).toEqual([])
  })

  it('refuses a file over the limit before anything is sent', async () => {
    const backend = intakeBackend()
    uploadsTo(backend)
    const { user } = renderWithApp(<ImportPage />, { backend })
    const huge = csv()
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 })
    await user.upload(screen.getByLabelText('Bestand met signalen'), huge)

    expect(await screen.findByRole('alert')).toHaveTextContent('Dit bestand is groter dan 64 MB.')
    expect(backend.calls).toEqual([])
  })
})
