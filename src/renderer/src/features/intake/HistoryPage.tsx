import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { ImportView } from '@shared/api/intake'
import { formatDateTime } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { notifyFailed, notifySaved } from '../../components/notify'
import { PageHeading } from '../../components/PageHeading'
import { Dialog } from '../../components/Dialog'

/** Inleesgeschiedenis: every import, and undo while no work was done on its cases. */
export function HistoryPage() {
  // Read again after an undo (api/invalidation.ts).
  const rows = useApiQuery('intake.history', {}).data ?? null
  const [undoing, setUndoing] = useState<ImportView | null>(null)
  const undoCall = useApiMutation('intake.undo')
  const busy = undoCall.isPending

  const undo = async (r: ImportView) => {
    try {
      await undoCall.mutateAsync({ importId: r.id })
      notifySaved(`De inlezing van ${r.bestandsnaam} is ongedaan gemaakt.`)
    } catch (e) {
      notifyFailed('Niet ongedaan gemaakt', e instanceof Error ? e.message : '')
    } finally {
      setUndoing(null)
    }
  }

  return (
    <Stack gap="md" maw={1200}>
      <PageHeading>Inleesgeschiedenis</PageHeading>
      {rows && rows.length === 0 && <Alert color="gray">Er is nog geen bestand ingelezen.</Alert>}
      {rows && rows.length > 0 && (
        <Table striped withTableBorder aria-label="Inleesgeschiedenis">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Bestand</Table.Th>
              <Table.Th>Ingelezen op</Table.Th>
              <Table.Th>Door</Table.Th>
              <Table.Th>Koppeling</Table.Th>
              <Table.Th ta="right">Regels</Table.Th>
              <Table.Th ta="right">Nieuw</Table.Th>
              <Table.Th ta="right">Eerder</Table.Th>
              <Table.Th ta="right">Te controleren</Table.Th>
              <Table.Th ta="right">Doorgezet</Table.Th>
              <Table.Th>Acties</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={routeHref({ name: 'inlezing', id: r.id })}>{r.bestandsnaam}</Anchor>
                  {r.ongedaanOp && (
                    <Badge ml="xs" color="gray">
                      ongedaan {formatDateTime(r.ongedaanOp)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>{r.gebruiker ?? 'opdrachtregel'}</Table.Td>
                <Table.Td
                  title={Object.entries(r.mapping.columns)
                    .map(([f, h]) => `${f} ← ${h}`)
                    .join('\n')}
                >
                  {r.bron || '-'}
                </Table.Td>
                <Table.Td ta="right">{r.rows}</Table.Td>
                <Table.Td ta="right">{r.nieuw}</Table.Td>
                <Table.Td ta="right">{r.eerderIngelezen}</Table.Td>
                <Table.Td ta="right" title={`${r.problemen} bij het inlezen`}>
                  {r.teControleren === r.problemen ? r.problemen : `${r.teControleren} van ${r.problemen}`}
                </Table.Td>
                <Table.Td ta="right">
                  {r.doorgezet} van {r.doorgezet + r.nietDoorgezet}
                  {r.doorgezet + r.nietDoorgezet > 0 &&
                    ` (${Math.round((100 * r.doorgezet) / (r.doorgezet + r.nietDoorgezet))}%)`}
                </Table.Td>
                <Table.Td>
                  {!r.ongedaanOp && (
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!!r.undoBlocked}
                      title={r.undoBlocked ?? undefined}
                      onClick={() => setUndoing(r)}
                    >
                      Ongedaan maken
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Dialog opened={!!undoing} onClose={() => setUndoing(null)} title="Inlezing ongedaan maken?">
        {undoing && (
          <Stack>
            <Text>
              Alle {undoing.nieuw} signalen uit {undoing.bestandsnaam} worden verwijderd, met de zaken die
              daarvoor zijn geopend. Dit kan alleen omdat er nog niet aan gewerkt is.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUndoing(null)}>
                Annuleren
              </Button>
              <Button color="red" loading={busy} onClick={() => void undo(undoing)}>
                Ongedaan maken
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </Stack>
  )
}
