import type { ReactNode } from 'react'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { userEvent, type UserEvent } from '@testing-library/user-event'
import type { AppStatus } from '@shared/api/setup'
import type { Rol } from '@shared/domain/case'
import { createQueryClient } from '../api/queries'
import { followAppClock } from '../components/localDate'
import { AppContext } from '../app/AppContext'
import { theme } from '../app/theme'
// The route table installs itself on import: pages link to each other through it.
import '../app/routes'
import { FakeBackend, setBackend, type Handlers } from './fake-backend'

export { FakeBackend, Refusal } from './fake-backend'

export const ANOUK = { id: 2, naam: 'Anouk Peeters', rol: 'consulent' as Rol }

/** A signed-in status; `user` decides who (a consulent unless a test says otherwise). */
export function signedInStatus(user: AppStatus['currentUser'] = ANOUK): AppStatus {
  return {
    setupDone: true,
    demo: false,
    gemeenteNaam: 'Roermond',
    teamNaam: 'Team Vroegsignalering',
    currentUser: user,
    locked: false,
    vergrendelMinuten: 5,
    demoWachtwoord: null,
    version: '0.1.0',
    nu: new Date().toISOString(),
  }
}

export interface Rendered extends RenderResult {
  user: UserEvent
  backend: FakeBackend
  /** How often the app was asked to read its status again (after a sign-in, a settings change). */
  refreshes: () => number
}

/**
 * Renders a screen as the app does (Mantine, the data layer, the app status) against a fake
 * backend that implements the API contract: `backend` is the handlers or a FakeBackend.
 */
export function renderWithApp(
  ui: ReactNode,
  {
    backend = {},
    status = signedInStatus(),
  }: { backend?: Handlers | FakeBackend; status?: AppStatus | null } = {},
): Rendered {
  const fake = backend instanceof FakeBackend ? backend : new FakeBackend(backend)
  // The screens' today comes from the status, as in the app (a test sets `nu` to pin the date).
  if (status) followAppClock(status.nu)
  setBackend(fake)
  let refreshes = 0
  const refresh = async () => {
    refreshes++
  }
  const client = createQueryClient()
  const result = render(
    // env "test": no transitions and no portals, so a dialog is there at once, in the page.
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={client}>
        <Notifications />
        {status ? <AppContext.Provider value={{ status, refresh }}>{ui}</AppContext.Provider> : ui}
      </QueryClientProvider>
    </MantineProvider>,
  )
  return { ...result, user: userEvent.setup(), backend: fake, refreshes: () => refreshes }
}
