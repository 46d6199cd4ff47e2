import { isoDate, oneOf, optional, route, wholeNumber } from './route-def'

/**
 * Every screen of the signed-in workplace, in one table: its address, its title, the API method it
 * cannot work without (permissions.ts decides who may call it), whether it shows residents' cases
 * (CASE_VIEW, which main's access scope uses too) and its place in the menu. The menu lists the
 * entries in this order, grouped by section: the day's own work first, then taking signals in,
 * then the kwaliteitsmedewerker's tools. Main checks every call regardless; this table only keeps
 * empty screens away. A new screen is one entry here and its page in routes.tsx, which the compiler asks for
 * (README, "Adding a screen").
 */
export const ROUTES = {
  vandaag: route({
    path: '/vandaag',
    title: 'Vandaag',
    method: 'ladder.today',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Vandaag', sneltoets: 'Alt+V' },
    backLabel: 'Vandaag',
  }),
  'mijn-zaken': route({
    path: '/mijn-zaken',
    title: 'Mijn zaken',
    method: 'caseload.list',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Mijn zaken' },
    backLabel: 'Mijn zaken',
  }),
  caseload: route({
    path: '/caseload',
    title: 'Caseload',
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
    title: 'Inloopspreekuur',
    method: 'walkin.search',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Inloopspreekuur' },
    backLabel: 'het inloopspreekuur',
  }),
  /** The consulent's agenda: a day or a week (from its Monday) around `datum` (default today). */
  agenda: route({
    path: '/agenda/:weergave/:datum',
    title: 'Agenda',
    params: { weergave: optional(oneOf('dag', 'week')), datum: optional(isoDate) },
    method: 'appointments.agenda',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Agenda' },
    backLabel: 'de agenda',
  }),
  /** The planner, opened on a wijk and with a case selected (from a case file or Vandaag). */
  huisbezoeken: route({
    path: '/huisbezoeken/:wijkId/:caseId',
    title: 'Huisbezoeken',
    params: { wijkId: optional(wholeNumber), caseId: optional(wholeNumber) },
    method: 'visits.candidates',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Huisbezoeken' },
    backLabel: 'Huisbezoeken',
  }),
  bezoeklijst: route({
    path: '/bezoeklijst/:datum/:wijkId',
    title: 'Daglijst huisbezoeken',
    params: { datum: isoDate, wijkId: optional(wholeNumber) },
    method: 'visits.day',
    cases: true,
    activeIn: 'huisbezoeken',
    backLabel: 'de daglijst',
  }),
  afdrukken: route({
    path: '/afdrukken',
    title: 'Afdrukken',
    method: 'documents.queue',
    cases: true,
    menu: { section: 'Dagelijks werk', label: 'Afdrukken' },
    backLabel: 'Afdrukken',
  }),
  'nieuw-signaal': route({
    path: '/nieuw-signaal',
    title: 'Signaal invoeren',
    method: 'signals.createManual',
    cases: true,
    menu: { section: 'Signalen', label: 'Signaal invoeren' },
  }),
  inlezen: route({
    path: '/inlezen',
    title: 'Signalen inlezen',
    method: 'intake.commit',
    cases: true,
    menu: { section: 'Signalen', label: 'Bestand inlezen' },
  }),
  'te-controleren': route({
    path: '/te-controleren',
    title: 'Te controleren',
    method: 'intake.problems',
    cases: true,
    menu: { section: 'Signalen', label: 'Te controleren' },
  }),
  inleesgeschiedenis: route({
    path: '/inleesgeschiedenis',
    title: 'Inleesgeschiedenis',
    method: 'intake.history',
    cases: true,
    menu: { section: 'Signalen', label: 'Inleesgeschiedenis' },
  }),
  inlezing: route({
    path: '/inlezing/:id',
    title: 'Signalen van een inlezing',
    params: { id: wholeNumber },
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
    title: 'Zaak',
    params: { id: wholeNumber, via: optional(oneOf('inloop', 'vandaag')) },
    method: 'dossier.get',
    cases: true,
  }),
  monitor: route({
    path: '/monitor',
    title: 'Monitor',
    method: 'monitor.dashboard',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Monitor' },
    backLabel: 'de monitor',
  }),
  verdeling: route({
    path: '/verdeling',
    title: 'Verdeling',
    method: 'intake.openCases',
    cases: true,
    menu: { section: 'Kwaliteit', label: 'Verdeling' },
    backLabel: 'de verdeling',
  }),
  afwegingskader: route({
    path: '/afwegingskader',
    title: 'Afwegingskader',
    method: 'intake.rules',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Afwegingskader' },
  }),
  stappenplan: route({
    path: '/stappenplan',
    title: 'Stappenplan',
    method: 'ladder.config',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Stappenplan' },
  }),
  plekken: route({
    path: '/plekken',
    title: 'Ontmoetplekken',
    method: 'appointments.savePlace',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Ontmoetplekken' },
  }),
  sjablonen: route({
    path: '/brieven-en-kaartjes',
    title: 'Brieven en kaartjes',
    method: 'documents.templates',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Brieven en kaartjes' },
  }),
  logboek: route({
    path: '/logboek',
    title: 'Logboek',
    method: 'audit.search',
    cases: false,
    menu: { section: 'Kwaliteit', label: 'Logboek' },
  }),
  inzageverzoek: route({
    path: '/inzageverzoek',
    title: 'Inzage- en verwijderverzoek',
    method: 'retention.findPerson',
    cases: true,
    menu: { section: 'Kwaliteit', label: 'Inzage- en verwijderverzoek' },
    backLabel: 'het inzageverzoek',
  }),
  bewaartermijnen: route({
    path: '/bewaartermijnen',
    title: 'Bewaartermijnen',
    method: 'retention.get',
    cases: false,
    menu: { section: 'Beheer', label: 'Bewaartermijnen' },
  }),
  'back-ups': route({
    path: '/back-ups',
    title: 'Back-ups',
    method: 'backup.list',
    cases: false,
    menu: { section: 'Beheer', label: 'Back-ups' },
  }),
  instellingen: route({
    path: '/instellingen',
    title: 'Instellingen',
    method: 'settings.get',
    cases: false,
    menu: { section: 'foot', label: 'Instellingen' },
  }),
}

/** An address the table does not know leads here (and so does a bare start). */
export const FALLBACK: keyof typeof ROUTES = 'caseload'
