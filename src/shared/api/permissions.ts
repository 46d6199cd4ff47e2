import type { Rol } from '../domain/case'
import type { METHOD_NAMES } from './method-names'

type Name = (typeof METHOD_NAMES)[number]

/** Team-wide settings, rules, exports and the trail: the kwaliteitsmedewerker and the beheerder. */
export const QUALITY_ROLES: readonly Rol[] = ['kwaliteitsmedewerker', 'beheerder']
/** Users, passwords, the lock, backups and retention: the beheerder only. */
export const ADMIN_ROLES: readonly Rol[] = ['beheerder']
const ALL = 'iedereen' as const
const KWALITEIT: readonly Rol[] = ['kwaliteitsmedewerker']

/**
 * How much of the residents' case files each role sees: every case, the own wijken (and own
 * cases), or none. features/access/scope.ts turns this into the query scope; the navigation
 * uses it to leave out the screens that would stay empty for a role.
 */
export const CASE_VIEW: Record<Rol, 'alle' | 'eigen' | 'geen'> = {
  kwaliteitsmedewerker: 'alle',
  consulent: 'eigen',
  beheerder: 'geen',
}

/**
 * Who may call each method, checked in main before the handler runs (the screens hide what a
 * role may not do, but that is only convenience). A new method without an entry here is a
 * compile error, so no method can be added without deciding this.
 */
export const PERMISSIONS: Record<Name, readonly Rol[] | typeof ALL> = {
  'app.status': ALL,
  'setup.complete': ALL,
  'setup.loadDemo': ALL,
  'session.team': ALL,
  'session.signIn': ALL,
  'session.signOut': ALL,
  // Before anyone is signed in; main refuses it once any active colleague has a password.
  'session.upgradeStatus': ALL,
  'session.setFirstPassword': ALL,
  'session.choosePassword': ALL,
  'session.lock': ALL,
  'session.unlock': ALL,
  'session.activity': ALL,
  'changes.since': ALL,
  // Answered by main on this computer (remote/workstation.ts), which checks who may change it.
  'werkplek.status': ALL,
  'werkplek.bekijkServer': ALL,
  'werkplek.koppel': ALL,
  'werkplek.alleen': ALL,
  'session.setStartPassword': ADMIN_ROLES,
  'session.changePassword': ALL,
  'session.settings': ALL,
  'session.saveSettings': ADMIN_ROLES,
  'settings.get': ALL,
  'settings.saveTeam': QUALITY_ROLES,
  'settings.saveWijk': QUALITY_ROLES,
  'settings.deleteWijk': QUALITY_ROLES,
  'settings.saveMedewerker': QUALITY_ROLES,
  'signals.createManual': ALL,
  'signals.checkAddress': ALL,
  'intake.upload': ALL,
  'intake.progress': ALL,
  'intake.analyse': ALL,
  'intake.preview': ALL,
  'intake.commit': ALL,
  'intake.history': ALL,
  'intake.importSignals': ALL,
  'intake.decide': ALL,
  'intake.undo': ALL,
  'intake.problems': ALL,
  'intake.acceptProblem': ALL,
  'intake.fixProblems': ALL,
  'intake.retryProblems': ALL,
  'intake.rejectProblems': ALL,
  'intake.rules': ALL,
  'intake.saveRules': QUALITY_ROLES,
  'intake.load': ALL,
  'intake.openCases': ALL,
  'intake.moveCases': QUALITY_ROLES,
  'caseload.list': ALL,
  'dossier.get': ALL,
  'dossier.addNote': ALL,
  'dossier.assign': ALL,
  'audit.search': QUALITY_ROLES,
  'audit.verify': QUALITY_ROLES,
  'ladder.config': ALL,
  'ladder.saveConfig': QUALITY_ROLES,
  'ladder.today': ALL,
  'ladder.plan': ALL,
  'ladder.logAttempt': ALL,
  'ladder.close': ALL,
  'ladder.reopen': ALL,
  'ladder.setDoNotApproach': ALL,
  'visits.partners': ALL,
  'visits.savePartner': ALL,
  'visits.candidates': ALL,
  'visits.plan': ALL,
  'visits.announce': ALL,
  'visits.day': ALL,
  'visits.optOut': ALL,
  'visits.outcome': ALL,
  // Appointments (issue 21): the meeting places are kept by the kwaliteitsmedewerker; a
  // consulent makes and ends appointments of the cases she may see (features/access/rules.ts).
  'appointments.places': ALL,
  'appointments.savePlace': KWALITEIT,
  'appointments.make': ALL,
  'appointments.reschedule': ALL,
  'appointments.outcome': ALL,
  'appointments.forCase': ALL,
  'appointments.texts': ALL,
  'appointments.reminderSent': ALL,
  'appointments.queueLetter': ALL,
  'appointments.agenda': ALL,
  'appointments.ics': ALL,
  'appointments.icsWeek': ALL,
  'walkin.search': ALL,
  'walkin.session': ALL,
  'walkin.register': ALL,
  'documents.queue': ALL,
  'documents.forCase': ALL,
  'documents.addToQueue': ALL,
  'documents.removeFromQueue': ALL,
  'documents.createBatch': ALL,
  'documents.renderProgress': ALL,
  'documents.batchPdf': ALL,
  'documents.confirmBatch': ALL,
  'documents.itemPdf': ALL,
  'documents.templates': ALL,
  'documents.saveTemplate': QUALITY_ROLES,
  'documents.previewTemplate': ALL,
  'documents.settings': ALL,
  'documents.saveSettings': QUALITY_ROLES,
  'documents.calibrationPdf': ALL,
  'monitor.dashboard': ALL,
  'monitor.cases': ALL,
  'monitor.exportExcel': QUALITY_ROLES,
  'monitor.exportDdas': QUALITY_ROLES,
  'monitor.feedback': QUALITY_ROLES,
  'monitor.settings': ALL,
  'monitor.saveSettings': QUALITY_ROLES,
  'backup.list': ADMIN_ROLES,
  'backup.create': ADMIN_ROLES,
  'backup.check': ADMIN_ROLES,
  'backup.restore': ADMIN_ROLES,
  // Retention is the beheerder's (issue 7). A resident's request shows and removes case contents,
  // which only the kwaliteitsmedewerker sees (features/access/scope.ts): so it is hers.
  'retention.get': ADMIN_ROLES,
  'retention.save': ADMIN_ROLES,
  'retention.preview': ADMIN_ROLES,
  'retention.purge': ADMIN_ROLES,
  'retention.findPerson': KWALITEIT,
  'retention.exportPerson': KWALITEIT,
  'retention.deletePerson': KWALITEIT,
  // The CBS connection (DDAS-VS, issue 22): configured by the beheerder, who runs the server; its
  // settings hold no personal data, so the kwaliteitsmedewerker may look. The collections list
  // (who collected which period, counts only) is shown in the Monitor.
  'ddasVs.settings': QUALITY_ROLES,
  'ddasVs.saveSettings': ADMIN_ROLES,
  'ddasVs.check': ADMIN_ROLES,
  'ddasVs.collections': QUALITY_ROLES,
}

/** The Dutch refusal for a role that may not call `method`. */
export function forbiddenMessage(method: Name): string {
  const allowed = PERMISSIONS[method]
  if (allowed !== ALL && allowed.length === 1)
    return allowed[0] === 'beheerder'
      ? 'Dit mag alleen een beheerder.'
      : 'Dit mag alleen een kwaliteitsmedewerker.'
  return 'Dit mag alleen een kwaliteitsmedewerker of beheerder.'
}

export function mayCall(method: Name, rol: Rol): boolean {
  const allowed = PERMISSIONS[method]
  return allowed === ALL || allowed.includes(rol)
}
