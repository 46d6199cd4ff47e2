import { Fragment, useMemo, useState } from 'react'
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { INTAKE_FIELD_LABELS, type BulkOutcome } from '@shared/api/intake'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { BulkFixPanel } from './BulkFixPanel'
import { ProblemCard } from './ProblemCard'
import { problemGroups, type ProblemGroup } from './problemGroups'
import { PageHeading } from '../../components/PageHeading'

/** What the last action did, said in the page itself (never in a notice over the next row). */
interface Said {
  color: 'teal' | 'yellow' | 'red'
  text: string
}

export function outcomeText(o: BulkOutcome): Said {
  const parts: string[] = []
  if (o.ingelezen) parts.push(`${o.ingelezen} ${o.ingelezen === 1 ? 'regel' : 'regels'} ingelezen`)
  if (o.afgewezen) parts.push(`${o.afgewezen} ${o.afgewezen === 1 ? 'regel' : 'regels'} afgewezen`)
  if (o.open) parts.push(`${o.open} nog niet goed (zie de rode regels)`)
  if (o.alIngelezen) parts.push(`${o.alIngelezen} met een signaal-ID dat al is ingelezen: wijs die af`)
  return {
    color: o.open ? 'yellow' : 'teal',
    text: parts.length ? `${parts.join(', ')}.` : 'Er was niets te doen.',
  }
}

/**
 * Te controleren: rows an import could not take in; nothing is silently dropped. Rows with the
 * same problem are fixed together (one change for all of them, then every row that is right is
 * taken in), "Opnieuw proberen" reads every open row again with the current rules, and many rows
 * can be rejected with one reason. One row at a time stays possible ("Verbeteren").
 */
export function ProblemsPage() {
  // Read again after every change to a row (api/invalidation.ts).
  const problems = useApiQuery('intake.problems', {})
  const rows = problems.data ?? null
  const error = problems.error ? problems.error.message || 'Laden mislukt.' : null
  const [said, setSaid] = useState<Said | null>(null)
  // The choice and the open row hold only for rows still open: a row taken in or rejected leaves both.
  const [picked, setSelected] = useState<Set<number>>(new Set())
  const [editingId, setEditing] = useState<number | null>(null)
  const open = useMemo(() => new Set((rows ?? []).map((r) => r.id)), [rows])
  const selected = useMemo(() => new Set([...picked].filter((id) => open.has(id))), [picked, open])
  const editing = editingId !== null && open.has(editingId) ? editingId : null
  const [group, setGroup] = useState<ProblemGroup | null>(null)
  const retry = useApiMutation('intake.retryProblems')
  const fixAll = useApiMutation('intake.fixProblems')
  const rejectAll = useApiMutation('intake.rejectProblems')
  const busy = retry.isPending || fixAll.isPending || rejectAll.isPending

  const groups = useMemo(() => problemGroups(rows ?? []), [rows])

  const run = async (action: () => Promise<BulkOutcome>) => {
    setSaid(null)
    try {
      const o = await action()
      setSaid(outcomeText(o))
      setSelected(new Set())
      setGroup(null)
    } catch (e) {
      setSaid({
        color: 'red',
        text: describeFailure(e).message,
      })
    }
  }

  const pickGroup = (g: ProblemGroup) => {
    setGroup(g)
    setSelected(new Set(g.ids))
  }
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(id)
    else next.delete(id)
    setSelected(next)
    setGroup(null)
  }
  const chosen = (rows ?? []).filter((r) => selected.has(r.id))
  const allChosen = !!rows?.length && chosen.length === rows.length

  return (
    <Stack gap="md" maw={1200}>
      <PageHeading>Te controleren</PageHeading>
      <Text c="dimmed">
        Regels uit ingelezen bestanden die niet goed te lezen waren. Hebben meer regels hetzelfde probleem,
        kies dan de groep hieronder en verbeter ze in één keer. Of verbeter een regel los, of wijs regels af
        met een reden.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {said && (
        <Alert
          color={said.color}
          role="status"
          aria-live="polite"
          withCloseButton
          onClose={() => setSaid(null)}
        >
          {said.text}
        </Alert>
      )}
      {rows && rows.length === 0 && (
        <Alert color="teal" title="Niets te controleren">
          Alle regels van de ingelezen bestanden zijn afgehandeld.
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600}>
                  {rows.length} {rows.length === 1 ? 'regel' : 'regels'} te controleren
                </Text>
                <Button
                  variant="default"
                  loading={busy}
                  onClick={() => void run(() => retry.mutateAsync({}))}
                  title="Leest elke open regel opnieuw met de huidige regels en koppeling; wat nu goed is, wordt ingelezen."
                >
                  Opnieuw proberen ({rows.length})
                </Button>
              </Group>
              {groups.length > 0 && (
                <Stack gap={6}>
                  <Text size="sm" fw={500}>
                    Zelfde probleem in meer regels
                  </Text>
                  <Group gap="xs" aria-label="Groepen met hetzelfde probleem" role="group">
                    {groups.map((g) => (
                      <Button
                        key={g.key}
                        size="compact-sm"
                        variant={group?.key === g.key ? 'filled' : 'light'}
                        onClick={() => pickGroup(g)}
                      >
                        {g.label} ({g.ids.length})
                      </Button>
                    ))}
                  </Group>
                </Stack>
              )}
              {chosen.length > 0 && (
                <BulkFixPanel
                  key={group?.key ?? `keuze-${chosen.length}`}
                  rows={chosen}
                  group={group}
                  busy={busy}
                  onFix={(fix) => void run(() => fixAll.mutateAsync({ ids: chosen.map((r) => r.id), fix }))}
                  onReject={(reden) =>
                    void run(() => rejectAll.mutateAsync({ ids: chosen.map((r) => r.id), reden }))
                  }
                />
              )}
            </Stack>
          </Paper>
          <Table withTableBorder aria-label="Regels te controleren" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Alle regels kiezen"
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    onChange={(e) => {
                      setGroup(null)
                      setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())
                    }}
                  />
                </Table.Th>
                <Table.Th>Regel</Table.Th>
                <Table.Th>Wat is er mis</Table.Th>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Adres</Table.Th>
                <Table.Th ta="right">Bedrag</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Fragment key={p.id}>
                  <Table.Tr bg={selected.has(p.id) ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Regel ${p.line} van ${p.bestandsnaam} kiezen`}
                        checked={selected.has(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {p.line}
                      <Text size="xs" c="dimmed">
                        {p.bestandsnaam}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.problems.map((x, i) => (
                        <Text key={i} size="sm" c="red.8">
                          {x.field ? `${INTAKE_FIELD_LABELS[x.field]}: ` : ''}
                          {x.reason}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {[p.values.voorletters, p.values.tussenvoegsel, p.values.achternaam]
                        .filter(Boolean)
                        .join(' ')}
                    </Table.Td>
                    <Table.Td>
                      {[p.values.straat, p.values.huisnummer, p.values.postcode].filter(Boolean).join(' ')}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {p.values.bedrag}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant={editing === p.id ? 'filled' : 'default'}
                        onClick={() => setEditing(editing === p.id ? null : p.id)}
                        aria-expanded={editing === p.id}
                      >
                        Verbeteren
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {editing === p.id && (
                    <Table.Tr>
                      <Table.Td colSpan={7} p={0}>
                        <ProblemCard p={p} onSaid={setSaid} onDone={() => setEditing(null)} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  )
}
