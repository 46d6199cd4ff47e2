import { sql } from 'kysely'
import type { Signaalstatus } from '@shared/domain/ddas'
import type { Db } from '../../db/database'

// The intake folder's queries through Kysely (history, undo, decisions). The monthly import's
// own write path runs prepared statements on the raw handle (batch-writer.ts, batch-statements.ts).

// --- the history ---

export function batchQuery(db: Db) {
  return db
    .selectFrom('import_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.user_id')
    .select([
      'b.id',
      'b.bestandsnaam',
      'b.bron',
      'b.at',
      'u.naam',
      'b.rows_total',
      'b.rows_new',
      'b.rows_duplicate',
      'b.rows_problem',
      'b.undone_at',
      'b.mapping_json',
    ])
}

export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>

/** How many of the import's signals got each decision (besluit). */
export async function decisionCounts(db: Db, importId: number) {
  return db
    .selectFrom('signaal_intake')
    .select(['besluit', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', importId)
    .groupBy('besluit')
    .execute()
}

export async function openProblemCount(db: Db, importId: number): Promise<number> {
  const open = await db
    .selectFrom('import_problem')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', importId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  return Number(open.n)
}

/** Whether a case with a signal of this import has been worked on since the import. */
export async function caseWorkedSince(db: Db, importId: number, at: string): Promise<boolean> {
  const worked = await sql<{ id: number }>`
    select z.id from vroegsignaalzaak z
    where z.id in (select s.case_id from signaal_intake si join vroegsignaal s on s.id = si.signal_id
                   where si.import_id = ${importId} and s.case_id is not null)
      and (z.status != 'nieuw'
        or exists (select 1 from contactpoging c where c.case_id = z.id and c.created_at >= ${at})
        or exists (select 1 from note n where n.case_id = z.id and n.created_at >= ${at}))
    limit 1`.execute(db)
  return worked.rows.length > 0
}

/** Whether a case this import opened holds a signal of another import or one entered by hand. */
export async function foreignSignalInCases(db: Db, importId: number): Promise<boolean> {
  const foreign = await sql<{ id: number }>`
    select s.id from (
      select entity_id as first_id, entity_id as last_id from import_effect where import_id = ${importId} and kind = 'zaak'
      union all
      select first_id, last_id from import_range where import_id = ${importId} and kind = 'zaak'
    ) c
    join vroegsignaal s on s.case_id between c.first_id and c.last_id
    left join signaal_intake si on si.signal_id = s.id
    where si.import_id is null or si.import_id != ${importId}
    limit 1`.execute(db)
  return foreign.rows.length > 0
}

// --- undo ---

/** The ids an import created of one kind: ranges per run, and single rows added later (a decision). */
export async function createdIds(db: Db, importId: number, kind: 'zaak' | 'huishouden' | 'bewoner') {
  const ranges = await db
    .selectFrom('import_range')
    .select(['first_id', 'last_id'])
    .where('import_id', '=', importId)
    .where('kind', '=', kind)
    .execute()
  const singles = await db
    .selectFrom('import_effect')
    .select('entity_id')
    .where('import_id', '=', importId)
    .where('kind', '=', kind)
    .execute()
  return [
    ...ranges.map((r) => [r.first_id, r.last_id] as const),
    ...singles.map((e) => [e.entity_id, e.entity_id] as const),
  ]
}

/** What the import found and set on residents known before it, beside what they hold now. */
export async function residentsBefore(db: Db, importId: number) {
  return db
    .selectFrom('import_resident_before as b')
    .innerJoin('resident as r', 'r.id', 'b.resident_id')
    .select([
      'b.resident_id',
      'b.telefoon',
      'b.email',
      'b.bsn',
      'b.geboortedatum',
      'b.updated_at',
      'b.set_telefoon',
      'b.set_email',
      'b.set_bsn',
      'b.set_geboortedatum',
      'r.telefoon as now_telefoon',
      'r.email as now_email',
      'r.bsn as now_bsn',
      'r.geboortedatum as now_geboortedatum',
    ])
    .where('b.import_id', '=', importId)
    .execute()
}

export async function updateResident(
  db: Db,
  residentId: number,
  values: {
    telefoon?: string
    email?: string
    bsn?: string | null
    geboortedatum?: string | null
    updated_at?: string
  },
): Promise<void> {
  await db.updateTable('resident').set(values).where('id', '=', residentId).execute()
}

export async function forgetResidentsBefore(db: Db, importId: number): Promise<void> {
  await db.deleteFrom('import_resident_before').where('import_id', '=', importId).execute()
}

export async function batchById(db: Db, importId: number) {
  return db.selectFrom('import_batch').selectAll().where('id', '=', importId).executeTakeFirst()
}

/** The import's signals with their case. */
export async function signalsOfImport(db: Db, importId: number) {
  return db
    .selectFrom('signaal_intake as si')
    .innerJoin('vroegsignaal as s', 's.id', 'si.signal_id')
    .select(['s.id', 's.case_id'])
    .where('si.import_id', '=', importId)
    .execute()
}

/** Deletes signals (at most a few hundred ids a call) with their triage, unlinking correction rows. */
export async function deleteSignals(db: Db, signalIds: number[]): Promise<void> {
  await db
    .updateTable('import_problem')
    .set({ signal_id: null })
    .where('signal_id', 'in', signalIds)
    .execute()
  await db.deleteFrom('signaal_intake').where('signal_id', 'in', signalIds).execute()
  await db.deleteFrom('vroegsignaal').where('id', 'in', signalIds).execute()
}

/** Deletes the cases with ids first..last; returns how many there were. */
export async function deleteCaseRange(db: Db, first: number, last: number): Promise<number> {
  const res = await db
    .deleteFrom('vroegsignaalzaak')
    .where('id', '>=', first)
    .where('id', '<=', last)
    .executeTakeFirst()
  return Number(res.numDeletedRows)
}

/** Deletes the residents with ids first..last that no signal names. */
export async function deleteUnusedResidents(db: Db, first: number, last: number): Promise<void> {
  await sql`delete from resident where id between ${first} and ${last}
        and not exists (select 1 from vroegsignaal s where s.resident_id = resident.id)`.execute(db)
}

/** Deletes the households with ids first..last that nothing refers to any more. */
export async function deleteUnusedHouseholds(db: Db, first: number, last: number): Promise<void> {
  await sql`delete from household where id between ${first} and ${last}
        and not exists (select 1 from resident r where r.household_id = household.id)
        and not exists (select 1 from vroegsignaalzaak z where z.household_id = household.id)
        and not exists (select 1 from vroegsignaal s where s.household_id = household.id)`.execute(db)
}

/** Rejects the import's open correction rows. */
export async function rejectOpenProblems(
  db: Db,
  importId: number,
  reden: string,
  at: string,
  by: number | null,
): Promise<void> {
  await db
    .updateTable('import_problem')
    .set({ status: 'afgewezen', reden, resolved_at: at, resolved_by: by })
    .where('import_id', '=', importId)
    .where('status', '=', 'open')
    .execute()
}

export async function markUndone(db: Db, importId: number, at: string, by: number | null): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ undone_at: at, undone_by: by })
    .where('id', '=', importId)
    .execute()
}

// --- the signals of an import and the consulent's decisions ---

export function signalQuery(db: Db) {
  return db
    .selectFrom('signaal_intake as si')
    .innerJoin('vroegsignaal as s', 's.id', 'si.signal_id')
    .innerJoin('resident as r', 'r.id', 's.resident_id')
    .innerJoin('household as h', 'h.id', 's.household_id')
    .leftJoin('vroegsignaalzaak as z', 'z.id', 's.case_id')
    .select([
      'si.signal_id',
      'si.line',
      'si.advies',
      'si.advies_reden',
      'si.besluit',
      'si.overrule_reden',
      'si.meervoudig',
      'si.opeenvolgend',
      'si.eerdere_signalen',
      's.partner_type',
      's.bedrag_cents',
      's.signaaldatum',
      's.status',
      's.case_id',
      'z.case_number',
      'r.voorletters',
      'r.tussenvoegsel',
      'r.achternaam',
      'h.straat',
      'h.huisnummer',
      'h.toevoeging',
      'h.postcode',
    ])
}

export type SignalRow = Awaited<ReturnType<ReturnType<typeof signalQuery>['executeTakeFirstOrThrow']>>

/** A signal of an import with what a decision on it needs: its case, household and import. */
export async function signalForDecision(db: Db, signalId: number) {
  return db
    .selectFrom('vroegsignaal as s')
    .innerJoin('signaal_intake as si', 'si.signal_id', 's.id')
    .innerJoin('household as h', 'h.id', 's.household_id')
    .select([
      's.id',
      's.case_id',
      's.household_id',
      's.signaaldatum',
      'h.wijk_id',
      'h.postcode',
      'si.import_id',
    ])
    .where('s.id', '=', signalId)
    .executeTakeFirst()
}

/** The household's open case (the newest, should there be more). */
export async function openCaseOfHousehold(db: Db, householdId: number) {
  return db
    .selectFrom('vroegsignaalzaak')
    .select('id')
    .where('household_id', '=', householdId)
    .where('is_open', '=', 1)
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

/** Records a case opened by a later decision as the import's own (undo removes it). */
export async function recordCreatedCase(db: Db, importId: number, caseId: number): Promise<void> {
  await db
    .insertInto('import_effect')
    .values({ import_id: importId, kind: 'zaak', entity_id: caseId })
    .execute()
}

export async function setSignalCase(
  db: Db,
  signalId: number,
  caseId: number | null,
  status: Signaalstatus | null,
): Promise<void> {
  await db.updateTable('vroegsignaal').set({ case_id: caseId, status }).where('id', '=', signalId).execute()
}

export async function caseHasSignal(db: Db, caseId: number): Promise<boolean> {
  const left = await db
    .selectFrom('vroegsignaal')
    .select('id')
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  return left !== undefined
}

/** Whether the case has a contact attempt or a note. */
export async function caseHasWork(db: Db, caseId: number): Promise<boolean> {
  const work = await db
    .selectFrom('contactpoging')
    .select('id')
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  const note = await db.selectFrom('note').select('id').where('case_id', '=', caseId).executeTakeFirst()
  return work !== undefined || note !== undefined
}

/** Removes a case a decision opened, with its mark as the import's own. */
export async function removeDecidedCase(db: Db, caseId: number): Promise<void> {
  await db.deleteFrom('import_effect').where('kind', '=', 'zaak').where('entity_id', '=', caseId).execute()
  await db.deleteFrom('vroegsignaalzaak').where('id', '=', caseId).execute()
}

export async function setDecision(
  db: Db,
  signalId: number,
  besluit: 'doorzetten' | 'niet',
  reden: string,
  by: number | null,
): Promise<void> {
  await db
    .updateTable('signaal_intake')
    .set({ besluit, overrule_reden: reden, overruled_by: by })
    .where('signal_id', '=', signalId)
    .execute()
}

// --- saved column mappings ---

/** Every saved column mapping (raw JSON), by name. */
export async function columnMappings(db: Db) {
  return db.selectFrom('column_mapping').selectAll().orderBy('naam').execute()
}

// --- the correction list (Te controleren) ---

export function problemQuery(db: Db) {
  return db
    .selectFrom('import_problem as p')
    .innerJoin('import_batch as b', 'b.id', 'p.import_id')
    .select([
      'p.id',
      'p.import_id',
      'p.line',
      'p.values_json',
      'p.problems_json',
      'p.status',
      'p.reden',
      'b.bestandsnaam',
      'b.bron',
      'b.mapping_json',
      'b.undone_at',
    ])
}

export type ProblemRow = Awaited<ReturnType<ReturnType<typeof problemQuery>['executeTakeFirstOrThrow']>>

/** Rejects open correction rows (at most a few hundred ids a call); rows no longer open stay as they are. */
export async function rejectOpenRows(
  db: Db,
  ids: number[],
  reden: string,
  at: string,
  by: number | null,
): Promise<void> {
  await db
    .updateTable('import_problem')
    .set({ status: 'afgewezen', reden, resolved_at: at, resolved_by: by })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .execute()
}
