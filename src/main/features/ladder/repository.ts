import { inScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import { nextVersion, touchCase } from '../dossier/version'
import { DEFAULT_LADDER, ladderConfigInput, type LadderConfig, type PlanStap } from '@shared/api/ladder'
import type { Dagdeel } from '@shared/domain/ddas'
import type { PlanState } from './planner'

const LADDER_KEY = 'ladder'

/** The team's ladder; the default until a kwaliteitsmedewerker changes it. */
export async function getLadderConfig(db: Db): Promise<LadderConfig> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', LADDER_KEY).executeTakeFirst()
  if (!row) return DEFAULT_LADDER
  const parsed = ladderConfigInput.safeParse(JSON.parse(row.value))
  return parsed.success ? parsed.data : DEFAULT_LADDER
}

export async function putLadderConfig(db: Db, cfg: LadderConfig, at: string, by: number | null) {
  const value = JSON.stringify(cfg)
  await db
    .insertInto('setting')
    .values({ key: LADDER_KEY, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute()
}

export async function getCasePlanRow(db: Db, caseId: number) {
  return db
    .selectFrom('vroegsignaalzaak')
    .select([
      'id',
      'household_id',
      'consulent_id',
      'wijk_id',
      'status',
      'is_open',
      'datum_opgepakt',
      'gesloten_op',
      'plan_stap',
      'plan_poging',
      'plan_datum',
      'plan_dagdeel',
      'niet_benaderen',
      'hulp_aangeboden',
      'hulp_geaccepteerd',
      'verwijzing',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst()
}
export type CasePlanRow = NonNullable<Awaited<ReturnType<typeof getCasePlanRow>>>

export function stateOf(row: CasePlanRow): PlanState {
  return {
    stap: row.plan_stap as PlanStap | null,
    poging: row.plan_poging,
    datum: row.plan_datum,
    dagdeel: row.plan_dagdeel as Dagdeel | null,
  }
}

export async function writePlan(db: Db, caseId: number, s: PlanState): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({
      plan_stap: s.stap,
      plan_poging: s.poging,
      plan_datum: s.datum,
      plan_dagdeel: s.dagdeel,
      versie: nextVersion,
    })
    .where('id', '=', caseId)
    .execute()
}

export interface NewAttempt {
  caseId: number
  kanaal: string
  soort: string
  bereikt: boolean
  datum: string
  dagdeel: Dagdeel
  resultaat: string
  notitie: string
  at: string
  by: number | null
}

export async function insertAttempt(db: Db, a: NewAttempt): Promise<number> {
  const { id } = await db
    .insertInto('contactpoging')
    .values({
      case_id: a.caseId,
      kanaal: a.kanaal,
      soort: a.soort,
      bereikt: a.bereikt ? 1 : 0,
      datum: a.datum,
      dagdeel: a.dagdeel,
      resultaat: a.resultaat,
      notitie: a.notitie,
      created_at: a.at,
      created_by: a.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await touchCase(db, a.caseId)
  return id
}

/**
 * Today's work of one consulent: open cases whose next step is due today or earlier, oldest
 * first, through zaak_plan_idx (consulent_id, is_open, plan_datum). Cases with "do not
 * approach" have no plan_datum and so never show; the extra condition says so explicitly.
 */
export async function dueCases(db: Db, consulentId: number, today: string, limit: number, scope: CaseScope) {
  return db
    .selectFrom('vroegsignaalzaak')
    .select([
      'id',
      'case_number',
      'display_name',
      'adres',
      'household_id',
      'wijk_id',
      'plan_stap',
      'plan_poging',
      'plan_datum',
      'plan_dagdeel',
    ])
    .where('consulent_id', '=', consulentId)
    .where('is_open', '=', 1)
    .where('plan_datum', '<=', today)
    .where('niet_benaderen', '=', 0)
    .where(inScope(scope))
    .orderBy('plan_datum')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The phone number of each household's first resident who has one. */
export async function phonesOf(db: Db, householdIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  if (householdIds.length === 0) return out
  const rows = await db
    .selectFrom('resident')
    .select(['household_id', 'telefoon'])
    .where('household_id', 'in', householdIds)
    .where('telefoon', '!=', '')
    .orderBy('id')
    .execute()
  for (const r of rows) if (!out.has(r.household_id)) out.set(r.household_id, r.telefoon)
  return out
}

/** The planned (not yet made or called off) home visit of a case, if any. */
export async function plannedVisit(
  db: Db,
  caseId: number,
): Promise<{ id: number; datum: string; tijd: string; tot: string | null } | null> {
  const v = await db
    .selectFrom('huisbezoek')
    .select(['id', 'datum', 'tijd', 'tijd_tot as tot'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'gepland')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return v ?? null
}

/** Which of these cases have a planned home visit (through huisbezoek_case_idx). */
export async function plannedVisitCases(db: Db, caseIds: number[]): Promise<Set<number>> {
  const out = new Set<number>()
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('huisbezoek')
      .select('case_id')
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .where('status', '=', 'gepland')
      .execute()
    for (const r of rows) out.add(r.case_id)
  }
  return out
}

/** The planned visits of these cases. */
export async function plannedVisitIds(db: Db, caseIds: number[]): Promise<number[]> {
  if (caseIds.length === 0) return []
  const rows = await db
    .selectFrom('huisbezoek')
    .select('id')
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'gepland')
    .execute()
  return rows.map((r) => r.id)
}

/** The first attempt of this kind on this day of the case, if any. */
export async function attemptOfDay(
  db: Db,
  caseId: number,
  soort: string,
  datum: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('contactpoging')
    .select('id')
    .where('case_id', '=', caseId)
    .where('soort', '=', soort)
    .where('datum', '=', datum)
    .orderBy('id')
    .executeTakeFirst()
}

export async function setCaseStatus(db: Db, caseId: number, status: string): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({ status, versie: nextVersion })
    .where('id', '=', caseId)
    .execute()
}

export async function householdApproach(
  db: Db,
  householdId: number,
): Promise<{ niet_benaderen: number; niet_benaderen_reden: string }> {
  return db
    .selectFrom('household')
    .select(['niet_benaderen', 'niet_benaderen_reden'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow()
}

/** The household's first resident (the one a message is addressed to). */
export async function firstResident(
  db: Db,
  householdId: number,
): Promise<{ voorletters: string; tussenvoegsel: string; achternaam: string } | undefined> {
  const rows = await db
    .selectFrom('resident')
    .select(['voorletters', 'tussenvoegsel', 'achternaam'])
    .where('household_id', '=', householdId)
    .orderBy('id')
    .limit(1)
    .execute()
  return rows[0]
}

export async function userContact(
  db: Db,
  userId: number,
): Promise<{ naam: string; telefoon: string; email: string } | undefined> {
  return db
    .selectFrom('app_user')
    .select(['naam', 'telefoon', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

/** How many attempts the case has, and whether any reached the resident. */
export async function attemptTally(db: Db, caseId: number): Promise<{ n: number; bereikt: boolean }> {
  const row = await db
    .selectFrom('contactpoging')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('bereikt').as('bereikt')])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow()
  return { n: Number(row.n), bereikt: Number(row.bereikt ?? 0) === 1 }
}

/** Whether the household has another case that is newer or still open (then this one stays closed). */
export async function hasLaterCase(db: Db, householdId: number, caseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('vroegsignaalzaak')
    .select('id')
    .where('household_id', '=', householdId)
    .where((eb) => eb.or([eb('id', '>', caseId), eb('is_open', '=', 1)]))
    .where('id', '!=', caseId)
    .executeTakeFirst()
  return row !== undefined
}

export interface Closing {
  resultaat: string
  geslotenOp: string
  hulpAangeboden: boolean
  hulpGeaccepteerd: boolean
  verwijzing: string
}

/** Closes the case with its result; a closed case has no plan. */
export async function closeCaseRow(db: Db, caseId: number, c: Closing): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'gesloten',
      is_open: 0,
      resultaat: c.resultaat,
      gesloten_op: c.geslotenOp,
      hulp_aangeboden: c.hulpAangeboden ? 1 : 0,
      hulp_geaccepteerd: c.hulpGeaccepteerd ? 1 : 0,
      verwijzing: c.verwijzing,
      plan_stap: null,
      plan_poging: 0,
      plan_datum: null,
      plan_dagdeel: null,
      versie: nextVersion,
    })
    .where('id', '=', caseId)
    .execute()
}

/** Opens a closed case again, its result cleared, to follow up on `planDatum` (null: nothing planned). */
export async function reopenCaseRow(db: Db, caseId: number, planDatum: string | null): Promise<void> {
  await db
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'in_behandeling',
      is_open: 1,
      resultaat: null,
      gesloten_op: null,
      hulp_aangeboden: null,
      hulp_geaccepteerd: null,
      verwijzing: '',
      plan_stap: 'opvolgen',
      plan_poging: 0,
      plan_datum: planDatum,
      plan_dagdeel: null,
      versie: nextVersion,
    })
    .where('id', '=', caseId)
    .execute()
}

/** Calls off the planned visits of one case, or of every case of a household. */
export async function callOffPlannedVisits(
  db: Db,
  of: { caseId: number } | { householdId: number },
  reden: string,
  at: string,
): Promise<void> {
  let q = db
    .updateTable('huisbezoek')
    .set({ status: 'afgemeld', afmelding_reden: reden, afmelding_op: at })
    .where('status', '=', 'gepland')
  q =
    'caseId' in of
      ? q.where('case_id', '=', of.caseId)
      : q.where(
          'case_id',
          'in',
          db.selectFrom('vroegsignaalzaak').select('id').where('household_id', '=', of.householdId),
        )
  await q.execute()
}

/** The resident's wish not to be approached, on the household and its open cases (their plans stop). */
export async function setHouseholdDoNotApproach(
  db: Db,
  householdId: number,
  niet: boolean,
  reden: string,
  today: string,
): Promise<void> {
  await db
    .updateTable('household')
    .set({ niet_benaderen: niet ? 1 : 0, niet_benaderen_reden: niet ? reden : '' })
    .where('id', '=', householdId)
    .execute()
  await db
    .updateTable('vroegsignaalzaak')
    .set({ niet_benaderen: niet ? 1 : 0, plan_datum: niet ? null : today, versie: nextVersion })
    .where('household_id', '=', householdId)
    .where('is_open', '=', 1)
    .execute()
}

export async function householdCaseIds(db: Db, householdId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select('id')
    .where('household_id', '=', householdId)
    .execute()
  return rows.map((c) => c.id)
}
