import { inScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
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
    .set({ plan_stap: s.stap, plan_poging: s.poging, plan_datum: s.datum, plan_dagdeel: s.dagdeel })
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
