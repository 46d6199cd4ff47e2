import { useEffect, useState } from 'react'
import { Alert, Anchor, Button, Center, Loader, Stack } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { ApiError, call } from '../../api/client'
import { listBeforeCase, routeHref, type Route } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { useTeamLists } from '../../components/useTeamLists'
import { lastListWasMine } from '../caseload/caseloadFilters'
import { AuditLogSection } from './AuditLogSection'
import { ContactAttemptsSection } from './ContactAttemptsSection'
import { DossierHeader } from './DossierHeader'
import { EarlierKnownSection } from './EarlierKnownSection'
import { PreviousCaseNotice } from './PreviousCaseNotice'
import { HouseholdSection } from './HouseholdSection'
import { NotesSection } from './NotesSection'
import { SignalsSection } from './SignalsSection'
import { PlanSection } from '../ladder/PlanSection'
import { CaseDocumentsSection } from '../documents/CaseDocumentsSection'
import { AnnounceVisitModal } from '../visits/AnnounceVisitModal'
import { AppointmentsSection } from '../appointments/AppointmentsSection'

type Load =
  | { state: 'loading' }
  | { state: 'ok'; dossier: DossierView }
  | { state: 'error'; notFound: boolean; forbidden: boolean; message: string }

const BACK_LABELS: Partial<Record<Route['name'], string>> = {
  vandaag: 'Vandaag',
  huisbezoeken: 'Huisbezoeken',
  bezoeklijst: 'de daglijst',
  agenda: 'de agenda',
  inloop: 'het inloopspreekuur',
  afdrukken: 'Afdrukken',
  monitor: 'de monitor',
  verdeling: 'de verdeling',
  inzageverzoek: 'het inzageverzoek',
  inlezing: 'de inlezing',
}

/** Where "← Terug" leads: Vandaag when the case came from there, else the list the user came from. */
export function backTarget(
  fromToday: boolean,
  before: Route | null,
  lastMine: boolean,
): { route: Route; label: string } {
  if (fromToday) return { route: { name: 'vandaag' }, label: 'Vandaag' }
  if (before && BACK_LABELS[before.name]) return { route: before, label: BACK_LABELS[before.name]! }
  const mine = before?.name === 'caseload' ? before.mine : lastMine
  return { route: { name: 'caseload', mine }, label: mine ? 'Mijn zaken' : 'de caseload' }
}

function BackLink({ fromToday }: { fromToday: boolean }) {
  const back = backTarget(fromToday, listBeforeCase(), lastListWasMine())
  return (
    <Anchor href={routeHref(back.route)} size="sm">
      ← Terug naar {back.label}
    </Anchor>
  )
}

/** The case file (dossier): the household, its signals and history, and the work on the case. */
export function DossierPage({
  caseId,
  viaInloop = false,
  fromToday = false,
}: {
  caseId: number
  viaInloop?: boolean
  fromToday?: boolean
}) {
  const team = useTeamLists()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  /** A visit is being announced (with this letter; null: the announcement letter). */
  const [announcing, setAnnouncing] = useState<{ template: { id: number; naam: string } | null } | null>(null)
  /** Bumped when a visit was announced: the plan and the documents read again. */
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let alive = true
    call('dossier.get', viaInloop ? { caseId, via: 'inloopspreekuur' } : { caseId })
      .then((dossier) => alive && setLoad({ state: 'ok', dossier }))
      .catch(
        (e: unknown) =>
          alive &&
          setLoad({
            state: 'error',
            notFound: e instanceof ApiError && e.code === 'not_found',
            forbidden: e instanceof ApiError && e.code === 'forbidden',
            message: describeFailure(e).message,
          }),
      )
    return () => {
      alive = false
    }
  }, [caseId, viaInloop, attempt])

  if (load.state === 'loading')
    return (
      <Center h={200}>
        <Loader aria-label="Zaak wordt geladen" />
      </Center>
    )

  if (load.state === 'error')
    return (
      <Stack gap="md" maw={640}>
        <BackLink fromToday={fromToday} />
        <Alert
          color={load.notFound || load.forbidden ? 'yellow' : 'red'}
          title={
            load.notFound
              ? 'Zaak niet gevonden'
              : load.forbidden
                ? 'Je kunt deze zaak niet openen'
                : 'De zaak kon niet worden geladen'
          }
        >
          {load.notFound ? 'Deze zaak bestaat niet (meer). Zoek de bewoner op in de caseload.' : load.message}
        </Alert>
        {load.forbidden && (
          <div>
            <Button component="a" href={routeHref({ name: 'inloop' })} variant="default">
              Naar het inloopspreekuur
            </Button>
          </div>
        )}
        {!load.notFound && !load.forbidden && (
          <div>
            <Button variant="default" onClick={() => setAttempt((a) => a + 1)}>
              Opnieuw proberen
            </Button>
          </div>
        )}
      </Stack>
    )

  const d = load.dossier
  const update = (dossier: DossierView) => setLoad({ state: 'ok', dossier })

  return (
    <Stack gap="md" maw={1400}>
      <BackLink fromToday={fromToday} />
      {d.vorigeZaak && <PreviousCaseNotice previous={d.vorigeZaak} />}
      <DossierHeader dossier={d} consulenten={team.activeConsulenten} onChange={update} />
      {team.error && <Alert color="yellow">{team.error}</Alert>}
      {d.eerderBekend.length > 0 && <EarlierKnownSection earlier={d.eerderBekend} />}
      <PlanSection
        dossier={d}
        onChange={update}
        fromToday={fromToday}
        version={version}
        onAnnounce={() => setAnnouncing({ template: null })}
        onAppointment={() => setVersion((v) => v + 1)}
      />
      <AppointmentsSection
        caseId={d.id}
        consulentId={d.consulent?.id ?? null}
        open={d.status !== 'gesloten'}
        version={version}
        onChanged={(r) => {
          update(r.dossier)
          setVersion((v) => v + 1)
        }}
      />
      <HouseholdSection dossier={d} />
      <SignalsSection dossier={d} />
      <ContactAttemptsSection attempts={d.contactpogingen} />
      <CaseDocumentsSection
        caseId={d.id}
        open={d.status !== 'gesloten'}
        version={version}
        onAnnounce={(t) => setAnnouncing({ template: t.code === 'aankondigingsbrief' ? null : t })}
      />
      <NotesSection dossier={d} onChange={update} />
      <AuditLogSection entries={d.logboek} />
      {announcing && (
        <AnnounceVisitModal
          caseId={d.id}
          consulentId={d.consulent?.id ?? null}
          template={announcing.template}
          onClose={() => setAnnouncing(null)}
          onAnnounced={(r) => {
            setAnnouncing(null)
            update(r.dossier)
            setVersion((v) => v + 1)
          }}
        />
      )}
    </Stack>
  )
}
