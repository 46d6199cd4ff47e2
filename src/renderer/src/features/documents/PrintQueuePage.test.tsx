import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BatchView, QueueItemView, QueueView } from '@shared/api/documents'
import { FakeBackend, renderWithApp } from '../../test/render'
import { PrintQueuePage } from './PrintQueuePage'

function letter(id: number, caseNumber: string, naam: string): QueueItemView {
  return {
    id,
    caseId: id * 10,
    caseNumber,
    naam,
    adres: `Kapellerlaan ${id}`,
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
    toegevoegdDoor: 'Anouk Peeters',
    versie: null,
    verstuurdOp: null,
    waarschuwing: null,
  }
}

const PDF = { bestandsnaam: 'afdruk-1.pdf', pdfBase64: btoa('%PDF-1.7 test'), aantal: 2 }

/** A queue of two letters that prints, confirms and removes the way main does. */
function queueBackend() {
  let queue: QueueView = {
    wachtrij: [letter(1, '2026-0001', 'M. Hendriks'), letter(2, '2026-0002', 'J. de Wit')],
    openBatches: [],
  }
  return new FakeBackend({
    'documents.queue': () => queue,
    'documents.renderProgress': () => [],
    'documents.createBatch': ({ itemIds }) => {
      const printed = queue.wachtrij.filter((i) => itemIds.includes(i.id))
      const batch: BatchView = {
        id: 1,
        soort: 'brief',
        indeling: 'a4',
        enveloppen: false,
        gemaaktOp: '2026-10-06T09:00:00.000Z',
        door: 'Anouk Peeters',
        items: printed.map((i) => ({ ...i, status: 'gedrukt', batchId: 1, versie: 3 })),
        bevestigd: false,
      }
      queue = { wachtrij: queue.wachtrij.filter((i) => !itemIds.includes(i.id)), openBatches: [batch] }
      return batch
    },
    'documents.batchPdf': () => PDF,
    'documents.confirmBatch': () => {
      queue = { ...queue, openBatches: [] }
      return queue
    },
    'documents.removeFromQueue': ({ itemId }) => {
      queue = { ...queue, wachtrij: queue.wachtrij.filter((i) => i.id !== itemId) }
      return queue
    },
  })
}

describe('the print queue', () => {
  it('prints the chosen letters as one batch, shows the PDF, and asks what went out', async () => {
    const { user, backend } = renderWithApp(<PrintQueuePage />, { backend: queueBackend() })
    const table = await screen.findByRole('table', { name: 'Wachtrij' })
    expect(within(table).getByText('M. Hendriks')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Kies wat je wilt afdrukken' })).toBeDisabled()

    await user.click(screen.getByRole('checkbox', { name: 'Kies 2026-0002' }))
    await user.click(screen.getByRole('button', { name: '1 brief afdrukken' }))

    const viewer = await screen.findByRole('dialog', { name: 'Afdruk 1: brieven' })
    expect(within(viewer).getByTitle('Voorbeeld: Afdruk 1: brieven')).toHaveAttribute(
      'src',
      expect.stringMatching(/^blob:/),
    )
    expect(backend.inputsOf('documents.createBatch')).toEqual([
      { itemIds: [2], indeling: 'a4', enveloppen: false },
    ])
    // The queue was read again: the printed letter waits for confirmation, the other stays.
    const batch = screen.getByRole('region', { name: 'Afdruk 1' })
    expect(within(batch).getByRole('checkbox', { name: /J\. de Wit \(2026-0002\)/ })).toBeChecked()
    expect(within(screen.getByRole('table', { name: 'Wachtrij' })).queryByText('J. de Wit')).toBeNull()
  })

  it('confirms a printed batch; it leaves the page', async () => {
    const { user, backend } = renderWithApp(<PrintQueuePage />, { backend: queueBackend() })
    await user.click(await screen.findByRole('checkbox', { name: 'Alles kiezen' }))
    await user.click(screen.getByRole('button', { name: '2 brieven afdrukken' }))
    await screen.findByRole('dialog', { name: 'Afdruk 1: brieven' })
    await user.keyboard('{Escape}')
    const batch = screen.getByRole('region', { name: 'Afdruk 1' })
    await user.clear(within(batch).getByLabelText('Verstuurd op'))
    await user.type(within(batch).getByLabelText('Verstuurd op'), '06-10-2026')
    await user.click(within(batch).getByRole('button', { name: 'Bevestigen: 2 brieven verstuurd' }))
    expect(await screen.findByText('2 brieven vastgelegd als contactpoging.')).toBeVisible()
    expect(screen.queryByRole('region', { name: 'Afdruk 1' })).toBeNull()
    expect(backend.inputsOf('documents.confirmBatch')).toEqual([
      { batchId: 1, verstuurdIds: [1, 2], datum: '06-10-2026' },
    ])
  })

  it('takes a letter out of the queue', async () => {
    const { user } = renderWithApp(<PrintQueuePage />, { backend: queueBackend() })
    const table = await screen.findByRole('table', { name: 'Wachtrij' })
    const row = within(table).getByText('M. Hendriks').closest('tr')!
    await user.click(within(row).getByRole('button', { name: 'Uit wachtrij' }))
    expect(
      await screen.findByText('Aankondigingsbrief voor 2026-0001 is uit de wachtrij gehaald.'),
    ).toBeVisible()
    expect(within(screen.getByRole('table', { name: 'Wachtrij' })).queryByText('M. Hendriks')).toBeNull()
  })
})
