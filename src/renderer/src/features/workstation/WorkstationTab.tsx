import { useState } from 'react'
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useAppStatus, useCurrentUser } from '../../app/AppContext'
import { Dialog } from '../../components/Dialog'
import { describeFailure } from '../../components/form-errors'
import { Fingerprint, TeamConnect } from './TeamConnect'

/**
 * Instellingen > Werkplek: how this computer works (alone or with the team server), the server,
 * its pinned fingerprint and this workstation's name. The beheerder may connect to (another)
 * team server or go back to working alone; main checks that again.
 */
export function WorkstationTab() {
  const werkplek = useApiQuery('werkplek.status', {})
  const user = useCurrentUser()
  const { refresh } = useAppStatus()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<'team' | 'alleen' | null>(null)

  /** After a switch nobody is signed in on the other side: start over from its sign-in. */
  const switched = async () => {
    setDialog(null)
    queryClient.removeQueries()
    await refresh()
  }

  if (werkplek.isPending) return <Loader aria-label="Werkplek wordt geladen" />
  if (werkplek.isError)
    return (
      <Alert color="red" role="alert">
        {describeFailure(werkplek.error).message}
      </Alert>
    )
  const w = werkplek.data
  const team = w.modus === 'team'
  const beheerder = user.rol === 'beheerder'

  return (
    <Stack gap="md" maw={760}>
      <Table variant="vertical" withTableBorder layout="fixed" aria-label="Deze werkplek">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={230}>Zo werkt deze computer</Table.Th>
            <Table.Td>{team ? 'Met het team (teamserver)' : 'Alleen op deze computer'}</Table.Td>
          </Table.Tr>
          {team && (
            <>
              <Table.Tr>
                <Table.Th>Teamserver</Table.Th>
                <Table.Td>{w.server}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Vingerafdruk</Table.Th>
                <Table.Td>
                  <Fingerprint value={w.vingerafdruk ?? ''} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Werkplek</Table.Th>
                <Table.Td>{w.werkplek}</Table.Td>
              </Table.Tr>
            </>
          )}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {team
          ? 'De gegevens staan op de teamserver. Op deze computer staan geen gegevens van inwoners.'
          : 'De gegevens staan versleuteld op deze computer.'}
      </Text>
      {!w.wijzigbaar ? (
        <Text size="sm">
          Deze werkplek is gestart met een teamserver op de opdrachtregel. Dat kun je hier niet wijzigen.
        </Text>
      ) : !beheerder ? (
        <Text size="sm">Alleen de beheerder kan dit wijzigen.</Text>
      ) : (
        <Group>
          <Button variant="default" onClick={() => setDialog('team')}>
            {team ? 'Andere teamserver kiezen' : 'Met het team gaan werken'}
          </Button>
          {team && (
            <Button variant="default" color="red" onClick={() => setDialog('alleen')}>
              Terug naar alleen op deze computer
            </Button>
          )}
        </Group>
      )}
      <Dialog
        opened={dialog === 'team'}
        onClose={() => setDialog(null)}
        title={team ? 'Andere teamserver kiezen' : 'Met het team gaan werken'}
        size="lg"
      >
        <Stack gap="md">
          <Alert color="yellow" title="Let op">
            {team
              ? 'Deze computer gaat met een andere teamserver werken. Wat op de huidige teamserver staat, gaat niet mee. Daarna meld je je opnieuw aan.'
              : 'De gegevens op deze computer gaan niet mee naar de teamserver. Ze blijven hier staan, maar Lange Adem gebruikt ze niet meer. Wil je ze wel overzetten? Vraag IT dan eerst om de opdracht move-to-server. Daarna meld je je opnieuw aan.'}
          </Alert>
          <TeamConnect onConnected={switched} onBack={() => setDialog(null)} backLabel="Annuleren" />
        </Stack>
      </Dialog>
      {dialog === 'alleen' && <BackToSolo onDone={switched} onCancel={() => setDialog(null)} />}
    </Stack>
  )
}

function BackToSolo({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const leave = useApiMutation('werkplek.alleen')
  const [error, setError] = useState<string | null>(null)
  const go = async () => {
    setError(null)
    try {
      await leave.mutateAsync({})
      await onDone()
    } catch (e) {
      setError(describeFailure(e).message)
    }
  }
  return (
    <Dialog opened onClose={onCancel} title="Terug naar alleen op deze computer" size="lg">
      <Stack gap="md">
        <Alert color="yellow" title="Let op">
          Lange Adem werkt dan weer met de gegevens die op deze computer staan. Wat het team op de teamserver
          doet, zie je hier dan niet meer. De gegevens op de teamserver blijven daar staan en komen niet naar
          deze computer. Daarna meld je je opnieuw aan.
        </Alert>
        {error && (
          <Alert color="red" role="alert" title="Dat lukte niet">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {error}
            </Text>
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={onCancel} disabled={leave.isPending}>
            Annuleren
          </Button>
          <Button color="red" onClick={() => void go()} loading={leave.isPending}>
            Ja, alleen op deze computer werken
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
