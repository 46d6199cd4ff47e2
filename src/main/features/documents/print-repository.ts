import { sql, type Insertable } from 'kysely'
import { inScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import type { PrintBatchTable, PrintItemTable } from '../../db/schema'

// The print queue's and the print batches' queries (the templates' and settings' are in repository.ts).

// --- the queue (queue-service.ts) ---

/** A print batch with the name of who made it. */
export async function batchHeader(db: Db, batchId: number) {
  return db
    .selectFrom('print_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.soort', 'b.indeling', 'b.enveloppen', 'b.created_at', 'b.confirmed_at', 'u.naam'])
    .where('b.id', '=', batchId)
    .executeTakeFirst()
}

/** One document of the batch whose case lies outside the scope, if any. */
export async function itemOutsideScope(db: Db, batchId: number, scope: CaseScope) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
    .select('i.id')
    .where('i.batch_id', '=', batchId)
    .where(sql<boolean>`not coalesce(${inScope(scope, 'z')}, false)`)
    .limit(1)
    .executeTakeFirst()
}

/** The batches not yet confirmed, newest first. */
export async function openBatchIds(db: Db) {
  return db
    .selectFrom('print_batch')
    .select('id')
    .where('confirmed_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
}

/** What queueing a document needs of its case. */
export async function caseForQueue(db: Db, caseId: number) {
  return db
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'case_number', 'consulent_id', 'is_open'])
    .where('id', '=', caseId)
    .executeTakeFirst()
}

export async function insertPrintItem(db: Db, values: Insertable<PrintItemTable>): Promise<number> {
  const { id } = await db.insertInto('print_item').values(values).returning('id').executeTakeFirstOrThrow()
  return id
}

/** The letters of these visits still in the queue (not printed). */
export async function queuedVisitLetters(db: Db, visitIds: number[]) {
  return db
    .selectFrom('print_item')
    .select(['id', 'case_id'])
    .where('huisbezoek_id', 'in', visitIds)
    .where('status', '=', 'wachtrij')
    .execute()
}

export async function deletePrintItem(db: Db, itemId: number): Promise<void> {
  await db.deleteFrom('print_item').where('id', '=', itemId).execute()
}

/** The case's oldest card printed but not yet sent (no contact attempt yet). */
export async function printedUnsentCard(db: Db, caseId: number) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .select('i.id')
    .where('i.case_id', '=', caseId)
    .where('t.soort', '=', 'kaart')
    .where('i.status', '=', 'gedrukt')
    .where('i.contactpoging_id', 'is', null)
    .orderBy('i.id')
    .executeTakeFirst()
}

/** A printed document delivered on `datum`, as the given contact attempt. */
export async function markItemSent(db: Db, itemId: number, datum: string, attemptId: number): Promise<void> {
  await db
    .updateTable('print_item')
    .set({ status: 'verstuurd', sent_on: datum, contactpoging_id: attemptId })
    .where('id', '=', itemId)
    .execute()
}

/** A document of the queue with its status and the name of its template. */
export async function itemWithTemplate(db: Db, itemId: number) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .select(['i.id', 'i.case_id', 'i.status', 't.naam'])
    .where('i.id', '=', itemId)
    .executeTakeFirst()
}

// --- print batches (batch-service.ts) ---

/** The chosen documents with their template's kind, in postcode order (the order of the batch). */
export async function itemsToPrint(db: Db, itemIds: number[]) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .selectAll('i')
    .select(['t.soort'])
    .where('i.id', 'in', itemIds)
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .orderBy('i.id')
    .execute()
}

export async function itemStatuses(db: Db, itemIds: number[]) {
  return db.selectFrom('print_item').select(['id', 'status']).where('id', 'in', itemIds).execute()
}

export async function insertBatch(db: Db, values: Insertable<PrintBatchTable>): Promise<number> {
  const { id } = await db.insertInto('print_batch').values(values).returning('id').executeTakeFirstOrThrow()
  return id
}

/** A document printed in a batch, with the template version and the data it was printed with. */
export async function markItemPrinted(
  db: Db,
  itemId: number,
  v: { batch_id: number; template_version_id: number; values_json: string; printed_at: string },
): Promise<void> {
  await db
    .updateTable('print_item')
    .set({ status: 'gedrukt', ...v })
    .where('id', '=', itemId)
    .execute()
}

/** The printed documents of a batch, in the batch's order. */
export async function printedItemsOfBatch(db: Db, batchId: number) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .select(['i.values_json', 'i.template_version_id'])
    .where('i.batch_id', '=', batchId)
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .orderBy('i.id')
    .execute()
}

export async function batchForPdf(db: Db, batchId: number) {
  return db
    .selectFrom('print_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.soort', 'b.indeling', 'b.layout', 'b.created_at', 'u.naam'])
    .where('b.id', '=', batchId)
    .executeTakeFirst()
}

export async function batchToConfirm(db: Db, batchId: number) {
  return db
    .selectFrom('print_batch')
    .select(['id', 'soort', 'confirmed_at', 'created_at'])
    .where('id', '=', batchId)
    .executeTakeFirst()
}

/** The documents of a batch with what confirming needs: visit, template name, whether the case is open. */
export async function itemsOfBatch(db: Db, batchId: number) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
    .select([
      'i.id',
      'i.case_id',
      'i.status',
      'i.contactpoging_id',
      'i.bezoek_datum',
      'i.bezoek_van',
      'i.bezoek_tot',
      'i.afspraak_id',
      't.naam',
      'z.is_open',
    ])
    .where('i.batch_id', '=', batchId)
    .execute()
}

/** A printed document that did not go out goes back into the queue, as if never printed. */
export async function putItemBack(db: Db, itemId: number): Promise<void> {
  await db
    .updateTable('print_item')
    .set({
      status: 'wachtrij',
      batch_id: null,
      template_version_id: null,
      values_json: null,
      printed_at: null,
    })
    .where('id', '=', itemId)
    .execute()
}

export async function markBatchConfirmed(db: Db, batchId: number, at: string): Promise<void> {
  await db.updateTable('print_batch').set({ confirmed_at: at }).where('id', '=', batchId).execute()
}

/** A document with its template's kind and, once printed, its batch's layout. */
export async function itemForPdf(db: Db, itemId: number) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .leftJoin('print_batch as b', 'b.id', 'i.batch_id')
    .selectAll('i')
    .select(['t.soort', 'b.layout'])
    .where('i.id', '=', itemId)
    .executeTakeFirst()
}
