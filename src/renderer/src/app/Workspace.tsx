import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { call } from '../api/client'
import { useAppStatus, useCurrentUser } from './AppContext'
import { routeHref, useRoute } from './router'
import { ROL_LABELS } from '@shared/domain/case'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { NewSignalPage } from '../features/signals/NewSignalPage'
import { DossierPage } from '../features/dossier/DossierPage'
import { SettingsPage } from '../features/settings/SettingsPage'

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
            href={routeHref({ name: 'instellingen' })}
            label="Instellingen"
            active={route.name === 'instellingen'}
          />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {route.name === 'caseload' && <CaseloadPage key={route.mine ? 'mine' : 'all'} mine={route.mine} />}
        {route.name === 'nieuw-signaal' && <NewSignalPage />}
        {route.name === 'zaak' && <DossierPage key={route.id} caseId={route.id} />}
        {route.name === 'instellingen' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  )
}
