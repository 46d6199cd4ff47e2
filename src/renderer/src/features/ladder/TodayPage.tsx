import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { formatDate, formatDateLong } from '@shared/format/dates'
import { useApiQuery } from '../../api/queries'
import { useCurrentUser } from '../../app/AppContext'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { useTeamLists } from '../../components/useTeamLists'
import { rememberTodayOrder } from './nextTask'
import { MomentHintText, ReminderSection } from '../appointments/ReminderSection'
import { PageHeading } from '../../components/PageHeading'

/**
 * "Vandaag": what is due today and overdue for one consulent, grouped by step. Every case is a
 * link; the arrow keys move between them and Enter opens the case. A case opened from here offers
 * the next task after its attempt is saved (PlanSection), in the order shown here.
 */
export function TodayPage() {
  const user = useCurrentUser()
  const team = useTeamLists()
  const [consulentId, setConsulentId] = useState<number>(user.id)
  // While another colleague's list loads, the previous one stays on screen.
  const today = useApiQuery('ladder.today', { consulentId }, { keepPrevious: true })
  const view = today.data ?? null
  const error = today.error ? describeFailure(today.error).message : null
  const fresh = view && !today.isPlaceholderData ? view : null
  const list = useRef<HTMLDivElement>(null)

  // A new list on screen (an effect runs after React drew it): remember its order for the case
  // file's "next task", and focus the first case so the consulent can start with Enter.
  useEffect(() => {
    if (!fresh) return
    if (consulentId === user.id) rememberTodayOrder(fresh)
    list.current?.querySelector<HTMLElement>('a[data-today]')?.focus()
  }, [fresh, consulentId, user.id])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const links = [...(list.current?.querySelectorAll<HTMLElement>('a[data-today]') ?? [])]
    const i = links.indexOf(document.activeElement as HTMLElement)
    const next = links[Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]
    next?.focus()
    e.preventDefault()
  }

  const options = team.consulenten.some((c) => c.value === String(user.id))
    ? team.consulenten
    : [{ value: String(user.id), label: user.naam }, ...team.consulenten]

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading>Vandaag</PageHeading>
          {view && (
            <Text c="dimmed">
              {formatDateLong(view.datum)} · {view.totaal} {view.totaal === 1 ? 'taak' : 'taken'}
              {view.telaat > 0 ? `, waarvan ${view.telaat} te laat` : ''}
              {view.herinneringen.length > 0
                ? ` · ${view.herinneringen.length} ${view.herinneringen.length === 1 ? 'herinnering' : 'herinneringen'} te sturen`
                : ''}
            </Text>
          )}
        </div>
        <NativeSelect
          label="Werk van"
          w={260}
          value={String(consulentId)}
          data={options}
          onChange={(e) => setConsulentId(Number(e.currentTarget.value))}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!view && !error && <Loader aria-label="Vandaag wordt geladen" />}
      {view && view.totaal === 0 && view.herinneringen.length === 0 && (
        <Alert color="teal" title="Niets te doen vandaag">
          Er staat vandaag niets gepland en er is niets blijven liggen.
        </Alert>
      )}
      {view?.afgekapt && (
        <Alert color="yellow">Er is meer werk dan deze lijst laat zien. Werk eerst de oudste taken af.</Alert>
      )}
      <Stack gap="md" ref={list} onKeyDown={onKeyDown}>
        {view && <ReminderSection key={`${consulentId}-${view.datum}`} reminders={view.herinneringen} />}
        {view?.groepen.map((g) => (
          <Paper withBorder p="md" key={g.stap} component="section" aria-label={g.label}>
            <Group gap="xs" mb="xs">
              <Title order={3}>{g.label}</Title>
              <Badge variant="light">{g.items.length}</Badge>
            </Group>
            {/* Zoomed in or narrow, the table scrolls in its box and the page does not (WCAG 1.4.10). */}
            <Table.ScrollContainer minWidth={560} type="native">
              <Table fz="sm" verticalSpacing={4} aria-label={g.label}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Naam</Table.Th>
                    <Table.Th>Adres</Table.Th>
                    <Table.Th>Telefoon</Table.Th>
                    <Table.Th>Poging</Table.Th>
                    <Table.Th>Gepland</Table.Th>
                    <Table.Th>Dagdeel</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.items.map((i) => (
                    <Table.Tr key={i.caseId}>
                      <Table.Td>
                        <Anchor
                          href={routeHref({ name: 'zaak', id: i.caseId, via: 'vandaag' })}
                          data-today
                          fw={500}
                        >
                          {i.naam}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          {i.caseNumber}
                        </Text>
                        {i.huisbezoekNodig && i.wijkId && (
                          <>
                            {' · '}
                            <Anchor
                              size="xs"
                              href={routeHref({ name: 'huisbezoeken', wijkId: i.wijkId, caseId: i.caseId })}
                            >
                              Huisbezoek plannen →
                            </Anchor>
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{i.adres}</Table.Td>
                      <Table.Td>{i.telefoon}</Table.Td>
                      <Table.Td>{i.poging}</Table.Td>
                      <Table.Td>
                        {i.telaat ? (
                          <Badge color="red" variant="light" tt="none">
                            te laat: {formatDate(i.datum)}
                          </Badge>
                        ) : (
                          'vandaag'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {i.dagdeel ?? ''}
                        {i.moment && (
                          <>
                            {i.dagdeel ? <br /> : null}
                            <MomentHintText hint={i.moment} />
                          </>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}
