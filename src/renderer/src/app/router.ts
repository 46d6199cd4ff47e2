import { useEffect, useState } from 'react'

/**
 * A small hash router: '#/caseload', '#/zaak/12'. Hash routes work the same from file://
 * in Electron and from the loopback server, and need no server-side fallback.
 */
export type Route =
  | { name: 'caseload'; mine: boolean }
  | { name: 'nieuw-signaal' }
  | { name: 'inlezen' }
  | { name: 'te-controleren' }
  | { name: 'inleesgeschiedenis' }
  | { name: 'inlezing'; id: number }
  | { name: 'afwegingskader' }
  | { name: 'verdeling' }
  /** via 'inloop': opened at the walk-in desk, the one way to a case of another wijk. */
  | { name: 'zaak'; id: number; via?: 'inloop' }
  | { name: 'instellingen' }
  | { name: 'vandaag' }
  | { name: 'huisbezoeken' }
  | { name: 'bezoeklijst'; datum: string; wijkId: number | null }
  | { name: 'inloop' }
  | { name: 'stappenplan' }
  | { name: 'afdrukken' }
  | { name: 'sjablonen' }
  | { name: 'monitor' }
  | { name: 'logboek' }
  | { name: 'back-ups' }
  | { name: 'bewaartermijnen' }
  | { name: 'inzageverzoek' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const zaak = /^\/zaak\/(\d+)(\/inloop)?$/.exec(path)
  if (zaak)
    return zaak[2]
      ? { name: 'zaak', id: Number(zaak[1]), via: 'inloop' }
      : { name: 'zaak', id: Number(zaak[1]) }
  if (path === '/mijn-zaken') return { name: 'caseload', mine: true }
  if (path === '/nieuw-signaal') return { name: 'nieuw-signaal' }
  if (path === '/inlezen') return { name: 'inlezen' }
  if (path === '/te-controleren') return { name: 'te-controleren' }
  if (path === '/inleesgeschiedenis') return { name: 'inleesgeschiedenis' }
  const inlezing = /^\/inlezing\/(\d+)$/.exec(path)
  if (inlezing) return { name: 'inlezing', id: Number(inlezing[1]) }
  if (path === '/afwegingskader') return { name: 'afwegingskader' }
  if (path === '/verdeling') return { name: 'verdeling' }
  if (path === '/instellingen') return { name: 'instellingen' }
  if (path === '/vandaag') return { name: 'vandaag' }
  if (path === '/huisbezoeken') return { name: 'huisbezoeken' }
  const lijst = /^\/bezoeklijst\/(\d{4}-\d{2}-\d{2})(?:\/(\d+))?$/.exec(path)
  if (lijst) return { name: 'bezoeklijst', datum: lijst[1]!, wijkId: lijst[2] ? Number(lijst[2]) : null }
  if (path === '/inloop') return { name: 'inloop' }
  if (path === '/stappenplan') return { name: 'stappenplan' }
  if (path === '/afdrukken') return { name: 'afdrukken' }
  if (path === '/brieven-en-kaartjes') return { name: 'sjablonen' }
  if (path === '/monitor') return { name: 'monitor' }
  if (path === '/logboek') return { name: 'logboek' }
  if (path === '/back-ups') return { name: 'back-ups' }
  if (path === '/bewaartermijnen') return { name: 'bewaartermijnen' }
  if (path === '/inzageverzoek') return { name: 'inzageverzoek' }
  return { name: 'caseload', mine: false }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return route.mine ? '#/mijn-zaken' : '#/caseload'
    case 'nieuw-signaal':
      return '#/nieuw-signaal'
    case 'inlezen':
      return '#/inlezen'
    case 'te-controleren':
      return '#/te-controleren'
    case 'inleesgeschiedenis':
      return '#/inleesgeschiedenis'
    case 'inlezing':
      return `#/inlezing/${route.id}`
    case 'afwegingskader':
      return '#/afwegingskader'
    case 'verdeling':
      return '#/verdeling'
    case 'zaak':
      return `#/zaak/${route.id}${route.via ? '/inloop' : ''}`
    case 'instellingen':
      return '#/instellingen'
    case 'vandaag':
      return '#/vandaag'
    case 'huisbezoeken':
      return '#/huisbezoeken'
    case 'bezoeklijst':
      return `#/bezoeklijst/${route.datum}${route.wijkId ? `/${route.wijkId}` : ''}`
    case 'inloop':
      return '#/inloop'
    case 'stappenplan':
      return '#/stappenplan'
    case 'afdrukken':
      return '#/afdrukken'
    case 'sjablonen':
      return '#/brieven-en-kaartjes'
    case 'monitor':
      return '#/monitor'
    case 'logboek':
      return '#/logboek'
    case 'back-ups':
      return '#/back-ups'
    case 'bewaartermijnen':
      return '#/bewaartermijnen'
    case 'inzageverzoek':
      return '#/inzageverzoek'
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
