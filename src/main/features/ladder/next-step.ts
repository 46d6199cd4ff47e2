import { sql, type Expression, type SqlBool } from 'kysely'
import type { Dagdeel } from '@shared/domain/ddas'
import { STAP_LABELS, type LadderConfig, type PlanStap } from '@shared/api/ladder'
import { addDays } from '@shared/format/dates'
import { addWorkdays, isNonWorkingDay, reachableStep } from './planner'

/**
 * The next step of a case, read in ONE place: Vandaag, the case file, the caseload, the walk-in
 * search and the visit planner all show what this module says (issue 13: the caseload said
 * "Bellen" where Vandaag said "Huisbezoek plannen" for a case without a phone number).
 *
 * The stored plan (plan_stap, plan_poging, plan_datum, plan_dagdeel) is the planner's; what a
 * consulent can do next also depends on whether the household has a phone number: without one,
 * the call and message steps are skipped (planner.ts, reachableStep). That is decided here, when
 * the plan is read, so a phone number added later brings the calls back.
 */
export interface StoredPlan {
  is_open: number
  niet_benaderen: number
  plan_stap: string | null
  plan_poging: number
  plan_datum: string | null
  plan_dagdeel: string | null
}

export interface NextStep {
  stap: PlanStap
  label: string
  /** 1-based try on this step. */
  poging: number
  /** The working day it is due: a plan dated on a weekend or holiday is due the next working day. */
  datum: string
  dagdeel: Dagdeel | null
}

/** Null when nothing is planned: closed, "do not approach", or no date. */
export function nextStep(cfg: LadderConfig, row: StoredPlan, hasPhone: boolean): NextStep | null {
  if (row.is_open !== 1 || row.niet_benaderen === 1 || row.plan_datum === null) return null
  const first = cfg.stappen[0]!
  const stored = (row.plan_stap ?? first.soort) as PlanStap
  const stap = reachableStep(cfg, stored, hasPhone)
  return {
    stap,
    label: STAP_LABELS[stap],
    poging: stap === stored ? row.plan_poging + 1 : 1,
    datum: addWorkdays(row.plan_datum, 0),
    dagdeel:
      (row.plan_dagdeel as Dagdeel | null) ??
      (row.plan_stap === null && stap === stored ? first.dagdelen[0]! : null),
  }
}

/**
 * The latest working day on or before `today`. A plan is due today exactly when its stored date
 * is on or before this day (`nextStep` moves a weekend date to the next working day), so the SQL
 * of Vandaag, the planner and the caseload can compare the stored date and agree with nextStep.
 */
export function dueCutoff(today: string): string {
  let d = today
  while (isNonWorkingDay(d)) d = addDays(d, -1)
  return d
}

/** The steps at which a home visit has to be planned: the letter announcing it, or the visit itself. */
export const VISIT_STEPS: readonly PlanStap[] = ['brief', 'huisbezoek']

/**
 * THE definition of "a visit is due": the next step is announcing or making a home visit, it is
 * due today or overdue, and no visit is planned for the case yet. Vandaag marks these cases, the
 * planner offers exactly these, and the caseload filters on them.
 */
export function isVisitDue(step: NextStep | null, today: string, visitPlanned: boolean): boolean {
  return !!step && VISIT_STEPS.includes(step.stap) && step.datum <= today && !visitPlanned
}

/**
 * Which stored steps (null = the ladder's first) lead to a visit step, with and without a phone
 * number: derived from `nextStep` itself, so the SQL below cannot drift from it.
 */
export function storedStepsForVisit(cfg: LadderConfig): { always: PlanStap[]; withoutPhone: PlanStap[] } {
  const all = [...new Set<PlanStap>([...cfg.stappen.map((s) => s.soort), 'opvolgen', 'afronden'])]
  const leadsToVisit = (s: PlanStap, phone: boolean) => VISIT_STEPS.includes(reachableStep(cfg, s, phone))
  return {
    always: all.filter((s) => leadsToVisit(s, true)),
    withoutPhone: all.filter((s) => !leadsToVisit(s, true) && leadsToVisit(s, false)),
  }
}

/**
 * `isVisitDue` as a condition on vroegsignaalzaak (under `alias`), for the planner's and the
 * caseload's queries over many cases.
 */
export function visitDueWhere(cfg: LadderConfig, today: string, alias = 'z'): Expression<SqlBool> {
  const { always, withoutPhone } = storedStepsForVisit(cfg)
  const ref = (col: string) => sql.ref(`${alias}.${col}`)
  const stored = sql`coalesce(${ref('plan_stap')}, ${cfg.stappen[0]!.soort})`
  const noPhone = sql`not exists (select 1 from resident r where r.household_id = ${ref('household_id')} and r.telefoon <> '')`
  const steps = [
    ...(always.length ? [sql`${stored} in (${sql.join(always)})`] : []),
    ...(withoutPhone.length ? [sql`(${stored} in (${sql.join(withoutPhone)}) and ${noPhone})`] : []),
  ]
  if (steps.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`(${ref('is_open')} = 1 and ${ref('niet_benaderen')} = 0 and ${ref('plan_datum')} <= ${dueCutoff(today)}
    and (${sql.join(steps, sql` or `)})
    and not exists (select 1 from huisbezoek b where b.case_id = ${ref('id')} and b.status = 'gepland'))`
}
