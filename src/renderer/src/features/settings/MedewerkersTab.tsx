import { useState } from 'react'
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import type { MedewerkerView, WijkView } from '@shared/api/settings'
import { ROL_LABELS } from '@shared/domain/case'
import { useAppStatus, useCurrentUser } from '../../app/AppContext'
import { MedewerkerModal } from './MedewerkerModal'
import { StartPasswordModal } from '../session/StartPasswordModal'

interface Props {
  medewerkers: MedewerkerView[]
  wijken: WijkView[]
}

/** The team: who can pick themselves at the start, and which consulent gets which wijk. */
export function MedewerkersTab({ medewerkers, wijken }: Props) {
  const { refresh } = useAppStatus()
  const me = useCurrentUser()
  // undefined: no modal; null: a new team member; otherwise the one being changed.
  const [editing, setEditing] = useState<MedewerkerView | null | undefined>(undefined)
  const [passwordFor, setPasswordFor] = useState<MedewerkerView | null>(null)
  // Who is in the team, their role and their password: the beheerder's (main checks it too).
  const beheerder = me.rol === 'beheerder'
  const wijkNaam = new Map(wijken.map((w) => [w.id, w.naam]))
  const sorted = [...medewerkers].sort(
    (a, b) => Number(b.actief) - Number(a.actief) || a.naam.localeCompare(b.naam, 'nl'),
  )

  const saved = () => {
    // The header shows the signed-in name and role, which may just have changed.
    if (editing && editing.id === me.id) void refresh()
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" maw={640}>
          Iedereen die actief is en een wachtwoord heeft, kan zich aanmelden. Een nieuwe collega krijgt van de
          beheerder een startwachtwoord en kiest bij de eerste keer een eigen wachtwoord.
        </Text>
        {beheerder && <Button onClick={() => setEditing(null)}>Medewerker toevoegen</Button>}
      </Group>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Naam</Table.Th>
            <Table.Th>Rol</Table.Th>
            <Table.Th>Telefoon</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th>Wijken</Table.Th>
            <Table.Th>Actief</Table.Th>
            <Table.Th>
              <VisuallyHidden>Acties</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((m) => (
            <Table.Tr key={m.id} c={m.actief ? undefined : 'dimmed'}>
              <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                {m.naam}
              </Table.Td>
              <Table.Td>{ROL_LABELS[m.rol]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.telefoon || '–'}</Table.Td>
              <Table.Td>{m.email || '–'}</Table.Td>
              <Table.Td>{m.wijkIds.map((id) => wijkNaam.get(id) ?? '?').join(', ') || '–'}</Table.Td>
              <Table.Td>{m.actief ? 'Ja' : 'Nee'}</Table.Td>
              <Table.Td>
                <Group justify="flex-end" wrap="nowrap">
                  {beheerder && m.actief && m.id !== me.id && (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setPasswordFor(m)}
                      aria-label={`Wachtwoord instellen voor ${m.naam}`}
                    >
                      Wachtwoord instellen
                    </Button>
                  )}
                  <Button variant="default" size="xs" onClick={() => setEditing(m)}>
                    Wijzigen
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== undefined && (
        <MedewerkerModal
          key={editing?.id ?? 'nieuw'}
          medewerker={editing}
          wijken={wijken}
          onClose={() => setEditing(undefined)}
          onSaved={saved}
          beheerder={beheerder}
        />
      )}
      {passwordFor && <StartPasswordModal medewerker={passwordFor} onClose={() => setPasswordFor(null)} />}
    </Stack>
  )
}
