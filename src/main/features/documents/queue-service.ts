import { sql } from 'kysely'
import { ALL_CASES, inScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import type { BatchView, QueueItemView, QueueStatus, QueueView } from '@shared/api/documents'
import {
  DOCUMENT_SOORT_LABELS,
  isWeekend,
  needsVisit,
  workingDaysBefore,
  type DocumentSoort,
} from '@shared/api/documents-text'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { formatWeekdayDate } from '@shared/api/documents-text'
import { NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../signals/service'
import {
  currentVersion,
  getDocumentSettings,
  queueItemsQuery,
  templateById,
  type QueueRow,
} from './repository'

export interface VisitInput {
  datum: string
  van: string
  tot: string
  collegaId: number | null
  /** A chain-partner contact (adresboek) who comes along instead of a colleague. */
  partnerContactId?: number | null
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
  const b = await db
    .selectFrom('print_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.soort', 'b.indeling', 'b.enveloppen', 'b.created_at', 'b.confirmed_at', 'u.naam'])
    .where('b.id', '=', batchId)
    .executeTakeFirst()
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
    const outside = await db
      .selectFrom('print_item as i')
      .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
      .select('i.id')
      .where('i.batch_id', '=', b.id)
      .where(sql<boolean>`coalesce(${inScope(scope, 'z')}, 0) = 0`)
      .limit(1)
      .executeTakeFirst()
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
  const open = await db
    .selectFrom('print_batch')
    .select('id')
    .where('confirmed_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
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
 * Puts a letter or card in the print queue. Runs inside the caller's transaction, so the
 * contact ladder can queue documents as part of its own use case. Returns the item's id.
 */
export async function queueDocument(
  trx: Db,
  ctx: UseCaseContext,
  input: { caseId: number; templateId: number; bezoek: VisitInput | null },
): Promise<number> {
  const zaak = await trx
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'case_number', 'consulent_id', 'is_open'])
    .where('id', '=', input.caseId)
    .executeTakeFirst()
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  if (zaak.is_open !== 1)
    throw new ValidationError('Deze zaak is gesloten: er gaat geen brief of kaartje meer uit.')
  const template = await templateById(trx, input.templateId)
  if (!template) throw new NotFoundError('Dit sjabloon bestaat niet (meer).')
  if (template.soort === 'bericht')
    throw new ValidationError('Een bericht wordt niet afgedrukt. Kies een brief of een kaartje.')
  const version = await currentVersion(trx, template.id)
  if (!version) throw new NotFoundError('Dit sjabloon heeft nog geen tekst.')

  let afmeld: string | null = null
  const bezoek = input.bezoek
  if (needsVisit(version.content)) {
    if (!bezoek)
      throw new ValidationError('Vul de datum en tijd van het huisbezoek in.', {
        'bezoek.datum': 'Vul de datum van het huisbezoek in.',
      })
    if (isWeekend(bezoek.datum))
      throw new ValidationError('Het huisbezoek valt in het weekend.', {
        'bezoek.datum': 'Kies een werkdag voor het huisbezoek.',
      })
    const settings = await getDocumentSettings(trx)
    afmeld = workingDaysBefore(bezoek.datum, settings.afmeldWerkdagen)
    if (afmeld <= ctx.today)
      throw new ValidationError('Het huisbezoek is te snel: de bewoner moet nog kunnen afzeggen.', {
        'bezoek.datum': `Kies een latere datum: de bewoner moet na ontvangst nog ${settings.afmeldWerkdagen} werkdagen hebben om af te zeggen.`,
      })
    if (bezoek.collegaId !== null && (bezoek.partnerContactId ?? null) !== null)
      throw new ValidationError('Kies een collega of een ketenpartner, niet allebei.', {
        'bezoek.partnerContactId': 'Kies een collega of een ketenpartner, niet allebei.',
      })
    if (bezoek.partnerContactId) {
      const p = await trx
        .selectFrom('partner_contact')
        .select(['id', 'actief'])
        .where('id', '=', bezoek.partnerContactId)
        .executeTakeFirst()
      if (!p || p.actief !== 1)
        throw new ValidationError('Kies een contactpersoon uit het adresboek.', {
          'bezoek.partnerContactId': 'Kies een actieve contactpersoon.',
        })
    }
    if (bezoek.collegaId !== null) {
      const col = await trx
        .selectFrom('app_user')
        .select(['id', 'actief'])
        .where('id', '=', bezoek.collegaId)
        .executeTakeFirst()
      if (!col || col.actief !== 1)
        throw new ValidationError('Kies een actieve collega.', {
          'bezoek.collegaId': 'Kies een actieve collega.',
        })
    }
  }
  const withVisit = afmeld !== null && bezoek !== null
  const { id } = await trx
    .insertInto('print_item')
    .values({
      case_id: zaak.id,
      template_id: template.id,
      status: 'wachtrij',
      bezoek_datum: withVisit ? bezoek.datum : null,
      bezoek_van: withVisit ? bezoek.van : null,
      bezoek_tot: withVisit ? bezoek.tot : null,
      collega_id: withVisit ? bezoek.collegaId : null,
      partner_contact_id: withVisit ? (bezoek.partnerContactId ?? null) : null,
      afmeld_datum: afmeld,
      consulent_id: zaak.consulent_id ?? ctx.userId,
      created_at: ctx.at,
      created_by: ctx.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, ctx.at, {
    userId: ctx.userId,
    action: 'document klaargezet',
    entityType: 'zaak',
    entityId: zaak.id,
    summary: withVisit
      ? `${template.naam} klaargezet (huisbezoek ${formatWeekdayDate(bezoek.datum)})`
      : `${template.naam} klaargezet`,
  })
  return id
}

export async function addToQueue(
  db: Db,
  ctx: UseCaseContext,
  input: { caseId: number; templateId: number; bezoek: VisitInput | null },
): Promise<QueueItemView> {
  return db.transaction().execute(async (trx) => {
    const id = await queueDocument(trx, ctx, input)
    return (await loadItems(trx, ctx.today, (q) => q.where('i.id', '=', id)))[0]!
  })
}

export async function removeFromQueue(db: Db, ctx: UseCaseContext, itemId: number): Promise<QueueView> {
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('print_item as i')
      .innerJoin('document_template as t', 't.id', 'i.template_id')
      .select(['i.id', 'i.case_id', 'i.status', 't.naam'])
      .where('i.id', '=', itemId)
      .executeTakeFirst()
    if (!item) throw new NotFoundError('Dit document staat niet (meer) in de wachtrij.')
    if (item.status !== 'wachtrij')
      throw new ValidationError('Dit document is al afgedrukt en kan niet meer uit de wachtrij.')
    await trx.deleteFrom('print_item').where('id', '=', itemId).execute()
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
