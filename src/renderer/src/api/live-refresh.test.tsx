import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CaseloadRow } from '@shared/api/caseload'
import type { QueueItemView } from '@shared/api/documents'
import type { Wijzigingen } from '@shared/api/changes'
import type { WerkplekStatus } from '@shared/api/workstation'
import { FakeBackend, renderWithApp } from '../test/render'
import { roermondSettings } from '../test/fixtures'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { PrintQueuePage } from '../features/documents/PrintQueuePage'
import { LiveRefresh } from './changes'

const TEAM: WerkplekStatus = {
  modus: 'team',
  server: 'https://teamserver.roermond.local:8443',
  vingerafdruk: 'AB:'.repeat(31) + 'AB',
  werkplek: 'Balie 2',
  wijzigbaar: true,
}

function row(id: number, naam: string): CaseloadRow {
  return {
    id,
    caseNumber: `2026-000${id}`,
    naam,
    adres: `Kapellerlaan ${id}`,
    postcode: '6041 AB',
    wijkNaam: 'Centrum',
    consulentNaam: 'Anouk Peeters',
    status: 'nieuw',
    partnerTypes: [],
    signalen: 1,
    bedragCents: 10000,
    geopendOp: '2026-10-01',
    laatsteSignaal: '2026-10-01',
    crisis: false,
    demo: false,
    volgendeStap: null,
    volgendeDatum: null,
    huisbezoekNodig: false,
    nietBenaderen: false,
    eerderBekend: false,
  }
}

function letter(id: number, naam: string): QueueItemView {
  return {
    id,
    caseId: 1,
    caseNumber: '2026-0001',
    naam,
    adres: 'Kapellerlaan 1',
    postcode: '6041 AB',
    plaats: 'Roermond',
    templateId: 1,
    templateNaam: 'Aankondigingsbrief',
    soort: 'brief',
    bezoek: null,
    consulent: 'Anouk Peeters',
    status: 'wachtrij',
    batchId: null,
    toegevoegdOp: '2026-10-06T08:00:00.000Z',
    toegevoegdDoor: 'Sem Janssen',
    versie: null,
    verstuurdOp: null,
    waarschuwing: null,
  }
}

/**
 * A team server where a colleague changes case 1 once the test says so: the feed reports it
 * (kind and id only) and the lists answer with the colleague's work from then on.
 */
function colleagueBackend(modus: WerkplekStatus['modus']) {
  let changed = false
  let position = 10
  const feed = (na: number): Wijzigingen =>
    changed && na < 11
      ? { laatste: 11, wijzigingen: [{ volgnummer: 11, soort: 'zaak', id: 1 }], alles: false }
      : { laatste: position, wijzigingen: [], alles: false }
  const backend = new FakeBackend({
    'werkplek.status': () => (modus === 'team' ? TEAM : { ...TEAM, modus, server: null, werkplek: null }),
    'changes.since': ({ na }) => feed(na),
    'settings.get': roermondSettings,
    'caseload.list': () => ({
      rows: changed ? [row(1, 'M. Hendriks'), row(2, 'J. de Wit')] : [row(1, 'M. Hendriks')],
      total: changed ? 2 : 1,
      page: 1,
      pageSize: 50,
      zoekUitleg: null,
    }),
    'documents.queue': () => ({
      wachtrij: changed ? [letter(1, 'M. Hendriks'), letter(2, 'J. de Wit')] : [letter(1, 'M. Hendriks')],
      openBatches: [],
    }),
    'documents.renderProgress': () => [],
  })
  return {
    backend,
    colleagueChanges() {
      changed = true
      position = 11
    },
  }
}

describe('screens refresh by themselves when a colleague changes something (team mode)', () => {
  it('reads the caseload again after a colleague’s change, and keeps what the user typed', async () => {
    const team = colleagueBackend('team')
    const { user, backend } = renderWithApp(
      <>
        <LiveRefresh intervalMs={40} />
        <CaseloadPage mine={false} />
      </>,
      { backend: team.backend },
    )
    expect(await screen.findByText('M. Hendriks')).toBeVisible()
    // The user is typing a search while the colleague works; nothing the user typed is lost.
    const search = screen.getByRole('searchbox', { name: 'Zoeken' })
    await user.type(search, 'Kapeller')
    await waitFor(() => expect(backend.inputsOf('changes.since').length).toBeGreaterThan(1))
    team.colleagueChanges()
    expect(await screen.findByText('J. de Wit')).toBeVisible()
    expect(search).toHaveValue('Kapeller')
    expect(search).toBe(screen.getByRole('searchbox', { name: 'Zoeken' }))
  })

  it('reads the print queue again after a colleague queued a letter', async () => {
    const team = colleagueBackend('team')
    renderWithApp(
      <>
        <LiveRefresh intervalMs={40} />
        <PrintQueuePage />
      </>,
      { backend: team.backend },
    )
    const table = await screen.findByRole('table', { name: 'Wachtrij' })
    expect(within(table).queryByText('J. de Wit')).toBeNull()
    team.colleagueChanges()
    expect(await within(table).findByText('J. de Wit')).toBeVisible()
  })

  it('does not poll at all when this computer works alone', async () => {
    const solo = colleagueBackend('alleen')
    const { backend } = renderWithApp(
      <>
        <LiveRefresh intervalMs={20} />
        <CaseloadPage mine={false} />
      </>,
      { backend: solo.backend },
    )
    expect(await screen.findByText('M. Hendriks')).toBeVisible()
    await waitFor(() => expect(backend.inputsOf('werkplek.status')).toHaveLength(1))
    await new Promise((r) => setTimeout(r, 120))
    expect(backend.inputsOf('changes.since')).toEqual([])
  })
})
