import { useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { AppStatus } from '@shared/api/setup'
import { call, onSessionLost, onShellLocked } from '../api/client'
import { AppContext } from './AppContext'
import { theme } from './theme'
import { SetupPage } from '../features/setup/SetupPage'
import { SignInPage } from '../features/session/SignInPage'
import { LockScreen } from '../features/session/LockScreen'
import { IdleLock } from '../features/session/IdleLock'
import { Workspace } from './Workspace'
import { followUserChange } from './user-switch'

/** Decides what the user sees: the first-run set-up, the sign-in, the lock screen, or the workplace. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The user whose workspace this window showed last (user-switch.ts). */
  const shownUser = useRef<number | null | undefined>(undefined)

  const refresh = useCallback(async () => {
    try {
      const next = await call('app.status', {})
      followUserChange(shownUser.current, next)
      shownUser.current = next.currentUser?.id ?? null
      setStatus(next)
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Main said "locked" or "not signed in" (idle too long, a password reset): show that screen.
  useEffect(() => onSessionLost(() => void refresh()), [refresh])
  // The desktop menu's "Vergrendelen" (Ctrl+L) locked the session in main already. When the
  // page's own Ctrl+L handler locked too, main's lock is the same and this only re-reads it.
  useEffect(() => onShellLocked(() => void refresh()), [refresh])

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
    body = <SetupPage />
  } else if (!status.currentUser) {
    body = <SignInPage />
  } else if (status.locked) {
    // The workspace is unmounted: nothing of a case file stays in the page.
    body = <LockScreen />
  } else {
    body = (
      <>
        <IdleLock minutes={status.vergrendelMinuten} />
        <Workspace />
      </>
    )
  }

  return (
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" limit={3} autoClose={5000} />
      {status ? <AppContext.Provider value={{ status, refresh }}>{body}</AppContext.Provider> : body}
    </MantineProvider>
  )
}
