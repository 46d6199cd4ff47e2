import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TeamMember } from '@shared/api/session'
import { renderWithApp, Refusal, signedInStatus } from '../../test/render'
import { SignInPage } from './SignInPage'

const TEAM: TeamMember[] = [
  { id: 2, naam: 'Anouk Peeters', rol: 'consulent' },
  { id: 3, naam: 'Sem Janssen', rol: 'consulent' },
  { id: 1, naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker' },
  { id: 5, naam: 'Ilse Beheer', rol: 'beheerder' },
]
const NOBODY_SIGNED_IN = signedInStatus(null)
const upgradeDone = () => ({ geenWachtwoorden: false, beheerders: [] })

describe('sign-in', () => {
  it('lists the team by role; a name, then the password signs in', async () => {
    const { user, backend, refreshes } = renderWithApp(<SignInPage />, {
      status: NOBODY_SIGNED_IN,
      backend: {
        'session.upgradeStatus': upgradeDone,
        'session.team': () => TEAM,
        'session.signIn': ({ userId }) => ({
          ...TEAM.find((m) => m.id === userId)!,
          moetWachtwoordKiezen: false,
        }),
      },
    })
    const consulenten = await screen.findByRole('region', { name: 'Consulenten' })
    expect(
      within(consulenten)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['APAnouk PeetersConsulent', 'SJSem JanssenConsulent'])
    expect(screen.getByRole('region', { name: 'Beheerders' })).toBeVisible()

    await user.click(within(consulenten).getByRole('button', { name: /Sem Janssen/ }))
    expect(
      screen.getByText('Vul je wachtwoord in. Alles wat je doet, wordt onder jouw naam vastgelegd.'),
    ).toBeVisible()
    await user.type(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), 'een lang wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    expect(backend.inputsOf('session.signIn')).toEqual([{ userId: 3, wachtwoord: 'een lang wachtwoord' }])
    // Signed in: the app reads its status again and shows the workplace.
    await expect.poll(refreshes).toBe(1)
  })

  it("shows main's one message for a wrong name or password, and empties the field", async () => {
    const { user, refreshes } = renderWithApp(<SignInPage />, {
      status: NOBODY_SIGNED_IN,
      backend: {
        'session.upgradeStatus': upgradeDone,
        'session.team': () => TEAM,
        'session.signIn': () => {
          throw new Refusal({ code: 'forbidden', message: 'Naam of wachtwoord klopt niet.' })
        },
      },
    })
    await user.click(await screen.findByRole('button', { name: /Anouk Peeters/ }))
    await user.type(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), 'verkeerd wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Naam of wachtwoord klopt niet.')
    expect(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' })).toHaveValue('')
    expect(refreshes()).toBe(0)
  })

  it('sends nothing without a password (the field is required)', async () => {
    const { user, backend } = renderWithApp(<SignInPage />, {
      status: NOBODY_SIGNED_IN,
      backend: { 'session.upgradeStatus': upgradeDone, 'session.team': () => TEAM },
    })
    await user.click(await screen.findByRole('button', { name: /Anouk Peeters/ }))
    expect(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' })).toBeRequired()
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    expect(backend.inputsOf('session.signIn')).toEqual([])
  })

  it('offers to try again when the team cannot be read', async () => {
    let fail = true
    const { user } = renderWithApp(<SignInPage />, {
      status: NOBODY_SIGNED_IN,
      backend: {
        'session.upgradeStatus': upgradeDone,
        'session.team': () => {
          if (fail)
            throw new Refusal({ code: 'internal', message: 'Lange Adem reageert niet. Probeer het opnieuw.' })
          return TEAM
        },
      },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lange Adem reageert niet. Probeer het opnieuw.',
    )
    fail = false
    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }))
    expect(await screen.findByRole('region', { name: 'Consulenten' })).toBeVisible()
  })
})
