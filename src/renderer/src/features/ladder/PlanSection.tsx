import { useEffect, useRef, useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import type { DossierView } from '@shared/api/dossier'
import type { LadderResult, TodayItem } from '@shared/api/ladder'
import { formatDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { notifySaved } from '../../components/notify'
import { DossierSection } from '../dossier/DossierSection'
import { CloseCaseModal } from './CloseCaseModal'
import { LogAttemptModal } from './LogAttemptModal'
import { MessageButtons } from './MessageButtons'
import { nextTask } from './nextTask'
import { AppointmentModal } from '../appointments/AppointmentModal'
import { appointmentMadeText } from '../appointments/AppointmentsSection'
import { Dialog } from '../../components/Dialog'
import type { CaseVersion } from '../dossier/caseVersion'

type Dialog = 'poging' | 'afspraak' | 'afsluiten' | 'niet-benaderen' | 'heropenen' | null

/**
 * After an attempt on a case opened from Vandaag: Vandaag's next task, one Enter away (the button
 * has the focus), or back to Vandaag when nothing is left.
 */
function NextTaskOffer({ next }: { next: TodayItem | 'klaar' }) {
  const button = useRef<HTMLAnchorElement>(null)
  useEffect(() => button.current?.focus(), [next])
  const href =
    next === 'klaar'
      ? routeHref({ name: 'vandaag' })
      : routeHref({ name: 'zaak', id: next.caseId, via: 'vandaag' })
  return (
    <Alert
      color="teal"
      title={next === 'klaar' ? 'Alles van Vandaag is gedaan' : 'Volgende taak van Vandaag'}
    >
      <Group gap="sm">
        <Button component="a" href={href} ref={button}>
          {next === 'klaar'
            ? 'Terug naar Vandaag'
            : `${next.naam} · ${next.stap === 'bellen' ? 'bellen' : 'openen'} →`}
        </Button>
        <Text size="sm" c="dimmed">
          {next === 'klaar' ? 'Druk op Enter.' : `Druk op Enter. ${next.adres}`}
        </Text>
      </Group>
    </Alert>
  )
}

/** The case on the ladder: current and next step with due date, ready texts, and the actions. */
export function PlanSection({
  dossier,
  version,
  onChange,
  fromToday = false,
  onAnnounce,
}: {
  dossier: DossierView
  /** The version of the case file the user read: every change here carries it. */
  version: CaseVersion
  onChange(d: DossierView): void
  /** Opened from Vandaag: after an attempt, offer Vandaag's next task. */
  fromToday?: boolean
  onAnnounce?(): void
}) {
  // Refetched after every change to the case (api/invalidation.ts), a visit announced included.
  const planQuery = useApiQuery('ladder.plan', { caseId: dossier.id })
  const plan = planQuery.data ?? null
  const [actionError, setError] = useState<string | null>(null)
  const error = actionError ?? (planQuery.error ? describeFailure(planQuery.error).message : null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [reden, setReden] = useState('')
  const reopen = useApiMutation('ladder.reopen')
  const approach = useApiMutation('ladder.setDoNotApproach')
  const busy = reopen.isPending || approach.isPending
  const [next, setNext] = useState<TodayItem | 'klaar' | null>(null)

  // A dialog works on the case file as shown when it opened (dossier/caseVersion.ts).
  const openDialog = (d: Exclude<Dialog, null>) => {
    version.open()
    setDialog(d)
  }

  const reasonGuard = useDiscardGuard(reden.trim() !== '', () => {
    setDialog(null)
    setReden('')
  })

  useHotkeys([['alt+P', () => plan?.open && openDialog('poging')]])

  const offerNext = async () => {
    try {
      setNext(nextTask(dossier.id, await call('ladder.today', {})) ?? 'klaar')
    } catch {
      setNext(null)
    }
  }

  const done = (r: LadderResult, message: string) => {
    onChange(r.dossier)
    setDialog(null)
    setReden('')
    notifySaved(message)
  }

  const withReason = async (kind: 'niet-benaderen' | 'heropenen' | 'weer-benaderen') => {
    setError(null)
    // "Weer benaderen" is one click on what the case file shows; the others come from a dialog.
    const versie = kind === 'weer-benaderen' ? dossier.versie : version.versie
    try {
      if (kind === 'heropenen')
        done(await reopen.mutateAsync({ caseId: dossier.id, versie, reden }), 'De zaak is heropend.')
      else
        done(
          await approach.mutateAsync({
            caseId: dossier.id,
            versie,
            nietBenaderen: kind === 'niet-benaderen',
            reden,
          }),
          kind === 'niet-benaderen'
            ? 'De bewoner wordt niet meer benaderd.'
            : 'De bewoner mag weer benaderd worden.',
        )
    } catch (e) {
      version.refused(e)
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }

  if (!plan) return error ? <Alert color="red">{error}</Alert> : null

  return (
    <DossierSection
      title="Stappenplan"
      aside={
        <Group gap="xs">
          {plan.open && (
            <Button onClick={() => openDialog('poging')} title="Sneltoets Alt+P">
              Contactpoging vastleggen
            </Button>
          )}
          {plan.open && (
            <Button variant="default" color="red" onClick={() => openDialog('afsluiten')}>
              Zaak afsluiten
            </Button>
          )}
          {plan.heropenbaar && (
            <Button variant="default" onClick={() => openDialog('heropenen')}>
              Zaak heropenen
            </Button>
          )}
        </Group>
      }
    >
      <Stack gap="sm">
        {plan.nietBenaderen && (
          <Alert color="orange" title="Niet benaderen">
            De bewoner wil niet meer benaderd worden
            {plan.nietBenaderenReden ? `: ${plan.nietBenaderenReden}` : '.'} Er wordt niets gepland.{' '}
            <Anchor component="button" onClick={() => void withReason('weer-benaderen')}>
              Weer benaderen
            </Anchor>
          </Alert>
        )}
        {plan.open && plan.stap && (
          <Group gap="xl" align="flex-start" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                Volgende stap
              </Text>
              <Text fw={600} aria-label="Volgende stap">
                {plan.stapLabel}
                {plan.pogingen > 1 && plan.stap !== 'opvolgen'
                  ? ` (poging ${plan.poging} van ${plan.pogingen})`
                  : ''}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                Wanneer
              </Text>
              <Text fw={600}>
                {formatDate(plan.datum)}
                {plan.dagdeel ? ` · ${plan.dagdeel.toLowerCase()}` : ''}
              </Text>
            </Stack>
            {plan.daarna && (
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  Lukt dat niet, dan
                </Text>
                <Text>{plan.daarna}</Text>
              </Stack>
            )}
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                Pogingen tot nu toe
              </Text>
              <Group gap={6}>
                <Text>{plan.pogingenTotaal}</Text>
                {plan.bereikt && (
                  <Badge color="teal" variant="light">
                    Bereikt
                  </Badge>
                )}
              </Group>
            </Stack>
            {plan.huisbezoek && (
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  Huisbezoek gepland
                </Text>
                <Text>
                  {formatDate(plan.huisbezoek.datum)} {plan.huisbezoek.tijd}
                  {plan.huisbezoek.tot ? `–${plan.huisbezoek.tot}` : ''}
                </Text>
              </Stack>
            )}
            {plan.afspraak && (
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  Afspraak
                </Text>
                <Text aria-label="Afspraak">
                  {formatDate(plan.afspraak.datum)} {plan.afspraak.tijd}, {plan.afspraak.plek}
                </Text>
              </Stack>
            )}
            {plan.huisbezoekNodig && (
              <Group gap="sm" mt="lg">
                {onAnnounce && (
                  <Button variant="light" size="xs" onClick={onAnnounce}>
                    Huisbezoek aankondigen
                  </Button>
                )}
                <Anchor
                  href={routeHref({
                    name: 'huisbezoeken',
                    ...(plan.wijkId ? { wijkId: plan.wijkId, caseId: plan.caseId } : {}),
                  })}
                  size="sm"
                >
                  Huisbezoek plannen →
                </Anchor>
              </Group>
            )}
          </Group>
        )}
        {!plan.open && (
          <Text size="sm">
            Deze zaak is gesloten.
            {plan.hulpAangeboden !== null &&
              ` Hulp aangeboden: ${plan.hulpAangeboden ? 'ja' : 'nee'}; aangenomen: ${plan.hulpGeaccepteerd ? 'ja' : 'nee'}.`}
            {plan.verwijzing && ` Verwezen naar: ${plan.verwijzing}.`}
          </Text>
        )}
        {/* With an appointment coming, its own confirmation texts are in Afspraken. */}
        {plan.open && !plan.nietBenaderen && plan.stap !== 'afspraak' && (
          <MessageButtons berichten={plan.berichten} />
        )}
        {plan.open && !plan.nietBenaderen && (
          <Group>
            <Anchor component="button" size="sm" c="orange" onClick={() => openDialog('niet-benaderen')}>
              Bewoner wil niet meer benaderd worden
            </Anchor>
          </Group>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {next && <NextTaskOffer next={next} />}
      </Stack>

      {dialog === 'poging' && (
        <LogAttemptModal
          caseId={dossier.id}
          version={version}
          kanaal={plan.kanaal}
          returnFocus={!fromToday}
          onClose={() => setDialog(null)}
          onSaved={(r, afspraak) => {
            done(
              r,
              afspraak
                ? 'Vastgelegd. Maak nu de afspraak.'
                : r.plan.stapLabel
                  ? `Vastgelegd. Volgende stap: ${r.plan.stapLabel} op ${formatDate(r.plan.datum)}.`
                  : 'Vastgelegd.',
            )
            if (afspraak) setDialog('afspraak')
            else if (fromToday) void offerNext()
          }}
        />
      )}
      {dialog === 'afspraak' && (
        <AppointmentModal
          caseId={dossier.id}
          version={version}
          consulentId={dossier.consulent?.id ?? null}
          onClose={() => setDialog(null)}
          onSaved={(r) => done(r, appointmentMadeText(r))}
        />
      )}
      {dialog === 'afsluiten' && (
        <CloseCaseModal
          caseId={dossier.id}
          version={version}
          onClose={() => setDialog(null)}
          onSaved={(r) => done(r, 'De zaak is afgesloten.')}
        />
      )}
      {(dialog === 'niet-benaderen' || dialog === 'heropenen') && (
        <Dialog
          opened
          onClose={reasonGuard.requestClose}
          title={dialog === 'heropenen' ? 'Zaak heropenen' : 'Niet meer benaderen'}
        >
          <DiscardQuestion guard={reasonGuard} />
          <Stack gap="sm">
            <Textarea
              label={dialog === 'heropenen' ? 'Waarom gaat de zaak weer open?' : 'Wat zei de bewoner?'}
              data-autofocus
              value={reden}
              onChange={(e) => setReden(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {error && <Alert color="red">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={reasonGuard.requestClose}>
                Annuleren
              </Button>
              <Button loading={busy} onClick={() => void withReason(dialog)}>
                {dialog === 'heropenen' ? 'Heropenen' : 'Niet meer benaderen'}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </DossierSection>
  )
}
