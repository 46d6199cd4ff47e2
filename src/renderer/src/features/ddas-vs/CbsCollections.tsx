import { Alert, Badge, Group, Loader, Paper, Table, Text, Title } from '@mantine/core'
import { formatDate, formatDateTime } from '@shared/format/dates'
import { useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'

const n = (v: number) => v.toLocaleString('nl-NL')

/**
 * Monitor > DDAS en terugkoppeling: what CBS collected through the connection, newest first, so
 * the kwaliteitsmedewerker sees that the figures went out (and which period) without a file.
 */
export function CbsCollections() {
  const collections = useApiQuery('ddasVs.collections', {})
  const overview = collections.data ?? null
  const error = collections.error ? describeFailure(collections.error).message : null
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Opgehaald door CBS</Title>
        {overview && (
          <Badge color={overview.aan ? 'teal' : 'gray'} variant="light">
            {overview.aan ? 'Koppeling staat aan' : 'Koppeling staat uit'}
          </Badge>
        )}
      </Group>
      <Text size="sm" mb="sm">
        Via de koppeling haalt het CBS de DDAS-gegevens (versie 1.2) zelf op, in pagina&apos;s van hoogstens
        50.000 signalen. Elke keer staat hieronder en in het logboek: wie, welke periode en hoeveel.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {!overview && !error && <Loader size="sm" aria-label="Laden" />}
      {overview && overview.collections.length === 0 && (
        <Text size="sm" c="dimmed">
          {overview.aan
            ? 'Het CBS heeft nog niets opgehaald.'
            : 'Het CBS heeft nog niets opgehaald. De beheerder zet de koppeling aan bij Instellingen > Koppeling CBS.'}
        </Text>
      )}
      {overview && overview.collections.length > 0 && (
        <Table aria-label="Opgehaald door CBS" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Wanneer</Table.Th>
              <Table.Th>Door</Table.Th>
              <Table.Th>Periode</Table.Th>
              <Table.Th>Pagina</Table.Th>
              <Table.Th ta="right">Signalen</Table.Th>
              <Table.Th ta="right">Zaken</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.collections.map((c) => (
              <Table.Tr key={`${c.op}-${c.pagina}-${c.van}`}>
                <Table.Td>{formatDateTime(c.op)}</Table.Td>
                <Table.Td>{c.clientId}</Table.Td>
                <Table.Td>
                  {formatDate(c.van)} t/m {formatDate(c.tot)}
                </Table.Td>
                <Table.Td>
                  {c.pagina} van {c.paginas}
                </Table.Td>
                <Table.Td ta="right">
                  {n(c.signalen)} van {n(c.totaalSignalen)}
                </Table.Td>
                <Table.Td ta="right">{n(c.zaken)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
