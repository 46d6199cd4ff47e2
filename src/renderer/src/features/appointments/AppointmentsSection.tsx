import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import {
  AFSPRAAK_STATUS_LABELS,
  PLEK_SOORT_LABELS,
  type AppointmentResult,
  type AppointmentView,
} from '@shared/api/appointments'
import { formatDate, formatDateLong } from '@shared/format/dates'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'
import { DossierSection } from '../dossier/DossierSection'
import { saveFile } from '../monitor/download'
import { AppointmentModal } from './AppointmentModal'
import { ConfirmationTexts } from './ConfirmationTexts'
import { OutcomeModal } from './OutcomeModal'
import type { CaseVersion } from '../dossier/caseVersion'

const STATUS_COLOR: Record<AppointmentView['status'], string> = {
  gepland: 'blue',
  geweest: 'teal',
  niet_gekomen: 'red',
  verzet: 'gray',
  vervallen: 'gray',
}

/** Downloads one appointment as an .ics file that Outlook opens. */
export async function downloadIcs(afspraakId: number): Promise<void> {
  try {
    saveFile(await call('appointments.ics', { afspraakId }))
  } catch (e) {
    notifyFailed('Het agendabestand lukte niet', describeFailure(e).message)
  }
}

/** The appointment still to come: what to send, and what to do with it. */
function PlannedAppointment({
  a,
  onMove,
  onOutcome,
}: {
  a: AppointmentView
  onMove(): void
  onOutcome(): void
}) {
  const queueLetterCall = useApiMutation('appointments.queueLetter')
  const queueLetter = async () => {
    try {
      await queueLetterCall.mutateAsync({ afspraakId: a.id })
      notifySaved('De bevestigingsbrief staat in de wachtrij om af te drukken.')
    } catch (e) {
      notifyFailed('Klaarzetten lukte niet', describeFailure(e).message)
    }
  }
  return (
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-blue-light)"
      component="section"
      aria-label="Geplande afspraak"
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              {formatDateLong(a.datum)}, {a.tijd}–{a.tot}
            </Text>
            <Text size="sm">
              {a.plek.soort === 'thuis' ? `${a.plek.naam}, ${a.plek.adres}` : a.plek.adres || a.plek.naam}
              {a.met ? ` · met ${a.met}` : ''}
            </Text>
            {a.herinnering === 'nodig' && (
              <Text size="xs" c="dimmed">
                Herinnering sturen op {formatDate(a.herinneringDag)} (staat dan in Vandaag).
              </Text>
            )}
            {a.herinnering === 'verstuurd' && (
              <Text size="xs" c="teal">
                Herinnering is verstuurd.
              </Text>
            )}
          </div>
          <Group gap="xs">
            {a.uitkomstMogelijk && <Button onClick={onOutcome}>Uitkomst vastleggen</Button>}
            <Button variant="default" onClick={onMove}>
              Verzetten
            </Button>
          </Group>
        </Group>
        <ConfirmationTexts afspraakId={a.id} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => void queueLetter()}>
            Bevestigingsbrief klaarzetten
          </Button>
          <Button size="xs" variant="light" onClick={() => void downloadIcs(a.id)}>
            Agendabestand (.ics) opslaan
          </Button>
          <Anchor size="sm" href={routeHref({ name: 'agenda', datum: a.datum, weergave: 'dag' })}>
            In de agenda →
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  )
}

/**
 * The case's appointments: make one, send its confirmation, move it, and record how it went. A
 * planned appointment is the case's next step (Stappenplan).
 */
export function AppointmentsSection({
  caseId,
  version,
  consulentId,
  open,
  onChanged,
}: {
  caseId: number
  /** The version of the case file the user read: a new appointment carries it. */
  version: CaseVersion
  consulentId: number | null
  /** An appointment can be made: the case is open and the resident may be approached. */
  open: boolean
  onChanged(r: AppointmentResult): void
}) {
  // Refetched after every change to the case's appointments (api/invalidation.ts), also one made
  // from the Stappenplan right after a contact attempt.
  const query = useApiQuery('appointments.forCase', { caseId })
  const items = query.data ?? null
  const error = query.error ? describeFailure(query.error).message : null
  const [dialog, setDialog] = useState<
    | { kind: 'maken' }
    | { kind: 'verzetten'; a: AppointmentView }
    | { kind: 'uitkomst'; a: AppointmentView }
    | null
  >(null)

  const saved = (r: AppointmentResult, message: string) => {
    setDialog(null)
    notifySaved(message)
    onChanged(r)
  }

  const planned = items?.find((a) => a.status === 'gepland') ?? null
  return (
    <DossierSection
      title="Afspraken"
      aside={
        open &&
        !planned && (
          <Button
            variant="light"
            onClick={() => {
              version.open()
              setDialog({ kind: 'maken' })
            }}
          >
            Afspraak maken
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        {planned && (
          <PlannedAppointment
            a={planned}
            onMove={() => setDialog({ kind: 'verzetten', a: planned })}
            onOutcome={() => setDialog({ kind: 'uitkomst', a: planned })}
          />
        )}
        {items && items.length === 0 && (
          <Text c="dimmed" size="sm">
            Nog geen afspraken. Maak een afspraak als de bewoner wil praten: op het stadskantoor, in de wijk,
            thuis, telefonisch of met beeldbellen.
          </Text>
        )}
        {items && items.some((a) => a !== planned) && (
          <Table aria-label="Eerdere afspraken" fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Wanneer</Table.Th>
                <Table.Th>Waar</Table.Th>
                <Table.Th>Met</Table.Th>
                <Table.Th>Uitkomst</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items
                .filter((a) => a !== planned)
                .map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {formatDate(a.datum)} {a.tijd}–{a.tot}
                    </Table.Td>
                    <Table.Td>
                      {a.plek.naam}{' '}
                      {PLEK_SOORT_LABELS[a.plek.soort] !== a.plek.naam && (
                        <Text span size="xs" c="dimmed">
                          {PLEK_SOORT_LABELS[a.plek.soort]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{a.met ?? ''}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[a.status]} tt="none">
                        {AFSPRAAK_STATUS_LABELS[a.status]}
                        {a.verzetNaar ? ` naar ${formatDate(a.verzetNaar.datum)} ${a.verzetNaar.tijd}` : ''}
                      </Badge>
                      {a.uitkomstNotitie && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {a.uitkomstNotitie}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {dialog?.kind === 'maken' && (
        <AppointmentModal
          caseId={caseId}
          version={version}
          consulentId={consulentId}
          onClose={() => setDialog(null)}
          onSaved={(r) => saved(r, appointmentMadeText(r))}
        />
      )}
      {dialog?.kind === 'verzetten' && (
        <AppointmentModal
          caseId={caseId}
          version={version}
          consulentId={consulentId}
          previous={dialog.a}
          onClose={() => setDialog(null)}
          onSaved={(r) => saved(r, `Afspraak verzet. ${appointmentMadeText(r)}`)}
        />
      )}
      {dialog?.kind === 'uitkomst' && (
        <OutcomeModal
          afspraak={dialog.a}
          onClose={() => setDialog(null)}
          onSaved={(r) =>
            saved(
              r,
              r.plan.stapLabel
                ? `Vastgelegd. Volgende stap: ${r.plan.stapLabel} op ${formatDate(r.plan.datum)}.`
                : 'Vastgelegd.',
            )
          }
        />
      )}
    </DossierSection>
  )
}

export function appointmentMadeText(r: AppointmentResult): string {
  const a = r.afspraak
  return `Afspraak op ${formatDate(a.datum)} om ${a.tijd}, ${a.plek.naam}. Stuur de bevestiging.`
}
