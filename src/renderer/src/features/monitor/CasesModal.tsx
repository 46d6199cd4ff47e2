import { Alert, Anchor, Badge, Loader, Table, Text } from '@mantine/core'
import { formatDate } from '@shared/format/dates'
import { useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { Dialog } from '../../components/Dialog'

export interface CasesQuery {
  van: string
  tot: string
  tabel: string
  groep: string
  wat: 'opgepakt' | 'bereikt' | 'hulp'
}

const NO_QUERY: CasesQuery = { van: '', tot: '', tabel: '', groep: '', wat: 'opgepakt' }

/** The cases behind a number on the dashboard, each linking to its case file. */
export function CasesModal({ query, onClose }: { query: CasesQuery | null; onClose: () => void }) {
  const cases = useApiQuery('monitor.cases', query ?? NO_QUERY, { enabled: query !== null })
  const result = query ? (cases.data ?? null) : null
  const error = query && cases.error ? cases.error.message || 'De zaken konden niet worden geladen.' : null

  return (
    <Dialog opened={query !== null} onClose={onClose} size="xl" title={result?.titel ?? 'Zaken'}>
      {error && <Alert color="red">{error}</Alert>}
      {!result && !error && <Loader size="sm" />}
      {result && (
        <>
          <Text size="sm" mb="xs">
            {result.total === 1 ? '1 zaak' : `${result.total} zaken`}
            {result.total > result.rows.length ? `, de nieuwste ${result.rows.length} staan hieronder` : ''}.
          </Text>
          <Table striped highlightOnHover aria-label="Zaken achter dit cijfer">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Zaak</Table.Th>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Wijk</Table.Th>
                <Table.Th>Consulent</Table.Th>
                <Table.Th>Opgepakt</Table.Th>
                <Table.Th>Pogingen</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Eindresultaat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.caseNumber ? (
                      <Anchor href={routeHref({ name: 'zaak', id: r.id })}>{r.caseNumber}</Anchor>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  <Table.Td>{r.naam}</Table.Td>
                  <Table.Td>{r.wijkNaam ?? '–'}</Table.Td>
                  <Table.Td>{r.consulentNaam ?? '–'}</Table.Td>
                  <Table.Td>{formatDate(r.datumOpgepakt)}</Table.Td>
                  <Table.Td>{r.pogingen}</Table.Td>
                  <Table.Td>
                    {r.bereikt ? (
                      <Badge color="teal" variant="light">
                        Bereikt
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Nog niet
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.resultaat ?? 'Loopt nog'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Dialog>
  )
}
