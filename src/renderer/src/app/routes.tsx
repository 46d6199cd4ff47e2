import type { ReactNode } from 'react'
import { CASE_VIEW, mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import type { RouteDef } from './route-def'
import { ROUTES } from './route-table'
import type { Route, RouteName, RouteOf } from './router'
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
import { BackupsPage } from '../features/backup/BackupsPage'
import { RetentionPage } from '../features/retention/RetentionPage'
import { PersonRequestPage } from '../features/retention/PersonRequestPage'
import { AgendaPage } from '../features/appointments/AgendaPage'
import { PlacesPage } from '../features/appointments/PlacesPage'

/**
 * The page of every route in the table (route-table.ts), given the values of its address. Kept
 * apart from the table because the pages link to one another through the router, which reads the
 * table: one file holding both would put every page in an import cycle. A route without its page
 * here is a compile error.
 */
const PAGES: { [K in RouteName]: (r: RouteOf<K>) => ReactNode } = {
  vandaag: () => <TodayPage />,
  'mijn-zaken': () => <CaseloadPage mine />,
  caseload: () => <CaseloadPage mine={false} />,
  inloop: () => <WalkinPage />,
  agenda: (r) => <AgendaPage key={`${r.weergave}-${r.datum}`} datum={r.datum} weergave={r.weergave} />,
  huisbezoeken: (r) => <VisitsPage wijkId={r.wijkId} caseId={r.caseId} />,
  bezoeklijst: (r) => <VisitDayListPage datum={r.datum} wijkId={r.wijkId ?? null} />,
  afdrukken: () => <PrintQueuePage />,
  'nieuw-signaal': () => <NewSignalPage />,
  inlezen: () => <ImportPage />,
  'te-controleren': () => <ProblemsPage />,
  inleesgeschiedenis: () => <HistoryPage />,
  inlezing: (r) => <ImportDetailPage importId={r.id} />,
  zaak: (r) => <DossierPage caseId={r.id} viaInloop={r.via === 'inloop'} fromToday={r.via === 'vandaag'} />,
  monitor: () => <MonitorPage />,
  verdeling: () => <DistributionPage />,
  afwegingskader: () => <RulesPage />,
  stappenplan: () => <LadderSettingsPage />,
  plekken: () => <PlacesPage />,
  sjablonen: () => <TemplatesPage />,
  logboek: () => <AuditPage />,
  inzageverzoek: () => <PersonRequestPage />,
  bewaartermijnen: () => <RetentionPage />,
  'back-ups': () => <BackupsPage />,
  instellingen: () => <SettingsPage />,
}

/** The table as a list, in menu order. */
export const ROUTE_LIST = Object.entries(ROUTES) as [RouteName, RouteDef<any>][]

/** The page of a route, given the values of its address. */
export function pageOf(r: Route): ReactNode {
  return (PAGES[r.name] as (r: Route) => ReactNode)(r)
}

/** Whether `rol` can use the screen at all. */
export function mayOpen(name: RouteName, rol: Rol): boolean {
  const def = ROUTES[name]
  return mayCall(def.method, rol) && (!def.cases || CASE_VIEW[rol] !== 'geen')
}

/** Where a role starts after signing in: the first of these it can use. */
const START = ['caseload', 'instellingen'] as const

export function startRoute(rol: Rol): Route {
  return { name: START.find((name) => mayOpen(name, rol)) ?? 'instellingen' }
}
