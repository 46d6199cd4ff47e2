import { useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { call, onSessionLost, onShellLocked } from '../api/client'
import { apiKey, createQueryClient } from '../api/queries'
import { AppContext } from './AppContext'
import { cssVariablesResolver, theme } from './theme'
import { FirstRun } from '../features/workstation/FirstRun'
import { SignInPage } from '../features/session/SignInPage'
import { LockScreen } from '../features/session/LockScreen'
import { IdleLock } from '../features/session/IdleLock'
import { Workspace } from './Workspace'
import { LiveRefresh } from '../api/changes'
import { followUserChange } from './user-switch'
import { followAppClock } from '../components/localDate'

/** Decides what the user sees: the first-run set-up, the sign-in, the lock screen, or the workplace. */
export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" limit={3} autoClose={5000} />
        <Screens />
      </QueryClientProvider>
    </MantineProvider>
  )
}

function Screens() {
  const queryClient = useQueryClient()
  /** The user whose workspace this window showed last (user-switch.ts). */
  const shownUser = useRef<number | null | undefined>(undefined)
  const statusQuery = useQuery({
    queryKey: apiKey('app.status', {}),
    queryFn: async () => {
      const next = await call('app.status', {})
      followAppClock(next.nu)
      // Before anything is drawn for the new status: a new person never sees (or opens) the
      // previous person's screen.
      followUserChange(shownUser.current, next)
      shownUser.current = next.currentUser?.id ?? null
      return next
    },
  })
  const status = statusQuery.data ?? null
  const error = statusQuery.error ? statusQuery.error.message || String(statusQuery.error) : null
  const { refetch } = statusQuery
  const refresh = useCallback(async () => {
    await refetch()
  }, [refetch])

  // Main said "locked" or "not signed in" (idle too long, a password reset): show that screen.
  useEffect(() => onSessionLost(() => void refresh()), [refresh])
  // The desktop menu's "Vergrendelen" (Ctrl+L) locked the session in main already. When the
  // page's own Ctrl+L handler locked too, main's lock is the same and this only re-reads it.
  useEffect(() => onShellLocked(() => void refresh()), [refresh])

  // Locked, signed out or another person: nothing the previous screens loaded stays in memory.
  const workspaceShown = !!status?.currentUser && !status.locked
  const userId = status?.currentUser?.id
  useEffect(
    () => () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app.status' })
      queryClient.getMutationCache().clear()
    },
    [workspaceShown, userId, queryClient],
  )

  // The workspace names each screen itself (Workspace); these are the screens around it.
  const outsideTitle = !status
    ? 'Lange Adem'
    : !status.setupDone
      ? 'Eerste keer instellen – Lange Adem'
      : !status.currentUser
        ? 'Inloggen – Lange Adem'
        : status.locked
          ? 'Vergrendeld – Lange Adem'
          : null
  useEffect(() => {
    if (outsideTitle) document.title = outsideTitle
  }, [outsideTitle])

  let body
  if (error && !status) {
    body = (
      <Center h="100vh">
        <Stack maw={480}>
          <Alert color="red" title="Lange Adem kan de gegevens niet bereiken">
            {error}
          </Alert>
          <Button onClick={() => void refresh()}>Opnieuw proberen</Button>
        </Stack>
      </Center>
    )
  } else if (!status) {
    body = (
      <Center h="100vh">
        <Stack align="center">
          <Loader />
          <Text c="dimmed">Lange Adem wordt geopend…</Text>
        </Stack>
      </Center>
    )
  } else if (!status.setupDone) {
    body = <FirstRun />
  } else if (!status.currentUser) {
    body = <SignInPage />
  } else if (status.locked) {
    // The workspace is unmounted: nothing of a case file stays in the page.
    body = <LockScreen />
  } else {
    body = (
      <>
        <IdleLock minutes={status.vergrendelMinuten} />
        <LiveRefresh />
        <Workspace />
      </>
    )
  }

  return status ? <AppContext.Provider value={{ status, refresh }}>{body}</AppContext.Provider> : body
}
