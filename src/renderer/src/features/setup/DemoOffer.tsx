import { useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useApiMutation } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'

/** A side road on the first step: look around with made-up data before setting up for real. */
export function DemoOffer() {
  const { refresh } = useAppStatus()
  const loadDemo = useApiMutation('setup.loadDemo')
  const busy = loadDemo.isPending
  const [error, setError] = useState<string | null>(null)

  const load = async () => {
    setError(null)
    try {
      await loadDemo.mutateAsync({})
      await refresh()
    } catch (e) {
      setError(describeFailure(e).message)
    }
  }

  return (
    <Paper bg="var(--mantine-color-gray-0)" p="md" radius="md" component="aside" aria-label="Demo-gegevens">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="md">
          <div style={{ flex: '1 1 320px' }}>
            <Text fw={600}>Eerst rondkijken?</Text>
            <Text size="sm" c="dimmed">
              Demo-gegevens zijn verzonnen mensen en zaken, zodat je zonder zorgen kunt oefenen.
            </Text>
          </div>
          <Button variant="default" onClick={() => void load()} loading={busy}>
            Probeer Lange Adem met demo-gegevens
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="De demo-gegevens konden niet worden geladen" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
