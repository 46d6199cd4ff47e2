import { useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core'
import {
  UITKOMST_LABELS,
  UITKOMSTEN,
  type Uitkomst,
  type VisitDayView,
  type VisitView,
} from '@shared/api/visits'
import { formatDate } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { notifySaved } from '../../components/notify'
import { Dialog } from '../../components/Dialog'

type Dialog = { kind: 'afzeggen' | 'uitkomst'; visit: VisitView } | null

function StatusBadge({ v }: { v: VisitView }) {
  if (v.status === 'afgemeld')
    return (
      <Badge color="gray" variant="light" tt="none">
        Afgezegd{v.afmelding?.telaat ? ' (te laat)' : ''}
      </Badge>
    )
  if (v.status === 'afgelegd')
    return (
      <Badge color="teal" variant="light" tt="none">
        {v.uitkomst ? UITKOMST_LABELS[v.uitkomst] : 'Afgelegd'}
      </Badge>
    )
  return (
    <Badge variant="light" tt="none">
      Gepland
    </Badge>
  )
}

/** A day's visits in route order, with opt-out and outcome. */
export function VisitTable({ day }: { day: VisitDayView }) {
  // The day is read again after each change (api/invalidation.ts).
  const optOut = useApiMutation('visits.optOut')
  const outcome = useApiMutation('visits.outcome')
  const [dialog, setDialog] = useState<Dialog>(null)
  const [via, setVia] = useState<'telefoon' | 'mail'>('telefoon')
  const [reden, setReden] = useState('')
  const [uitkomst, setUitkomst] = useState<Uitkomst>('gesproken')
  const [kaartje, setKaartje] = useState(true)
  const [notitie, setNotitie] = useState('')
  const [error, setError] = useState<string | null>(null)
  const guard = useDiscardGuard(
    dialog !== null && (dialog.kind === 'afzeggen' ? reden : notitie).trim() !== '',
    () => setDialog(null),
  )

  if (day.bezoeken.length === 0) return <Text c="dimmed">Er zijn op deze dag geen huisbezoeken gepland.</Text>

  const open = (kind: 'afzeggen' | 'uitkomst', visit: VisitView) => {
    setDialog({ kind, visit })
    setReden('')
    setNotitie('')
    setError(null)
  }

  const save = async () => {
    if (!dialog) return
    try {
      if (dialog.kind === 'afzeggen') await optOut.mutateAsync({ visitId: dialog.visit.id, via, reden })
      else await outcome.mutateAsync({ visitId: dialog.visit.id, uitkomst, notitie, kaartje })
      setDialog(null)
      notifySaved(dialog.kind === 'afzeggen' ? 'Het huisbezoek is afgezegd.' : 'De uitkomst is vastgelegd.')
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }

  return (
    <>
      <Table fz="sm" aria-label="Huisbezoeken">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tijd</Table.Th>
            <Table.Th>Naam</Table.Th>
            <Table.Th>Adres</Table.Th>
            <Table.Th>Duo</Table.Th>
            <Table.Th>Afzeggen tot en met</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Actie</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {day.bezoeken.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {v.tijd}
                {v.tot ? `–${v.tot}` : ''}
              </Table.Td>
              <Table.Td>
                <Anchor href={routeHref({ name: 'zaak', id: v.caseId })}>{v.naam}</Anchor>
              </Table.Td>
              <Table.Td>
                {v.adres}, {v.postcode}
              </Table.Td>
              <Table.Td>{v.duo}</Table.Td>
              <Table.Td>{formatDate(v.afmeldenVoor)}</Table.Td>
              <Table.Td>
                <StatusBadge v={v} />
              </Table.Td>
              <Table.Td>
                {v.status === 'gepland' && (
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => open('afzeggen', v)}
                      aria-label={`Afzegging ${v.naam}`}
                    >
                      Afzegging
                    </Button>
                    {v.uitkomstMogelijk ? (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => open('uitkomst', v)}
                        aria-label={`Uitkomst ${v.naam}`}
                      >
                        Uitkomst
                      </Button>
                    ) : (
                      <Text
                        size="xs"
                        c="dimmed"
                        title="De uitkomst leg je vast op of na de dag van het bezoek"
                      >
                        uitkomst vanaf {formatDate(v.datum)}
                      </Text>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {dialog && (
        <Dialog
          opened
          onClose={guard.requestClose}
          title={
            dialog.kind === 'afzeggen'
              ? `Afzegging van ${dialog.visit.naam}`
              : `Uitkomst bezoek ${dialog.visit.naam}`
          }
        >
          <DiscardQuestion guard={guard} />
          <Stack gap="sm">
            {dialog.kind === 'afzeggen' ? (
              <>
                <NativeSelect
                  label="Afgezegd via"
                  value={via}
                  data={[
                    { value: 'telefoon', label: 'Telefoon' },
                    { value: 'mail', label: 'E-mail' },
                  ]}
                  onChange={(e) => setVia(e.currentTarget.value as 'telefoon' | 'mail')}
                />
                <Textarea
                  label="Reden"
                  value={reden}
                  onChange={(e) => setReden(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              </>
            ) : (
              <>
                <NativeSelect
                  label="Hoe ging het bezoek"
                  value={uitkomst}
                  data={UITKOMSTEN.map((u) => ({ value: u, label: UITKOMST_LABELS[u] }))}
                  onChange={(e) => setUitkomst(e.currentTarget.value as Uitkomst)}
                />
                {(uitkomst === 'niet_thuis' || uitkomst === 'deur_dicht') && (
                  <Checkbox
                    label="Kaartje in rode envelop achtergelaten"
                    checked={kaartje}
                    onChange={(e) => setKaartje(e.currentTarget.checked)}
                  />
                )}
                <Textarea
                  label="Notitie"
                  value={notitie}
                  onChange={(e) => setNotitie(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              </>
            )}
            {error && <Alert color="red">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={guard.requestClose}>
                Annuleren
              </Button>
              <Button onClick={() => void save()}>
                {dialog.kind === 'afzeggen' ? 'Bezoek afzeggen' : 'Uitkomst opslaan'}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </>
  )
}
