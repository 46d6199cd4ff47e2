import { ALL_CASES, inScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import type { BatchView, QueueItemView, QueueStatus, QueueView } from '@shared/api/documents'
import {
  DOCUMENT_SOORT_LABELS,
  needsAppointment,
  needsVisit,
  type DocumentSoort,
} from '@shared/api/documents-text'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { formatWeekdayDate } from '@shared/api/documents-text'
import { NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { currentVersion, queueItemsQuery, templateById, type QueueRow } from './repository'
import {
  batchHeader,
  caseForQueue,
  deletePrintItem,
  insertPrintItem,
  itemOutsideScope,
  itemWithTemplate,
  markItemSent,
  openBatchIds,
  printedUnsentCard,
  queuedVisitLetters,
} from './print-repository'

/**
 * The announced visit a letter names. Made by visits/announce.ts, the one way to announce a visit:
 * the visit and its letter are stored together, with the same day to call it off.
 */
export interface AnnouncedVisit {
  huisbezoekId: number
  datum: string
  van: string
  tot: string
  collegaId: number | null
  /** A chain-partner contact (adresboek) who comes along instead of a colleague. */
  partnerContactId: number | null
  afmelddatum: string
}

function toView(r: QueueRow, today: string): QueueItemView {
  const bezoek =
    r.bezoek_datum && r.bezoek_van && r.bezoek_tot && r.afmeld_datum
      ? {
          datum: r.bezoek_datum,
          van: r.bezoek_van,
          tot: r.bezoek_tot,
          collega: r.collega_naam ?? (r.partner_naam ? `${r.partner_naam} (${r.partner_organisatie})` : null),
          afmelddatum: r.afmeld_datum,
        }
      : null
  let waarschuwing: string | null = null
  if (r.status === 'wachtrij' && bezoek && bezoek.afmelddatum < today)
    waarschuwing = 'De dag om af te zeggen is al voorbij. Kies een nieuwe bezoekdatum.'
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    naam: r.display_name,
    adres: `${r.straat} ${formatHouseNumber(r.huisnummer, r.toevoeging)}`,
    postcode: formatPostcode(r.postcode),
    plaats: r.plaats,
    templateId: r.template_id,
    templateNaam: r.template_naam,
    soort: r.soort as DocumentSoort,
    bezoek,
    consulent: r.consulent_naam,
    status: r.status as QueueStatus,
    batchId: r.batch_id,
    toegevoegdOp: r.created_at,
    toegevoegdDoor: r.door_naam ?? 'systeem',
    versie: r.versie,
    verstuurdOp: r.sent_on,
    waarschuwing,
  }
}

export async function loadItems(
  db: Db,
  today: string,
  where: (q: ReturnType<typeof queueItemsQuery>) => ReturnType<typeof queueItemsQuery>,
) {
  const rows = await where(queueItemsQuery(db)).execute()
  return rows.map((r) => toView(r, today))
}

export async function loadBatch(
  db: Db,
  batchId: number,
  today: string,
  scope: CaseScope,
): Promise<BatchView> {
  const b = await batchHeader(db, batchId)
  if (!b) throw new NotFoundError('Deze afdruk bestaat niet (meer).')
  return {
    id: b.id,
    soort: b.soort as DocumentSoort,
    indeling: b.indeling as BatchView['indeling'],
    enveloppen: b.enveloppen === 1,
    gemaaktOp: b.created_at,
    door: b.naam ?? 'systeem',
    bevestigd: b.confirmed_at !== null,
    items: await loadItems(db, today, (q) => q.where('i.batch_id', '=', batchId).where(inScope(scope, 'z'))),
  }
}

async function batchesInScope(db: Db, batches: { id: number }[], scope: CaseScope) {
  if (scope.kind === 'all') return batches
  const out: { id: number }[] = []
  for (const b of batches) {
    // coalesce: a case outside every wijk gives NULL, which must count as outside.
    const outside = await itemOutsideScope(db, b.id, scope)
    if (!outside) out.push(b)
  }
  return out
}

/**
 * The print queue as this user may see it. A batch mixes cases of several wijken when the
 * kwaliteitsmedewerker prints for the whole team; a consulent sees a batch only when every
 * document in it is of his or her own cases.
 */
export async function loadQueue(db: Db, today: string, scope: CaseScope): Promise<QueueView> {
  const open = await openBatchIds(db)
  return {
    wachtrij: await loadItems(db, today, (q) =>
      q.where('i.status', '=', 'wachtrij').where(inScope(scope, 'z')),
    ),
    openBatches: await Promise.all(
      (await batchesInScope(db, open, scope)).map((b) => loadBatch(db, b.id, today, scope)),
    ),
  }
}

/**
 * Puts a letter or card in the print queue. Runs inside the caller's transaction, so announcing a
 * visit can queue its letter as part of its own use case. A template that names a visit (day,
 * time, colleague) is queued only with that visit: announcing a visit is one step, in
 * visits/announce.ts, wherever it starts. Returns the item's id.
 */
export async function queueDocument(
  trx: Db,
  ctx: UseCaseContext,
  input: { caseId: number; templateId: number; visit?: AnnouncedVisit | null; afspraakId?: number | null },
): Promise<number> {
  const zaak = await caseForQueue(trx, input.caseId)
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  if (zaak.is_open !== 1)
    throw new ValidationError('Deze zaak is gesloten: er gaat geen brief of kaartje meer uit.')
  const template = await templateById(trx, input.templateId)
  if (!template) throw new NotFoundError('Dit sjabloon bestaat niet (meer).')
  if (template.soort === 'bericht')
    throw new ValidationError('Een bericht wordt niet afgedrukt. Kies een brief of een kaartje.')
  const version = await currentVersion(trx, template.id)
  if (!version) throw new NotFoundError('Dit sjabloon heeft nog geen tekst.')
  const visit = input.visit ?? null
  if (needsVisit(version.content) && !visit)
    throw new ValidationError(
      `${template.naam} kondigt een huisbezoek aan. Kies "Huisbezoek aankondigen": dan worden het bezoek en de brief samen gemaakt.`,
    )
  // A letter that names an appointment (its confirmation) is queued from that appointment only.
  const afspraakId = input.afspraakId ?? null
  if (needsAppointment(version.content) && afspraakId === null)
    throw new ValidationError(
      `${template.naam} bevestigt een afspraak. Kies bij de afspraak in het dossier "Bevestigingsbrief klaarzetten".`,
    )
  const withVisit = needsVisit(version.content) ? visit : null
  const id = await insertPrintItem(trx, {
    case_id: zaak.id,
    template_id: template.id,
    status: 'wachtrij',
    bezoek_datum: withVisit?.datum ?? null,
    bezoek_van: withVisit?.van ?? null,
    bezoek_tot: withVisit?.tot ?? null,
    collega_id: withVisit?.collegaId ?? null,
    partner_contact_id: withVisit?.partnerContactId ?? null,
    afmeld_datum: withVisit?.afmelddatum ?? null,
    huisbezoek_id: withVisit?.huisbezoekId ?? null,
    afspraak_id: needsAppointment(version.content) ? afspraakId : null,
    consulent_id: zaak.consulent_id ?? ctx.userId,
    created_at: ctx.at,
    created_by: ctx.userId,
  })
  await recordAudit(trx, ctx.at, {
    userId: ctx.userId,
    action: 'document klaargezet',
    entityType: 'zaak',
    entityId: zaak.id,
    summary: withVisit
      ? `${template.naam} klaargezet (huisbezoek ${formatWeekdayDate(withVisit.datum)})`
      : `${template.naam} klaargezet`,
  })
  return id
}

/**
 * A visit called off (opt-out, case closed, do not approach) takes its announcement letter out of
 * the queue while it is not printed yet: it must not go out. A printed letter stays, marked by
 * the queue's warning; it was not sent, so it is no contact attempt.
 */
export async function withdrawVisitLetters(trx: Db, ctx: UseCaseContext, visitIds: number[]): Promise<void> {
  if (visitIds.length === 0) return
  const items = await queuedVisitLetters(trx, visitIds)
  for (const item of items) {
    await deletePrintItem(trx, item.id)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'document verwijderd',
      entityType: 'zaak',
      entityId: item.case_id,
      summary: 'Aankondigingsbrief uit de wachtrij gehaald: het huisbezoek gaat niet door',
    })
  }
}

/**
 * A card of this case that was printed but not yet confirmed, delivered now (at a visit, or on
 * its own round): it is marked sent with the card's one contact attempt, so confirming its batch
 * later does not count it a second time.
 */
export async function markPrintedCardDelivered(
  trx: Db,
  caseId: number,
  attemptId: number,
  datum: string,
): Promise<void> {
  const card = await printedUnsentCard(trx, caseId)
  if (!card) return
  await markItemSent(trx, card.id, datum, attemptId)
}

export async function addToQueue(
  db: Db,
  ctx: UseCaseContext,
  input: { caseId: number; templateId: number },
): Promise<QueueItemView> {
  return db.transaction().execute(async (trx) => {
    const id = await queueDocument(trx, ctx, input)
    return (await loadItems(trx, ctx.today, (q) => q.where('i.id', '=', id)))[0]!
  })
}

export async function removeFromQueue(db: Db, ctx: UseCaseContext, itemId: number): Promise<QueueView> {
  return db.transaction().execute(async (trx) => {
    const item = await itemWithTemplate(trx, itemId)
    if (!item) throw new NotFoundError('Dit document staat niet (meer) in de wachtrij.')
    if (item.status !== 'wachtrij')
      throw new ValidationError('Dit document is al afgedrukt en kan niet meer uit de wachtrij.')
    await deletePrintItem(trx, itemId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'document verwijderd',
      entityType: 'zaak',
      entityId: item.case_id,
      summary: `${item.naam} uit de wachtrij gehaald`,
    })
    return loadQueue(trx, ctx.today, ctx.scope ?? ALL_CASES)
  })
}

export function soortLabel(soort: DocumentSoort, n: number): string {
  if (soort === 'brief') return n === 1 ? 'brief' : 'brieven'
  if (soort === 'kaart') return n === 1 ? 'kaartje' : 'kaartjes'
  return DOCUMENT_SOORT_LABELS[soort]
}
