import { useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { mondayOf, type AgendaItem, type AgendaView } from '@shared/api/appointments'
import { addDays, formatDateLong } from '@shared/format/dates'
import { call } from '../../api/client'
import { useApiQuery } from '../../api/queries'
import { useCurrentUser } from '../../app/AppContext'
import { navigate, routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { todayIso } from '../../components/localDate'
import { notifyFailed } from '../../components/notify'
import { useTeamLists } from '../../components/useTeamLists'
import { saveFile } from '../monitor/download'
import { downloadIcs } from './AppointmentsSection'
import { PageHeading } from '../../components/PageHeading'

const DAGNAMEN = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']
const dayName = (iso: string) => DAGNAMEN[(new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7]!
const dayTitle = (iso: string) => `${dayName(iso)} ${formatDateLong(iso)}`

const STATUS_COLOR: Record<string, string> = {
  gepland: 'blue',
  geweest: 'teal',
  niet_gekomen: 'red',
  verzet: 'gray',
  uitgevoerd: 'teal',
}

function What({ i }: { i: AgendaItem }) {
  return (
    <Badge size="sm" variant="light" color={i.soort === 'huisbezoek' ? 'grape' : 'indigo'} tt="none">
      {i.soort === 'huisbezoek' ? 'Huisbezoek' : 'Afspraak'}
    </Badge>
  )
}

function StatusBadge({ i }: { i: AgendaItem }) {
  return (
    <Badge size="sm" variant="outline" color={STATUS_COLOR[i.status] ?? 'gray'} tt="none">
      {i.statusLabel}
    </Badge>
  )
}

const caseLink = (i: AgendaItem) => (
  <Anchor href={routeHref({ name: 'zaak', id: i.caseId })} fw={500}>
    {i.naam}
  </Anchor>
)

/** One day: a table in time order, with the case, the place and who else comes. */
function DayTable({ items }: { items: AgendaItem[] }) {
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Geen afspraken en geen huisbezoeken op deze dag.
      </Text>
    )
  return (
    <Table aria-label="Agenda van de dag" fz="sm" verticalSpacing={6} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tijd</Table.Th>
          <Table.Th>Wat</Table.Th>
          <Table.Th>Bewoner</Table.Th>
          <Table.Th>Waar</Table.Th>
          <Table.Th>Met</Table.Th>
          <Table.Th>Stand</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.soort}-${i.id}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {i.tijd}–{i.tot}
            </Table.Td>
            <Table.Td>
              <What i={i} />
            </Table.Td>
            <Table.Td>
              {caseLink(i)}{' '}
              <Text span size="xs" c="dimmed">
                {i.caseNumber}
              </Text>
            </Table.Td>
            <Table.Td>{i.waar}</Table.Td>
            <Table.Td>
              {i.met ?? ''}
              {i.rol === 'mee' ? ' (je gaat mee)' : ''}
            </Table.Td>
            <Table.Td>
              <StatusBadge i={i} />
            </Table.Td>
            <Table.Td>
              {i.soort === 'afspraak' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => void downloadIcs(i.id)}
                  aria-label={`Agendabestand van de afspraak met ${i.naam} opslaan`}
                  title="Agendabestand (.ics) voor Outlook"
                >
                  .ics
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A week: one column per working day (and the weekend when something is planned then). */
function WeekGrid({ view }: { view: AgendaView }) {
  const days = Array.from({ length: 7 }, (_, n) => addDays(view.van, n))
  const weekend = view.items.some((i) => i.datum === days[5] || i.datum === days[6])
  const shown = weekend ? days : days.slice(0, 5)
  const today = todayIso()
  return (
    <SimpleGrid cols={shown.length} spacing="xs">
      {shown.map((d) => {
        const items = view.items.filter((i) => i.datum === d)
        return (
          <Paper
            key={d}
            withBorder
            p="xs"
            component="section"
            aria-label={dayTitle(d)}
            bg={d === today ? 'var(--mantine-color-blue-light)' : undefined}
            mih={200}
          >
            <Anchor
              href={routeHref({ name: 'agenda', datum: d, weergave: 'dag' })}
              fw={600}
              size="sm"
              c="inherit"
            >
              {dayName(d)} {Number(d.slice(8, 10))}-{Number(d.slice(5, 7))}
            </Anchor>
            <Stack gap={6} mt={6}>
              {items.length === 0 && (
                <Text size="xs" c="dimmed">
                  Niets gepland
                </Text>
              )}
              {items.map((i) => (
                <Paper key={`${i.soort}-${i.id}`} withBorder p={6} radius="sm">
                  <Group gap={4} justify="space-between" wrap="nowrap">
                    <Text size="xs" fw={700}>
                      {i.tijd}–{i.tot}
                    </Text>
                    <What i={i} />
                  </Group>
                  <Text size="sm" lineClamp={1}>
                    {caseLink(i)}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {i.waar}
                    {i.met ? ` · met ${i.met}` : ''}
                  </Text>
                  {i.status !== 'gepland' && <StatusBadge i={i} />}
                </Paper>
              ))}
            </Stack>
          </Paper>
        )
      })}
    </SimpleGrid>
  )
}

/**
 * The consulent's agenda: her appointments and home visits (and those she joins), per day or per
 * week, with the week as one .ics file for Outlook.
 */
export function AgendaPage({ datum, weergave = 'week' }: { datum?: string; weergave?: 'dag' | 'week' }) {
  const user = useCurrentUser()
  const team = useTeamLists()
  const [consulentId, setConsulentId] = useState(user.id)
  const day = datum ?? todayIso()
  // While another week or colleague loads, the previous one stays on screen.
  const query = useApiQuery(
    'appointments.agenda',
    { consulentId, datum: day, weergave },
    { keepPrevious: true },
  )
  const view: AgendaView | null = query.data ?? null
  const error = query.error ? describeFailure(query.error).message : null

  const go = (d: string, w = weergave) => navigate({ name: 'agenda', datum: d, weergave: w })
  const step = weergave === 'week' ? 7 : 1
  const exportWeek = async () => {
    try {
      saveFile(await call('appointments.icsWeek', { consulentId, datum: day }))
    } catch (e) {
      notifyFailed('Het agendabestand lukte niet', describeFailure(e).message)
    }
  }
  const options = team.consulenten.some((c) => c.value === String(user.id))
    ? team.consulenten
    : [{ value: String(user.id), label: user.naam }, ...team.consulenten]
  const title =
    weergave === 'week'
      ? `Week van ${formatDateLong(mondayOf(day))}`
      : `${dayName(day)} ${formatDateLong(day)}`

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading>Agenda</PageHeading>
          <Text c="dimmed">
            {title}
            {view
              ? ` · ${view.items.length} ${view.items.length === 1 ? 'afspraak of bezoek' : 'afspraken en bezoeken'}`
              : ''}
          </Text>
        </div>
        <NativeSelect
          label="Agenda van"
          w={240}
          value={String(consulentId)}
          data={options}
          onChange={(e) => setConsulentId(Number(e.currentTarget.value))}
        />
      </Group>
      <Group justify="space-between">
        <Group gap="xs">
          <SegmentedControl
            aria-label="Weergave"
            value={weergave}
            onChange={(v) => go(day, v as 'dag' | 'week')}
            data={[
              { value: 'dag', label: 'Dag' },
              { value: 'week', label: 'Week' },
            ]}
          />
          <Button variant="default" onClick={() => go(addDays(day, -step))}>
            ← {weergave === 'week' ? 'Vorige week' : 'Vorige dag'}
          </Button>
          <Button variant="default" onClick={() => go(todayIso())}>
            Vandaag
          </Button>
          <Button variant="default" onClick={() => go(addDays(day, step))}>
            {weergave === 'week' ? 'Volgende week' : 'Volgende dag'} →
          </Button>
        </Group>
        <Button variant="light" onClick={() => void exportWeek()}>
          Week als agendabestand (.ics)
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!view && !error && <Loader aria-label="Agenda wordt geladen" />}
      {view && weergave === 'week' && <WeekGrid view={view} />}
      {view && weergave === 'dag' && <DayTable items={view.items} />}
      <Text size="xs" c="dimmed">
        Een agendabestand (.ics) opent in Outlook. Er staat geen naam of adres van de bewoner in, alleen het
        zaaknummer en de plek.
      </Text>
    </Stack>
  )
}
