import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { WerkplekStatus } from '@shared/api/workstation'
import { FakeBackend, Refusal, renderWithApp, signedInStatus } from '../../test/render'
import { FirstRun } from './FirstRun'
import { WorkstationTab } from './WorkstationTab'

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':')
const ALONE: WerkplekStatus = {
  modus: 'alleen',
  server: null,
  vingerafdruk: null,
  werkplek: null,
  wijzigbaar: true,
}
const TEAM: WerkplekStatus = {
  modus: 'team',
  server: 'https://teamserver.roermond.local:8443',
  vingerafdruk: FP,
  werkplek: 'Balie 1',
  wijzigbaar: true,
}
const notSetUp = { ...signedInStatus(null), setupDone: false }

describe('the first run asks how this computer works', () => {
  it('goes on to the set-up when the user works alone, the default', async () => {
    const { user } = renderWithApp(<FirstRun />, { status: notSetUp })
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Lange Adem' })).toBeVisible()
    expect(screen.getByRole('radio', { name: 'Alleen op deze computer' })).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Verder' }))
    expect(await screen.findByRole('textbox', { name: /Naam van de gemeente/ })).toBeVisible()
  })

  it('connects with the team: the address, the fingerprint to compare, and only then the pin', async () => {
    const backend = new FakeBackend({
      'werkplek.bekijkServer': ({ adres }) => ({ server: `https://${adres}`, vingerafdruk: FP }),
      'werkplek.koppel': () => TEAM,
    })
    const { user, refreshes } = renderWithApp(<FirstRun />, { status: notSetUp, backend })
    await user.click(await screen.findByRole('radio', { name: 'Met het team' }))
    await user.click(screen.getByRole('button', { name: 'Verder' }))
    await user.type(screen.getByLabelText('Adres van de teamserver'), 'teamserver.roermond.local:8443')
    await user.type(screen.getByLabelText(/Naam van deze werkplek/), 'Balie 1')
    await user.click(screen.getByRole('button', { name: 'Verbinden' }))

    expect(await screen.findByLabelText('Vingerafdruk van de teamserver')).toHaveTextContent(FP)
    expect(screen.getByText(/Vergelijk deze vingerafdruk met die van de teamserver/)).toBeVisible()
    // Nothing is pinned before the person says the fingerprint matches.
    expect(backend.inputsOf('werkplek.koppel')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Ja, klopt: verbinden' }))
    await expect.poll(() => refreshes()).toBe(1)
    expect(backend.inputsOf('werkplek.koppel')).toEqual([
      { adres: 'https://teamserver.roermond.local:8443', vingerafdruk: FP, werkplek: 'Balie 1' },
    ])
  })

  it('says in Dutch what went wrong, and keeps the address typed', async () => {
    const backend = new FakeBackend({
      'werkplek.bekijkServer': () => {
        throw new Refusal({
          code: 'validation',
          message: 'De teamserver is niet bereikbaar. Er is niets opgeslagen.',
        })
      },
    })
    const { user } = renderWithApp(<FirstRun />, { status: notSetUp, backend })
    await user.click(await screen.findByRole('radio', { name: 'Met het team' }))
    await user.click(screen.getByRole('button', { name: 'Verder' }))
    await user.type(screen.getByLabelText('Adres van de teamserver'), 'https://server:8443')
    await user.click(screen.getByRole('button', { name: 'Verbinden' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('De teamserver is niet bereikbaar')
    expect(screen.getByLabelText('Adres van de teamserver')).toHaveValue('https://server:8443')
  })

  it('skips the question in team mode: the set-up happens on the (new) server', async () => {
    renderWithApp(<FirstRun />, { status: notSetUp, backend: { 'werkplek.status': () => TEAM } })
    expect(await screen.findByRole('textbox', { name: /Naam van de gemeente/ })).toBeVisible()
    expect(screen.queryByRole('radio', { name: 'Met het team' })).toBeNull()
  })
})

describe('Instellingen > Werkplek', () => {
  it('shows the server, its fingerprint and this workstation; only the beheerder may change it', async () => {
    renderWithApp(<WorkstationTab />, { backend: { 'werkplek.status': () => TEAM } })
    const table = await screen.findByRole('table', { name: 'Deze werkplek' })
    expect(within(table).getByText('Met het team (teamserver)')).toBeVisible()
    expect(within(table).getByText(TEAM.server!)).toBeVisible()
    expect(within(table).getByText(FP)).toBeVisible()
    expect(within(table).getByText('Balie 1')).toBeVisible()
    expect(screen.getByText('Alleen de beheerder kan dit wijzigen.')).toBeVisible()
    expect(screen.queryByRole('button', { name: /Terug naar alleen/ })).toBeNull()
  })

  it('lets the beheerder go back to working alone, after a clear warning', async () => {
    const backend = new FakeBackend({ 'werkplek.status': () => TEAM, 'werkplek.alleen': () => ALONE })
    const { user, refreshes } = renderWithApp(<WorkstationTab />, {
      backend,
      status: signedInStatus({ id: 9, naam: 'Bert Smeets', rol: 'beheerder' }),
    })
    await user.click(await screen.findByRole('button', { name: 'Terug naar alleen op deze computer' }))
    const dialog = screen.getByRole('dialog', { name: 'Terug naar alleen op deze computer' })
    expect(dialog).toHaveTextContent(
      'De gegevens op de teamserver blijven daar staan en komen niet naar deze computer.',
    )
    expect(backend.inputsOf('werkplek.alleen')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Ja, alleen op deze computer werken' }))
    await expect.poll(() => refreshes()).toBe(1)
    expect(backend.inputsOf('werkplek.alleen')).toEqual([{}])
  })

  it('warns, before connecting a computer that works alone, that its data does not move', async () => {
    const { user } = renderWithApp(<WorkstationTab />, {
      status: signedInStatus({ id: 9, naam: 'Bert Smeets', rol: 'beheerder' }),
    })
    expect(await screen.findByText('Alleen op deze computer')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Met het team gaan werken' }))
    const dialog = screen.getByRole('dialog', { name: 'Met het team gaan werken' })
    expect(dialog).toHaveTextContent('De gegevens op deze computer gaan niet mee naar de teamserver.')
    expect(within(dialog).getByLabelText('Adres van de teamserver')).toBeVisible()
  })
})
