import { AppShell, Badge, Burger, Button, Group, Menu, Text } from '@mantine/core'
import { useDisclosure, useHotkeys, useMediaQuery, type HotkeyItem } from '@mantine/hooks'
import { call } from '../api/client'
import { useAppStatus, useCurrentUser } from './AppContext'
import { Fragment, useEffect, useState } from 'react'
import { documentTitle, navigate, routeHref, useRoute, type Route } from './router'
import { mayOpen, pageOf, ROUTE_LIST, startRoute } from './routes'
import { Navigation } from './Navigation'
import { ROL_LABELS } from '@shared/domain/case'
import { lockNow } from '../features/session/IdleLock'
import { ChangePasswordModal } from '../features/session/ChangePasswordModal'
import { SessionControls } from '../features/session/SessionControls'

/** Mantine's lg breakpoint (75em, 1200 px at 100%): room for the session buttons side by side. */
const WIDE = '(min-width: 75em)'

/** The id of the content area, where "Naar de inhoud" leads. */
const CONTENT_ID = 'inhoud'

/** "Naar de inhoud": the first Tab stop, past the header and the menu to the screen's heading. */
function SkipLink() {
  return (
    <a
      className="skip-link"
      // The address stays as it is (the hash is the route); focus moves instead.
      href={`#${CONTENT_ID}`}
      onClick={(e) => {
        e.preventDefault()
        const main = document.getElementById(CONTENT_ID)
        const target = main?.querySelector<HTMLElement>('h1') ?? main
        target?.focus()
      }}
    >
      Naar de inhoud
    </a>
  )
}

/**
 * Below 1200 px wide (a laptop at 150-200% zoom, a narrow window) the signed-in person and the
 * session buttons fold into one menu, so the header stays one line and everything in it can be
 * reached; wider, they stand side by side.
 */
function UserMenu({ onSignOut }: { onSignOut: () => void }) {
  const { refresh } = useAppStatus()
  const user = useCurrentUser()
  const [changing, setChanging] = useState(false)
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={`${user.naam}: wachtwoord, vergrendelen, wisselen`}>
            {user.naam}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.naam} ({ROL_LABELS[user.rol]})
          </Menu.Label>
          <Menu.Item onClick={() => setChanging(true)}>Wachtwoord wijzigen</Menu.Item>
          <Menu.Item onClick={() => void lockNow(refresh)}>Vergrendelen</Menu.Item>
          <Menu.Item onClick={onSignOut}>Wissel van gebruiker</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </>
  )
}

/** The signed-in workplace: navigation on the left, the current screen on the right. */
export function Workspace() {
  const { status, refresh } = useAppStatus()
  const user = useCurrentUser()
  const route = useRoute()
  // Below 992 px (200% zoom on a laptop) the menu folds behind a button.
  const [menuOpen, menu] = useDisclosure(false)
  // Only one of the two forms of the session buttons is in the page, so each name occurs once.
  const wide = useMediaQuery(WIDE, window.matchMedia(WIDE).matches, { getInitialValueInEffect: false })
  // A screen this role cannot use (the start address, or one left by the previous user) leads
  // to the role's own start page; replace() keeps it out of the back button.
  const allowed = mayOpen(route.name, user.rol)
  useEffect(() => {
    if (!allowed) window.location.replace(routeHref(startRoute(user.rol)))
  }, [allowed, user.rol])
  useEffect(() => {
    document.title = documentTitle(route)
  }, [route])
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
    <AppShell
      navbar={{ width: 230, breakpoint: 'md', collapsed: { mobile: !menuOpen } }}
      header={{ height: 56 }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={menuOpen ? 'Menu sluiten' : 'Menu openen'}
              aria-expanded={menuOpen}
              aria-controls="hoofdmenu"
            />
            {/* Below 576 px (320 px, 400% zoom) the name gives way to the buttons. */}
            <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} visibleFrom="xs">
              Lange Adem
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="lg" truncate>
              {status.teamNaam} · {status.gemeenteNaam}
            </Text>
            {status.demo && (
              <Badge
                color="orange"
                variant="filled"
                title="Deze gegevens zijn verzonnen en alleen om te oefenen"
                style={{ flexShrink: 0 }}
              >
                {/* On a narrow screen the one word has to do. */}
                <Text span inherit visibleFrom="sm">
                  Demo-gegevens
                </Text>
                <Text span inherit hiddenFrom="sm">
                  Demo
                </Text>
              </Badge>
            )}
          </Group>
          {wide ? (
            <Group gap="sm" wrap="nowrap">
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
          ) : (
            <UserMenu onSignOut={() => void signOut()} />
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Hoofdmenu" id="hoofdmenu">
        <Navigation route={route} rol={user.rol} onNavigate={menu.close} />
      </AppShell.Navbar>
      <AppShell.Main id={CONTENT_ID} tabIndex={-1}>
        {/* A new address is a new screen: the page starts fresh, as after a reload. */}
        {allowed && <Fragment key={routeHref(route)}>{pageOf(route)}</Fragment>}
      </AppShell.Main>
    </AppShell>
  )
}
