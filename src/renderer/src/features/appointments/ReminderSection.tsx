import { useState } from 'react'
import { Anchor, Badge, Button, Group, Paper, Table, Text, Textarea, Title } from '@mantine/core'
import type { ReminderTask } from '@shared/api/appointments'
import { formatDateLong } from '@shared/format/dates'
import { call } from '../../api/client'
import { useApiMutation } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'

/** One reminder: copy its text, then mark it sent. */
function ReminderRow({ r, onSent }: { r: ReminderTask; onSent(): void }) {
  const [text, setText] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const [busy, setBusy] = useState(false)
  const reminderSent = useApiMutation('appointments.reminderSent')

  const copy = async () => {
    try {
      const t = (await call('appointments.texts', { afspraakId: r.afspraakId })).herinnering
      setText(t)
      await navigator.clipboard.writeText(t).then(
        () => setCopied(true),
        () => setCopied(false),
      )
    } catch (e) {
      notifyFailed('De tekst lukte niet', describeFailure(e).message)
    }
  }
  const sent = async () => {
    setBusy(true)
    try {
      await reminderSent.mutateAsync({ afspraakId: r.afspraakId })
      notifySaved(`Herinnering aan ${r.naam} vastgelegd als verstuurd.`)
      onSent()
    } catch (e) {
      notifyFailed('Vastleggen lukte niet', describeFailure(e).message)
      setBusy(false)
    }
  }

  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Anchor href={routeHref({ name: 'zaak', id: r.caseId, via: 'vandaag' })} data-today fw={500}>
            {r.naam}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {r.caseNumber}
          </Text>
        </Table.Td>
        <Table.Td>
          {formatDateLong(r.datum)} {r.tijd}
        </Table.Td>
        <Table.Td>{r.plek}</Table.Td>
        <Table.Td>{r.telefoon}</Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => void copy()}
              aria-label={`Herinnering aan ${r.naam} kopiëren`}
            >
              Tekst kopiëren
            </Button>
            <Button
              size="compact-sm"
              loading={busy}
              onClick={() => void sent()}
              aria-label={`Herinnering aan ${r.naam} verstuurd`}
            >
              Verstuurd
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {text !== null && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            {copied && (
              <Text size="sm" c="teal" role="status">
                Herinnering gekopieerd. Plak de tekst in WhatsApp of de sms.
              </Text>
            )}
            <Textarea
              aria-label={`Herinnering aan ${r.naam}`}
              value={text}
              readOnly
              autosize
              minRows={2}
              onFocus={(e) => e.currentTarget.select()}
            />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

/**
 * Vandaag's "Herinnering sturen": appointments on the next working day whose reminder is still to
 * be sent. The app sends nothing itself; the consulent copies the text and marks it sent.
 */
export function ReminderSection({ reminders }: { reminders: ReminderTask[] }) {
  const [gone, setGone] = useState<number[]>([])
  const open = reminders.filter((r) => !gone.includes(r.afspraakId))
  if (open.length === 0) return null
  return (
    <Paper withBorder p="md" component="section" aria-label="Herinnering sturen">
      <Group gap="xs" mb="xs">
        <Title order={3}>Herinnering sturen</Title>
        <Badge variant="light">{open.length}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        Deze bewoners hebben de volgende werkdag een afspraak. Stuur ze vandaag een korte herinnering.
      </Text>
      <Table fz="sm" verticalSpacing={4} aria-label="Herinnering sturen">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Naam</Table.Th>
            <Table.Th>Afspraak</Table.Th>
            <Table.Th>Waar</Table.Th>
            <Table.Th>Telefoon</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {open.map((r) => (
            <ReminderRow key={r.afspraakId} r={r} onSent={() => setGone((g) => [...g, r.afspraakId])} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** The hint "best reached": the part of the day and how sure the team's own figures are. */
export function MomentHintText({
  hint,
}: {
  hint: { dagdeel: string; pct: number; zaken: number; groep: string }
}) {
  return (
    <Text
      span
      size="xs"
      c="teal.8"
      title={`Huishoudens zoals dit (${hint.groep}) bereikten we het vaakst in de ${hint.dagdeel.toLowerCase()}: ${hint.pct}% van de pogingen, in ${hint.zaken} zaken.`}
    >
      beste kans in de {hint.dagdeel.toLowerCase()} ({hint.pct}%)
    </Text>
  )
}
