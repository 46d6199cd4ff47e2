import { Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import type { Rol } from '@shared/domain/case'
import { routeHref, type Route } from './router'
import { mayOpen } from './pages'

interface Item {
  label: string
  route: Route
  /** Route names that light this item up besides its own. */
  also?: Route['name'][]
  /** What a consulent reads instead: she sees her own wijken, not every case (features/access). */
  consulentLabel?: string
  /** A keyboard shortcut to this screen (Workspace.tsx). */
  sneltoets?: string
}

interface Section {
  title: string
  items: Item[]
}

// Grouped by the moment of the work: the day's own work first, then taking signals in,
// then the kwaliteitsmedewerker's tools.
const SECTIONS: Section[] = [
  {
    title: 'Dagelijks werk',
    items: [
      { label: 'Vandaag', route: { name: 'vandaag' }, sneltoets: 'Alt+V' },
      { label: 'Mijn zaken', route: { name: 'caseload', mine: true } },
      {
        label: 'Caseload (alle zaken)',
        consulentLabel: 'Zaken in mijn wijken',
        route: { name: 'caseload', mine: false },
      },
      { label: 'Inloopspreekuur', route: { name: 'inloop' } },
      { label: 'Agenda', route: { name: 'agenda' } },
      { label: 'Huisbezoeken', route: { name: 'huisbezoeken' }, also: ['bezoeklijst'] },
      { label: 'Afdrukken', route: { name: 'afdrukken' } },
    ],
  },
  {
    title: 'Signalen',
    items: [
      { label: 'Signaal invoeren', route: { name: 'nieuw-signaal' } },
      { label: 'Bestand inlezen', route: { name: 'inlezen' } },
      { label: 'Te controleren', route: { name: 'te-controleren' } },
      { label: 'Inleesgeschiedenis', route: { name: 'inleesgeschiedenis' }, also: ['inlezing'] },
    ],
  },
  {
    title: 'Kwaliteit',
    items: [
      { label: 'Monitor', route: { name: 'monitor' } },
      { label: 'Verdeling', route: { name: 'verdeling' } },
      { label: 'Afwegingskader', route: { name: 'afwegingskader' } },
      { label: 'Stappenplan', route: { name: 'stappenplan' } },
      { label: 'Ontmoetplekken', route: { name: 'plekken' } },
      { label: 'Brieven en kaartjes', route: { name: 'sjablonen' } },
      { label: 'Logboek', route: { name: 'logboek' } },
      { label: 'Inzage- en verwijderverzoek', route: { name: 'inzageverzoek' } },
    ],
  },
  {
    title: 'Beheer',
    items: [
      { label: 'Bewaartermijnen', route: { name: 'bewaartermijnen' } },
      { label: 'Back-ups', route: { name: 'back-ups' } },
    ],
  },
]

function isActive(item: Item, current: Route): boolean {
  if (current.name === 'caseload' && item.route.name === 'caseload') return current.mine === item.route.mine
  return current.name === item.route.name || (item.also ?? []).includes(current.name)
}

/**
 * The left-hand menu, in sections; every entry is a plain link so it works by keyboard. Each role
 * sees only the screens it can use (pages.ts).
 */
export function Navigation({ route, rol }: { route: Route; rol: Rol }) {
  return (
    <>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="sm">
          {SECTIONS.map((section) => ({
            ...section,
            items: section.items.filter((item) => mayOpen(item.route.name, rol)),
          }))
            .filter((section) => section.items.length > 0)
            .map((section) => (
              <Stack key={section.title} gap={0}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                  {section.title}
                </Text>
                {section.items.map((item) => (
                  <NavLink
                    key={item.label}
                    href={routeHref(item.route)}
                    label={rol === 'consulent' && item.consulentLabel ? item.consulentLabel : item.label}
                    active={isActive(item, route)}
                    py={6}
                    aria-keyshortcuts={item.sneltoets}
                    title={item.sneltoets ? `Sneltoets ${item.sneltoets}` : undefined}
                    rightSection={
                      item.sneltoets ? (
                        <Kbd size="xs" aria-hidden>
                          {item.sneltoets}
                        </Kbd>
                      ) : undefined
                    }
                  />
                ))}
              </Stack>
            ))}
        </Stack>
      </ScrollArea>
      {mayOpen('instellingen', rol) && (
        <NavLink
          href={routeHref({ name: 'instellingen' })}
          label="Instellingen"
          active={route.name === 'instellingen'}
          mt="xs"
        />
      )}
    </>
  )
}
