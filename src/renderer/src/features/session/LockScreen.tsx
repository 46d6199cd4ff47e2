import { useState } from 'react'
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { call } from '../../api/client'
import { useAppStatus, useCurrentUser } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { DemoPasswordNote, TOGGLE, WhoCard } from './parts'

/**
 * The locked window: the workspace is gone from the page (nothing of a case file is left in it);
 * only the signed-in name shows. Their password opens it again; "Andere gebruiker" signs out.
 */
export function LockScreen() {
  const { status, refresh } = useAppStatus()
  const user = useCurrentUser()
  const [wachtwoord, setWachtwoord] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const unlock = async () => {
    setFailure(null)
    if (!wachtwoord) {
      setFailure('Vul je wachtwoord in.')
      return
    }
    setBusy(true)
    try {
      await call('session.unlock', { wachtwoord })
      await refresh()
    } catch (e) {
      setFailure(describeFailure(e).message)
      setWachtwoord('')
      setBusy(false)
    }
  }

  const otherUser = async () => {
    setBusy(true)
    try {
      await call('session.signOut', {})
    } finally {
      await refresh()
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Stack gap="md" w="100%" maw={460}>
        <Text c="dimmed" ta="center">
          Lange Adem · {status.teamNaam}
        </Text>
        <Paper withBorder p="lg" radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void unlock()
            }}
          >
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  Vergrendeld
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  Alleen wie hier aangemeld is, kan verder met het eigen wachtwoord.
                </Text>
              </div>
              <WhoCard naam={user.naam} rol={user.rol} />
              {failure && (
                <Alert color="red" role="alert">
                  {failure}
                </Alert>
              )}
              <PasswordInput
                visibilityToggleButtonProps={TOGGLE}
                label="Wachtwoord"
                value={wachtwoord}
                onChange={(e) => setWachtwoord(e.currentTarget.value)}
                autoComplete="current-password"
                autoFocus
                required
              />
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => void otherUser()} disabled={busy}>
                  Andere gebruiker
                </Button>
                <Button type="submit" loading={busy}>
                  Ontgrendelen
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {status.demoWachtwoord && <DemoPasswordNote wachtwoord={status.demoWachtwoord} />}
      </Stack>
    </Center>
  )
}
