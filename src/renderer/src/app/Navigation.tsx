import { Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import type { Rol } from '@shared/domain/case'
import { MENU_SECTIONS, type RouteDef } from './route-def'
import { routeHref, type Route, type RouteName } from './router'
import { mayOpen, ROUTE_LIST } from './routes'

type Entry = [RouteName, RouteDef<any>]

function MenuLink({
  entry: [name, def],
  current,
  rol,
  onNavigate,
}: {
  entry: Entry
  current: Route
  rol: Rol
  onNavigate: () => void
}) {
  const menu = def.menu!
  return (
    <NavLink
      // A screen in the menu has no values in its path.
      href={routeHref({ name } as Route)}
      label={rol === 'consulent' && menu.consulentLabel ? menu.consulentLabel : menu.label}
      active={current.name === name || ROUTE_LIST.some(([n, d]) => n === current.name && d.activeIn === name)}
      py={6}
      onClick={onNavigate}
      aria-keyshortcuts={menu.sneltoets}
      title={menu.sneltoets ? `Sneltoets ${menu.sneltoets}` : undefined}
      rightSection={
        menu.sneltoets ? (
          <Kbd size="xs" aria-hidden>
            {menu.sneltoets}
          </Kbd>
        ) : undefined
      }
    />
  )
}

/**
 * The left-hand menu, in sections (routes.tsx); every entry is a plain link so it works by
 * keyboard. Each role sees only the screens it can use.
 */
export function Navigation({
  route,
  rol,
  onNavigate,
}: {
  route: Route
  rol: Rol
  /** A link was followed: the folded menu (narrow window, zoom) closes again. */
  onNavigate: () => void
}) {
  const usable = ROUTE_LIST.filter(([name, def]) => def.menu && mayOpen(name, rol))
  const foot = usable.filter(([, def]) => def.menu!.section === 'foot')
  return (
    <>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="sm">
          {MENU_SECTIONS.map((title) => ({
            title,
            entries: usable.filter(([, def]) => def.menu!.section === title),
          }))
            .filter((section) => section.entries.length > 0)
            .map((section) => (
              <Stack key={section.title} gap={0}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                  {section.title}
                </Text>
                {section.entries.map((entry) => (
                  <MenuLink key={entry[0]} entry={entry} current={route} rol={rol} onNavigate={onNavigate} />
                ))}
              </Stack>
            ))}
        </Stack>
      </ScrollArea>
      {foot.map(([name, def]) => (
        <NavLink
          key={name}
          href={routeHref({ name } as Route)}
          label={def.menu!.label}
          active={route.name === name}
          mt="xs"
          onClick={onNavigate}
        />
      ))}
    </>
  )
}
