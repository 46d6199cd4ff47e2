import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { INTAKE_FIELD_LABELS, type ImportSummary } from '@shared/api/intake'

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={26}>
        {value.toLocaleString('nl-NL')}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  )
}

/** The counts of a preview or an import, and every problem row with its line, field and reason. */
export function SummaryView({ summary, done }: { summary: ImportSummary; done: boolean }) {
  const ratio = summary.nieuw ? Math.round((100 * summary.doorgezet) / summary.nieuw) : 0
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Figure label="Regels in het bestand" value={summary.rows} />
        <Figure label={done ? 'Nieuw ingelezen' : 'Nieuw'} value={summary.nieuw} />
        <Figure
          label="Eerder ingelezen"
          value={summary.eerderIngelezen}
          hint="Zelfde signaal-ID: niet opnieuw"
        />
        <Figure label="Te controleren" value={summary.problemen} />
        <Figure
          label="Doorzetten (voorstel)"
          value={summary.doorgezet}
          hint={`${ratio}% van de nieuwe signalen`}
        />
        <Figure label="Niet doorzetten (voorstel)" value={summary.nietDoorgezet} />
        <Figure label="Nieuwe zaken" value={summary.nieuweZaken} />
        <Figure
          label="Meervoudig / opeenvolgend"
          value={summary.meervoudig + summary.opeenvolgend}
          hint={`${summary.meervoudig.toLocaleString('nl-NL')} meervoudig (meer signalen op één adres in dezelfde maand), ${summary.opeenvolgend.toLocaleString('nl-NL')} opeenvolgend (al een signaal op het adres in de 6 maanden ervoor)`}
        />
        <Figure
          label="Eerder bekend"
          value={summary.herkend}
          hint="Personen met een signaal van vóór dit bestand: dezelfde bewoner, of dezelfde naam en geboortedatum op een ander adres"
        />
      </SimpleGrid>
      {summary.problems.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Regels met een probleem</Title>
          <Text size="sm" c="dimmed">
            {done
              ? 'Deze regels staan in de lijst Te controleren. Daar kun je ze verbeteren en alsnog inlezen, of afwijzen.'
              : 'Deze regels komen na het inlezen in de lijst Te controleren. Er gaat niets verloren.'}
          </Text>
          <Table striped withTableBorder aria-label="Regels met een probleem">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Regel</Table.Th>
                <Table.Th>Veld</Table.Th>
                <Table.Th>Wat is er mis</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.field ? INTAKE_FIELD_LABELS[p.field] : ''}</Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {summary.problems.length === 0 && (
        <Alert color="teal" title="Geen problemen">
          Alle regels zijn goed gelezen.
        </Alert>
      )}
      <Group />
    </Stack>
  )
}
