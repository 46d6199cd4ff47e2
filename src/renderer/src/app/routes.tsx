import type { ReactNode } from 'react'
import { CASE_VIEW, mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import {
  installRoutes,
  isoDate,
  oneOf,
  optional,
  route,
  wholeNumber,
  type RouteDef,
  type Route,
  type RouteName,
} from './router'
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
 * Every screen of the signed-in workplace, in one table: its address, its page, the API method it
 * cannot work without (permissions.ts decides who may call it), whether it shows residents' cases
 * (CASE_VIEW, which main's access scope uses too) and its place in the menu. The menu lists the
 * entries in this order, grouped by section: the day's own work first, then taking signals in,
 * then the kwaliteitsmedewerker's tools. Main checks every call regardless; this table only keeps
 * empty screens away. A new screen is one entry here (README, "Adding a screen").
 */
export const ROUTES = {
  vandaag: route({
    path: '/vandaag',
    page: () => <TodayPage />,
    method: 'ladder.today',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Vandaag', sneltoets: 'Alt+V' },
    backLabel: 'Vandaag',
  }),
  'mijn-zaken': route({
    path: '/mijn-zaken',
    page: () => <CaseloadPage mine />,
    method: 'caseload.list',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Mijn zaken' },
    backLabel: 'Mijn zaken',
  }),
  caseload: route({
    path: '/caseload',
    page: () => <CaseloadPage mine={false} />,
    method: 'caseload.list',
    cases: true,
    menu: {
      section: 'Dagelijks werk',
      label: 'Caseload (alle zaken)',
      consulentLabel: 'Zaken in mijn wijken',
    },
    backLabel: 'de caseload',
  }),
  inloop: route({
    path: '/inloop',
    page: () => <WalkinPage />,
    method: 'walkin.search',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Inloopspreekuur' },
    backLabel: 'het inloopspreekuur',
  }),
  /** The consulent's agenda: a day or a week (from its Monday) around `datum` (default today). */
  agenda: route({
    path: '/agenda/:weergave/:datum',
    params: { weergave: optional(oneOf('dag', 'week')), datum: optional(isoDate) },
    page: (r) => <AgendaPage key={`${r.weergave}-${r.datum}`} datum={r.datum} weergave={r.weergave} />,
    method: 'appointments.agenda',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Agenda' },
    backLabel: 'de agenda',
  }),
  /** The planner, opened on a wijk and with a case selected (from a case file or Vandaag). */
  huisbezoeken: route({
    path: '/huisbezoeken/:wijkId/:caseId',
    params: { wijkId: optional(wholeNumber), caseId: optional(wholeNumber) },
    page: (r) => <VisitsPage wijkId={r.wijkId} caseId={r.caseId} />,
    method: 'visits.candidates',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Huisbezoeken' },
    backLabel: 'Huisbezoeken',
  }),
  bezoeklijst: route({
    path: '/bezoeklijst/:datum/:wijkId',
    params: { datum: isoDate, wijkId: optional(wholeNumber) },
    page: (r) => <VisitDayListPage datum={r.datum} wijkId={r.wijkId ?? null} />,
    method: 'visits.day',
    cases: true,
    activeIn: 'huisbezoeken',
    backLabel: 'de daglijst',
  }),
  afdrukken: route({
    path: '/afdrukken',
    page: () => <PrintQueuePage />,
    method: 'documents.queue',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Afdrukken' },
    backLabel: 'Afdrukken',
  }),
  'nieuw-signaal': route({
    path: '/nieuw-signaal',
    page: () => <NewSignalPage />,
    method: 'signals.createManual',
    cases: true,
    menu: { section: 'Signalen', label: 'Signaal invoeren' },
  }),
  inlezen: route({
    path: '/inlezen',
    page: () => <ImportPage />,
    method: 'intake.commit',
    cases: true,
    menu: { section: 'Signalen', label: 'Bestand inlezen' },
  }),
  'te-controleren': route({
    path: '/te-controleren',
    page: () => <ProblemsPage />,
    method: 'intake.problems',
    cases: true,
    menu: { section: 'Signalen', label: 'Te controleren' },
  }),
  inleesgeschiedenis: route({
    path: '/inleesgeschiedenis',
    page: () => <HistoryPage />,
    method: 'intake.history',
    cases: true,
    menu: { section: 'Signalen', label: 'Inleesgeschiedenis' },
  }),
  inlezing: route({
    path: '/inlezing/:id',
    params: { id: wholeNumber },
    page: (r) => <ImportDetailPage importId={r.id} />,
    method: 'intake.importSignals',
    cases: true,
    activeIn: 'inleesgeschiedenis',
    backLabel: 'de inlezing',
  }),
  /**
   * via 'inloop': opened at the walk-in desk, the one way to a case of another wijk. via
   * 'vandaag': opened from Vandaag; after an attempt the case file offers Vandaag's next task.
   */
  zaak: route({
    path: '/zaak/:id/:via',
    params: { id: wholeNumber, via: optional(oneOf('inloop', 'vandaag')) },
    page: (r) => <DossierPage caseId={r.id} viaInloop={r.via === 'inloop'} fromToday={r.via === 'vandaag'} />,
    method: 'dossier.get',
    cases: true,
  }),
  monitor: route({
    path: '/monitor',
    page: () => <MonitorPage />,
    method: 'monitor.dashboard',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Monitor' },
    backLabel: 'de monitor',
  }),
  verdeling: route({
    path: '/verdeling',
    page: () => <DistributionPage />,
    method: 'intake.openCases',
    cases: true,
    menu: { section: 'Kwaliteit', label: 'Verdeling' },
    backLabel: 'de verdeling',
  }),
  afwegingskader: route({
    path: '/afwegingskader',
    page: () => <RulesPage />,
    method: 'intake.rules',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Afwegingskader' },
  }),
  stappenplan: route({
    path: '/stappenplan',
    page: () => <LadderSettingsPage />,
    method: 'ladder.config',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Stappenplan' },
  }),
  plekken: route({
    path: '/plekken',
    page: () => <PlacesPage />,
    method: 'appointments.savePlace',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Ontmoetplekken' },
  }),
  sjablonen: route({
    path: '/brieven-en-kaartjes',
    page: () => <TemplatesPage />,
    method: 'documents.templates',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Brieven en kaartjes' },
  }),
  logboek: route({
    path: '/logboek',
    page: () => <AuditPage />,
    method: 'audit.search',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Logboek' },
  }),
  inzageverzoek: route({
    path: '/inzageverzoek',
    page: () => <PersonRequestPage />,
    method: 'retention.findPerson',
    cases: true,
    menu: { section: 'Kwaliteit', label: 'Inzage- en verwijderverzoek' },
    backLabel: 'het inzageverzoek',
  }),
  bewaartermijnen: route({
    path: '/bewaartermijnen',
    page: () => <RetentionPage />,
    method: 'retention.get',
    cases: false,
    menu: { section: 'Beheer', label: 'Bewaartermijnen' },
  }),
  'back-ups': route({
    path: '/back-ups',
    page: () => <BackupsPage />,
    method: 'backup.list',
    cases: false,
    menu: { section: 'Beheer', label: 'Back-ups' },
  }),
  instellingen: route({
    path: '/instellingen',
    page: () => <SettingsPage />,
    method: 'settings.get',
    cases: false,
    menu: { section: 'foot', label: 'Instellingen' },
  }),
}

/** An address the table does not know leads here (and so does a bare start). */
const FALLBACK: RouteName = 'caseload'
installRoutes(ROUTES, FALLBACK)

/** The table as a list, in menu order. */
export const ROUTE_LIST = Object.entries(ROUTES) as [RouteName, RouteDef<any>][]

/** The page of a route, given the values of its address. */
export function pageOf(r: Route): ReactNode {
  return (ROUTES[r.name] as RouteDef<any>).page(r)
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
