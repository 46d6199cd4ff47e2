import { Anchor, Paper, Table, Text, Title } from '@mantine/core'
import type { Breakdown } from '@shared/api/monitor'
import { pctText } from './download'

export type OpenCases = (
  tabel: string,
  groep: string,
  wat: 'opgepakt' | 'bereikt' | 'hulp',
  label: string,
) => void

/** A number that opens the list of cases behind it (plain text when there are none). */
export function CaseCount({ n, label, onOpen }: { n: number; label: string; onOpen: () => void }) {
  if (n === 0) return <>0</>
  return (
    <Anchor component="button" type="button" onClick={onOpen} aria-label={`${label}: toon de ${n} zaken`}>
      {n.toLocaleString('nl-NL')}
    </Anchor>
  )
}

/** One breakdown with exact counts: numerator, denominator, share, and the national figure. */
export function BreakdownTable({ b, open }: { b: Breakdown; open: OpenCases }) {
  const share = b.key === 'dagdeel'
  const extras = Object.entries(b.extraKoppen ?? {})
  return (
    <Paper withBorder p="md" className="monitor-table">
      <Title order={4}>{b.titel}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {b.uitleg}
      </Text>
      <Table aria-label={b.titel} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{share ? 'Dagdeel' : 'Groep'}</Table.Th>
            <Table.Th ta="right">{share ? 'Eerste contact' : 'Bereikt'}</Table.Th>
            <Table.Th ta="right">{share ? 'Bereikte zaken' : 'Opgepakt'}</Table.Th>
            <Table.Th ta="right">{share ? 'Aandeel' : 'Bereik'}</Table.Th>
            <Table.Th ta="right">Landelijk</Table.Th>
            {extras.map(([k, kop]) => (
              <Table.Th key={k} ta="right">
                {kop}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {b.rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">
                <CaseCount
                  n={r.teller}
                  label={`${b.titel}, ${r.label}, ${share ? 'eerste contact' : 'bereikt'}`}
                  onOpen={() => open(b.key, r.key, share ? 'opgepakt' : 'bereikt', r.label)}
                />
              </Table.Td>
              <Table.Td ta="right">
                {share ? (
                  r.noemer.toLocaleString('nl-NL')
                ) : (
                  <CaseCount
                    n={r.noemer}
                    label={`${b.titel}, ${r.label}, opgepakt`}
                    onOpen={() => open(b.key, r.key, 'opgepakt', r.label)}
                  />
                )}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {pctText(r.pct)}
              </Table.Td>
              <Table.Td ta="right" c="dimmed">
                {r.landelijk === null ? '' : `${r.landelijk}%`}
              </Table.Td>
              {extras.map(([k]) => (
                <Table.Td key={k} ta="right">
                  {k === 'hulp' ? (
                    <CaseCount
                      n={r.extra?.[k] ?? 0}
                      label={`${b.titel}, ${r.label}, hulp geaccepteerd`}
                      onOpen={() => open(b.key, r.key, 'hulp', r.label)}
                    />
                  ) : (
                    (r.extra?.[k] ?? 0).toLocaleString('nl-NL')
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
