import { ALL_CASES, type CaseScope } from '../access/scope'
import type { z } from 'zod'
import type { Db } from '../../db/database'
import { checkedTransaction } from '../../db/dialect'
import {
  UITKOMST_RESULTAAT,
  type PartnerContactView,
  type Uitkomst,
  type VisitCandidate,
  type VisitDayView,
  type VisitStatus,
  type VisitView,
  type announceVisitInput,
  type partnerInput,
  type planVisitsInput,
} from '@shared/api/visits'
import type { LadderResult } from '@shared/api/ladder'
import { formatDate } from '@shared/format/dates'
import { formatPostcode } from '@shared/format/address'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { recordAttempt, recordCard, result } from '../ladder/service'
import { getLadderConfig, phonesOf } from '../ladder/repository'
import { nextStep } from '../ladder/next-step'
import { withdrawVisitLetters } from '../documents/queue-service'
import { announceVisit, checkDuo, checkVisitDay, LAST_VISIT_END } from './announce'
import { claimCase } from '../dossier/version'
import {
  casesInRouteOrder,
  casesWithVisitLetter,
  getPartner,
  getVisit,
  insertPartner,
  listPartnerRows,
  markVisitCalledOff,
  markVisitMade,
  updatePartner,
  visitDueCases,
  visitsOnDay,
} from './repository'

export async function listPartners(db: Db): Promise<PartnerContactView[]> {
  const rows = await listPartnerRows(db)
  return rows.map((r) => ({
    id: r.id,
    organisatie: r.organisatie,
    naam: r.naam,
    functie: r.functie,
    telefoon: r.telefoon,
    email: r.email,
    actief: r.actief === 1,
  }))
}

export async function savePartner(
  db: Db,
  ctx: UseCaseContext,
  p: z.output<typeof partnerInput>,
): Promise<PartnerContactView[]> {
  await db.transaction().execute(async (trx) => {
    const values = {
      organisatie: p.organisatie,
      naam: p.naam,
      functie: p.functie,
      telefoon: p.telefoon,
      email: p.email,
      actief: p.actief ? 1 : 0,
    }
    let id = p.id
    let action = 'toegevoegd'
    let what = ''
    if (id) {
      const before = await getPartner(trx, id)
      if (!before) throw new NotFoundError('Deze contactpersoon bestaat niet (meer).')
      await updatePartner(trx, id, values)
      const changed = (['organisatie', 'naam', 'functie', 'telefoon', 'email'] as const).filter(
        (k) => before[k] !== values[k],
      )
      action = before.actief === values.actief ? 'gewijzigd' : p.actief ? 'weer actief' : 'gedeactiveerd'
      what = changed.length > 0 ? ` (gewijzigd: ${changed.join(', ')})` : ''
    } else {
      id = await insertPartner(trx, values, ctx.at)
    }
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action,
      entityType: 'instellingen',
      entityId: id,
      summary: `Ketenpartner ${p.organisatie}: ${p.naam}${what}${
        action === 'gedeactiveerd' ? ', niet meer actief' : action === 'weer actief' ? ', weer actief' : ''
      }`,
    })
  })
  return listPartners(db)
}

/**
 * The cases of a wijk the planner offers: exactly those whose plan says a home visit is due today
 * or overdue, with none planned yet (ladder/next-step.ts, the definition Vandaag and the caseload
 * use too), in route order.
 */
export async function visitCandidates(
  db: Db,
  today: string,
  wijkId: number,
  scope: CaseScope,
): Promise<VisitCandidate[]> {
  const cfg = await getLadderConfig(db)
  const rows = await visitDueCases(db, wijkId, scope, cfg, today)
  const phones = await phonesOf(db, [...new Set(rows.map((r) => r.household_id))])
  return rows.flatMap((r) => {
    const step = nextStep(cfg, r, !!phones.get(r.household_id))
    return step
      ? [
          {
            caseId: r.id,
            caseNumber: r.case_number,
            naam: r.display_name,
            adres: r.adres,
            postcode: formatPostcode(r.postcode),
            stap: step.label,
            datum: step.datum,
          },
        ]
      : []
  })
}

const addMinutes = (hhmm: string, minutes: number) => {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/**
 * Plans visits on one day in one wijk, in route order (postcode, house number), one time slot
 * each: every one announced as announceVisit does it for a single case.
 */
export async function planVisits(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof planVisitsInput>,
): Promise<VisitDayView> {
  return checkedTransaction(db).execute(async (trx) => {
    const afmeldenVoor = await checkVisitDay(trx, ctx.today, input.datum)
    const last = addMinutes(input.startTijd, input.slotMinuten * input.caseIds.length)
    if (last > LAST_VISIT_END)
      throw new ValidationError('Zoveel bezoeken passen niet op deze dag.', {
        caseIds: `Kies minder zaken, kortere bezoeken of een vroegere begintijd (uiterlijk ${LAST_VISIT_END} klaar).`,
      })
    const duo = await checkDuo(trx, input.duoUserId, input.duoPartnerId)
    const cases = await casesInRouteOrder(trx, input.caseIds)
    if (cases.length !== new Set(input.caseIds).size)
      throw new NotFoundError('Een van de gekozen zaken bestaat niet (meer).')
    for (const [i, caseId] of cases.entries()) {
      const van = addMinutes(input.startTijd, i * input.slotMinuten)
      await announceVisit(
        trx,
        ctx,
        {
          caseId,
          wijkId: input.wijkId,
          datum: input.datum,
          van,
          tot: addMinutes(van, input.slotMinuten),
          duoUserId: input.duoUserId,
          duoPartnerId: input.duoPartnerId,
        },
        { afmeldenVoor, duo },
        'startTijd',
      )
    }
    return loadDay(trx, ctx.today, input.datum, input.wijkId, ctx.scope ?? ALL_CASES)
  })
}

/** One visit announced from the case file: the planner's use case for a single case. */
export async function announce(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof announceVisitInput>,
): Promise<LadderResult> {
  await checkedTransaction(db).execute(async (trx) => {
    await claimCase(trx, input.caseId, input.versie)
    const afmeldenVoor = await checkVisitDay(trx, ctx.today, input.datum)
    const duo = await checkDuo(trx, input.duoUserId, input.duoPartnerId)
    await announceVisit(trx, ctx, input, { afmeldenVoor, duo })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return result(db, ctx, input.caseId)
}

/** The visits of one day, in route order: by postcode and house number. */
export async function loadDay(
  db: Db,
  today: string,
  datum: string,
  wijkId: number | null,
  scope: CaseScope,
): Promise<VisitDayView> {
  const rows = await visitsOnDay(db, datum, wijkId, scope)
  const letters = rows.length
    ? await casesWithVisitLetter(
        db,
        rows.map((r) => r.case_id),
        datum,
      )
    : new Set<number>()
  return {
    datum,
    wijkId,
    bezoeken: rows.map((r): VisitView => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      naam: r.display_name,
      adres: r.adres,
      postcode: formatPostcode(r.postcode),
      datum: r.datum,
      tijd: r.tijd,
      tot: r.tijd_tot,
      wijkNaam: r.wijk_naam,
      consulent: r.consulent_naam,
      duo: r.duo_user ?? (r.duo_partner ? `${r.duo_partner} (${r.duo_org})` : null),
      afmeldenVoor: r.afmelden_voor,
      status: r.status as VisitStatus,
      uitkomst: r.uitkomst as Uitkomst | null,
      afmelding: r.afmelding_op
        ? {
            via: r.afmelding_via ?? '',
            reden: r.afmelding_reden,
            telaat: !!r.afmelding_via && r.afmelding_op.slice(0, 10) > r.afmelden_voor,
          }
        : null,
      briefKlaargezet: letters.has(r.case_id),
      uitkomstMogelijk: r.status === 'gepland' && r.datum <= today,
    })),
  }
}

async function visitRow(trx: Db, visitId: number) {
  const v = await getVisit(trx, visitId)
  if (!v) throw new NotFoundError('Dit huisbezoek bestaat niet (meer).')
  return v
}

/**
 * The resident called or mailed not to want the visit: it is called off, the reason kept, and the
 * call or mail logged as contact. Late opt-outs are accepted too (nobody is visited against their
 * wish) but marked late.
 */
export async function optOut(
  db: Db,
  ctx: UseCaseContext,
  input: { visitId: number; via: 'telefoon' | 'mail'; reden: string },
): Promise<VisitDayView> {
  return db.transaction().execute(async (trx) => {
    const v = await visitRow(trx, input.visitId)
    if (v.status !== 'gepland') throw new ConflictError('Dit huisbezoek is al afgezegd of afgelegd.')
    await markVisitCalledOff(trx, v.id, input.via, input.reden, ctx.at)
    await withdrawVisitLetters(trx, ctx, [v.id])
    const late = ctx.today > v.afmelden_voor
    await recordAttempt(trx, ctx, {
      caseId: v.case_id,
      kanaal: input.via,
      bereikt: true,
      resultaat: 'Afgezegd voor huisbezoek',
      notitie: `Huisbezoek van ${formatDate(v.datum)} ${v.tijd} afgezegd${late ? ' (na de afzegtermijn)' : ''}: ${input.reden}`,
    })
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'huisbezoek afgezegd',
      entityType: 'zaak',
      entityId: v.case_id,
      summary: `Huisbezoek ${formatDate(v.datum)} afgezegd per ${input.via === 'telefoon' ? 'telefoon' : 'e-mail'}`,
    })
    return loadDay(trx, ctx.today, v.datum, v.wijk_id, ctx.scope ?? ALL_CASES)
  })
}

/**
 * How the visit went; not at home or a shut door leads to the card, one Kaartje attempt when left
 * (ladder/service.ts, recordCard). Recorded on or after the visit day, dated the visit day: before
 * it, nothing has happened yet (an opt-out can be recorded any time, optOut).
 */
export async function visitOutcome(
  db: Db,
  ctx: UseCaseContext,
  input: { visitId: number; uitkomst: Uitkomst; notitie: string; kaartje: boolean },
): Promise<VisitDayView> {
  return db.transaction().execute(async (trx) => {
    const v = await visitRow(trx, input.visitId)
    if (v.status === 'afgemeld') throw new ConflictError('Dit huisbezoek is afgezegd.')
    if (v.status === 'afgelegd') throw new ConflictError('De uitkomst van dit huisbezoek is al vastgelegd.')
    if (v.datum > ctx.today)
      throw new ValidationError(
        `Dit huisbezoek is pas op ${formatDate(v.datum)}. Leg de uitkomst vast op of na die dag; een afzegging kan wel al.`,
      )
    await markVisitMade(trx, v.id, input.uitkomst, input.notitie)
    await recordAttempt(trx, ctx, {
      caseId: v.case_id,
      kanaal: 'huisbezoek',
      bereikt: input.uitkomst === 'gesproken',
      resultaat: UITKOMST_RESULTAAT[input.uitkomst],
      notitie: input.notitie,
      datum: v.datum,
      tijd: v.tijd,
    })
    if (input.kaartje && (input.uitkomst === 'niet_thuis' || input.uitkomst === 'deur_dicht'))
      await recordCard(trx, ctx, {
        caseId: v.case_id,
        datum: v.datum,
        tijd: v.tijd,
        notitie: 'Kaartje in rode envelop door de brievenbus.',
      })
    return loadDay(trx, ctx.today, v.datum, v.wijk_id, ctx.scope ?? ALL_CASES)
  })
}
