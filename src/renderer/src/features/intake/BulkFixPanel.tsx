import { useState } from 'react'
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import {
  INTAKE_FIELDS,
  INTAKE_FIELD_LABELS,
  type BulkFix,
  type IntakeField,
  type ProblemView,
} from '@shared/api/intake'
import { SIGNAALPARTNER_LABELS, SIGNAALPARTNER_TYPES } from '@shared/domain/ddas'
import type { ProblemGroup } from './problemGroups'
import { RejectForm } from './RejectForm'

type Soort = BulkFix['soort']

const CLEANABLE: readonly IntakeField[] = [
  'bedrag',
  'signaaldatum',
  'ontstaansdatum',
  'geboortedatum',
  'postcode',
  'telefoon',
  'bsn',
  'email',
]

function defaults(
  group: ProblemGroup | null,
  rows: ProblemView[],
): { field: IntakeField; soort: Soort; van: string } {
  const field = group?.field ?? rows.flatMap((r) => r.problems).find((p) => p.field)?.field ?? 'bedrag'
  if (group?.value) return { field, soort: 'vervang', van: group.value }
  if (group?.code === 'ontbreekt') return { field, soort: 'invullen', van: '' }
  return { field, soort: CLEANABLE.includes(field) ? 'opschonen' : 'vervang', van: '' }
}

/** One change for every chosen row, then every row that is right is taken in; or reject them all with one reason. */
export function BulkFixPanel({
  rows,
  group,
  busy,
  onFix,
  onReject,
}: {
  rows: ProblemView[]
  group: ProblemGroup | null
  busy: boolean
  onFix(fix: BulkFix): void
  onReject(reden: string): void
}) {
  const start = defaults(group, rows)
  const [field, setField] = useState<IntakeField>(start.field)
  const [soort, setSoort] = useState<Soort>(start.soort)
  const [van, setVan] = useState(start.van)
  const [naar, setNaar] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const n = rows.length
  const regels = `${n} ${n === 1 ? 'regel' : 'regels'}`
  const problemFields = new Set(rows.flatMap((r) => r.problems.map((p) => p.field)))
  const fieldOptions = INTAKE_FIELDS.filter(
    (f) => problemFields.has(f) || rows.some((r) => f in r.values),
  ).map((f) => ({ value: f, label: INTAKE_FIELD_LABELS[f] }))
  const fix = (): BulkFix | null => {
    if (soort === 'vervang') return van ? { soort, field, van, naar } : null
    if (soort === 'invullen') return { soort, field, naar }
    return { soort, field }
  }
  const partner = field === 'partnerType' && soort !== 'opschonen'

  return (
    <Stack gap="sm" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Text fw={600}>
        {regels} gekozen{group ? `: ${group.label}` : ''}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Veld"
          data={fieldOptions}
          value={field}
          onChange={(v) => v && setField(v as IntakeField)}
          allowDeselect={false}
          w={240}
        />
        <SegmentedControl
          aria-label="Wat moet er met het veld gebeuren"
          value={soort}
          onChange={(v) => setSoort(v as Soort)}
          data={[
            { value: 'vervang', label: 'Tekst vervangen' },
            { value: 'invullen', label: 'Waarde invullen' },
            { value: 'opschonen', label: 'Vreemde tekens weghalen' },
          ]}
        />
      </Group>
      <Group align="flex-end" wrap="wrap">
        {soort === 'vervang' && (
          <TextInput label="Vervang" value={van} onChange={(e) => setVan(e.currentTarget.value)} w={240} />
        )}
        {soort !== 'opschonen' &&
          (partner ? (
            <Select
              label={soort === 'vervang' ? 'Door' : 'Waarde'}
              data={SIGNAALPARTNER_TYPES.map((t) => ({ value: t, label: SIGNAALPARTNER_LABELS[t] }))}
              value={naar || null}
              onChange={(v) => setNaar(v ?? '')}
              w={280}
            />
          ) : (
            <TextInput
              label={soort === 'vervang' ? 'Door' : 'Waarde'}
              value={naar}
              onChange={(e) => setNaar(e.currentTarget.value)}
              w={240}
            />
          ))}
        {soort === 'opschonen' && (
          <Text size="sm" c="dimmed" maw={420}>
            Haalt weg wat niet in het veld hoort, zoals een verminkt euroteken voor een bedrag of een punt in
            een postcode.
          </Text>
        )}
        <Button loading={busy} disabled={!fix()} onClick={() => fix() && onFix(fix()!)}>
          Toepassen en inlezen ({n})
        </Button>
      </Group>
      {rejecting ? (
        <RejectForm
          label="Reden van afwijzen (voor alle gekozen regels)"
          confirm={`${regels} afwijzen`}
          busy={busy}
          onReject={onReject}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <Group>
          <Button variant="default" color="red" onClick={() => setRejecting(true)}>
            Afwijzen met één reden…
          </Button>
        </Group>
      )}
    </Stack>
  )
}
