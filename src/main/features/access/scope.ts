import { sql, type Expression, type SqlBool } from 'kysely'
import type { Rol } from '@shared/domain/case'
import { CASE_VIEW } from '@shared/api/permissions'
import type { Db } from '../../db/database'
import { AppError, NotFoundError } from '../../lib/errors'
import { casePlaces, userWijkIds } from './repository'
import { userRole } from '../settings/repository'

/**
 * Which cases a signed-in user may see. The single place that decides it; every service that
 * lists or touches cases asks here (see rules.ts for the per-method map that makes this
 * impossible to forget).
 *
 * - kwaliteitsmedewerker: every case.
 * - consulent: the cases of his or her own wijken, and cases assigned to him or her personally
 *   (a case moved to a colleague of another wijk goes with that colleague). Outside that only
 *   through the walk-in hour (walkin-grant.ts), audited.
 * - beheerder: no case contents at all. The beheerder keeps the app running (users, retention,
 *   backups, the audit trail); reading the files of residents is not needed for that work, and
 *   the AVG asks that only who needs personal data gets it.
 */
export type CaseScope =
  { kind: 'all' } | { kind: 'none' } | { kind: 'own'; userId: number; wijkIds: readonly number[] }

/** For internal callers that work on the whole team's data (demo, command line, benchmarks). */
export const ALL_CASES: CaseScope = { kind: 'all' }

export interface Viewer {
  userId: number
  rol: Rol
  scope: CaseScope
}

export const OTHER_WIJK_MESSAGE =
  'Deze zaak hoort bij een andere wijk. Zoek de bewoner via het inloopspreekuur als die voor je staat.'
export const BEHEERDER_MESSAGE =
  'Als beheerder zie je geen dossiers van bewoners. Dat doen de consulenten en de kwaliteitsmedewerker.'
export const ALL_CASES_MESSAGE =
  'Hierin staan gegevens van alle bewoners. Dat mag alleen de kwaliteitsmedewerker maken of openen.'

/** Reads the user's role and wijken; called per request so a changed role or wijk counts at once. */
export async function loadViewer(db: Db, userId: number): Promise<Viewer> {
  const user = await userRole(db, userId)
  const rol = (user?.rol ?? 'consulent') as Rol
  if (!user) return { userId, rol, scope: { kind: 'none' } }
  return { userId, rol, scope: await caseScope(db, userId, rol) }
}

export async function caseScope(db: Db, userId: number, rol: Rol): Promise<CaseScope> {
  if (CASE_VIEW[rol] === 'alle') return { kind: 'all' }
  if (CASE_VIEW[rol] === 'geen') return { kind: 'none' }
  return { kind: 'own', userId, wijkIds: await userWijkIds(db, userId) }
}

/**
 * The where-clause for a query over vroegsignaalzaak (under `alias`): true for the cases the
 * scope allows. Used as `q.where(inScope(scope, 'z'))`.
 */
export function inScope(scope: CaseScope, alias = 'vroegsignaalzaak'): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`
  if (scope.kind === 'none') return sql<SqlBool>`1 = 0`
  const consulent = sql.ref(`${alias}.consulent_id`)
  if (scope.wijkIds.length === 0) return sql<SqlBool>`${consulent} = ${scope.userId}`
  const wijk = sql.ref(`${alias}.wijk_id`)
  return sql<SqlBool>`(${consulent} = ${scope.userId} or ${wijk} in (${sql.join([...scope.wijkIds])}))`
}

/**
 * For rows of signals (under `caseAlias` left-joined, `householdAlias` joined): a signal with a
 * case follows the case; a signal not (yet) followed up follows its household's wijk.
 */
export function signalInScope(
  scope: CaseScope,
  caseAlias: string,
  householdAlias: string,
): Expression<SqlBool> {
  if (scope.kind !== 'own') return inScope(scope, caseAlias)
  const caseId = sql.ref(`${caseAlias}.id`)
  const wijk = sql.ref(`${householdAlias}.wijk_id`)
  const household =
    scope.wijkIds.length === 0
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`${wijk} in (${sql.join([...scope.wijkIds])})`
  return sql<SqlBool>`(case when ${caseId} is null then ${household} else ${inScope(scope, caseAlias)} end)`
}

/**
 * For rows of huisbezoek `b` joined to their case `z`: the case's scope, and also the visits a
 * consulent makes as the case's consulent or as the second person of the duo.
 */
export function visitInScope(scope: CaseScope): Expression<SqlBool> {
  if (scope.kind !== 'own') return inScope(scope, 'z')
  const me = scope.userId
  return sql<SqlBool>`(${inScope(scope, 'z')} or ${sql.ref('b.consulent_id')} = ${me} or ${sql.ref('b.duo_user_id')} = ${me})`
}

/** Whether a case with this wijk and consulent lies in the scope (for rows already loaded). */
export function caseInScope(
  scope: CaseScope,
  row: { wijk_id: number | null; consulent_id: number | null },
): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  return row.consulent_id === scope.userId || (row.wijk_id !== null && scope.wijkIds.includes(row.wijk_id))
}

/** Whether a household's wijk lies in the scope: for rows that have no case yet (intake). */
export function wijkInScope(scope: CaseScope, wijkId: number | null): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  return wijkId !== null && scope.wijkIds.includes(wijkId)
}

export function forbiddenFor(viewer: Viewer): AppError {
  return new AppError('forbidden', viewer.rol === 'beheerder' ? BEHEERDER_MESSAGE : OTHER_WIJK_MESSAGE)
}

/**
 * Refuses unless every case exists and lies in the scope, or is granted by `extra` (the walk-in
 * hour). A missing case is 'not_found' with the same message the services use.
 */
export async function assertMayOpenCases(
  db: Db,
  viewer: Viewer,
  caseIds: readonly number[],
  extra: (caseId: number) => boolean = () => false,
): Promise<void> {
  const ids = [...new Set(caseIds)]
  if (ids.length === 0) return
  const rows = await casePlaces(db, ids)
  if (rows.length < ids.length) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  for (const row of rows) {
    if (!caseInScope(viewer.scope, row) && !extra(row.id)) throw forbiddenFor(viewer)
  }
}
