import { useEffect, useState } from 'react'
import { Alert, Anchor, Button, Center, Loader, Stack } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { ApiError, call } from '../../api/client'
import { routeHref } from '../../app/router'
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

type Load =
  | { state: 'loading' }
  | { state: 'ok'; dossier: DossierView }
  | { state: 'error'; notFound: boolean; forbidden: boolean; message: string }

function BackLink() {
  return (
    <Anchor href={routeHref({ name: 'caseload', mine: lastListWasMine() })} size="sm">
      ← Terug naar caseload
    </Anchor>
  )
}

/** The case file (dossier): the household, its signals and history, and the work on the case. */
export function DossierPage({ caseId, viaInloop = false }: { caseId: number; viaInloop?: boolean }) {
  const team = useTeamLists()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

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
        <BackLink />
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
      <BackLink />
      {d.vorigeZaak && <PreviousCaseNotice previous={d.vorigeZaak} />}
      <DossierHeader dossier={d} consulenten={team.activeConsulenten} onChange={update} />
      {team.error && <Alert color="yellow">{team.error}</Alert>}
      {d.eerderBekend.length > 0 && <EarlierKnownSection earlier={d.eerderBekend} />}
      <PlanSection dossier={d} onChange={update} />
      <HouseholdSection dossier={d} />
      <SignalsSection dossier={d} />
      <ContactAttemptsSection attempts={d.contactpogingen} />
      <CaseDocumentsSection caseId={d.id} open={d.status !== 'gesloten'} />
      <NotesSection dossier={d} onChange={update} />
      <AuditLogSection entries={d.logboek} />
    </Stack>
  )
}
