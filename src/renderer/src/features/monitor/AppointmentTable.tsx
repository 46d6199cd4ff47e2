import { Paper, Table, Text, Title } from '@mantine/core'
import type { AppointmentPlaceRow } from '@shared/api/monitor'
import { pctText } from './download'

/**
 * Appointments kept and missed by kind of place: does meeting in the wijk help people show up?
 * "Opkomst" is geweest of (geweest + niet gekomen); planned and moved ones are shown beside it.
 */
export function AppointmentTable({ rows }: { rows: AppointmentPlaceRow[] }) {
  const total = rows.reduce(
    (t, r) => ({
      gepland: t.gepland + r.gepland,
      geweest: t.geweest + r.geweest,
      nietGekomen: t.nietGekomen + r.nietGekomen,
      verzet: t.verzet + r.verzet,
    }),
    { gepland: 0, geweest: 0, nietGekomen: 0, verzet: 0 },
  )
  const totalPct =
    total.geweest + total.nietGekomen === 0
      ? null
      : Math.round((1000 * total.geweest) / (total.geweest + total.nietGekomen)) / 10
  const n = (v: number) => v.toLocaleString('nl-NL')
  return (
    <Paper withBorder p="md" className="monitor-table">
      <Title order={4}>Afspraken per soort plek</Title>
      <Text size="sm" c="dimmed" mb="xs">
        Komen bewoners vaker als we in de wijk afspreken? Opkomst: van de afspraken die voorbij zijn, het deel
        waar de bewoner kwam. Een afspraak telt op haar eigen dag.
      </Text>
      <Table aria-label="Afspraken per soort plek" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Soort plek</Table.Th>
            <Table.Th ta="right">Geweest</Table.Th>
            <Table.Th ta="right">Niet gekomen</Table.Th>
            <Table.Th ta="right">Opkomst</Table.Th>
            <Table.Th ta="right">Verzet</Table.Th>
            <Table.Th ta="right">Nog gepland</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.soort}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{n(r.geweest)}</Table.Td>
              <Table.Td ta="right">{n(r.nietGekomen)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {pctText(r.opkomst.pct)}
              </Table.Td>
              <Table.Td ta="right">{n(r.verzet)}</Table.Td>
              <Table.Td ta="right">{n(r.gepland)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Td>Totaal</Table.Td>
            <Table.Td ta="right">{n(total.geweest)}</Table.Td>
            <Table.Td ta="right">{n(total.nietGekomen)}</Table.Td>
            <Table.Td ta="right">{pctText(totalPct)}</Table.Td>
            <Table.Td ta="right">{n(total.verzet)}</Table.Td>
            <Table.Td ta="right">{n(total.gepland)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  )
}
