import { Table, Text } from '@mantine/core'
import type { ContactpogingView } from '@shared/api/dossier'
import { formatDate } from '@shared/format/dates'
import { KANAAL_LABELS } from '@shared/api/ladder'
import { DossierSection } from './DossierSection'

/** The contact attempts of this case, newest first. */
export function ContactAttemptsSection({ attempts }: { attempts: ContactpogingView[] }) {
  return (
    <DossierSection title="Contactpogingen">
      {attempts.length === 0 ? (
        <Text c="dimmed" size="sm">
          Er zijn nog geen contactpogingen vastgelegd.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" verticalSpacing={6} aria-label="Contactpogingen">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Datum</Table.Th>
                <Table.Th>Dagdeel</Table.Th>
                <Table.Th>Soort</Table.Th>
                <Table.Th>Bereikt</Table.Th>
                <Table.Th>Resultaat</Table.Th>
                <Table.Th>Notitie</Table.Th>
                <Table.Th>Door</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.datum)}</Table.Td>
                  <Table.Td>{a.dagdeel}</Table.Td>
                  <Table.Td title={`DDAS: ${a.soort}`}>{KANAAL_LABELS[a.kanaal]}</Table.Td>
                  <Table.Td>{a.bereikt ? 'Ja' : 'Nee'}</Table.Td>
                  <Table.Td>{a.resultaat}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.notitie}</Table.Td>
                  <Table.Td>{a.door}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DossierSection>
  )
}
