import type { ApiContract, MethodName } from '@shared/api'
import type { ParsedInputOf } from '@shared/api/define'
import type { Db } from '../../db/database'
import type { HandlerContext } from '../../app/context'
import { AppError } from '../../lib/errors'
import { loadWijkRanges } from '../wijken/assignment'
import { problemWijk } from './problem-wijk'
import { casesOfBatch, casesOfItems, problemsValues, signalPlace, visitPeople } from './repository'
import {
  ALL_CASES_MESSAGE,
  assertMayOpenCases,
  caseInScope,
  forbiddenFor,
  loadViewer,
  wijkInScope,
  type Viewer,
} from './scope'
import { openWalkinCase, walkinOpened } from './walkin-grant'

/**
 * How each method meets case data: the one map that makes the scope impossible to forget. A new
 * method without an entry is a compile error, like permissions.ts.
 *
 * - 'geen': no data about residents (settings, templates, configuration, sign-in).
 * - 'team': team-wide figures or intake work without case rows (counts, the import itself).
 * - 'lijst': returns rows of cases; the service filters them with the viewer's scope
 *   (ctx.viewer, `inScope`), which the role tests check per list.
 * - 'inloop': the walk-in lookup: name, address, case number and consulent for every consulent.
 * - 'alle-zaken': exports of every case's data: only for a viewer who sees every case.
 * - a check: names one or more cases (directly or through an item, visit, batch, signal or
 *   correction row); each must lie in the scope, checked before the handler runs.
 */
export type CaseRule<I> =
  | 'geen'
  | 'team'
  | 'lijst'
  | 'inloop'
  | 'alle-zaken'
  | { check: (db: Db, viewer: Viewer, input: I, ctx: HandlerContext) => Promise<void> }

type Rules = { [M in MethodName]: CaseRule<ParsedInputOf<ApiContract[M]>> }

function cases<I>(ids: (input: I, db: Db) => Promise<number[]> | number[]): CaseRule<I> {
  return {
    check: async (db, viewer, input, ctx) =>
      assertMayOpenCases(
        db,
        viewer,
        await ids(input, db),
        walkinOpened(ctx.session, viewer.userId, ctx.clock.today()),
      ),
  }
}

/** A visit may be handled by whoever may see its case, and by the two who make the visit. */
async function checkVisit(db: Db, viewer: Viewer, visitId: number, ctx: HandlerContext): Promise<void> {
  const v = await visitPeople(db, visitId)
  if (!v) return // the service says it does not exist
  if (viewer.scope.kind === 'own' && (v.consulent_id === viewer.userId || v.duo_user_id === viewer.userId))
    return
  await assertMayOpenCases(
    db,
    viewer,
    [v.case_id],
    walkinOpened(ctx.session, viewer.userId, ctx.clock.today()),
  )
}

/**
 * An appointment may be handled by whoever may see its case, and by the consulent and colleague
 * who keep it (as for visits).
 */
async function checkAppointment(
  db: Db,
  viewer: Viewer,
  afspraakId: number,
  ctx: HandlerContext,
): Promise<void> {
  const a = await db
    .selectFrom('afspraak')
    .select(['case_id', 'consulent_id', 'collega_id'])
    .where('id', '=', afspraakId)
    .executeTakeFirst()
  if (!a) return // the service says it does not exist
  if (viewer.scope.kind === 'own' && (a.consulent_id === viewer.userId || a.collega_id === viewer.userId))
    return
  await assertMayOpenCases(
    db,
    viewer,
    [a.case_id],
    walkinOpened(ctx.session, viewer.userId, ctx.clock.today()),
  )
}
const appointment: CaseRule<{ afspraakId: number }> = {
  check: (db, viewer, i, ctx) => checkAppointment(db, viewer, i.afspraakId, ctx),
}

/** A correction row belongs to the wijk of its postcode; a row without a usable one to nobody yet. */
async function checkProblem(db: Db, viewer: Viewer, problemId: number): Promise<void> {
  return checkProblems(db, viewer, [problemId])
}

/** checkProblem for many rows at once: one row outside the user's wijken refuses the whole call. */
async function checkProblems(db: Db, viewer: Viewer, problemIds: readonly number[]): Promise<void> {
  if (viewer.scope.kind === 'all') return
  if (viewer.scope.kind === 'none') throw forbiddenFor(viewer)
  if (problemIds.length === 0) return
  const ranges = await loadWijkRanges(db)
  for (let i = 0; i < problemIds.length; i += 500) {
    for (const row of await problemsValues(db, problemIds.slice(i, i + 500))) {
      const wijkId = problemWijk(row.values_json, ranges)
      if (wijkId !== null && !wijkInScope(viewer.scope, wijkId)) throw forbiddenFor(viewer)
    }
  }
}

export const CASE_ACCESS: Rules = {
  'app.status': 'geen',
  'setup.complete': 'geen',
  'setup.loadDemo': 'geen',
  'session.team': 'geen',
  'session.signIn': 'geen',
  'session.signOut': 'geen',
  'session.upgradeStatus': 'geen',
  'session.setFirstPassword': 'geen',
  'session.choosePassword': 'geen',
  'session.lock': 'geen',
  'session.unlock': 'geen',
  'session.activity': 'geen',
  // Kinds and ids of changes only; the screens then ask what this user may see.
  'changes.since': 'geen',
  'werkplek.status': 'geen',
  'werkplek.bekijkServer': 'geen',
  'werkplek.koppel': 'geen',
  'werkplek.alleen': 'geen',
  'session.setStartPassword': 'geen',
  'session.changePassword': 'geen',
  'session.settings': 'geen',
  'session.saveSettings': 'geen',
  'settings.get': 'geen',
  'settings.saveTeam': 'geen',
  'settings.saveWijk': 'geen',
  'settings.deleteWijk': 'geen',
  'settings.saveMedewerker': 'geen',
  // Entering a signal by hand is allowed for any address; the case goes to its own wijk.
  'signals.createManual': 'team',
  // Says whether an address already has an open case and in which wijk; the case's number and
  // consulent, and earlier cases, only where the viewer's scope allows (signals/service.ts).
  'signals.checkAddress': 'lijst',
  'intake.upload': 'team',
  'intake.progress': 'team',
  'intake.analyse': 'team',
  'intake.preview': 'team',
  'intake.commit': 'team',
  'intake.history': 'team',
  'intake.importSignals': 'lijst',
  'intake.decide': {
    check: async (db, viewer, { signalId }) => {
      const s = await signalPlace(db, signalId)
      if (!s) return
      const ok =
        s.case_id === null ? wijkInScope(viewer.scope, s.household_wijk) : caseInScope(viewer.scope, s)
      if (!ok) throw forbiddenFor(viewer)
    },
  },
  'intake.undo': 'team',
  'intake.problems': 'lijst',
  'intake.acceptProblem': { check: (db, viewer, { id }) => checkProblem(db, viewer, id) },
  'intake.fixProblems': { check: (db, viewer, { ids }) => checkProblems(db, viewer, ids) },
  // Without ids: every open row the user may see (the service keeps to the scope).
  'intake.retryProblems': { check: (db, viewer, { ids }) => checkProblems(db, viewer, ids ?? []) },
  'intake.rejectProblems': { check: (db, viewer, { ids }) => checkProblems(db, viewer, ids) },
  'intake.rules': 'geen',
  'intake.saveRules': 'geen',
  'intake.load': 'team',
  'intake.openCases': 'lijst',
  'intake.moveCases': cases((i) => i.caseIds),
  'caseload.list': 'lijst',
  'dossier.get': {
    check: async (db, viewer, { caseId, via }, ctx) => {
      const today = ctx.clock.today()
      const granted = walkinOpened(ctx.session, viewer.userId, today)
      await assertMayOpenCases(db, viewer, [caseId], (id) => {
        if (granted(id)) return true
        if (via !== 'inloopspreekuur' || viewer.rol !== 'consulent') return false
        return openWalkinCase(ctx.session, viewer.userId, today, id)
      })
    },
  },
  'dossier.addNote': cases((i) => [i.caseId]),
  'dossier.assign': cases((i) => [i.caseId]),
  'audit.search': 'team',
  'audit.verify': 'geen',
  'ladder.config': 'geen',
  'ladder.saveConfig': 'geen',
  'ladder.today': 'lijst',
  'ladder.plan': cases((i) => [i.caseId]),
  'ladder.logAttempt': cases((i) => [i.caseId]),
  'ladder.close': cases((i) => [i.caseId]),
  'ladder.reopen': cases((i) => [i.caseId]),
  'ladder.setDoNotApproach': cases((i) => [i.caseId]),
  'visits.partners': 'geen',
  'visits.savePartner': 'geen',
  'visits.candidates': 'lijst',
  'visits.plan': cases((i) => i.caseIds),
  'visits.announce': cases((i) => [i.caseId]),
  'visits.day': 'lijst',
  'visits.optOut': { check: (db, viewer, i, ctx) => checkVisit(db, viewer, i.visitId, ctx) },
  'visits.outcome': { check: (db, viewer, i, ctx) => checkVisit(db, viewer, i.visitId, ctx) },
  // Places are settings; an agenda lists the rows the viewer may see (appointments/agenda.ts).
  'appointments.places': 'geen',
  'appointments.savePlace': 'geen',
  'appointments.make': cases((i) => [i.caseId]),
  'appointments.reschedule': appointment,
  'appointments.outcome': appointment,
  'appointments.forCase': cases((i) => [i.caseId]),
  'appointments.texts': appointment,
  'appointments.reminderSent': appointment,
  'appointments.queueLetter': appointment,
  'appointments.agenda': 'lijst',
  'appointments.ics': appointment,
  'appointments.icsWeek': 'lijst',
  'walkin.search': 'inloop',
  'walkin.session': 'inloop',
  'walkin.register': 'inloop',
  'documents.queue': 'lijst',
  'documents.forCase': cases((i) => [i.caseId]),
  'documents.addToQueue': cases((i) => [i.caseId]),
  'documents.removeFromQueue': cases((i, db) => casesOfItems(db, [i.itemId])),
  'documents.createBatch': cases((i, db) => casesOfItems(db, i.itemIds)),
  'documents.renderProgress': 'team',
  'documents.batchPdf': cases((i, db) => casesOfBatch(db, i.batchId)),
  'documents.confirmBatch': cases((i, db) => casesOfBatch(db, i.batchId)),
  'documents.itemPdf': cases((i, db) => casesOfItems(db, [i.itemId])),
  'documents.templates': 'geen',
  'documents.saveTemplate': 'geen',
  'documents.previewTemplate': 'geen',
  'documents.settings': 'geen',
  'documents.saveSettings': 'geen',
  'documents.calibrationPdf': 'geen',
  'monitor.dashboard': 'team',
  'monitor.cases': 'lijst',
  'monitor.exportExcel': 'team',
  'monitor.exportDdas': 'alle-zaken',
  'monitor.feedback': 'alle-zaken',
  'monitor.settings': 'geen',
  'monitor.saveSettings': 'geen',
  'backup.list': 'geen',
  'backup.create': 'geen',
  'backup.check': 'geen',
  'backup.restore': 'geen',
  // Periods and purge deal in counts; a resident's request in one person's whole file
  'retention.get': 'geen',
  'retention.save': 'geen',
  'retention.preview': 'geen',
  'retention.purge': 'geen',
  'retention.findPerson': 'alle-zaken',
  'retention.exportPerson': 'alle-zaken',
  'retention.deletePerson': 'alle-zaken',
  // Settings and counts of the CBS connection: no resident in them.
  'ddasVs.settings': 'geen',
  'ddasVs.saveSettings': 'geen',
  'ddasVs.check': 'geen',
  'ddasVs.collections': 'geen',
}

/**
 * Run by the dispatcher after validation, before the handler: loads the viewer into the
 * context (for the list filters) and applies the method's rule.
 */
export async function enforceCaseAccess(
  ctx: HandlerContext,
  method: MethodName,
  input: unknown,
): Promise<void> {
  const viewer = await loadViewer(ctx.db, ctx.userId)
  ctx.viewer = viewer
  const rule = CASE_ACCESS[method] as CaseRule<unknown>
  if (rule === 'alle-zaken') {
    if (viewer.scope.kind !== 'all') throw new AppError('forbidden', ALL_CASES_MESSAGE)
    return
  }
  if (typeof rule === 'object') await rule.check(ctx.db, viewer, input, ctx)
}

/** The viewer the dispatcher loaded; a handler of a 'lijst' method cannot run without one. */
export function viewerOf(ctx: HandlerContext): Viewer {
  if (!ctx.viewer) throw new AppError('not_signed_in', 'Kies eerst wie je bent.')
  return ctx.viewer
}
