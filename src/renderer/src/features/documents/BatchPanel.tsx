import { useState } from 'react'
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import type { BatchView, PdfFile } from '@shared/api/documents'
import { formatDate, formatDateTime } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { todayDutch } from '../../components/localDate'
import { notifyFailed, notifySaved } from '../../components/notify'

/** A printed batch: open its PDFs, then tick what went out and confirm. */
export function BatchPanel({
  batch,
  onOpen,
}: {
  batch: BatchView
  onOpen(file: PdfFile, title: string): void
}) {
  // A card already left at a visit is delivered and counted; it is shown, not asked again.
  const delivered = new Set(batch.items.filter((i) => i.status === 'verstuurd').map((i) => i.id))
  const [sent, setSent] = useState<Set<number>>(
    () => new Set(batch.items.filter((i) => !delivered.has(i.id)).map((i) => i.id)),
  )
  const [datum, setDatum] = useState(todayDutch())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const pdf = useApiMutation('documents.batchPdf')
  const confirmBatch = useApiMutation('documents.confirmBatch')
  /** Which button waits: a PDF being made, or the confirmation. */
  const busy = pdf.isPending ? pdf.variables.deel : confirmBatch.isPending ? 'bevestigen' : null
  const kind = batch.soort === 'brief' ? 'brieven' : 'kaartjes'
  const one = batch.soort === 'brief' ? 'brief' : 'kaartje'
  const n = (count: number) => `${count} ${count === 1 ? one : kind}`

  const open = async (deel: 'documenten' | 'verzendlijst' | 'enveloppen', title: string) => {
    try {
      onOpen(await pdf.mutateAsync({ batchId: batch.id, deel }), title)
    } catch (e) {
      notifyFailed('De PDF lukte niet', describeFailure(e).message)
    }
  }

  const confirm = async () => {
    setErrors({})
    try {
      // The queue is read again (api/invalidation.ts): this batch leaves the page.
      await confirmBatch.mutateAsync({ batchId: batch.id, verstuurdIds: [...sent], datum })
      notifySaved(
        `${n(sent.size)} vastgelegd als contactpoging.` +
          (sent.size < batch.items.length ? ` ${batch.items.length - sent.size} terug in de wachtrij.` : ''),
      )
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={`Afdruk ${batch.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={4}>
              Afdruk {batch.id}: {n(batch.items.length)}
            </Title>
            <Text size="sm" c="dimmed">
              Gemaakt op {formatDateTime(batch.gemaaktOp)} door {batch.door}
              {batch.soort === 'kaart' && (batch.indeling === 'a6' ? ' · één per A6' : ' · vier per A4')}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              variant="default"
              loading={busy === 'documenten'}
              onClick={() => void open('documenten', `Afdruk ${batch.id}: ${kind}`)}
            >
              {batch.soort === 'brief' ? 'Brieven' : 'Kaartjes'} openen
            </Button>
            <Button
              variant="default"
              loading={busy === 'verzendlijst'}
              onClick={() => void open('verzendlijst', `Verzendlijst afdruk ${batch.id}`)}
            >
              Verzendlijst openen
            </Button>
            {batch.enveloppen && (
              <Button
                variant="default"
                loading={busy === 'enveloppen'}
                onClick={() => void open('enveloppen', `Enveloppen afdruk ${batch.id}`)}
              >
                Enveloppen openen
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">
          Vink aan wat echt is verstuurd of bezorgd: elk daarvan wordt één contactpoging, op de datum
          hieronder. De rest gaat terug in de wachtrij en telt niet.
        </Text>
        <Stack gap={4}>
          {batch.items.map((i) => (
            <Checkbox
              key={i.id}
              label={`${i.postcode} · ${i.adres} · ${i.naam} (${i.caseNumber})${
                delivered.has(i.id) ? ` · al bezorgd op ${formatDate(i.verstuurdOp)}` : ''
              }`}
              checked={sent.has(i.id) || delivered.has(i.id)}
              disabled={delivered.has(i.id)}
              onChange={() =>
                setSent((s) => {
                  const n = new Set(s)
                  if (n.has(i.id)) n.delete(i.id)
                  else n.add(i.id)
                  return n
                })
              }
            />
          ))}
        </Stack>
        <Group align="flex-end">
          <TextInput
            label={batch.soort === 'brief' ? 'Verstuurd op' : 'Bezorgd op'}
            description="dd-mm-jjjj"
            value={datum}
            onChange={(e) => setDatum(e.currentTarget.value)}
            error={errors.datum}
            w={160}
          />
          <Button onClick={() => void confirm()} loading={busy === 'bevestigen'}>
            Bevestigen: {n(sent.size)} {batch.soort === 'brief' ? 'verstuurd' : 'bezorgd'}
          </Button>
        </Group>
        {errors._ && !errors.datum && (
          <Text c="red" size="sm">
            {errors._}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
