import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DossierView } from '@shared/api/dossier'
import type { CasePlanView, LadderResult } from '@shared/api/ladder'
import { FakeBackend, renderWithApp, Refusal } from '../../test/render'
import { callPlan, hendriksDossier, roermondSettings } from '../../test/fixtures'
import { DossierPage } from './DossierPage'

/** A backend holding one case file and its plan, changed the way main changes them. */
function caseBackend() {
  let dossier: DossierView = hendriksDossier()
  let plan: CasePlanView = callPlan()
  const result = (): LadderResult => ({ dossier, plan })
  return new FakeBackend({
    'settings.get': roermondSettings,
    'dossier.get': () => dossier,
    'ladder.plan': () => plan,
    'documents.forCase': () => [],
    'appointments.forCase': () => [],
    'documents.templates': () => [],
    'dossier.addNote': ({ tekst }) => {
      const note = {
        id: dossier.notities.length + 1,
        tekst,
        door: 'Anouk Peeters',
        op: '2026-10-06T09:15:00.000Z',
      }
      dossier = { ...dossier, notities: [note, ...dossier.notities] }
      return dossier
    },
    'ladder.logAttempt': (input) => {
      dossier = {
        ...dossier,
        contactpogingen: [
          {
            id: 1,
            soort: 'Telefoon',
            kanaal: 'telefoon',
            bereikt: input.bereikt ?? false,
            datum: '2026-10-06',
            dagdeel: 'Ochtend',
            resultaat: input.resultaat ?? '',
            notitie: input.notitie ?? '',
            door: 'Anouk Peeters',
          },
        ],
      }
      plan = { ...plan, poging: 2, datum: '2026-10-07', pogingenTotaal: 1 }
      return result()
    },
  })
}

describe('the case file', () => {
  it('shows the household, its signal and the next step', async () => {
    renderWithApp(<DossierPage caseId={7} />, { backend: caseBackend() })
    expect(await screen.findByRole('heading', { name: 'Zaak 2026-0007' })).toBeVisible()
    const household = screen.getByRole('region', { name: 'Huishouden' })
    expect(within(household).getByText('M. Hendriks')).toBeVisible()
    const signals = screen.getByRole('region', { name: 'Signalen' })
    expect(within(signals).getByText('Wonen Limburg')).toBeVisible()
    expect(await screen.findByLabelText('Volgende stap')).toHaveTextContent('Bellen (poging 1 van 3)')
    expect(screen.getByRole('combobox', { name: 'Consulent' })).toHaveValue('Anouk Peeters')
  })

  it('saves a note and shows it, without reading the case file again (each read is a recorded view)', async () => {
    const { user, backend } = renderWithApp(<DossierPage caseId={7} />, { backend: caseBackend() })
    await user.type(await screen.findByLabelText('Nieuwe notitie'), 'Belt maandag')
    await user.click(screen.getByRole('button', { name: 'Notitie opslaan' }))
    const notes = await screen.findByRole('list', { name: 'Notities' })
    expect(within(notes).getByText('Belt maandag')).toBeVisible()
    expect(screen.getByLabelText('Nieuwe notitie')).toHaveValue('')
    expect(backend.inputsOf('dossier.get')).toEqual([{ caseId: 7 }])
  })

  it('refuses an empty note with a message at the field', async () => {
    const { user, backend } = renderWithApp(<DossierPage caseId={7} />, { backend: caseBackend() })
    await user.click(await screen.findByRole('button', { name: 'Notitie opslaan' }))
    expect(screen.getByText('Schrijf eerst de notitie.')).toBeVisible()
    expect(backend.inputsOf('dossier.addNote')).toEqual([])
  })

  it('logs a call with Alt+P; the plan is read again and shows the next try', async () => {
    const { user, backend } = renderWithApp(<DossierPage caseId={7} />, { backend: caseBackend() })
    expect(await screen.findByLabelText('Volgende stap')).toHaveTextContent('Bellen (poging 1 van 3)')
    await user.keyboard('{Alt>}p{/Alt}')
    const dialog = await screen.findByRole('dialog', { name: 'Contactpoging vastleggen' })
    await user.selectOptions(within(dialog).getByLabelText('Resultaat'), 'Geen gehoor')
    await user.type(within(dialog).getByLabelText('Notitie'), 'Niet opgenomen')
    await user.click(within(dialog).getByRole('button', { name: 'Poging opslaan' }))
    expect(await screen.findByLabelText('Volgende stap')).toHaveTextContent('Bellen (poging 2 van 3)')
    expect(screen.queryByRole('dialog', { name: 'Contactpoging vastleggen' })).toBeNull()
    const attempts = screen.getByRole('table', { name: 'Contactpogingen' })
    expect(within(attempts).getByText('Niet opgenomen')).toBeVisible()
    expect(backend.inputsOf('ladder.logAttempt')).toMatchObject([
      { caseId: 7, kanaal: 'telefoon', resultaat: 'Geen gehoor', notitie: 'Niet opgenomen' },
    ])
    expect(backend.inputsOf('ladder.plan')).toHaveLength(2)
    expect(backend.inputsOf('dossier.get')).toHaveLength(1)
  })

  it('a colleague changed the case while the dialog was open: the message shows in the dialog, the case file is fresh, the typed text stays', async () => {
    const CHANGED =
      'Een collega heeft deze zaak net gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.'
    let dossier: DossierView = hendriksDossier({ versie: 3 })
    const colleagueCalled = () => {
      dossier = {
        ...dossier,
        versie: 4,
        contactpogingen: [
          {
            id: 1,
            soort: 'Telefoon',
            kanaal: 'telefoon',
            bereikt: true,
            datum: '2026-10-06',
            dagdeel: 'Ochtend',
            resultaat: 'Gesprek gevoerd',
            notitie: 'Sem sprak de bewoner',
            door: 'Sem Janssen',
          },
        ],
      }
    }
    const { user, backend } = renderWithApp(<DossierPage caseId={7} />, {
      backend: {
        'settings.get': roermondSettings,
        'dossier.get': () => dossier,
        'ladder.plan': () => callPlan(),
        'documents.forCase': () => [],
        'appointments.forCase': () => [],
        'documents.templates': () => [],
        // As main does it (dossier/version.ts): a change on another version is refused with the case file.
        'ladder.logAttempt': (input) => {
          if (input.versie !== dossier.versie)
            throw new Refusal({ code: 'conflict', message: CHANGED, dossier })
          dossier = { ...dossier, versie: dossier.versie + 1 }
          return { dossier, plan: callPlan() }
        },
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Contactpoging vastleggen' }))
    const dialog = await screen.findByRole('dialog', { name: 'Contactpoging vastleggen' })
    await user.type(within(dialog).getByLabelText('Notitie'), 'Voicemail ingesproken')
    colleagueCalled()
    await user.click(within(dialog).getByRole('button', { name: 'Poging opslaan' }))

    expect(await within(dialog).findByText(CHANGED)).toBeVisible()
    expect(within(dialog).getByLabelText('Notitie')).toHaveValue('Voicemail ingesproken')
    const attempts = screen.getByRole('table', { name: 'Contactpogingen', hidden: true })
    expect(within(attempts).getByText('Sem sprak de bewoner')).toBeInTheDocument()

    // Having looked, the user saves again: now on the version the refusal brought.
    await user.click(within(dialog).getByRole('button', { name: 'Poging opslaan' }))
    await screen.findByText(/Vastgelegd/)
    expect(backend.inputsOf('ladder.logAttempt').map((i) => i.versie)).toEqual([3, 4])
    expect(backend.inputsOf('dossier.get')).toHaveLength(1)
  })

  it('says so when the case does not exist, and offers no retry', async () => {
    renderWithApp(<DossierPage caseId={99} />, {
      backend: {
        'settings.get': roermondSettings,
        'dossier.get': () => {
          throw new Refusal({ code: 'not_found', message: 'Deze zaak bestaat niet (meer).' })
        },
      },
    })
    expect(await screen.findByText('Zaak niet gevonden')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull()
    expect(screen.getByRole('link', { name: '← Terug naar de caseload' })).toHaveAttribute(
      'href',
      '#/caseload',
    )
  })

  it('lets the user try again after a failure', async () => {
    let fail = true
    const { user } = renderWithApp(<DossierPage caseId={7} />, {
      backend: {
        'settings.get': roermondSettings,
        'dossier.get': () => {
          if (fail)
            throw new Refusal({ code: 'internal', message: 'Lange Adem reageert niet. Probeer het opnieuw.' })
          return hendriksDossier()
        },
        'ladder.plan': () => callPlan(),
        'documents.forCase': () => [],
        'appointments.forCase': () => [],
        'documents.templates': () => [],
      },
    })
    expect(await screen.findByText('Lange Adem reageert niet. Probeer het opnieuw.')).toBeVisible()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }))
    expect(await screen.findByRole('heading', { name: 'Zaak 2026-0007' })).toBeVisible()
  })
})
