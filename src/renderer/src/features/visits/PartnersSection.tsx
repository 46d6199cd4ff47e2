import { useState, type FormEvent } from 'react'
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { PartnerContactView } from '@shared/api/visits'
import { call } from '../../api/client'
import { describeFailure } from '../../components/form-errors'

const EMPTY = { organisatie: '', naam: '', functie: '', telefoon: '', email: '' }

/** The address book of chain-partner contacts (housing corporation, ...) who join home visits. */
export function PartnersSection({
  partners,
  onChange,
}: {
  partners: PartnerContactView[]
  onChange(p: PartnerContactView[]): void
}) {
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<string | null>(null)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      onChange(await call('visits.savePartner', form))
      setForm(EMPTY)
    } catch (err) {
      const f = describeFailure(err)
      setError(Object.values(f.fields)[0] ?? f.message)
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
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.organisatie}</Table.Td>
                  <Table.Td>{p.naam}</Table.Td>
                  <Table.Td>{p.functie}</Table.Td>
                  <Table.Td>{p.telefoon}</Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={(e) => void save(e)} noValidate>
          <Group align="flex-end" wrap="wrap">
            {field('organisatie', 'Organisatie', 180)}
            {field('naam', 'Naam contactpersoon', 180)}
            {field('functie', 'Functie', 150)}
            {field('telefoon', 'Telefoon', 140)}
            {field('email', 'E-mail', 200)}
            <Button type="submit" variant="default">
              Contactpersoon toevoegen
            </Button>
          </Group>
        </form>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  )
}
