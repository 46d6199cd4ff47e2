import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { call } from '../api/client'
import { useAppStatus, useCurrentUser } from './AppContext'
import { routeHref, useRoute } from './router'
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

/** The signed-in workplace: navigation on the left, the current screen on the right. */
export function Workspace() {
  const { status, refresh } = useAppStatus()
  const user = useCurrentUser()
  const route = useRoute()

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
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Wissel van gebruiker
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Hoofdmenu">
        <Stack gap={2}>
          <NavLink href={routeHref({ name: 'vandaag' })} label="Vandaag" active={route.name === 'vandaag'} />
          <NavLink
            href={routeHref({ name: 'caseload', mine: true })}
            label="Mijn zaken"
            active={route.name === 'caseload' && route.mine}
          />
          <NavLink
            href={routeHref({ name: 'caseload', mine: false })}
            label="Caseload (alle zaken)"
            active={route.name === 'caseload' && !route.mine}
          />
          <NavLink
            href={routeHref({ name: 'nieuw-signaal' })}
            label="Signaal invoeren"
            active={route.name === 'nieuw-signaal'}
          />
          <NavLink
            label="Signalen inlezen"
            defaultOpened
            active={['inlezen', 'te-controleren', 'inleesgeschiedenis', 'inlezing'].includes(route.name)}
            childrenOffset="sm"
          >
            <NavLink href={routeHref({ name: 'inlezen' })} label="Bestand inlezen" active={route.name === 'inlezen'} />
            <NavLink
              href={routeHref({ name: 'te-controleren' })}
              label="Te controleren"
              active={route.name === 'te-controleren'}
            />
            <NavLink
              href={routeHref({ name: 'inleesgeschiedenis' })}
              label="Inleesgeschiedenis"
              active={route.name === 'inleesgeschiedenis' || route.name === 'inlezing'}
            />
          </NavLink>
          <NavLink
            label="Kwaliteit"
            defaultOpened={route.name === 'afwegingskader' || route.name === 'verdeling'}
            childrenOffset="sm"
          >
            <NavLink
              href={routeHref({ name: 'afwegingskader' })}
              label="Afwegingskader"
              active={route.name === 'afwegingskader'}
            />
            <NavLink href={routeHref({ name: 'verdeling' })} label="Verdeling" active={route.name === 'verdeling'} />
          </NavLink>
          <NavLink
            href={routeHref({ name: 'monitor' })}
            label="Monitor"
            active={route.name === 'monitor'}
          />
          <NavLink
            href={routeHref({ name: 'afdrukken' })}
            label="Afdrukken"
            active={route.name === 'afdrukken'}
          />
          <NavLink
            href={routeHref({ name: 'sjablonen' })}
            label="Brieven en kaartjes"
            active={route.name === 'sjablonen'}
          />
          <NavLink
            href={routeHref({ name: 'huisbezoeken' })}
            label="Huisbezoeken"
            active={route.name === 'huisbezoeken' || route.name === 'bezoeklijst'}
          />
          <NavLink
            href={routeHref({ name: 'inloop' })}
            label="Inloopspreekuur"
            active={route.name === 'inloop'}
          />
          <NavLink
            href={routeHref({ name: 'stappenplan' })}
            label="Stappenplan"
            active={route.name === 'stappenplan'}
          />
          <NavLink
            href={routeHref({ name: 'instellingen' })}
            label="Instellingen"
            active={route.name === 'instellingen'}
          />
          {user.rol !== 'consulent' && (
            <NavLink href={routeHref({ name: 'logboek' })} label="Logboek" active={route.name === 'logboek'} />
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {route.name === 'caseload' && <CaseloadPage key={route.mine ? 'mine' : 'all'} mine={route.mine} />}
        {route.name === 'nieuw-signaal' && <NewSignalPage />}
        {route.name === 'inlezen' && <ImportPage />}
        {route.name === 'te-controleren' && <ProblemsPage />}
        {route.name === 'inleesgeschiedenis' && <HistoryPage />}
        {route.name === 'inlezing' && <ImportDetailPage key={route.id} importId={route.id} />}
        {route.name === 'afwegingskader' && <RulesPage />}
        {route.name === 'verdeling' && <DistributionPage />}
        {route.name === 'zaak' && <DossierPage key={route.id} caseId={route.id} />}
        {route.name === 'instellingen' && <SettingsPage />}
        {route.name === 'vandaag' && <TodayPage />}
        {route.name === 'huisbezoeken' && <VisitsPage />}
        {route.name === 'bezoeklijst' && <VisitDayListPage datum={route.datum} wijkId={route.wijkId} />}
        {route.name === 'inloop' && <WalkinPage />}
        {route.name === 'stappenplan' && <LadderSettingsPage />}
        {route.name === 'afdrukken' && <PrintQueuePage />}
        {route.name === 'sjablonen' && <TemplatesPage />}
        {route.name === 'monitor' && <MonitorPage />}
        {route.name === 'logboek' && <AuditPage />}
      </AppShell.Main>
    </AppShell>
  )
}
