import type { MethodName } from '@shared/api'
import { CASE_VIEW, mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import type { Route } from './router'

/**
 * What each screen needs, in one place: the API method it cannot work without (permissions.ts
 * decides who may call it) and whether it shows residents' cases (which the beheerder never sees,
 * CASE_VIEW). The navigation shows a role only the screens it can use, and a route a role cannot
 * use leads to its start page. Main checks every call again; this only keeps empty screens away.
 */
const PAGES: Record<Route['name'], { method: MethodName; cases: boolean }> = {
  vandaag: { method: 'ladder.today', cases: true },
  caseload: { method: 'caseload.list', cases: true },
  zaak: { method: 'dossier.get', cases: true },
  inloop: { method: 'walkin.search', cases: true },
  huisbezoeken: { method: 'visits.candidates', cases: true },
  bezoeklijst: { method: 'visits.day', cases: true },
  agenda: { method: 'appointments.agenda', cases: true },
  plekken: { method: 'appointments.savePlace', cases: false },
  afdrukken: { method: 'documents.queue', cases: true },
  'nieuw-signaal': { method: 'signals.createManual', cases: true },
  inlezen: { method: 'intake.commit', cases: true },
  'te-controleren': { method: 'intake.problems', cases: true },
  inleesgeschiedenis: { method: 'intake.history', cases: true },
  inlezing: { method: 'intake.importSignals', cases: true },
  verdeling: { method: 'intake.openCases', cases: true },
  inzageverzoek: { method: 'retention.findPerson', cases: true },
  monitor: { method: 'monitor.dashboard', cases: false },
  afwegingskader: { method: 'intake.rules', cases: false },
  stappenplan: { method: 'ladder.config', cases: false },
  sjablonen: { method: 'documents.templates', cases: false },
  logboek: { method: 'audit.search', cases: false },
  bewaartermijnen: { method: 'retention.get', cases: false },
  'back-ups': { method: 'backup.list', cases: false },
  instellingen: { method: 'settings.get', cases: false },
}

/** Whether `rol` can use the screen at all. */
export function mayOpen(name: Route['name'], rol: Rol): boolean {
  const page = PAGES[name]
  return mayCall(page.method, rol) && (!page.cases || CASE_VIEW[rol] !== 'geen')
}

/** Where a role starts after signing in: the first of these it can use. */
const START: Route[] = [{ name: 'caseload', mine: false }, { name: 'instellingen' }]

export function startRoute(rol: Rol): Route {
  return START.find((r) => mayOpen(r.name, rol)) ?? { name: 'instellingen' }
}
