import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { dialectOf } from '../../db/dialect'
import type { PurgeCounts } from '@shared/api/retention'
import { refreshFacts } from '../monitor/facts'
import { refreshCaseSummary } from '../signals/households'

/**
 * Every table in the database and what happens to it when a person's data is erased (by the
 * retention purge or at a resident's request). A test lists the tables SQLite knows and fails on
 * any table missing here, so a new table cannot hold personal data unnoticed.
 */
export const TABLE_HANDLING: Record<string, string> = {
  household: 'deleted once no resident, case or signal refers to it (address, wish not to be approached)',
  resident:
    'deleted once no signal refers to it and its household has no case left (name, birth date, BSN, phone, e-mail)',
  vroegsignaalzaak: 'deleted (denormalised name and address); the anonymous monitor fact is frozen first',
  vroegsignaal: 'deleted; the anonymous monitor fact is frozen and a DDAS archive row kept first',
  contactpoging: 'deleted with its case (free-text note); soort/bereikt/datum/dagdeel kept for DDAS',
  note: 'deleted with its case (free text)',
  huisbezoek: 'deleted with its case (notes, reason for opting out)',
  afspraak: 'deleted with its case (notes, the outcome note); the anonymous monitor fact stays',
  ontmoetplek: 'kept: meeting places of the team (addresses of wijkcentra and offices), no residents',
  monitor_afspraak_fact:
    'kept: anonymous appointment facts (appointment and case number, day, kind of place, status)',
  monitor_moment: 'kept: sums of the anonymous facts per age, kind of arrears and part of the day',
  walkin_bezoek: 'deleted with its case (what was discussed, bills)',
  walkin_sessie: 'kept: only the date of a walk-in hour',
  print_item: 'deleted with its case (values_json is the filled-in letter: name and address)',
  print_batch: 'kept: layout settings only; its items are deleted',
  signaal_intake: 'deleted with its signal (triage advice may state an age)',
  import_problem:
    'deleted with its signal, or when rejected and older than the period for signals not followed up (values_json is the raw row)',
  import_effect: 'rows pointing at deleted cases, residents or households are deleted (ids only)',
  import_range:
    'kept with its import: id ranges only (ids are never reused, so a range never points at someone else)',
  import_resident_before:
    "deleted with its resident (a known resident's phone, e-mail, BSN and birth date before an import, for its undo)",
  import_batch: 'kept: file name, counts and column mapping, no person',
  column_mapping: 'kept: column names only',
  audit_log:
    'kept unchanged: deleting or editing would break the hash chain; entries hold ids and case numbers (see README "Retention")',
  monitor_case_fact: 'kept and frozen: anonymous (dates, amounts in euros, age in years, attempt summary)',
  monitor_signal_fact: 'kept and frozen: anonymous (date, partner type, outcome)',
  monitor_daily: 'kept: sums of the anonymous facts',
  monitor_dirty: 'emptied by the refresh after the deletion (ids only)',
  monitor_reference: 'kept: national reference figures',
  retention_run: 'kept: the purge reports (counts, dates)',
  erasure_register:
    'kept: carried-out deletion requests as row number + creation time of the resident, no personal data (re-applied after a restore)',
  retention_ddas_case: 'kept: anonymous case row for later DDAS deliveries',
  retention_ddas_signal: 'kept: anonymous signal row for later DDAS deliveries (no partner reference)',
  retention_ddas_attempt: 'kept: anonymous attempt row for later DDAS deliveries (no note)',
  setting: 'kept: team settings',
  wijk: 'kept: neighbourhoods',
  wijk_postcode: 'kept: postcode ranges',
  app_user: 'kept: colleagues, not residents',
  user_wijk: 'kept',
  partner_contact: 'kept: chain-partner colleagues, not residents',
  document_template: 'kept: templates',
  document_template_version: 'kept: templates',
  ddas_vs_collection: 'kept: collections by CBS (client id, period, page, counts), no person',
}

export const ZERO_COUNTS: PurgeCounts = {
  signalen: 0,
  zaken: 0,
  bewoners: 0,
  huishoudens: 0,
  contactpogingen: 0,
  notities: 0,
  huisbezoeken: 0,
  afspraken: 0,
  inloopbezoeken: 0,
  documenten: 0,
  importregels: 0,
}

export const totalOf = (c: PurgeCounts) => Object.values(c).reduce((a, b) => a + b, 0)

const CHUNK = 500

export async function chunked<T>(ids: readonly number[], fn: (chunk: number[]) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) out.push(await fn(ids.slice(i, i + CHUNK)))
  return out
}

async function deleteIn(trx: Db, table: string, column: string, ids: readonly number[]): Promise<number> {
  const res = await chunked(ids, (chunk) =>
    sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(chunk)})`.execute(trx),
  )
  return res.reduce((n, r) => n + Number(r.numAffectedRows ?? 0), 0)
}

async function selectIds(trx: Db, query: (chunk: number[]) => Promise<{ id: number }[]>, ids: number[]) {
  return [...new Set((await chunked(ids, query)).flat().map((r) => r.id))]
}

export interface EraseSet {
  caseIds: number[]
  signalIds: number[]
  /** Import rows not tied to a signal (rejected rows of the correction list). */
  problemIds: number[]
  /** Residents to delete even when their household keeps a case (a resident's own request). */
  residentIds?: number[]
}

/**
 * Deletes the cases and signals in `set` with everything that holds personal data about them.
 * Runs inside the caller's transaction. First brings the monitor's facts up to date and freezes
 * them, and keeps anonymous DDAS rows, so figures and deliveries of past periods stay equal.
 */
export async function eraseData(
  trx: Db,
  set: EraseSet,
): Promise<{ counts: PurgeCounts; sharedCases: number[] }> {
  const counts = { ...ZERO_COUNTS }
  const caseIds = [...new Set(set.caseIds)]
  const caseSignals = await selectIds(
    trx,
    (c) => trx.selectFrom('vroegsignaal').select('id').where('case_id', 'in', c).execute(),
    caseIds,
  )
  const signalIds = [...new Set([...set.signalIds, ...caseSignals])]
  if (
    caseIds.length === 0 &&
    signalIds.length === 0 &&
    set.problemIds.length === 0 &&
    !set.residentIds?.length
  )
    return { counts, sharedCases: [] }

  const signalRows = (
    await chunked(signalIds, (c) =>
      trx
        .selectFrom('vroegsignaal')
        .select(['case_id', 'household_id', 'resident_id'])
        .where('id', 'in', c)
        .execute(),
    )
  ).flat()
  const caseRows = (
    await chunked(caseIds, (c) =>
      trx.selectFrom('vroegsignaalzaak').select('household_id').where('id', 'in', c).execute(),
    )
  ).flat()
  const chosenResidents = (
    await chunked(set.residentIds ?? [], (c) =>
      trx.selectFrom('resident').select(['id', 'household_id']).where('id', 'in', c).execute(),
    )
  ).flat()
  const caseSet = new Set(caseIds)
  // Cases that lose some signals but stay, because a housemate's signals are in them too.
  const sharedCases = [
    ...new Set(signalRows.flatMap((s) => (s.case_id !== null && !caseSet.has(s.case_id) ? [s.case_id] : []))),
  ]
  const households = [
    ...new Set([
      ...signalRows.map((s) => s.household_id),
      ...caseRows.map((c) => c.household_id),
      ...chosenResidents.map((r) => r.household_id),
    ]),
  ]
  const residentCandidates = [
    ...new Set([...signalRows.map((s) => s.resident_id), ...chosenResidents.map((r) => r.id)]),
  ]

  // 1. The monitor's facts up to date, then frozen: never recomputed from what is deleted below.
  await refreshFacts(trx)

  await chunked([...caseIds, ...sharedCases], (c) =>
    trx.updateTable('monitor_case_fact').set({ frozen: 1 }).where('case_id', 'in', c).execute(),
  )
  await chunked(signalIds, (c) =>
    trx.updateTable('monitor_signal_fact').set({ frozen: 1 }).where('signal_id', 'in', c).execute(),
  )

  // 2. Anonymous rows for DDAS deliveries of past periods (a row kept already stays as it is).
  const [insert, ignore] =
    dialectOf(trx) === 'postgres'
      ? [sql.raw('insert'), sql.raw(' on conflict do nothing')]
      : [sql.raw('insert or ignore'), sql.raw('')]
  await chunked(caseIds, (c) =>
    sql`${insert} into retention_ddas_case (case_id, datum_opgepakt, resultaat)
        select id, datum_opgepakt, resultaat from vroegsignaalzaak where id in (${sql.join(c)})${ignore}`.execute(
      trx,
    ),
  )
  await chunked(caseIds, (c) =>
    sql`${insert} into retention_ddas_attempt (attempt_id, case_id, soort, bereikt, datum, dagdeel)
        select id, case_id, soort, bereikt, datum, dagdeel from contactpoging where case_id in (${sql.join(c)})${ignore}`.execute(
      trx,
    ),
  )
  await chunked(signalIds, (c) =>
    sql`${insert} into retention_ddas_signal (signal_id, case_id, partner_type, bedrag_euro, ontstaansdatum,
          signaaldatum, crisis, warme_overdracht, status)
        select id, case_id, partner_type, (bedrag_cents + 50) / 100, ontstaansdatum, signaaldatum, crisis,
          warme_overdracht, status
        from vroegsignaal where id in (${sql.join(c)})${ignore}`.execute(trx),
  )

  // 3. The case's own rows, children before parents (foreign keys are on).
  counts.documenten = await deleteIn(trx, 'print_item', 'case_id', caseIds)
  counts.huisbezoeken = await deleteIn(trx, 'huisbezoek', 'case_id', caseIds)
  counts.afspraken = await deleteIn(trx, 'afspraak', 'case_id', caseIds)
  counts.inloopbezoeken = await deleteIn(trx, 'walkin_bezoek', 'case_id', caseIds)
  counts.notities = await deleteIn(trx, 'note', 'case_id', caseIds)
  counts.contactpogingen = await deleteIn(trx, 'contactpoging', 'case_id', caseIds)
  await deleteIn(trx, 'signaal_intake', 'signal_id', signalIds)
  counts.importregels =
    (await deleteIn(trx, 'import_problem', 'signal_id', signalIds)) +
    (await deleteIn(trx, 'import_problem', 'id', set.problemIds))
  counts.signalen = await deleteIn(trx, 'vroegsignaal', 'id', signalIds)
  counts.zaken = await deleteIn(trx, 'vroegsignaalzaak', 'id', caseIds)
  for (const id of sharedCases) await refreshCaseSummary(trx, id)

  // 4. Residents without signals whose household has no case left (or chosen by the request).
  const idb = trx
  const leftResidents = await selectIds(
    trx,
    (c) =>
      trx
        .selectFrom('resident as r')
        .select('r.id')
        .where('r.id', 'in', c)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('vroegsignaal as s').select('s.id').whereRef('s.resident_id', '=', 'r.id'),
            ),
          ),
        )
        .where((eb) =>
          eb.or([
            eb('r.id', 'in', chosenResidents.length ? chosenResidents.map((x) => x.id) : [-1]),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('vroegsignaalzaak as z')
                  .select('z.id')
                  .whereRef('z.household_id', '=', 'r.household_id'),
              ),
            ),
          ]),
        )
        .execute(),
    residentCandidates,
  )
  await deleteIn(trx, 'import_resident_before', 'resident_id', leftResidents)
  counts.bewoners = await deleteIn(trx, 'resident', 'id', leftResidents)

  // 5. Households nothing refers to any more.
  const emptyHouseholds = await selectIds(
    trx,
    (c) =>
      trx
        .selectFrom('household as h')
        .select('h.id')
        .where('h.id', 'in', c)
        .where((eb) =>
          eb.and([
            eb.not(
              eb.exists(
                eb.selectFrom('resident as r').select('r.id').whereRef('r.household_id', '=', 'h.id'),
              ),
            ),
            eb.not(
              eb.exists(
                eb.selectFrom('vroegsignaalzaak as z').select('z.id').whereRef('z.household_id', '=', 'h.id'),
              ),
            ),
            eb.not(
              eb.exists(
                eb.selectFrom('vroegsignaal as s').select('s.id').whereRef('s.household_id', '=', 'h.id'),
              ),
            ),
          ]),
        )
        .execute(),
    households,
  )
  counts.huishoudens = await deleteIn(trx, 'household', 'id', emptyHouseholds)

  // 6. The import's undo list: ids only, but they would point at nothing.
  for (const [kind, ids] of [
    ['zaak', caseIds],
    ['bewoner', leftResidents],
    ['huishouden', emptyHouseholds],
  ] as const)
    await chunked(ids, (c) =>
      idb.deleteFrom('import_effect').where('kind', '=', kind).where('entity_id', 'in', c).execute(),
    )

  // 7. The deletions marked their cases and signals dirty; frozen facts stay as they are.
  await refreshFacts(trx)
  return { counts, sharedCases }
}
