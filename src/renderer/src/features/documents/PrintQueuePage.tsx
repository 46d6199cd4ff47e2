import { useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import type { PdfFile, QueueItemView } from '@shared/api/documents'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { RenderProgressBar } from './RenderProgressBar'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'
import { BatchPanel } from './BatchPanel'
import { visitText } from './format'
import { PdfViewer } from './PdfViewer'
import { PageHeading } from '../../components/PageHeading'

type Soort = 'brief' | 'kaart'

/** The print queue: review what the team queued, print a batch, then confirm what went out. */
export function PrintQueuePage() {
  const queueQuery = useApiQuery('documents.queue', {})
  const queue = queueQuery.data ?? null
  const error = queueQuery.error ? describeFailure(queueQuery.error).message : null
  const [soort, setSoort] = useState<Soort>('brief')
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [indeling, setIndeling] = useState<'a4-vier' | 'a6'>('a4-vier')
  const [enveloppen, setEnveloppen] = useState(false)
  const createBatch = useApiMutation('documents.createBatch')
  const batchPdf = useApiMutation('documents.batchPdf')
  const removeFromQueue = useApiMutation('documents.removeFromQueue')
  const busy = createBatch.isPending || batchPdf.isPending
  const [pdf, setPdf] = useState<{ file: PdfFile; title: string } | null>(null)

  const items = useMemo(() => (queue?.wachtrij ?? []).filter((i) => i.soort === soort), [queue, soort])
  const count = (s: Soort) => (queue?.wachtrij ?? []).filter((i) => i.soort === s).length

  if (!queue)
    return error ? (
      <Alert color="red" title="De wachtrij kon niet worden geladen">
        {error}
      </Alert>
    ) : (
      <Center h={200}>
        <Loader aria-label="Wachtrij wordt geladen" />
      </Center>
    )

  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  const allChosen = items.length > 0 && items.every((i) => selected.has(i.id))
  const chosen = items.filter((i) => selected.has(i.id))

  const print = async () => {
    try {
      // The queue is read again before this resolves (api/invalidation.ts); the choice starts over.
      const batch = await createBatch.mutateAsync({
        itemIds: chosen.map((i) => i.id),
        indeling: soort === 'brief' ? 'a4' : indeling,
        enveloppen: soort === 'kaart' && enveloppen,
      })
      setSelected(new Set())
      const file = await batchPdf.mutateAsync({ batchId: batch.id, deel: 'documenten' })
      setPdf({ file, title: `Afdruk ${batch.id}: ${soort === 'brief' ? 'brieven' : 'kaartjes'}` })
    } catch (e) {
      notifyFailed('Afdrukken lukte niet', describeFailure(e).message)
    }
  }

  const preview = async (item: QueueItemView) => {
    try {
      setPdf({
        file: await call('documents.itemPdf', { itemId: item.id }),
        title: `${item.templateNaam}, ${item.caseNumber}`,
      })
    } catch (e) {
      notifyFailed('Het voorbeeld lukte niet', describeFailure(e).message)
    }
  }

  const remove = async (item: QueueItemView) => {
    try {
      await removeFromQueue.mutateAsync({ itemId: item.id })
      notifySaved(`${item.templateNaam} voor ${item.caseNumber} is uit de wachtrij gehaald.`)
    } catch (e) {
      notifyFailed('Verwijderen lukte niet', describeFailure(e).message)
    }
  }

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeading>Afdrukken</PageHeading>
      {error && <Alert color="red">{error}</Alert>}

      {queue.openBatches.length > 0 && (
        <Stack gap="md">
          <Title order={3}>Afgedrukt, nog niet bevestigd</Title>
          {queue.openBatches.map((b) => (
            <BatchPanel key={b.id} batch={b} onOpen={(file, title) => setPdf({ file, title })} />
          ))}
        </Stack>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="wachtrij-kop">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={3} id="wachtrij-kop">
              Wachtrij
            </Title>
            <SegmentedControl
              aria-label="Soort document"
              value={soort}
              onChange={(v) => {
                setSoort(v as Soort)
                setSelected(new Set())
              }}
              data={[
                { value: 'brief', label: `Brieven (${count('brief')})` },
                { value: 'kaart', label: `Kaartjes (${count('kaart')})` },
              ]}
            />
          </Group>
          {items.length === 0 ? (
            <Text c="dimmed">
              Er staan geen {soort === 'brief' ? 'brieven' : 'kaartjes'} klaar. Zet ze klaar vanuit een zaak.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label="Wachtrij" verticalSpacing={6} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Checkbox
                        aria-label="Alles kiezen"
                        checked={allChosen}
                        indeterminate={!allChosen && chosen.length > 0}
                        onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((i) => i.id)))}
                      />
                    </Table.Th>
                    <Table.Th>Postcode</Table.Th>
                    <Table.Th>Adres</Table.Th>
                    <Table.Th>Naam</Table.Th>
                    <Table.Th>Zaak</Table.Th>
                    <Table.Th>Document</Table.Th>
                    {soort === 'brief' && <Table.Th>Huisbezoek</Table.Th>}
                    <Table.Th>Consulent</Table.Th>
                    <Table.Th>Acties</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Kies ${i.caseNumber}`}
                          checked={selected.has(i.id)}
                          onChange={() => toggle(i.id)}
                        />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.postcode}</Table.Td>
                      <Table.Td>{i.adres}</Table.Td>
                      <Table.Td>{i.naam}</Table.Td>
                      <Table.Td>
                        <Anchor href={routeHref({ name: 'zaak', id: i.caseId })}>{i.caseNumber}</Anchor>
                      </Table.Td>
                      <Table.Td>{i.templateNaam}</Table.Td>
                      {soort === 'brief' && (
                        <Table.Td>
                          {visitText(i)}
                          {i.waarschuwing && (
                            <Text c="red" size="xs">
                              {i.waarschuwing}
                            </Text>
                          )}
                        </Table.Td>
                      )}
                      <Table.Td>{i.consulent ?? ''}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-sm" variant="subtle" onClick={() => void preview(i)}>
                            Bekijken
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(i)}
                          >
                            Uit wachtrij
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {items.length > 0 && (
            <Group align="flex-end" gap="lg">
              {soort === 'kaart' && (
                <>
                  <Radio.Group
                    label="Papier"
                    value={indeling}
                    onChange={(v) => setIndeling(v as 'a4-vier' | 'a6')}
                  >
                    <Group gap="md" mt={4}>
                      <Radio value="a4-vier" label="Vier per A4, met snijtekens" />
                      <Radio value="a6" label="Eén per A6-kaart" />
                    </Group>
                  </Radio.Group>
                  <Checkbox
                    label="Ook rode enveloppen (C6) bedrukken"
                    checked={enveloppen}
                    onChange={(e) => setEnveloppen(e.currentTarget.checked)}
                  />
                </>
              )}
              <Button onClick={() => void print()} loading={busy} disabled={chosen.length === 0}>
                {chosen.length === 0
                  ? 'Kies wat je wilt afdrukken'
                  : `${chosen.length} ${soort === 'brief' ? (chosen.length === 1 ? 'brief' : 'brieven') : chosen.length === 1 ? 'kaartje' : 'kaartjes'} afdrukken`}
              </Button>
            </Group>
          )}
          {busy && <RenderProgressBar />}
        </Stack>
      </Paper>
      <PdfViewer file={pdf?.file ?? null} title={pdf?.title ?? ''} onClose={() => setPdf(null)} />
    </Stack>
  )
}
