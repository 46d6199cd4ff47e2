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
  /**
   * via 'inloop': opened at the walk-in desk, the one way to a case of another wijk. via
   * 'vandaag': opened from Vandaag; after an attempt the case file offers Vandaag's next task.
   */
  | { name: 'zaak'; id: number; via?: 'inloop' | 'vandaag' }
  | { name: 'instellingen' }
  | { name: 'vandaag' }
  /** The planner, opened on a wijk and with a case selected (from a case file or Vandaag). */
  | { name: 'huisbezoeken'; wijkId?: number; caseId?: number }
  | { name: 'bezoeklijst'; datum: string; wijkId: number | null }
  | { name: 'inloop' }
  /** The consulent's agenda: a day or a week (from its Monday) around `datum` (default today). */
  | { name: 'agenda'; datum?: string; weergave?: 'dag' | 'week' }
  | { name: 'plekken' }
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
  const zaak = /^\/zaak\/(\d+)(?:\/(inloop|vandaag))?$/.exec(path)
  if (zaak)
    return zaak[2]
      ? { name: 'zaak', id: Number(zaak[1]), via: zaak[2] as 'inloop' | 'vandaag' }
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
  const planner = /^\/huisbezoeken(?:\/(\d+)(?:\/(\d+))?)?$/.exec(path)
  if (planner)
    return {
      name: 'huisbezoeken',
      ...(planner[1] ? { wijkId: Number(planner[1]) } : {}),
      ...(planner[2] ? { caseId: Number(planner[2]) } : {}),
    }
  const lijst = /^\/bezoeklijst\/(\d{4}-\d{2}-\d{2})(?:\/(\d+))?$/.exec(path)
  if (lijst) return { name: 'bezoeklijst', datum: lijst[1]!, wijkId: lijst[2] ? Number(lijst[2]) : null }
  if (path === '/inloop') return { name: 'inloop' }
  const agenda = /^\/agenda(?:\/(dag|week)\/(\d{4}-\d{2}-\d{2}))?$/.exec(path)
  if (agenda)
    return agenda[1]
      ? { name: 'agenda', weergave: agenda[1] as 'dag' | 'week', datum: agenda[2]! }
      : { name: 'agenda' }
  if (path === '/plekken') return { name: 'plekken' }
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
      return `#/zaak/${route.id}${route.via ? `/${route.via}` : ''}`
    case 'instellingen':
      return '#/instellingen'
    case 'vandaag':
      return '#/vandaag'
    case 'huisbezoeken':
      return `#/huisbezoeken${route.wijkId ? `/${route.wijkId}${route.caseId ? `/${route.caseId}` : ''}` : ''}`
    case 'bezoeklijst':
      return `#/bezoeklijst/${route.datum}${route.wijkId ? `/${route.wijkId}` : ''}`
    case 'inloop':
      return '#/inloop'
    case 'agenda':
      return route.datum ? `#/agenda/${route.weergave ?? 'week'}/${route.datum}` : '#/agenda'
    case 'plekken':
      return '#/plekken'
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

/** The last screen that was not a case file: where "← Terug" from a case file leads. */
let lastList: Route | null = null

export function listBeforeCase(): Route | null {
  return lastList
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  useEffect(() => {
    if (route.name !== 'zaak') lastList = route
  }, [route])
  return route
}

/** A new person signs in: nothing of the previous person's screens is kept. */
export function forgetNavigation(): void {
  lastList = null
}
