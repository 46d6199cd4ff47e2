import { Alert, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import {
  INTAKE_FIELDS,
  INTAKE_FIELD_LABELS,
  REQUIRED_INTAKE_FIELDS,
  type AnalyseResult,
  type ColumnMapping,
  type IntakeField,
} from '@shared/api/intake'
import { SIGNAALPARTNER_LABELS, SIGNAALPARTNER_TYPES, type SignaalpartnerType } from '@shared/domain/ddas'

interface Props {
  analysis: AnalyseResult
  mapping: ColumnMapping
  bron: string
  errors: Record<string, string>
  onMapping(m: ColumnMapping): void
  onBron(b: string): void
}

const NONE = '__geen__'

/** Which column fills which field, and what the file's partner words mean; proposed, then confirmed. */
export function MappingStep({ analysis, mapping, bron, errors, onMapping, onBron }: Props) {
  const columnOptions = [
    { value: NONE, label: '(niet in dit bestand)' },
    ...analysis.headers.map((h) => ({ value: h, label: h })),
  ]
  const setColumn = (f: IntakeField, h: string | null) => {
    const columns = { ...mapping.columns }
    if (!h || h === NONE) delete columns[f]
    else columns[f] = h
    onMapping({ ...mapping, columns })
  }
  const setWord = (key: string, type: string | null) => {
    const partnerTypes = { ...mapping.partnerTypes }
    if (!type || type === NONE) delete partnerTypes[key]
    else partnerTypes[key] = type as SignaalpartnerType
    onMapping({ ...mapping, partnerTypes })
  }
  const example = (h: string | undefined) => {
    const i = h ? analysis.headers.indexOf(h) : -1
    return i < 0
      ? ''
      : analysis.sample
          .map((r) => r[i] ?? '')
          .filter(Boolean)
          .slice(0, 2)
          .join(' · ')
  }
  const missing = REQUIRED_INTAKE_FIELDS.filter(
    (f) => !mapping.columns[f] && !(f === 'huisnummer' && mapping.columns.straat),
  )

  return (
    <Stack gap="md">
      <Text>
        <b>{analysis.fileName}</b>: {analysis.rowCount.toLocaleString('nl-NL')} regels gevonden (
        {analysis.format === 'xlsx' ? 'Excel' : `CSV, ${analysis.encoding}`}).{' '}
        {analysis.mappingName
          ? `De koppeling "${analysis.mappingName}" van een vorige keer is gebruikt.`
          : 'De app stelt een koppeling voor op basis van de kolomnamen. Controleer en verbeter waar nodig.'}
      </Text>
      <TextInput
        label="Naam van de bron"
        description="De koppeling wordt onder deze naam bewaard, zodat het bestand van volgende maand vanzelf goed gaat."
        placeholder="Bijvoorbeeld Vindplaats van Schulden"
        value={bron}
        onChange={(e) => onBron(e.currentTarget.value)}
        error={errors.bron || undefined}
        required
        maw={480}
      />
      {missing.length > 0 && (
        <Alert color="yellow" title="Nog niet alle verplichte velden hebben een kolom">
          {missing.map((f) => INTAKE_FIELD_LABELS[f]).join(', ')}
        </Alert>
      )}
      <Title order={4}>Kolommen</Title>
      <Table withTableBorder aria-label="Kolommen koppelen">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Veld in Lange Adem</Table.Th>
            <Table.Th>Kolom in het bestand</Table.Th>
            <Table.Th>Voorbeeld uit het bestand</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INTAKE_FIELDS.map((f) => (
            <Table.Tr key={f}>
              <Table.Td>
                {INTAKE_FIELD_LABELS[f]}
                {REQUIRED_INTAKE_FIELDS.includes(f) && (
                  <Text span c="red" aria-hidden>
                    {' '}
                    *
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Kolom voor ${INTAKE_FIELD_LABELS[f]}`}
                  data={columnOptions}
                  value={mapping.columns[f] ?? NONE}
                  onChange={(v) => setColumn(f, v)}
                  error={errors[`mapping.columns.${f}`]}
                  allowDeselect={false}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {example(mapping.columns[f])}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {analysis.partnerWords.length > 0 && (
        <>
          <Title order={4}>Soorten signaalpartner in dit bestand</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {analysis.partnerWords.map((w) => (
              <Group key={w.key} gap="sm" wrap="nowrap">
                <Select
                  label={`"${w.word}" (${w.count.toLocaleString('nl-NL')}×) betekent`}
                  data={[
                    { value: NONE, label: '(geen keuze: onbekend woord gaat naar Te controleren)' },
                    ...SIGNAALPARTNER_TYPES.map((t) => ({ value: t, label: SIGNAALPARTNER_LABELS[t] })),
                  ]}
                  value={mapping.partnerTypes[w.key] ?? NONE}
                  onChange={(v) => setWord(w.key, v)}
                  allowDeselect={false}
                  w="100%"
                />
              </Group>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  )
}
