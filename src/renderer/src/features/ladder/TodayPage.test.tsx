import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TodayItem, TodayView } from '@shared/api/ladder'
import { ANOUK, renderWithApp, Refusal } from '../../test/render'
import { roermondSettings } from '../../test/fixtures'
import { TodayPage } from './TodayPage'

function item(caseId: number, naam: string, extra: Partial<TodayItem> = {}): TodayItem {
  return {
    caseId,
    caseNumber: `2026-${String(caseId).padStart(4, '0')}`,
    naam,
    adres: 'Kapellerlaan 12, 6041 AB Roermond',
    wijkId: 1,
    telefoon: '06-11223344',
    stap: 'bellen',
    poging: 1,
    datum: '2026-10-06',
    dagdeel: 'Ochtend',
    telaat: false,
    huisbezoekNodig: false,
    moment: null,
    ...extra,
  }
}

function today(consulent: { id: number; naam: string }, groepen: TodayView['groepen']): TodayView {
  const items = groepen.flatMap((g) => g.items)
  return {
    datum: '2026-10-06',
    consulent,
    groepen,
    totaal: items.length,
    telaat: items.filter((i) => i.telaat).length,
    afgekapt: false,
    herinneringen: [],
  }
}

const ANOUKS_DAY = today(ANOUK, [
  {
    stap: 'bellen',
    label: 'Bellen',
    items: [item(11, 'M. Hendriks'), item(12, 'J. de Wit', { telaat: true, datum: '2026-10-01' })],
  },
  {
    stap: 'huisbezoek',
    label: 'Huisbezoek',
    items: [item(13, 'K. Smeets', { stap: 'huisbezoek', huisbezoekNodig: true, dagdeel: null })],
  },
])

describe('Vandaag', () => {
  it("shows the consulent's tasks per step, overdue ones marked, and focuses the first case", async () => {
    renderWithApp(<TodayPage />, {
      backend: { 'settings.get': roermondSettings, 'ladder.today': () => ANOUKS_DAY },
    })
    const calls = await screen.findByRole('region', { name: 'Bellen' })
    const first = within(calls).getByRole('link', { name: 'M. Hendriks' })
    expect(first).toHaveFocus()
    expect(first).toHaveAttribute('href', '#/zaak/11/vandaag')
    expect(screen.getByText('6 oktober 2026 · 3 taken, waarvan 1 te laat')).toBeVisible()
    expect(within(calls).getByText('te laat: 01-10-2026')).toBeVisible()
    const visits = screen.getByRole('region', { name: 'Huisbezoek' })
    expect(within(visits).getByRole('link', { name: 'Huisbezoek plannen →' })).toHaveAttribute(
      'href',
      '#/huisbezoeken/1/13',
    )
  })

  it('moves between cases with the arrow keys', async () => {
    const { user } = renderWithApp(<TodayPage />, {
      backend: { 'settings.get': roermondSettings, 'ladder.today': () => ANOUKS_DAY },
    })
    await screen.findByRole('region', { name: 'Bellen' })
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('link', { name: 'J. de Wit' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('link', { name: 'K. Smeets' })).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}')
    expect(screen.getByRole('link', { name: 'M. Hendriks' })).toHaveFocus()
  })

  it("shows a colleague's work when chosen under 'Werk van'", async () => {
    const sem = { id: 3, naam: 'Sem Janssen' }
    const { user, backend } = renderWithApp(<TodayPage />, {
      backend: {
        'settings.get': roermondSettings,
        'ladder.today': ({ consulentId }) =>
          consulentId === sem.id
            ? today(sem, [{ stap: 'bellen', label: 'Bellen', items: [item(21, 'P. Janssen')] }])
            : ANOUKS_DAY,
      },
    })
    await screen.findByRole('link', { name: 'M. Hendriks' })
    await user.selectOptions(screen.getByLabelText('Werk van'), 'Sem Janssen')
    expect(await screen.findByRole('link', { name: 'P. Janssen' })).toHaveFocus()
    expect(screen.queryByRole('link', { name: 'M. Hendriks' })).toBeNull()
    expect(backend.inputsOf('ladder.today')).toEqual([{ consulentId: ANOUK.id }, { consulentId: sem.id }])
    // A former colleague stays in the list, marked: her cases may still be open.
    expect(screen.getByRole('option', { name: 'Bram Vos (niet meer actief)' })).toBeInTheDocument()
  })

  it('says so when nothing is due', async () => {
    renderWithApp(<TodayPage />, {
      backend: { 'settings.get': roermondSettings, 'ladder.today': () => today(ANOUK, []) },
    })
    expect(await screen.findByText('Niets te doen vandaag')).toBeVisible()
  })

  it("shows main's message when the list cannot be read", async () => {
    renderWithApp(<TodayPage />, {
      backend: {
        'settings.get': roermondSettings,
        'ladder.today': () => {
          throw new Refusal({ code: 'forbidden', message: 'Je mag het werk van deze collega niet zien.' })
        },
      },
    })
    expect(await screen.findByText('Je mag het werk van deze collega niet zien.')).toBeVisible()
    expect(screen.queryByLabelText('Vandaag wordt geladen')).toBeNull()
  })
})
