import { useState } from 'react'
import {
  Alert,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useApiQuery } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { SetupPage } from '../setup/SetupPage'
import { TeamConnect } from './TeamConnect'

type Keuze = 'alleen' | 'team'

/**
 * The first run: how will this computer work? "Alleen op deze computer" (the default, today's
 * behaviour) goes on to the set-up; "Met het team" connects to the team server, after which the
 * sign-in (or, on a new server, its set-up) comes from there.
 */
export function FirstRun() {
  const werkplek = useApiQuery('werkplek.status', {})
  const [gekozen, setGekozen] = useState<Keuze | null>(null)

  if (werkplek.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Lange Adem wordt geopend" />
      </Center>
    )
  // Already with the team (a new server that is not set up yet), or the command line decided:
  // the set-up itself, on the server.
  if (werkplek.isError || werkplek.data.modus === 'team' || !werkplek.data.wijzigbaar || gekozen === 'alleen')
    return <SetupPage />
  return <WorkModeChoice chosen={gekozen} onChoose={setGekozen} />
}

function WorkModeChoice({ chosen, onChoose }: { chosen: Keuze | null; onChoose: (k: Keuze | null) => void }) {
  const [keuze, setKeuze] = useState<Keuze>('alleen')
  const { refresh } = useAppStatus()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)

  return (
    <Container size={720} py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>Welkom bij Lange Adem</Title>
          <Text c="dimmed" mt={4}>
            Kies eerst hoe je met Lange Adem werkt. Later kan de beheerder dit wijzigen onder Instellingen.
          </Text>
        </div>
        {chosen !== 'team' ? (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <Radio.Group
                label={
                  <Title order={2} size="h3">
                    Hoe werk je?
                  </Title>
                }
                value={keuze}
                onChange={(v) => setKeuze(v as Keuze)}
              >
                <Stack gap="md" mt="sm">
                  <Radio
                    value="alleen"
                    label="Alleen op deze computer"
                    description="De gegevens staan versleuteld op deze computer. Kies dit als je alleen met Lange Adem werkt."
                  />
                  <Radio
                    value="team"
                    label="Met het team"
                    description="Jullie werken samen in één caseload op de teamserver van de gemeente. Op deze computer blijven geen gegevens van inwoners staan."
                  />
                </Stack>
              </Radio.Group>
              <Group justify="flex-end">
                <Button onClick={() => onChoose(keuze)}>Verder</Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <Title order={2} size="h3">
                Verbinden met de teamserver
              </Title>
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <TeamConnect
                onBack={() => onChoose(null)}
                onConnected={async () => {
                  try {
                    // Nothing read from this computer stays: from now on the server answers.
                    queryClient.removeQueries()
                    await refresh()
                  } catch (e) {
                    setError(describeFailure(e).message)
                  }
                }}
              />
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  )
}
