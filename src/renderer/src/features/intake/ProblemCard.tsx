import { useState } from 'react'
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { INTAKE_FIELDS, INTAKE_FIELD_LABELS, type IntakeField, type ProblemView } from '@shared/api/intake'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { RejectForm } from './RejectForm'

type Said = { color: 'teal' | 'yellow' | 'red'; text: string }

/**
 * One problem row: its values to correct, then take it in, or reject it with a reason. After a
 * correction that is not yet enough, the red lines show what is still wrong (the corrections
 * are kept), not what was wrong before.
 */
export function ProblemCard({
  p,
  onDone,
  onSaid,
}: {
  p: ProblemView
  onDone(): void
  onSaid(s: Said): void
}) {
  const [values, setValues] = useState(p.values)
  const [problems, setProblems] = useState(p.problems)
  const [rejecting, setRejecting] = useState(false)
  const acceptCall = useApiMutation('intake.acceptProblem')
  const rejectCall = useApiMutation('intake.rejectProblems')
  const busy = acceptCall.isPending || rejectCall.isPending
  const flagged = new Set(problems.map((x) => x.field))
  const byField = new Map(problems.filter((x) => x.field).map((x) => [x.field, x.reason]))
  const shown = INTAKE_FIELDS.filter((f) => f in p.values || p.problems.some((x) => x.field === f))

  const accept = async () => {
    try {
      const o = await acceptCall.mutateAsync({ id: p.id, values })
      if (o.ingelezen) {
        onSaid({
          color: 'teal',
          text: o.doorgezet
            ? `Regel ${p.line} is ingelezen en doorgezet.`
            : `Regel ${p.line} is ingelezen (niet doorgezet volgens het afwegingskader).`,
        })
        onDone()
      } else {
        setProblems(o.row.problems)
        setValues(o.row.values)
        onSaid({ color: 'yellow', text: `Regel ${p.line} is nog niet goed. Je verbeteringen zijn bewaard.` })
      }
    } catch (e) {
      onSaid({
        color: 'red',
        text: describeFailure(e).message,
      })
    }
  }
  const reject = async (reden: string) => {
    try {
      await rejectCall.mutateAsync({ ids: [p.id], reden })
      onSaid({ color: 'teal', text: `Regel ${p.line} is afgewezen.` })
      onDone()
    } catch (e) {
      onSaid({ color: 'red', text: describeFailure(e).message })
    }
  }
  const set = (f: IntakeField, v: string) => setValues({ ...values, [f]: v })

  return (
    <Stack
      gap="sm"
      p="md"
      bg="var(--mantine-color-gray-0)"
      role="region"
      aria-label={`Regel ${p.line} van ${p.bestandsnaam}`}
    >
      <Stack gap={2}>
        {problems.map((x, i) => (
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
            error={byField.get(f)}
            styles={flagged.has(f) ? { input: { borderColor: 'var(--mantine-color-orange-6)' } } : undefined}
          />
        ))}
      </SimpleGrid>
      {rejecting ? (
        <RejectForm
          label="Reden van afwijzen"
          confirm="Afwijzen"
          busy={busy}
          onReject={(reden) => void reject(reden)}
          onCancel={() => setRejecting(false)}
        />
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
  )
}
