import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { AppStatus } from '@shared/api/setup'
import { call } from '../api/client'
import { AppContext } from './AppContext'
import { theme } from './theme'
import { SetupPage } from '../features/setup/SetupPage'
import { PickUserPage } from '../features/session/PickUserPage'
import { Workspace } from './Workspace'

/** Decides what the user sees: the first-run set-up, the "who are you" picker, or the workplace. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('app.status', {}))
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

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
    body = <PickUserPage />
  } else {
    body = <Workspace />
  }

  return (
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" limit={3} autoClose={5000} />
      {status ? <AppContext.Provider value={{ status, refresh }}>{body}</AppContext.Provider> : body}
    </MantineProvider>
  )
}
