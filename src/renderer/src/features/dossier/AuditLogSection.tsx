import { useState } from 'react'
import { Button, Group, Table, Text } from '@mantine/core'
import type { AuditView } from '@shared/api/dossier'
import { formatDateTime } from '@shared/format/dates'
import { DossierSection } from './DossierSection'

/** Who viewed or changed this case and when. Closed by default: it is there for accountability. */
export function AuditLogSection({ entries }: { entries: AuditView[] }) {
  const [open, setOpen] = useState(false)
  return (
    <DossierSection
      title="Logboek"
      aside={
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {entries.length === 1 ? '1 regel' : `${entries.length} regels`}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Verberg logboek' : 'Toon logboek'}
          </Button>
        </Group>
      }
    >
      {/* Not mounted while closed: the section then is its heading only. */}
      {open && (
        <Table.ScrollContainer minWidth={560} id="dossier-logboek">
          <Table fz="sm" verticalSpacing={4} aria-label="Logboek">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Wanneer</Table.Th>
                <Table.Th>Wie</Table.Th>
                <Table.Th>Wat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.op)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.door}</Table.Td>
                  <Table.Td>{e.actie.charAt(0).toUpperCase() + e.actie.slice(1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DossierSection>
  )
}
