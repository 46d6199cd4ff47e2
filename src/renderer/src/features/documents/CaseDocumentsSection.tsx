import { useCallback, useEffect, useState } from 'react'
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import type { PdfFile, QueueItemView, TemplateView } from '@shared/api/documents'
import { formatDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { notifyFailed, notifySaved } from '../../components/notify'
import { DossierSection } from '../dossier/DossierSection'
import { visitText } from './format'
import { PdfViewer } from './PdfViewer'

const STATUS_LABEL: Record<QueueItemView['status'], string> = {
  wachtrij: 'In de wachtrij',
  gedrukt: 'Afgedrukt',
  verstuurd: 'Verstuurd',
}

interface Colleague {
  value: string
  label: string
}

/** Letters and cards of one case: queue a new one, see what was printed, print one again. */
export function CaseDocumentsSection({ caseId, open }: { caseId: number; open: boolean }) {
  const [items, setItems] = useState<QueueItemView[]>([])
  const [templates, setTemplates] = useState<TemplateView[]>([])
  const [colleagues, setColleagues] = useState<Colleague[]>([])
  const [visitFor, setVisitFor] = useState<TemplateView | null>(null)
  const [pdf, setPdf] = useState<{ file: PdfFile; title: string } | null>(null)

  const reload = useCallback(async () => {
    setItems(await call('documents.forCase', { caseId }))
  }, [caseId])
  useEffect(() => {
    void reload().catch(() => undefined)
    void call('documents.templates', {})
      .then(setTemplates)
      .catch(() => undefined)
    void call('session.team', {})
      .then((team) => setColleagues(team.map((m) => ({ value: String(m.id), label: m.naam }))))
      .catch(() => undefined)
  }, [reload])

  const printable = templates.filter((t) => t.soort !== 'bericht')
  const queue = async (t: TemplateView) => {
    if (t.bezoekNodig) {
      setVisitFor(t)
      return
    }
    try {
      await call('documents.addToQueue', { caseId, templateId: t.id })
      notifySaved(`${t.naam} staat in de wachtrij om af te drukken.`)
      await reload()
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
            {letter && <Button onClick={() => void queue(letter)}>Aankondigingsbrief maken</Button>}
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
      <VisitModal
        template={visitFor}
        caseId={caseId}
        colleagues={colleagues}
        onClose={() => setVisitFor(null)}
        onQueued={async () => {
          setVisitFor(null)
          await reload()
        }}
      />
      <PdfViewer file={pdf?.file ?? null} title={pdf?.title ?? ''} onClose={() => setPdf(null)} />
    </DossierSection>
  )
}

function VisitModal({
  template,
  caseId,
  colleagues,
  onClose,
  onQueued,
}: {
  template: TemplateView | null
  caseId: number
  colleagues: Colleague[]
  onClose(): void
  onQueued(): Promise<void>
}) {
  const [datum, setDatum] = useState('')
  const [van, setVan] = useState('10:00')
  const [tot, setTot] = useState('12:00')
  const [collega, setCollega] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const guard = useDiscardGuard(datum.trim() !== '' || van !== '10:00' || tot !== '12:00', onClose)

  const save = async () => {
    if (!template) return
    setBusy(true)
    setErrors({})
    try {
      await call('documents.addToQueue', {
        caseId,
        templateId: template.id,
        bezoek: { datum, van, tot, collegaId: collega ? Number(collega) : null },
      })
      notifySaved(`${template.naam} staat in de wachtrij om af te drukken.`)
      await onQueued()
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened={template !== null} onClose={guard.requestClose} title={template?.naam ?? ''} centered>
      <DiscardQuestion guard={guard} />
      <Stack gap="sm">
        <Text size="sm">De brief kondigt het huisbezoek aan. Hij komt in de wachtrij om af te drukken.</Text>
        <TextInput
          label="Datum huisbezoek"
          description="dd-mm-jjjj"
          value={datum}
          onChange={(e) => setDatum(e.currentTarget.value)}
          error={errors['bezoek.datum'] ?? errors.datum}
          data-autofocus
        />
        <Group grow>
          <TextInput
            label="Van"
            description="uu:mm"
            value={van}
            onChange={(e) => setVan(e.currentTarget.value)}
            error={errors['bezoek.van']}
          />
          <TextInput
            label="Tot"
            description="uu:mm"
            value={tot}
            onChange={(e) => setTot(e.currentTarget.value)}
            error={errors['bezoek.tot']}
          />
        </Group>
        <Select
          label="Collega die meegaat"
          placeholder="Nog niet bekend"
          data={colleagues}
          value={collega}
          onChange={setCollega}
          clearable
          error={errors['bezoek.collegaId']}
        />
        {errors._ && !Object.keys(errors).some((k) => k.startsWith('bezoek.')) && (
          <Text c="red" size="sm">
            {errors._}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.requestClose}>
            Annuleren
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            In de wachtrij zetten
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
