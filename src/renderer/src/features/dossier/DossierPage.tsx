import { useState } from 'react'
import { Alert, Anchor, Button, Center, Loader, Stack } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { ApiError } from '../../api/client'
import { useApiQuery, useSetApiData } from '../../api/queries'
import { backLabel, listBeforeCase, routeHref, type Route } from '../../app/router'
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
import { useCaseVersion } from './caseVersion'

/** Where "← Terug" leads: Vandaag when the case came from there, else the list the user came from. */
export function backTarget(
  fromToday: boolean,
  before: Route | null,
  lastMine: boolean,
): { route: Route; label: string } {
  if (fromToday) return { route: { name: 'vandaag' }, label: 'Vandaag' }
  const label = before && backLabel(before)
  if (before && label) return { route: before, label }
  return lastMine
    ? { route: { name: 'mijn-zaken' }, label: 'Mijn zaken' }
    : { route: { name: 'caseload' }, label: 'de caseload' }
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
  const input = viaInloop ? { caseId, via: 'inloopspreekuur' as const } : { caseId }
  // Every read of a case file is a recorded view (the logboek): it is read once per opening and
  // never refetched by an own change; a change that returns the case file puts it in the cache (update).
  const dossier = useApiQuery('dossier.get', input)
  const setData = useSetApiData()
  // The version the user's changes carry: the case file they saw (caseVersion.ts). A change that
  // succeeds moves it on (update); a background refresh does not, so a colleague's change made
  // while a dialog is open is shown and not overwritten.
  const version = useCaseVersion(dossier.data?.versie ?? 0, (fresh) => setData('dossier.get', input, fresh))
  // A colleague's change to this case (team mode) reads it again: api/changes.ts, invalidation.ts.
  /** A visit is being announced (with this letter; null: the announcement letter). */
  const [announcing, setAnnouncing] = useState<{ template: { id: number; naam: string } | null } | null>(null)

  if (dossier.isPending)
    return (
      <Center h={200}>
        <Loader aria-label="Zaak wordt geladen" />
      </Center>
    )

  if (dossier.isError) {
    const e = dossier.error
    const load = {
      notFound: e instanceof ApiError && e.code === 'not_found',
      forbidden: e instanceof ApiError && e.code === 'forbidden',
      message: describeFailure(e).message,
    }
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
            <Button variant="default" onClick={() => void dossier.refetch()}>
              Opnieuw proberen
            </Button>
          </div>
        )}
      </Stack>
    )
  }

  const d = dossier.data
  const update = (next: DossierView) => {
    setData('dossier.get', input, next)
    version.saved(next)
  }
  const announce = (template: { id: number; naam: string } | null) => {
    version.open()
    setAnnouncing({ template })
  }

  return (
    <Stack gap="md" maw={1400}>
      <BackLink fromToday={fromToday} />
      {d.vorigeZaak && <PreviousCaseNotice previous={d.vorigeZaak} />}
      <DossierHeader dossier={d} version={version} consulenten={team.activeConsulenten} onChange={update} />
      {team.error && <Alert color="yellow">{team.error}</Alert>}
      {d.eerderBekend.length > 0 && <EarlierKnownSection earlier={d.eerderBekend} />}
      <PlanSection
        dossier={d}
        version={version}
        onChange={update}
        fromToday={fromToday}
        onAnnounce={() => announce(null)}
      />
      <AppointmentsSection
        caseId={d.id}
        version={version}
        consulentId={d.consulent?.id ?? null}
        open={d.status !== 'gesloten'}
        onChanged={(r) => update(r.dossier)}
      />
      <HouseholdSection dossier={d} />
      <SignalsSection dossier={d} />
      <ContactAttemptsSection attempts={d.contactpogingen} />
      <CaseDocumentsSection
        caseId={d.id}
        open={d.status !== 'gesloten'}
        onAnnounce={(t) => announce(t.code === 'aankondigingsbrief' ? null : t)}
      />
      <NotesSection dossier={d} onChange={update} />
      <AuditLogSection entries={d.logboek} />
      {announcing && (
        <AnnounceVisitModal
          caseId={d.id}
          version={version}
          consulentId={d.consulent?.id ?? null}
          template={announcing.template}
          onClose={() => setAnnouncing(null)}
          onAnnounced={(r) => {
            setAnnouncing(null)
            update(r.dossier)
          }}
        />
      )}
    </Stack>
  )
}
