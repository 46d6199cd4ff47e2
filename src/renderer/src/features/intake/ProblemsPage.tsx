import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { INTAKE_FIELDS, INTAKE_FIELD_LABELS, type IntakeField, type ProblemView } from '@shared/api/intake'
import { ApiError, call } from '../../api/client'
import { notifyFailed, notifySaved } from '../../components/notify'

/** One problem row: its values to correct, then accept, or reject with a reason. */
function ProblemCard({ p, onDone }: { p: ProblemView; onDone(): void }) {
  const [values, setValues] = useState(p.values)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [rejecting, setRejecting] = useState(false)
  const [reden, setReden] = useState('')
  const [busy, setBusy] = useState(false)
  const flagged = new Set(p.problems.map((x) => x.field))
  const shown = INTAKE_FIELDS.filter((f) => f in p.values || flagged.has(f))

  const accept = async () => {
    setBusy(true)
    try {
      const s = await call('intake.acceptProblem', { id: p.id, values })
      notifySaved(
        s.doorgezet
          ? 'De regel is ingelezen en doorgezet.'
          : 'De regel is ingelezen (niet doorgezet volgens het afwegingskader).',
      )
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields)
      notifyFailed('Nog niet goed', e instanceof Error ? e.message : '')
    } finally {
      setBusy(false)
    }
  }
  const reject = async () => {
    setBusy(true)
    try {
      await call('intake.rejectProblem', { id: p.id, reden })
      notifySaved('De regel is afgewezen.')
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields)
    } finally {
      setBusy(false)
    }
  }
  const set = (f: IntakeField, v: string) => {
    setValues({ ...values, [f]: v })
    const { [`values.${f}`]: _gone, ...rest } = errors
    void _gone
    setErrors(rest)
  }

  return (
    <Card withBorder radius="md" aria-label={`Regel ${p.line} van ${p.bestandsnaam}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            Regel {p.line} van {p.bestandsnaam}
          </Text>
          <Badge color="orange">Te controleren</Badge>
        </Group>
        <Stack gap={2}>
          {p.problems.map((x, i) => (
            <Text key={i} size="sm" c="red.8">
              {x.field ? `${INTAKE_FIELD_LABELS[x.field]}: ` : ''}
              {x.reason}
            </Text>
          ))}
        </Stack>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {shown.map((f) => (
            <TextInput
              key={f}
              label={INTAKE_FIELD_LABELS[f]}
              value={values[f] ?? ''}
              onChange={(e) => set(f, e.currentTarget.value)}
              error={errors[`values.${f}`]}
              styles={
                flagged.has(f) ? { input: { borderColor: 'var(--mantine-color-orange-6)' } } : undefined
              }
            />
          ))}
        </SimpleGrid>
        {rejecting ? (
          <Group align="flex-end">
            <Textarea
              label="Reden van afwijzen"
              value={reden}
              onChange={(e) => setReden(e.currentTarget.value)}
              error={errors.reden}
              autosize
              minRows={1}
              w={420}
            />
            <Button color="red" onClick={() => void reject()} loading={busy}>
              Afwijzen
            </Button>
            <Button variant="default" onClick={() => setRejecting(false)}>
              Annuleren
            </Button>
          </Group>
        ) : (
          <Group>
            <Button onClick={() => void accept()} loading={busy}>
              Verbeterd: inlezen
            </Button>
            <Button variant="default" onClick={() => setRejecting(true)}>
              Afwijzen…
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}

/** Te controleren: rows an import could not take in; nothing is silently dropped. */
export function ProblemsPage() {
  const [rows, setRows] = useState<ProblemView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      setRows(await call('intake.problems', {}))
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Laden mislukt.')
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>Te controleren</Title>
      <Text c="dimmed">
        Regels uit ingelezen bestanden die niet goed te lezen waren. Verbeter de velden en lees de regel
        alsnog in, of wijs hem af met een reden.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {rows && rows.length === 0 && (
        <Alert color="teal" title="Niets te controleren">
          Alle regels van de ingelezen bestanden zijn afgehandeld.
        </Alert>
      )}
      {rows?.map((p) => (
        <ProblemCard key={p.id} p={p} onDone={() => void load()} />
      ))}
    </Stack>
  )
}
