import type { Query, QueryClient } from '@tanstack/react-query'
import type { MethodName } from '@shared/api'
import type { Wijziging } from '@shared/api/changes'

/**
 * What each method changes: the answers (by method) a screen must read again after it succeeded.
 * useApiMutation applies it after every change made on this screen; the team mode's live refresh
 * will apply it to a colleague's change too. Reading methods change nothing ([]).
 *
 * A method missing here is a compile error, so a new method cannot be added without deciding
 * this. `dossier.get` is in no list: every read of a case file is a recorded view (the logboek),
 * so a change that alters a case file returns it and the screen puts it in the cache instead.
 */
const CASES: MethodName[] = [
  'caseload.list',
  'ladder.today',
  'ladder.plan',
  'visits.candidates',
  'walkin.search',
  'monitor.dashboard',
  'monitor.cases',
  'intake.load',
  'intake.openCases',
]
const DOCUMENTS: MethodName[] = ['documents.queue', 'documents.forCase']
const VISITS: MethodName[] = ['visits.day', 'visits.candidates', 'ladder.plan', 'ladder.today']
const TEAM: MethodName[] = ['settings.get', 'session.team']
const INTAKE: MethodName[] = [
  'intake.history',
  'intake.importSignals',
  'intake.problems',
  'intake.load',
  'intake.openCases',
  ...CASES,
]
// An appointment shows in the case file, its texts, the agenda, Vandaag (reminders) and the Stappenplan.
const APPOINTMENTS: MethodName[] = ['appointments.forCase', 'appointments.texts', 'appointments.agenda']
const RETENTION: MethodName[] = ['retention.get', 'retention.preview', 'retention.findPerson', ...CASES]

export const INVALIDATES: Record<MethodName, readonly MethodName[] | 'everything'> = {
  // Status, set-up and sessions: the app reads its status again itself (AppContext.refresh), and
  // signing in or out empties the whole cache (App.tsx).
  'app.status': [],
  'setup.complete': [],
  'setup.loadDemo': [],
  'session.team': [],
  'session.signIn': [],
  'session.signOut': [],
  'session.upgradeStatus': [],
  'session.setFirstPassword': ['session.team', 'session.upgradeStatus'],
  'session.choosePassword': ['session.team'],
  'session.lock': [],
  'session.unlock': [],
  'session.activity': [],
  // Reads the logboek's tail: changes nothing (src/renderer/src/api/changes.ts applies what it reports).
  'changes.since': [],
  // Switching between alone and the team server: the app empties its cache and reads its status again.
  'werkplek.status': [],
  'werkplek.bekijkServer': [],
  'werkplek.koppel': [],
  'werkplek.alleen': [],
  'session.setStartPassword': TEAM,
  'session.changePassword': [],
  'session.settings': [],
  'session.saveSettings': ['session.settings'],

  'settings.get': [],
  'settings.saveTeam': [...TEAM, 'walkin.session'],
  'settings.saveWijk': [...TEAM, ...CASES],
  'settings.deleteWijk': [...TEAM, ...CASES],
  'settings.saveMedewerker': [...TEAM, ...CASES],

  'signals.createManual': CASES,
  'signals.checkAddress': [],

  'intake.upload': [],
  'intake.progress': [],
  'intake.analyse': [],
  'intake.preview': [],
  'intake.commit': INTAKE,
  'intake.history': [],
  'intake.importSignals': [],
  'intake.decide': INTAKE,
  'intake.undo': INTAKE,
  'intake.problems': [],
  'intake.acceptProblem': INTAKE,
  'intake.fixProblems': INTAKE,
  'intake.retryProblems': INTAKE,
  'intake.rejectProblems': INTAKE,
  'intake.rules': [],
  'intake.saveRules': ['intake.rules'],
  'intake.load': [],
  'intake.openCases': [],
  'intake.moveCases': CASES,

  'caseload.list': [],
  'dossier.get': [],
  'dossier.addNote': ['audit.search'],
  'dossier.assign': CASES,

  'audit.search': [],
  // The check is itself recorded in the logboek.
  'audit.verify': ['audit.search'],

  'ladder.config': [],
  'ladder.saveConfig': ['ladder.config', ...CASES],
  'ladder.today': [],
  'ladder.plan': [],
  'ladder.logAttempt': CASES,
  // Closing a case, or "niet benaderen", cancels its planned appointments and withdraws their letters.
  'ladder.close': [...CASES, ...APPOINTMENTS, ...DOCUMENTS],
  'ladder.reopen': CASES,
  'ladder.setDoNotApproach': [...CASES, ...APPOINTMENTS, ...DOCUMENTS],

  'visits.partners': [],
  'visits.savePartner': ['visits.partners'],
  'visits.candidates': [],
  'visits.plan': [...VISITS, ...DOCUMENTS],
  'visits.announce': [...VISITS, ...DOCUMENTS],
  'visits.day': [],
  'visits.optOut': [...VISITS, ...DOCUMENTS],
  'visits.outcome': [...VISITS, ...DOCUMENTS, ...CASES],

  'walkin.search': [],
  'walkin.session': [],
  'walkin.register': ['walkin.session', ...CASES],

  'documents.queue': [],
  'documents.forCase': [],
  'documents.addToQueue': DOCUMENTS,
  'documents.removeFromQueue': DOCUMENTS,
  'documents.createBatch': DOCUMENTS,
  'documents.renderProgress': [],
  'documents.batchPdf': [],
  // Confirming what went out records the contact attempts: the ladder moves on.
  'documents.confirmBatch': [...DOCUMENTS, ...CASES],
  'documents.itemPdf': [],
  'documents.templates': [],
  'documents.saveTemplate': ['documents.templates'],
  'documents.previewTemplate': [],
  'documents.settings': [],
  'documents.saveSettings': ['documents.settings'],
  'documents.calibrationPdf': [],

  'monitor.dashboard': [],
  'monitor.cases': [],
  'monitor.exportExcel': [],
  'monitor.exportDdas': [],
  'monitor.feedback': [],
  'monitor.settings': [],
  'monitor.saveSettings': ['monitor.settings', 'monitor.dashboard'],

  'backup.list': [],
  'backup.create': ['backup.list'],
  'backup.check': ['backup.list'],
  // Every answer may be different after the data went back in time.
  'backup.restore': 'everything',

  'appointments.places': [],
  // The place's name and hours show in the appointments and the agenda.
  'appointments.savePlace': ['appointments.places', ...APPOINTMENTS],
  // Making one moves the Stappenplan on (Vandaag, the case list, the monitor's figures).
  'appointments.make': [...APPOINTMENTS, ...CASES],
  // Moving one withdraws its queued confirmation letter.
  'appointments.reschedule': [...APPOINTMENTS, ...CASES, ...DOCUMENTS],
  // The outcome is a contact attempt: the ladder moves on and a letter still queued goes.
  'appointments.outcome': [...APPOINTMENTS, ...CASES, ...DOCUMENTS],
  'appointments.forCase': [],
  'appointments.texts': [],
  // The reminder leaves Vandaag's list.
  'appointments.reminderSent': [...APPOINTMENTS, 'ladder.today'],
  'appointments.queueLetter': [...DOCUMENTS, 'appointments.forCase'],
  'appointments.agenda': [],
  'appointments.ics': [],
  'appointments.icsWeek': [],

  'retention.get': [],
  'retention.save': ['retention.get', 'retention.preview'],
  'retention.preview': [],
  'retention.purge': RETENTION,
  'retention.findPerson': [],
  'retention.exportPerson': [],
  'retention.deletePerson': RETENTION,

  'ddasVs.settings': [],
  'ddasVs.saveSettings': ['ddasVs.settings', 'ddasVs.collections'],
  'ddasVs.check': [],
  'ddasVs.collections': [],
}

/** Marks what `method` changed as stale; the answers on screen are read again before this resolves. */
export async function invalidateAfter(client: QueryClient, method: MethodName): Promise<void> {
  const touched = INVALIDATES[method]
  if (touched === 'everything') return client.invalidateQueries()
  await Promise.all([...new Set(touched)].map((m) => client.invalidateQueries({ queryKey: [m] })))
}

/**
 * What a colleague's change (changes.since, team mode) makes stale, by the logboek's kind of
 * thing: the same lists as above, so Vandaag, the caseload, the print queue and the rest refetch
 * by themselves without code per screen. Only the answers on screen are read again; what the
 * user is typing lives in the screens' own state and stays. A case file (`dossier.get`) is read
 * again only for the case that changed, since every read of one is a recorded view.
 */
const CASE_WORK: MethodName[] = [
  ...CASES,
  ...DOCUMENTS,
  ...APPOINTMENTS,
  'visits.day',
  'walkin.session',
  'audit.search',
]
export const CHANGE_INVALIDATES: Record<string, readonly MethodName[] | 'everything'> = {
  zaak: CASE_WORK,
  signaal: [...INTAKE, 'audit.search'],
  bewoner: [...CASES, 'audit.search'],
  import: [...INTAKE, 'audit.search'],
  medewerker: [...TEAM, ...CASES, 'audit.search'],
  wijk: [...TEAM, ...CASES, 'audit.search'],
  bewaartermijn: [...RETENTION, 'audit.search'],
  logboek: ['audit.search'],
  export: ['audit.search'],
  // A backup put back, or demo data loaded: every answer may differ.
  'back-up': 'everything',
  demo: 'everything',
}
/** A kind not listed above (one added later): every list on screen, never a case file. */
const UNKNOWN_KIND = 'every list'

const methodOf = (q: Query) => q.queryKey[0] as string
const caseOf = (q: Query) => (q.queryKey[1] as { caseId?: unknown } | undefined)?.caseId

/**
 * Marks what colleagues changed as stale; the answers on screen are read again before this
 * resolves. `alles`: more changed than one answer of changes.since holds.
 */
export async function invalidateForChanges(
  client: QueryClient,
  changes: readonly Wijziging[],
  alles: boolean,
): Promise<void> {
  if (alles) return client.invalidateQueries({ predicate: (q) => methodOf(q) !== 'app.status' })
  const methods = new Set<string>()
  const cases = new Set<number>()
  let everyList = false
  let everything = false
  for (const w of changes) {
    const touched = Object.hasOwn(CHANGE_INVALIDATES, w.soort) ? CHANGE_INVALIDATES[w.soort]! : UNKNOWN_KIND
    if (touched === 'everything') everything = true
    else if (touched === UNKNOWN_KIND) everyList = true
    else for (const m of touched) methods.add(m)
    if (w.soort === 'zaak' && w.id !== null) cases.add(w.id)
  }
  if (everything) return client.invalidateQueries({ predicate: (q) => methodOf(q) !== 'app.status' })
  await client.invalidateQueries({
    predicate: (q) => {
      const m = methodOf(q)
      if (m === 'dossier.get') return cases.has(caseOf(q) as number)
      if (m === 'app.status') return false
      return everyList || methods.has(m)
    },
  })
}
