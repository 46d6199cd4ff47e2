import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core'
import { formatDateLong } from '@shared/format/dates'
import { useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { PageHeading } from '../../components/PageHeading'

/** The day list of visits in route order, to print and take along. */
export function VisitDayListPage({ datum, wijkId }: { datum: string; wijkId: number | null }) {
  const query = useApiQuery('visits.day', { datum, wijkId })
  const day = query.data ?? null
  const error = query.error ? describeFailure(query.error).message : null
  const planned = day?.bezoeken.filter((b) => b.status !== 'afgemeld') ?? []
  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" className="no-print">
        <Anchor href={routeHref({ name: 'huisbezoeken' })}>← Terug naar huisbezoeken</Anchor>
        <Button onClick={() => window.print()}>Afdrukken</Button>
      </Group>
      <style>
        {
          '@media print { .no-print, header, nav { display: none !important; } main { padding: 0 !important; } }'
        }
      </style>
      <PageHeading>Huisbezoeken {formatDateLong(datum)}</PageHeading>
      {planned[0]?.wijkNaam && <Text>Wijk {planned[0].wijkNaam}</Text>}
      {error && <Alert color="red">{error}</Alert>}
      <Table withTableBorder withColumnBorders fz="sm" aria-label="Daglijst huisbezoeken">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tijd</Table.Th>
            <Table.Th>Naam</Table.Th>
            <Table.Th>Adres</Table.Th>
            <Table.Th>Zaak</Table.Th>
            <Table.Th>Duo</Table.Th>
            <Table.Th w={220}>Uitkomst (gesproken / niet thuis / deur dicht / verhuisd)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {planned.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.tijd}</Table.Td>
              <Table.Td>{b.naam}</Table.Td>
              <Table.Td>
                {b.adres}, {b.postcode}
              </Table.Td>
              <Table.Td>{b.caseNumber}</Table.Td>
              <Table.Td>{b.duo}</Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        Niet thuis of deur dicht: laat het kaartje in de rode envelop achter en schrijf je naam en
        telefoonnummer erop.
      </Text>
    </Stack>
  )
}
