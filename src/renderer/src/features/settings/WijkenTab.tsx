import { useState } from 'react'
import { Alert, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import type { WijkView } from '@shared/api/settings'
import { formatPostcodeRange } from '@shared/format/address'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'
import { WijkModal } from './WijkModal'
import { Dialog } from '../../components/Dialog'

interface Props {
  wijken: WijkView[]
}

/** The wijken the team divides its work by: a new signal lands in the wijk of its postcode. */
export function WijkenTab({ wijken }: Props) {
  // undefined: no modal; null: a new wijk; otherwise the wijk being changed.
  const [editing, setEditing] = useState<WijkView | null | undefined>(undefined)
  const [deleting, setDeleting] = useState<WijkView | null>(null)
  const deleteWijk = useApiMutation('settings.deleteWijk')
  const busy = deleteWijk.isPending

  const remove = async (wijk: WijkView) => {
    try {
      await deleteWijk.mutateAsync({ id: wijk.id })
      notifySaved(`De wijk ${wijk.naam} is verwijderd.`)
    } catch (e) {
      notifyFailed('Wijk niet verwijderd', describeFailure(e).message)
    } finally {
      setDeleting(null)
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" maw={640}>
          Een nieuw signaal komt in de wijk van zijn postcode terecht. Hoort een postcode bij twee wijken, dan
          telt het kleinste gebied.
        </Text>
        <Button onClick={() => setEditing(null)}>Wijk toevoegen</Button>
      </Group>
      {wijken.length === 0 ? (
        <Alert color="yellow">
          Er zijn nog geen wijken. Voeg een wijk toe, anders komen nieuwe zaken bij niemand terecht.
        </Alert>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Wijk</Table.Th>
              <Table.Th>Postcodes</Table.Th>
              <Table.Th ta="right">Open zaken</Table.Th>
              <Table.Th>
                <VisuallyHidden>Acties</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wijken.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td fw={500}>{w.naam}</Table.Td>
                <Table.Td>{w.postcodes.map(formatPostcodeRange).join(', ')}</Table.Td>
                <Table.Td ta="right">{w.openZaken}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button variant="default" size="xs" onClick={() => setEditing(w)}>
                      Wijzigen
                    </Button>
                    <Button variant="subtle" color="red" size="xs" onClick={() => setDeleting(w)}>
                      Verwijderen
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {editing !== undefined && (
        <WijkModal key={editing?.id ?? 'nieuw'} wijk={editing} onClose={() => setEditing(undefined)} />
      )}

      <Dialog opened={deleting !== null} onClose={() => !busy && setDeleting(null)} title="Wijk verwijderen">
        {deleting && (
          <Stack gap="md">
            <Text>Weet je zeker dat je de wijk {deleting.naam} wilt verwijderen?</Text>
            {deleting.openZaken > 0 && (
              <Alert color="yellow">
                Deze wijk heeft nog {deleting.openZaken} open {deleting.openZaken === 1 ? 'zaak' : 'zaken'}.
                Een wijk met zaken kan niet worden verwijderd.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} disabled={busy}>
                Annuleren
              </Button>
              <Button color="red" onClick={() => void remove(deleting)} loading={busy}>
                Verwijderen
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </Stack>
  )
}
