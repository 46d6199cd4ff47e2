import { ALL_CASES } from '../access/scope'
import type { Db } from '../../db/database'
import type { BatchView, DocumentSettings, PdfFile, QueueItemView, QueueView } from '@shared/api/documents'
import type { Contactsoort } from '@shared/domain/ddas'
import { formatTimeNl, formatWeekdayDate, type DocumentSoort } from '@shared/api/documents-text'
import { calendarDate } from '../../lib/clock'
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { formatDate } from '@shared/format/dates'
import { recordAudit } from '../audit/repository'
import { recordAttempt, recordCard } from '../ladder/service'
import type { UseCaseContext } from '../../app/use-case'
import { currentVersion, getDocumentSettings, versionById } from './repository'
import {
  batchForPdf,
  batchToConfirm,
  insertBatch,
  itemForPdf,
  itemsOfBatch,
  itemStatuses,
  itemsToPrint,
  markBatchConfirmed,
  markItemPrinted,
  markItemSent,
  printedItemsOfBatch,
  putItemBack,
} from './print-repository'
import { loadBatch, loadItems, loadQueue, soortLabel } from './queue-service'
import {
  pdfFile,
  renderBatchEnvelopes,
  renderBatchList,
  renderDocuments,
  type Indeling,
  type PrintedDoc,
} from './render'
import { RenderFailedError, rememberBatch, rememberedBatch, renderBatch } from './render-jobs'
import { buildSnapshot, type Snapshot } from './snapshot'

const CONTACT_KIND: Record<'brief' | 'kaart', Contactsoort> = { brief: 'Brief', kaart: 'Kaartje' }

/** The PDF's title: the same at first print and at every reprint of the batch. */
function batchTitle(soort: 'brief' | 'kaart', createdAt: string): string {
  return `${soort === 'brief' ? 'Brieven' : 'Kaartjes'} ${formatDate(createdAt)}`
}

/**
 * Prints the chosen queue items as one batch: freezes each document's template version and
 * filled-in values (a reprint is identical), in postcode order. The PDF is rendered first, in a
 * worker thread (progress in `documents.renderProgress`); only when it is ready are the items
 * marked as printed, so a failed render leaves the queue as it was.
 */
export async function createBatch(
  db: Db,
  ctx: UseCaseContext,
  input: { itemIds: number[]; indeling: Indeling; enveloppen: boolean },
  /** `rendered`: the PDF is ready and the items are about to be marked (the command line reports it). */
  hooks: { rendered?: (bytes: Buffer) => void } = {},
): Promise<BatchView> {
  // 1. Read and freeze, without writing: a consistent view of the items to print.
  const plan = await db.transaction().execute(async (trx) => {
    const items = await itemsToPrint(trx, input.itemIds)
    if (items.length !== new Set(input.itemIds).size)
      throw new NotFoundError('Een van de gekozen documenten staat niet meer in de wachtrij.')
    if (items.some((i) => i.status !== 'wachtrij'))
      throw new ValidationError('Een van de gekozen documenten is al afgedrukt. Ververs de wachtrij.')
    const soorten = new Set(items.map((i) => i.soort))
    if (soorten.size > 1)
      throw new ValidationError('Druk brieven en kaartjes apart af: ze gaan op ander papier.')
    const soort = items[0]!.soort as DocumentSoort
    if (soort !== 'brief' && soort !== 'kaart') throw new ValidationError('Een bericht wordt niet afgedrukt.')
    const indeling: Indeling = soort === 'brief' ? 'a4' : input.indeling === 'a4' ? 'a4-vier' : input.indeling
    const settings = await getDocumentSettings(trx)
    const frozen = []
    for (const item of items) {
      const version = await currentVersion(trx, item.template_id)
      if (!version) throw new NotFoundError('Een sjabloon heeft nog geen tekst.')
      frozen.push({ item, version, snapshot: await buildSnapshot(trx, item, ctx.today) })
    }
    return { soort, indeling, venster: settings.venster, frozen }
  })

  // 2. Render off the main thread. A failure here has changed nothing.
  let bytes: Buffer
  try {
    bytes = await renderBatch(db, {
      docs: plan.frozen.map((f) => ({
        snapshot: f.snapshot,
        content: f.version.content,
        documentNaam: f.version.naam,
      })),
      soort: plan.soort,
      indeling: plan.indeling,
      venster: plan.venster,
      title: batchTitle(plan.soort, ctx.at),
    })
  } catch (err) {
    if (!(err instanceof RenderFailedError)) throw err
    throw new AppError(
      'internal',
      'Het maken van de PDF is mislukt. Er is niets als afgedrukt gemarkeerd; probeer het opnieuw.',
    )
  }

  hooks.rendered?.(bytes)

  // 3. Mark as printed, if nobody printed or removed these items meanwhile.
  const batchId = await db.transaction().execute(async (trx) => {
    const now = await itemStatuses(trx, input.itemIds)
    if (now.length !== plan.frozen.length || now.some((i) => i.status !== 'wachtrij'))
      throw new ConflictError(
        'Iemand anders heeft intussen een van deze documenten afgedrukt of weggehaald. Ververs de wachtrij.',
      )
    const id = await insertBatch(trx, {
      soort: plan.soort,
      indeling: plan.indeling,
      enveloppen: input.enveloppen ? 1 : 0,
      layout: JSON.stringify({ venster: plan.venster }),
      created_at: ctx.at,
      created_by: ctx.userId,
    })
    for (const { item, version, snapshot } of plan.frozen) {
      await markItemPrinted(trx, item.id, {
        batch_id: id,
        template_version_id: version.id,
        values_json: JSON.stringify(snapshot),
        printed_at: ctx.at,
      })
      await recordAudit(trx, ctx.at, {
        userId: ctx.userId,
        action: 'document afgedrukt',
        entityType: 'zaak',
        entityId: item.case_id,
        summary: `${version.naam} (versie ${version.versie}) afgedrukt in afdruk ${id}`,
      })
    }
    return id
  })
  rememberBatch(db, batchId, bytes)
  return loadBatch(db, batchId, ctx.today, ctx.scope ?? ALL_CASES)
}

async function printedDocs(db: Db, batchId: number): Promise<PrintedDoc[]> {
  const rows = await printedItemsOfBatch(db, batchId)
  const versions = new Map<number, Awaited<ReturnType<typeof versionById>>>()
  const out: PrintedDoc[] = []
  for (const r of rows) {
    const vid = r.template_version_id!
    if (!versions.has(vid)) versions.set(vid, await versionById(db, vid))
    const v = versions.get(vid)!
    out.push({ snapshot: JSON.parse(r.values_json!) as Snapshot, content: v.content, documentNaam: v.naam })
  }
  return out
}

/** One part of a printed batch as PDF: the documents, the mailing list or the envelopes. */
export async function batchPdf(
  db: Db,
  batchId: number,
  deel: 'documenten' | 'verzendlijst' | 'enveloppen',
): Promise<PdfFile> {
  const b = await batchForPdf(db, batchId)
  if (!b) throw new NotFoundError('Deze afdruk bestaat niet (meer).')
  const docs = await printedDocs(db, batchId)
  const soort = b.soort as 'brief' | 'kaart'
  if (deel === 'verzendlijst')
    return renderBatchList(docs, {
      id: b.id,
      gemaaktOp: b.created_at,
      door: b.naam ?? 'systeem',
      soortLabel: soortLabel(soort, docs.length),
    })
  if (deel === 'enveloppen') return renderBatchEnvelopes(docs, `enveloppen-${b.id}`)
  const naam = `${soortLabel(soort, 2)}-${b.id}`
  const cached = rememberedBatch(db, b.id)
  if (cached) return pdfFile(`${naam}.pdf`, cached, docs.length)
  const layout = JSON.parse(b.layout) as Pick<DocumentSettings, 'venster'>
  const bytes = await renderBatch(db, {
    docs,
    soort,
    indeling: b.indeling as Indeling,
    venster: layout.venster,
    title: batchTitle(soort, b.created_at),
  })
  rememberBatch(db, b.id, bytes)
  return pdfFile(`${naam}.pdf`, bytes, docs.length)
}

/**
 * Confirms which documents of a batch went out. Each letter that went out is one Brief attempt,
 * dated the day it went out (never before it was printed, never after today); a card is one
 * Kaartje attempt, unless it was already recorded as left at the door that day (recordCard).
 * Both go through the ladder's one write path, so the plan moves and a new case moves to "in
 * behandeling". Documents not confirmed go back into the queue: not sent, no attempt.
 */
export async function confirmBatch(
  db: Db,
  ctx: UseCaseContext,
  input: { batchId: number; verstuurdIds: number[]; datum: string },
): Promise<QueueView> {
  return db.transaction().execute(async (trx) => {
    const batch = await batchToConfirm(trx, input.batchId)
    if (!batch) throw new NotFoundError('Deze afdruk bestaat niet (meer).')
    if (batch.confirmed_at) throw new ValidationError('Deze afdruk is al bevestigd.')
    if (input.datum > ctx.today)
      throw new ValidationError('De datum van verzenden ligt in de toekomst.', {
        datum: 'Kies vandaag of een dag in het verleden.',
      })
    const printedOn = calendarDate(batch.created_at)
    if (input.datum < printedOn)
      throw new ValidationError('Deze datum ligt vóór de dag van afdrukken.', {
        datum: `Afgedrukt op ${formatDate(printedOn)}: kies die dag of later.`,
      })
    const items = await itemsOfBatch(trx, batch.id)
    const chosen = new Set(input.verstuurdIds)
    if ([...chosen].some((id) => !items.some((i) => i.id === id)))
      throw new ValidationError('Een van de gekozen documenten hoort niet bij deze afdruk.')
    const soort = CONTACT_KIND[batch.soort as 'brief' | 'kaart']
    for (const item of items) {
      // A card already left at the door (a visit's outcome) is delivered and counted.
      if (item.contactpoging_id !== null) continue
      if (!chosen.has(item.id)) {
        await putItemBack(trx, item.id)
        continue
      }
      // A confirmation of an appointment made after contact is no attempt to get in touch.
      if (item.afspraak_id !== null) {
        await trx
          .updateTable('print_item')
          .set({ status: 'verstuurd', sent_on: input.datum })
          .where('id', '=', item.id)
          .execute()
        continue
      }
      const notitie =
        item.bezoek_datum && item.bezoek_van && item.bezoek_tot
          ? `${item.naam} verstuurd. Huisbezoek aangekondigd op ${formatWeekdayDate(item.bezoek_datum)}, ` +
            `${formatTimeNl(item.bezoek_van).replace(' uur', '')} tot ${formatTimeNl(item.bezoek_tot)}.`
          : `${item.naam} bezorgd.`
      // A letter that went out before its case was closed is still a contact; the plan stays shut.
      const opts = { closedOk: item.is_open !== 1 }
      const pogingId =
        soort === 'Kaartje'
          ? (await recordCard(trx, ctx, { caseId: item.case_id, datum: input.datum, notitie }, opts)).id
          : (
              await recordAttempt(
                trx,
                ctx,
                {
                  caseId: item.case_id,
                  kanaal: 'brief',
                  bereikt: false,
                  resultaat: 'Brief verstuurd',
                  notitie,
                  datum: input.datum,
                },
                opts,
              )
            ).id
      await markItemSent(trx, item.id, input.datum, pogingId)
    }
    await markBatchConfirmed(trx, batch.id, ctx.at)
    return loadQueue(trx, ctx.today, ctx.scope ?? ALL_CASES)
  })
}

/** One document as PDF: as printed (identical reprint) or, still in the queue, as it would print. */
export async function itemPdf(db: Db, ctx: UseCaseContext, itemId: number): Promise<PdfFile> {
  const item = await itemForPdf(db, itemId)
  if (!item) throw new NotFoundError('Dit document bestaat niet (meer).')
  const soort = item.soort as 'brief' | 'kaart'
  let doc: PrintedDoc
  let venster = (await getDocumentSettings(db)).venster
  if (item.template_version_id && item.values_json) {
    const v = await versionById(db, item.template_version_id)
    doc = { snapshot: JSON.parse(item.values_json) as Snapshot, content: v.content, documentNaam: v.naam }
    if (item.layout) venster = (JSON.parse(item.layout) as Pick<DocumentSettings, 'venster'>).venster
  } else {
    const v = await currentVersion(db, item.template_id)
    if (!v) throw new NotFoundError('Dit sjabloon heeft nog geen tekst.')
    doc = { snapshot: await buildSnapshot(db, item, ctx.today), content: v.content, documentNaam: v.naam }
  }
  return renderDocuments([doc], soort, 'a6', venster, `${doc.snapshot.kenmerk}-${soortLabel(soort, 1)}`)
}

export async function itemsForCase(db: Db, today: string, caseId: number): Promise<QueueItemView[]> {
  const items = await loadItems(db, today, (q) => q.where('i.case_id', '=', caseId))
  return items.sort((a, b) => b.id - a.id)
}
