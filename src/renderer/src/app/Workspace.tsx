import { AppShell, Badge, Button, Group, Text, Title } from '@mantine/core'
import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import { call } from '../api/client'
import { useAppStatus, useCurrentUser } from './AppContext'
import { Fragment, useEffect } from 'react'
import { navigate, routeHref, useRoute, type Route } from './router'
import { mayOpen, pageOf, ROUTE_LIST, startRoute } from './routes'
import { Navigation } from './Navigation'
import { ROL_LABELS } from '@shared/domain/case'
import { SessionControls } from '../features/session/SessionControls'

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
  // Back to the day's work from anywhere: one key (shown beside its entry in the menu).
  useHotkeys(
    ROUTE_LIST.flatMap(([name, def]): HotkeyItem[] =>
      def.menu?.sneltoets
        ? // A screen with a shortcut has no values in its path.
          [[def.menu.sneltoets, () => mayOpen(name, user.rol) && navigate({ name } as Route)]]
        : [],
    ),
  )

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
        {/* A new address is a new screen: the page starts fresh, as after a reload. */}
        {allowed && <Fragment key={routeHref(route)}>{pageOf(route)}</Fragment>}
      </AppShell.Main>
    </AppShell>
  )
}
