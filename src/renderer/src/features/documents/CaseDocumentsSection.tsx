import { useState } from 'react'
import { Badge, Button, Group, Select, Table, Text } from '@mantine/core'
import type { PdfFile, QueueItemView, TemplateView } from '@shared/api/documents'
import { formatDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'
import { DossierSection } from '../dossier/DossierSection'
import { visitText } from './format'
import { PdfViewer } from './PdfViewer'

const STATUS_LABEL: Record<QueueItemView['status'], string> = {
  wachtrij: 'In de wachtrij',
  gedrukt: 'Afgedrukt',
  verstuurd: 'Verstuurd',
}

/**
 * Letters and cards of one case: queue a new one, see what was printed, print one again. A letter
 * that names a visit is made by announcing the visit (`onAnnounce`, the same step as the planner);
 * the list is read again after every change to the case's documents (api/invalidation.ts).
 */
export function CaseDocumentsSection({
  caseId,
  open,
  onAnnounce,
}: {
  caseId: number
  open: boolean
  onAnnounce(template: TemplateView): void
}) {
  const items = useApiQuery('documents.forCase', { caseId }).data ?? []
  const templates = useApiQuery('documents.templates', {}).data ?? []
  const addToQueue = useApiMutation('documents.addToQueue')
  const [pdf, setPdf] = useState<{ file: PdfFile; title: string } | null>(null)

  // The confirmation letter of an appointment is queued from that appointment (AppointmentsSection).
  const printable = templates.filter((t) => t.soort !== 'bericht' && !t.afspraakNodig)
  const queue = async (t: TemplateView) => {
    if (t.bezoekNodig) {
      onAnnounce(t)
      return
    }
    try {
      await addToQueue.mutateAsync({ caseId, templateId: t.id })
      notifySaved(`${t.naam} staat in de wachtrij om af te drukken.`)
    } catch (e) {
      notifyFailed('Klaarzetten lukte niet', describeFailure(e).message)
    }
  }
  const show = async (item: QueueItemView) => {
    try {
      setPdf({
        file: await call('documents.itemPdf', { itemId: item.id }),
        title: `${item.templateNaam}, ${item.caseNumber}`,
      })
    } catch (e) {
      notifyFailed('Het voorbeeld lukte niet', describeFailure(e).message)
    }
  }

  const letter = printable.find((t) => t.code === 'aankondigingsbrief')
  const card = printable.find((t) => t.code === 'kaartje')
  const others = printable.filter((t) => t !== letter && t !== card)

  return (
    <DossierSection
      title="Brieven en kaartjes"
      aside={
        open && (
          <Group gap="xs">
            {letter && <Button onClick={() => void queue(letter)}>Huisbezoek aankondigen</Button>}
            {card && (
              <Button variant="default" onClick={() => void queue(card)}>
                Kaartje klaarzetten
              </Button>
            )}
            {others.length > 0 && (
              <Select
                aria-label="Andere brief klaarzetten"
                placeholder="Andere brief klaarzetten"
                data={others.map((t) => ({ value: String(t.id), label: t.naam }))}
                value={null}
                onChange={(v) => {
                  const t = others.find((o) => String(o.id) === v)
                  if (t) void queue(t)
                }}
                w={240}
              />
            )}
          </Group>
        )
      }
    >
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Voor deze zaak zijn nog geen brieven of kaartjes gemaakt.
        </Text>
      ) : (
        <Table aria-label="Brieven en kaartjes" fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Huisbezoek</Table.Th>
              <Table.Th>Stand</Table.Th>
              <Table.Th>Versie</Table.Th>
              <Table.Th>Acties</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.templateNaam}</Table.Td>
                <Table.Td>{visitText(i)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={i.status === 'verstuurd' ? 'teal' : i.status === 'gedrukt' ? 'blue' : 'gray'}
                  >
                    {STATUS_LABEL[i.status]}
                    {i.verstuurdOp ? ` ${formatDate(i.verstuurdOp)}` : ''}
                  </Badge>
                </Table.Td>
                <Table.Td>{i.versie ?? ''}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => void show(i)}>
                    {i.status === 'wachtrij' ? 'Bekijken' : 'Opnieuw afdrukken'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PdfViewer file={pdf?.file ?? null} title={pdf?.title ?? ''} onClose={() => setPdf(null)} />
    </DossierSection>
  )
}
