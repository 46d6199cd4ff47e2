import type { Db } from '../../db/database'
import { formatDate } from '@shared/format/dates'
import { dagdeelForHour } from '@shared/domain/ddas'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { addWorkdays, isNonWorkingDay } from '../ladder/planner'
import { writePlan } from '../ladder/repository'
import { queueDocument } from '../documents/queue-service'
import { getDocumentSettings } from '../documents/repository'
import {
  caseToVisit,
  colleague,
  getPartner,
  insertVisit,
  plannedVisitOf,
  plannedVisitsBefore,
  templateId,
} from './repository'

/**
 * Announcing a home visit: the ONE way, whether it starts in the planner (many cases of a wijk,
 * one after the other) or in a case file (one case, its own time window). In one step the visit
 * is stored, its letter is queued with the same day to call it off, and the plan moves to the
 * visit on that day. The letter is not a contact attempt yet: that is recorded when the printed
 * letter is confirmed as sent (documents/batch-service.ts), dated the day it went out.
 */
export const ANNOUNCEMENT_TEMPLATE = 'aankondigingsbrief'
/** Visits end by nine in the evening. */
export const LAST_VISIT_END = '21:00'

export interface Announcement {
  caseId: number
  datum: string
  van: string
  tot: string
  duoUserId: number | null
  duoPartnerId: number | null
  /** Default: the announcement letter. */
  templateId?: number
  /** The wijk the visit is planned in; default the case's. */
  wijkId?: number
}

export interface Duo {
  userId: number | null
  partnerId: number | null
  naam: string
}

/** Checks the day of a visit; returns the last day to call it off. Field errors under `datum`. */
export async function checkVisitDay(trx: Db, today: string, datum: string): Promise<string> {
  if (isNonWorkingDay(datum))
    throw new ValidationError('Kies een werkdag voor het huisbezoek.', {
      datum: 'Dit is een weekend- of feestdag. Kies een werkdag.',
    })
  const settings = await getDocumentSettings(trx)
  const afmeldenVoor = addWorkdays(datum, -settings.afmeldWerkdagen)
  if (afmeldenVoor <= today)
    throw new ValidationError('Deze dag is te snel: de bewoner moet nog op tijd kunnen afzeggen.', {
      datum: `Kies een latere dag: afzeggen moet kunnen tot ${settings.afmeldWerkdagen} werkdagen vóór het bezoek, en dat moet na vandaag zijn.`,
    })
  return afmeldenVoor
}

/** The colleague or chain partner who comes along; a visit is always made in pairs. */
export async function checkDuo(trx: Db, duoUserId: number | null, duoPartnerId: number | null): Promise<Duo> {
  if (duoUserId !== null) {
    const u = await colleague(trx, duoUserId)
    if (!u || u.actief !== 1)
      throw new ValidationError('Kies een actieve collega.', { duoUserId: 'Kies een actieve collega.' })
    return { userId: duoUserId, partnerId: null, naam: u.naam }
  }
  if (duoPartnerId === null)
    throw new ValidationError(
      'Een huisbezoek gaat altijd met zijn tweeën: kies een collega of een ketenpartner.',
      {
        duoUserId: 'Kies wie er meegaat.',
      },
    )
  const p = await getPartner(trx, duoPartnerId)
  if (!p || p.actief !== 1)
    throw new ValidationError('Kies een contactpersoon uit het adresboek.', {
      duoPartnerId: 'Kies een contactpersoon.',
    })
  return { userId: null, partnerId: duoPartnerId, naam: `${p.naam} (${p.organisatie})` }
}

/**
 * A slot is taken when the consulent, the colleague or the chain partner already has a planned
 * visit on that day whose window overlaps this one: a pair cannot be at two doors at once.
 */
async function takenBy(
  trx: Db,
  datum: string,
  van: string,
  tot: string,
  consulentId: number | null,
  duo: Duo,
): Promise<{ naam: string; tijd: string; tot: string } | null> {
  const users = [consulentId, duo.userId].filter((u): u is number => u !== null)
  const rows = await plannedVisitsBefore(trx, datum, tot)
  for (const r of rows) {
    const end = r.tijd_tot ?? r.tijd
    if (end <= van) continue
    const busy = (id: number | null) => id !== null && users.includes(id)
    const who = busy(r.consulent_id)
      ? r.consulent
      : busy(r.duo_user_id)
        ? r.collega
        : duo.partnerId !== null && r.duo_partner_id === duo.partnerId
          ? r.partner
          : null
    if (who) return { naam: who, tijd: r.tijd, tot: end }
  }
  return null
}

/**
 * Announces one visit (see the module comment). Runs inside the caller's transaction. `slotField`
 * names the form field a taken slot is reported under. Returns the visit's id.
 */
export async function announceVisit(
  trx: Db,
  ctx: UseCaseContext,
  a: Announcement,
  checked: { afmeldenVoor: string; duo: Duo },
  slotField = 'van',
): Promise<number> {
  if (a.van >= a.tot)
    throw new ValidationError('De eindtijd moet na de begintijd liggen.', {
      tot: 'Kies een latere eindtijd.',
    })
  if (a.tot > LAST_VISIT_END)
    throw new ValidationError('Zo laat gaan we niet op huisbezoek.', {
      [slotField]: `Het bezoek moet uiterlijk om ${LAST_VISIT_END} klaar zijn.`,
    })
  const c = await caseToVisit(trx, a.caseId)
  if (!c) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  if (c.is_open !== 1) throw new ConflictError(`Zaak ${c.case_number} is gesloten.`)
  if (c.niet_benaderen === 1)
    throw new ConflictError(`Zaak ${c.case_number}: de bewoner wil niet benaderd worden.`)
  const consulentId = c.consulent_id ?? ctx.userId
  if (checked.duo.userId !== null && checked.duo.userId === consulentId)
    throw new ValidationError('Kies een collega die meegaat: een huisbezoek gaat met zijn tweeën.', {
      duoUserId: 'Dit is de consulent van de zaak zelf. Kies een collega die meegaat.',
    })
  const planned = await plannedVisitOf(trx, c.id)
  if (planned)
    throw new ConflictError(
      `Voor zaak ${c.case_number} is al een huisbezoek gepland op ${formatDate(planned.datum)} om ${planned.tijd}.`,
    )
  const taken = await takenBy(trx, a.datum, a.van, a.tot, consulentId, checked.duo)
  if (taken)
    throw new ValidationError(`Dit tijdstip is al bezet: ${taken.naam} heeft dan al een huisbezoek.`, {
      [slotField]: `${taken.naam} heeft op ${formatDate(a.datum)} van ${taken.tijd} tot ${taken.tot} al een huisbezoek. Kies een andere tijd.`,
    })
  const template = await templateId(
    trx,
    a.templateId !== undefined ? { id: a.templateId } : { code: ANNOUNCEMENT_TEMPLATE },
  )
  if (template === undefined)
    throw new NotFoundError('Het sjabloon van de aankondigingsbrief bestaat niet (meer).')

  const id = await insertVisit(trx, {
    case_id: c.id,
    wijk_id: a.wijkId ?? c.wijk_id,
    datum: a.datum,
    tijd: a.van,
    tijd_tot: a.tot,
    consulent_id: consulentId,
    duo_user_id: checked.duo.userId,
    duo_partner_id: checked.duo.partnerId,
    afmelden_voor: checked.afmeldenVoor,
    status: 'gepland',
    created_at: ctx.at,
    created_by: ctx.userId,
  })
  await queueDocument(trx, ctx, {
    caseId: c.id,
    templateId: template,
    visit: {
      huisbezoekId: id,
      datum: a.datum,
      van: a.van,
      tot: a.tot,
      collegaId: checked.duo.userId,
      partnerContactId: checked.duo.partnerId,
      afmelddatum: checked.afmeldenVoor,
    },
  })
  // The visit itself is the next step, on the announced day and time.
  await writePlan(trx, c.id, {
    stap: 'huisbezoek',
    poging: 0,
    datum: a.datum,
    dagdeel: dagdeelForHour(Number(a.van.slice(0, 2))),
  })
  await recordAudit(trx, ctx.at, {
    userId: ctx.userId,
    action: 'huisbezoek aangekondigd',
    entityType: 'zaak',
    entityId: c.id,
    summary: `Huisbezoek op ${formatDate(a.datum)} van ${a.van} tot ${a.tot}, met ${checked.duo.naam}; afzeggen kan tot en met ${formatDate(checked.afmeldenVoor)}`,
  })
  return id
}
