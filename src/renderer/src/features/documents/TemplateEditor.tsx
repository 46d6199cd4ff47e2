import { useMemo, useState } from 'react'
import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import type { TemplateView } from '@shared/api/documents'
import {
  checkTemplate,
  DOCUMENT_SOORT_LABELS,
  fillPlaceholders,
  paragraphs,
  PLACEHOLDERS,
  SAMPLE_VALUES,
  TEMPLATE_FIELDS,
  type DocumentSoort,
  type TemplateContent,
} from '@shared/api/documents-text'
import { formatDateTime } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'

/** Fills what it can; an unknown placeholder stays visible as it was typed. */
function previewText(text: string): string {
  try {
    return fillPlaceholders(text, SAMPLE_VALUES)
  } catch {
    return text
  }
}

/** Edits one template: the texts, a live preview with made-up details, the word check, versions. */
export function TemplateEditor({
  template,
  avoided,
  canEdit,
  onSaved,
  onPreview,
}: {
  template: TemplateView | null
  avoided: string[]
  canEdit: boolean
  onSaved(t: TemplateView): void
  onPreview(soort: DocumentSoort, content: TemplateContent): void
}) {
  const [naam, setNaam] = useState(template?.naam ?? '')
  const [soort, setSoort] = useState<DocumentSoort>(template?.soort ?? 'brief')
  const [content, setContent] = useState<TemplateContent>(template?.huidig.content ?? {})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const saveTemplate = useApiMutation('documents.saveTemplate')
  const saving = saveTemplate.isPending
  const issues = useMemo(() => checkTemplate(content, avoided), [content, avoided])
  const fields = TEMPLATE_FIELDS[soort]
  const changed =
    !template || naam !== template.naam || JSON.stringify(content) !== JSON.stringify(template.huidig.content)

  const save = async () => {
    setErrors({})
    try {
      const t = await saveTemplate.mutateAsync({
        ...(template ? { templateId: template.id } : {}),
        naam,
        soort,
        content,
      })
      notifySaved(`${t.naam} is opgeslagen als versie ${t.huidig.versie}.`)
      onSaved(t)
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    }
  }

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="sm">
          <Group grow>
            <TextInput
              label="Naam"
              value={naam}
              onChange={(e) => setNaam(e.currentTarget.value)}
              readOnly={!canEdit || template?.standaard}
              error={errors.naam}
            />
            <Select
              label="Soort"
              data={(['brief', 'kaart', 'bericht'] as const).map((s) => ({
                value: s,
                label: DOCUMENT_SOORT_LABELS[s],
              }))}
              value={soort}
              onChange={(v) => v && setSoort(v as DocumentSoort)}
              disabled={template !== null || !canEdit}
              allowDeselect={false}
            />
          </Group>
          {fields.map((f) => (
            <Textarea
              key={f.key}
              label={f.label}
              value={content[f.key] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value
                setContent((c) => ({ ...c, [f.key]: v }))
              }}
              readOnly={!canEdit}
              autosize
              minRows={f.rows}
              error={errors[`content.${f.key}`]}
            />
          ))}
          <Text size="xs" c="dimmed">
            Een lege regel begint een nieuwe alinea. Zet **sterretjes** om woorden die vet moeten.
          </Text>
          {canEdit && (
            <Group>
              <Button onClick={() => void save()} loading={saving} disabled={!changed}>
                Opslaan als nieuwe versie
              </Button>
              {soort !== 'bericht' && (
                <Button variant="default" onClick={() => onPreview(soort, content)}>
                  Afdrukvoorbeeld (PDF)
                </Button>
              )}
            </Group>
          )}
          {errors._ && (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          )}
        </Stack>
        <Stack gap="sm">
          <Paper withBorder p="md" aria-label="Voorbeeld" component="section">
            <Title order={4} mb="xs">
              Voorbeeld
            </Title>
            {fields.map((f) =>
              paragraphs(previewText(content[f.key] ?? '')).map((lines, i) => (
                <Text key={`${f.key}-${i}`} mb="xs" size="sm" fw={f.key === 'titel' ? 700 : undefined}>
                  {lines.map((line, j) => (
                    <span key={j}>
                      {j > 0 && <br />}
                      {line.map((r, k) =>
                        r.bold ? <strong key={k}>{r.text}</strong> : <span key={k}>{r.text}</span>,
                      )}
                    </span>
                  ))}
                </Text>
              )),
            )}
          </Paper>
          <Alert
            color={issues.length === 0 ? 'teal' : 'yellow'}
            title={
              issues.length === 0 ? 'Woordcontrole: in orde' : `Woordcontrole: ${issues.length} punt(en)`
            }
          >
            {issues.length === 0 ? (
              'Geen woorden om te vermijden en geen lange zinnen gevonden.'
            ) : (
              <List size="sm">
                {issues.map((i, k) => (
                  <List.Item key={k}>{i.melding}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            Invulvelden
          </Title>
          <Table fz="xs" aria-label="Invulvelden">
            <Table.Tbody>
              {PLACEHOLDERS.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td>
                    <Code>{`{${p.key}}`}</Code>
                  </Table.Td>
                  <Table.Td>{p.uitleg}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {template && (
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              Versies
            </Title>
            <Table fz="sm" aria-label="Versies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Versie</Table.Th>
                  <Table.Th>Opgeslagen</Table.Th>
                  <Table.Th>Door</Table.Th>
                  <Table.Th>Terugzetten</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {template.versies.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.versie}</Table.Td>
                    <Table.Td>{formatDateTime(v.op)}</Table.Td>
                    <Table.Td>{v.door}</Table.Td>
                    <Table.Td>
                      {canEdit && v.versie !== template.huidig.versie && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setContent(v.content)}>
                          Tekst van versie {v.versie} laden
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  )
}
