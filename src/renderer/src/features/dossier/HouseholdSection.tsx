import { Table, Text } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { ageOn, formatDate } from '@shared/format/dates'
import { todayIso } from '../../components/localDate'
import { DossierSection } from './DossierSection'

const dash = (
  <Text span c="dimmed" size="sm">
    onbekend
  </Text>
)

/** Stored as digits only; a mobile number reads better as "06 1122 3344". */
function formatPhone(n: string): string {
  if (/^06\d{8}$/.test(n)) return `06 ${n.slice(2, 6)} ${n.slice(6)}`
  return n
}

/** The address and who lives there. A BSN is never shown: only whether one is known. */
export function HouseholdSection({ dossier: d }: { dossier: DossierView }) {
  const today = todayIso()
  return (
    <DossierSection title="Huishouden">
      <Text mb="sm">
        {d.adres.straat} {d.adres.huisnummer}, {d.adres.postcode} {d.adres.plaats}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" verticalSpacing={6} aria-label="Bewoners">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Geboortedatum</Table.Th>
              <Table.Th>Telefoon</Table.Th>
              <Table.Th>E-mailadres</Table.Th>
              <Table.Th>BSN bekend</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.bewoners.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>{b.naam}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {b.geboortedatum ? (
                    <>
                      {formatDate(b.geboortedatum)}{' '}
                      <Text span c="dimmed" size="sm">
                        ({ageOn(b.geboortedatum, today)} jaar)
                      </Text>
                    </>
                  ) : (
                    dash
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {b.telefoon ? formatPhone(b.telefoon) : dash}
                </Table.Td>
                <Table.Td>{b.email || dash}</Table.Td>
                <Table.Td>{b.heeftBsn ? 'Ja' : 'Nee'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </DossierSection>
  )
}
