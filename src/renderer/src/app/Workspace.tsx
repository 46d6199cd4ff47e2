import { AppShell, Badge, Button, Group, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { call } from '../api/client'
import { useAppStatus, useCurrentUser } from './AppContext'
import { useEffect } from 'react'
import { navigate, routeHref, useRoute } from './router'
import { mayOpen, startRoute } from './pages'
import { Navigation } from './Navigation'
import { ROL_LABELS } from '@shared/domain/case'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { NewSignalPage } from '../features/signals/NewSignalPage'
import { ImportPage } from '../features/intake/ImportPage'
import { ProblemsPage } from '../features/intake/ProblemsPage'
import { HistoryPage } from '../features/intake/HistoryPage'
import { ImportDetailPage } from '../features/intake/ImportDetailPage'
import { RulesPage } from '../features/intake/RulesPage'
import { DistributionPage } from '../features/intake/DistributionPage'
import { DossierPage } from '../features/dossier/DossierPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { TodayPage } from '../features/ladder/TodayPage'
import { LadderSettingsPage } from '../features/ladder/LadderSettingsPage'
import { VisitsPage } from '../features/visits/VisitsPage'
import { VisitDayListPage } from '../features/visits/VisitDayListPage'
import { WalkinPage } from '../features/walkin/WalkinPage'
import { PrintQueuePage } from '../features/documents/PrintQueuePage'
import { TemplatesPage } from '../features/documents/TemplatesPage'
import { MonitorPage } from '../features/monitor/MonitorPage'
import { AuditPage } from '../features/audit/AuditPage'
import { BackupsPage } from '../features/backup/BackupsPage'
import { RetentionPage } from '../features/retention/RetentionPage'
import { PersonRequestPage } from '../features/retention/PersonRequestPage'
import { SessionControls } from '../features/session/SessionControls'
import { AgendaPage } from '../features/appointments/AgendaPage'
import { PlacesPage } from '../features/appointments/PlacesPage'

/** The signed-in workplace: navigation on the left, the current screen on the right. */
export function Workspace() {
  const { status, refresh } = useAppStatus()
  const user = useCurrentUser()
  const route = useRoute()
  // A screen this role cannot use (the start address, or one left by the previous user) leads
  // to the role's own start page; replace() keeps it out of the back button.
  const allowed = mayOpen(route.name, user.rol)
  useEffect(() => {
    if (!allowed) window.location.replace(routeHref(startRoute(user.rol)))
  }, [allowed, user.rol])
  // Back to the day's work from anywhere: one key (shown beside Vandaag in the menu).
  useHotkeys([['alt+V', () => mayOpen('vandaag', user.rol) && navigate({ name: 'vandaag' })]])

  const signOut = async () => {
    await call('session.signOut', {})
    await refresh()
  }

  return (
    <AppShell navbar={{ width: 230, breakpoint: 0 }} header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={3}>Lange Adem</Title>
            <Text c="dimmed" size="sm">
              {status.teamNaam} · {status.gemeenteNaam}
            </Text>
            {status.demo && (
              <Badge
                color="orange"
                variant="filled"
                title="Deze gegevens zijn verzonnen en alleen om te oefenen"
              >
                Demo-gegevens
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <Text size="sm">
              {user.naam}{' '}
              <Text span c="dimmed">
                ({ROL_LABELS[user.rol]})
              </Text>
            </Text>
            <SessionControls />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Wissel van gebruiker
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Hoofdmenu">
        <Navigation route={route} rol={user.rol} />
      </AppShell.Navbar>
      <AppShell.Main>
        {allowed && (
          <>
            {route.name === 'caseload' && (
              <CaseloadPage key={route.mine ? 'mine' : 'all'} mine={route.mine} />
            )}
            {route.name === 'nieuw-signaal' && <NewSignalPage />}
            {route.name === 'inlezen' && <ImportPage />}
            {route.name === 'te-controleren' && <ProblemsPage />}
            {route.name === 'inleesgeschiedenis' && <HistoryPage />}
            {route.name === 'inlezing' && <ImportDetailPage key={route.id} importId={route.id} />}
            {route.name === 'afwegingskader' && <RulesPage />}
            {route.name === 'verdeling' && <DistributionPage />}
            {route.name === 'zaak' && (
              <DossierPage
                key={route.id}
                caseId={route.id}
                viaInloop={route.via === 'inloop'}
                fromToday={route.via === 'vandaag'}
              />
            )}
            {route.name === 'instellingen' && <SettingsPage />}
            {route.name === 'vandaag' && <TodayPage />}
            {route.name === 'huisbezoeken' && (
              <VisitsPage
                key={`${route.wijkId}-${route.caseId}`}
                wijkId={route.wijkId}
                caseId={route.caseId}
              />
            )}
            {route.name === 'bezoeklijst' && <VisitDayListPage datum={route.datum} wijkId={route.wijkId} />}
            {route.name === 'inloop' && <WalkinPage />}
            {route.name === 'agenda' && (
              <AgendaPage
                key={`${route.weergave}-${route.datum}`}
                datum={route.datum}
                weergave={route.weergave}
              />
            )}
            {route.name === 'plekken' && <PlacesPage />}
            {route.name === 'stappenplan' && <LadderSettingsPage />}
            {route.name === 'afdrukken' && <PrintQueuePage />}
            {route.name === 'sjablonen' && <TemplatesPage />}
            {route.name === 'monitor' && <MonitorPage />}
            {route.name === 'logboek' && <AuditPage />}
            {route.name === 'back-ups' && <BackupsPage />}
            {route.name === 'bewaartermijnen' && <RetentionPage />}
            {route.name === 'inzageverzoek' && <PersonRequestPage />}
          </>
        )}
      </AppShell.Main>
    </AppShell>
  )
}
