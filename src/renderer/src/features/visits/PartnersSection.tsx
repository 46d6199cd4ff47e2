import { useState, type FormEvent } from 'react'
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import type { PartnerContactView } from '@shared/api/visits'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'

const EMPTY = { organisatie: '', naam: '', functie: '', telefoon: '', email: '' }

/**
 * The address book of chain-partner contacts (housing corporation, ...) who join home visits.
 * A contact is changed in the same form; one who left is deactivated (kept for earlier visits).
 */
export function PartnersSection({ partners }: { partners: PartnerContactView[] }) {
  // The list is read again after each change (api/invalidation.ts).
  const savePartner = useApiMutation('visits.savePartner')
  const [form, setForm] = useState(EMPTY)
  const [editing, setEditing] = useState<PartnerContactView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const fail = (err: unknown) => {
    const f = describeFailure(err)
    setError(Object.values(f.fields)[0] ?? f.message)
  }
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await savePartner.mutateAsync(editing ? { ...form, id: editing.id, actief: editing.actief } : form)
      setForm(EMPTY)
      setEditing(null)
    } catch (err) {
      fail(err)
    }
  }
  const edit = (p: PartnerContactView) => {
    setError(null)
    setEditing(p)
    setForm({
      organisatie: p.organisatie,
      naam: p.naam,
      functie: p.functie,
      telefoon: p.telefoon,
      email: p.email,
    })
  }
  const cancel = () => {
    setEditing(null)
    setForm(EMPTY)
    setError(null)
  }
  const toggle = async (p: PartnerContactView) => {
    setError(null)
    try {
      const { id, organisatie, naam, functie, telefoon, email } = p
      await savePartner.mutateAsync({ id, organisatie, naam, functie, telefoon, email, actief: !p.actief })
    } catch (err) {
      fail(err)
    }
  }
  const field = (key: keyof typeof EMPTY, label: string, w: number) => (
    <TextInput
      label={label}
      w={w}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
    />
  )

  return (
    <Paper withBorder p="md" component="section" aria-label="Adresboek ketenpartners">
      <Title order={3} mb="xs">
        Adresboek ketenpartners
      </Title>
      <Stack gap="sm">
        {partners.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nog geen contactpersonen. Voeg bijvoorbeeld de woonconsulent van de woningcorporatie toe.
          </Text>
        ) : (
          <Table fz="sm" aria-label="Ketenpartners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organisatie</Table.Th>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Functie</Table.Th>
                <Table.Th>Telefoon</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Acties</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.id} c={p.actief ? undefined : 'dimmed'}>
                  <Table.Td>{p.organisatie}</Table.Td>
                  <Table.Td>{p.naam}</Table.Td>
                  <Table.Td>{p.functie}</Table.Td>
                  <Table.Td>{p.telefoon}</Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>
                    {p.actief ? (
                      <Badge variant="light" color="green">
                        Actief
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        Niet actief
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`${p.naam} wijzigen`}
                        onClick={() => edit(p)}
                      >
                        Wijzigen
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color={p.actief ? 'red' : undefined}
                        aria-label={`${p.naam} ${p.actief ? 'deactiveren' : 'weer actief maken'}`}
                        onClick={() => void toggle(p)}
                      >
                        {p.actief ? 'Deactiveren' : 'Weer actief maken'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editing && (
          <Text size="sm" fw={500}>
            {editing.naam} wijzigen
          </Text>
        )}
        <form
          onSubmit={(e) => void save(e)}
          noValidate
          aria-label={editing ? 'Contactpersoon wijzigen' : 'Contactpersoon toevoegen'}
        >
          <Group align="flex-end" wrap="wrap">
            {field('organisatie', 'Organisatie', 180)}
            {field('naam', 'Naam contactpersoon', 180)}
            {field('functie', 'Functie', 150)}
            {field('telefoon', 'Telefoon', 140)}
            {field('email', 'E-mail', 200)}
            <Button type="submit" variant="default">
              {editing ? 'Wijzigingen opslaan' : 'Contactpersoon toevoegen'}
            </Button>
            {editing && (
              <Button variant="subtle" onClick={cancel}>
                Annuleren
              </Button>
            )}
          </Group>
        </form>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  )
}
