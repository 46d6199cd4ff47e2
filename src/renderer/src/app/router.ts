import { useEffect, useState } from 'react'

/**
 * A small hash router: '#/caseload', '#/zaak/12'. Hash routes work the same from file://
 * in Electron and from the loopback server, and need no server-side fallback.
 */
export type Route =
  | { name: 'caseload'; mine: boolean }
  | { name: 'nieuw-signaal' }
  | { name: 'zaak'; id: number }
  | { name: 'instellingen' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const zaak = /^\/zaak\/(\d+)$/.exec(path)
  if (zaak) return { name: 'zaak', id: Number(zaak[1]) }
  if (path === '/mijn-zaken') return { name: 'caseload', mine: true }
  if (path === '/nieuw-signaal') return { name: 'nieuw-signaal' }
  if (path === '/instellingen') return { name: 'instellingen' }
  return { name: 'caseload', mine: false }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return route.mine ? '#/mijn-zaken' : '#/caseload'
    case 'nieuw-signaal':
      return '#/nieuw-signaal'
    case 'zaak':
      return `#/zaak/${route.id}`
    case 'instellingen':
      return '#/instellingen'
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
