import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ProblemView } from '@shared/api/intake'
import { FakeBackend, renderWithApp } from '../../test/render'
import { ProblemsPage } from './ProblemsPage'

const FILE = 'Signalen oktober.csv'

function row(id: number, line: number, achternaam: string, postcode: string): ProblemView {
  return {
    id,
    importId: 3,
    bestandsnaam: FILE,
    line,
    values: {
      externId: `VPS-${id}`,
      achternaam,
      straat: 'Markt',
      huisnummer: '9',
      postcode,
      bedrag: '€ 640,00',
    },
    problems: [{ field: 'postcode', reason: `Geen geldige postcode: "${postcode}"`, code: 'ongeldig' }],
    status: 'open',
    reden: '',
  }
}

/** Main's list of open rows: a corrected row with a valid postcode is taken in and leaves it. */
function problemsBackend() {
  let open = [row(1, 5, 'Hendriks', '604 EM'), row(2, 9, "D'Hondt", '60411')]
  const valid = (p: string | undefined) => /^\d{4} ?[A-Z]{2}$/.test(p ?? '')
  return new FakeBackend({
    'intake.problems': () => open,
    'intake.acceptProblem': ({ id, values }) => {
      const r = open.find((x) => x.id === id)!
      if (!valid(values.postcode)) return { ingelezen: false, row: { ...r, values } }
      open = open.filter((x) => x.id !== id)
      return { ingelezen: true, doorgezet: true, row: { ...r, values, status: 'geaccepteerd' } }
    },
    'intake.retryProblems': () => {
      // The rules changed meanwhile: the first row is right now.
      open = open.filter((x) => x.id !== 1)
      return { ingelezen: 1, open: 1, afgewezen: 0, alIngelezen: 0 }
    },
  })
}

describe('Te controleren', () => {
  it('corrects one row: a wrong fix keeps the edits, a right one takes the row in', async () => {
    const { user, backend } = renderWithApp(<ProblemsPage />, { backend: problemsBackend() })
    const table = await screen.findByRole('table', { name: 'Regels te controleren' })
    expect(screen.getByText('2 regels te controleren')).toBeVisible()
    expect(within(table).getByText('Postcode: Geen geldige postcode: "604 EM"')).toBeVisible()

    const first = within(table).getByText('Hendriks').closest('tr')!
    await user.click(within(first).getByRole('button', { name: 'Verbeteren' }))
    const card = screen.getByRole('region', { name: `Regel 5 van ${FILE}` })
    const postcode = within(card).getByLabelText('Postcode')
    await user.clear(postcode)
    await user.type(postcode, '6041')
    await user.click(within(card).getByRole('button', { name: 'Verbeterd: inlezen' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Regel 5 is nog niet goed. Je verbeteringen zijn bewaard.',
    )
    expect(within(card).getByLabelText('Postcode')).toHaveValue('6041')

    await user.type(within(card).getByLabelText('Postcode'), ' EM')
    await user.click(within(card).getByRole('button', { name: 'Verbeterd: inlezen' }))
    expect(await screen.findByText('Regel 5 is ingelezen en doorgezet.')).toBeVisible()
    // The list was read again: the row left it, and its open card with it.
    expect(screen.getByText('1 regel te controleren')).toBeVisible()
    expect(
      within(screen.getByRole('table', { name: 'Regels te controleren' })).queryByText('Hendriks'),
    ).toBeNull()
    expect(screen.queryByRole('region', { name: `Regel 5 van ${FILE}` })).toBeNull()
    expect(backend.inputsOf('intake.acceptProblem').map((i) => i.values.postcode)).toEqual([
      '6041',
      '6041 EM',
    ])
  })

  it('tries every row again; a row taken in leaves the list and the choice', async () => {
    const { user } = renderWithApp(<ProblemsPage />, { backend: problemsBackend() })
    await user.click(await screen.findByRole('checkbox', { name: `Regel 5 van ${FILE} kiezen` }))
    await user.click(screen.getByRole('checkbox', { name: `Regel 9 van ${FILE} kiezen` }))
    expect(screen.getByRole('checkbox', { name: 'Alle regels kiezen' })).toBeChecked()

    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen (2)' }))
    expect(await screen.findByText('1 regel ingelezen, 1 nog niet goed (zie de rode regels).')).toBeVisible()
    expect(screen.queryByRole('checkbox', { name: `Regel 5 van ${FILE} kiezen` })).toBeNull()
    // After a change for many rows nothing stays chosen.
    expect(screen.getByRole('checkbox', { name: `Regel 9 van ${FILE} kiezen` })).not.toBeChecked()
    expect(screen.getByRole('button', { name: 'Opnieuw proberen (1)' })).toBeVisible()
  })
})
