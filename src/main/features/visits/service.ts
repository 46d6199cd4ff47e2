import { ALL_CASES, inScope, visitInScope, type CaseScope } from '../access/scope'
import type { z } from 'zod'
import type { Db } from '../../db/database'
import {
  UITKOMST_RESULTAAT,
  type PartnerContactView,
  type Uitkomst,
  type VisitCandidate,
  type VisitDayView,
  type VisitStatus,
  type VisitView,
  type partnerInput,
  type planVisitsInput,
} from '@shared/api/visits'
import { STAP_LABELS, type PlanStap } from '@shared/api/ladder'
import { dagdeelForHour } from '@shared/domain/ddas'
import { formatDate } from '@shared/format/dates'
import { formatPostcode } from '@shared/format/address'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../signals/service'
import { addWorkdays } from '../ladder/planner'
import { recordAttempt } from '../ladder/service'
import { writePlan } from '../ladder/repository'
import { queueDocument } from '../documents/queue-service'
import { getDocumentSettings } from '../documents/repository'

const ANNOUNCEMENT_TEMPLATE = 'aankondigingsbrief'

export async function listPartners(db: Db): Promise<PartnerContactView[]> {
  const rows = await db
    .selectFrom('partner_contact')
    .selectAll()
    .orderBy('organisatie')
    .orderBy('naam')
    .execute()
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
      const before = await trx
        .selectFrom('partner_contact')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (!before) throw new NotFoundError('Deze contactpersoon bestaat niet (meer).')
      await trx.updateTable('partner_contact').set(values).where('id', '=', id).execute()
      const changed = (['organisatie', 'naam', 'functie', 'telefoon', 'email'] as const).filter(
        (k) => before[k] !== values[k],
      )
      action = before.actief === values.actief ? 'gewijzigd' : p.actief ? 'weer actief' : 'gedeactiveerd'
      what = changed.length > 0 ? ` (gewijzigd: ${changed.join(', ')})` : ''
    } else {
      id = (
        await trx
          .insertInto('partner_contact')
          .values({ ...values, created_at: ctx.at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
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

/** Open cases in the wijk whose ladder has reached the letter or the visit, with no visit planned. */
export async function visitCandidates(
  db: Db,
  wijkId: number,
  datum: string,
  scope: CaseScope,
): Promise<VisitCandidate[]> {
  const rows = await db
    .selectFrom('vroegsignaalzaak as z')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .select([
      'z.id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'z.postcode',
      'z.plan_stap',
      'z.plan_datum',
    ])
    .where('z.wijk_id', '=', wijkId)
    .where(inScope(scope, 'z'))
    .where('z.is_open', '=', 1)
    .where('z.niet_benaderen', '=', 0)
    .where('z.plan_stap', 'in', ['brief', 'huisbezoek'])
    .where('z.plan_datum', '<=', datum)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('huisbezoek as b')
            .select('b.id')
            .whereRef('b.case_id', '=', 'z.id')
            .where('b.status', '=', 'gepland'),
        ),
      ),
    )
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.case_number,
    naam: r.display_name,
    adres: r.adres,
    postcode: formatPostcode(r.postcode),
    stap: STAP_LABELS[r.plan_stap as PlanStap],
    datum: r.plan_datum,
  }))
}

const addMinutes = (hhmm: string, minutes: number) => {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/**
 * Plans visits on one day in one wijk, in route order (postcode, house number), one time slot
 * each; sets the opt-out deadline, queues the announcement letter and logs it as the Brief attempt.
 */
export async function planVisits(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof planVisitsInput>,
): Promise<VisitDayView> {
  return db.transaction().execute(async (trx) => {
    const settings = await getDocumentSettings(trx)
    const afmeldenVoor = addWorkdays(input.datum, -settings.afmeldWerkdagen)
    const weekday = new Date(`${input.datum}T12:00:00Z`).getUTCDay()
    if (weekday === 0 || weekday === 6)
      throw new ValidationError('Kies een werkdag voor de huisbezoeken.', { datum: 'Kies een werkdag.' })
    if (afmeldenVoor <= ctx.today)
      throw new ValidationError('Deze dag is te snel: de bewoner moet nog op tijd kunnen afzeggen.', {
        datum: `Kies een latere dag: afzeggen moet kunnen tot ${settings.afmeldWerkdagen} werkdagen vóór het bezoek, en dat moet na vandaag zijn.`,
      })
    const last = addMinutes(input.startTijd, input.slotMinuten * input.caseIds.length)
    if (last > '21:00')
      throw new ValidationError('Zoveel bezoeken passen niet op deze dag.', {
        caseIds: 'Kies minder zaken, kortere bezoeken of een vroegere begintijd (uiterlijk 21:00 klaar).',
      })
    let duoNaam: string
    if (input.duoUserId !== null) {
      const u = await trx
        .selectFrom('app_user')
        .select(['naam', 'actief'])
        .where('id', '=', input.duoUserId)
        .executeTakeFirst()
      if (!u || u.actief !== 1)
        throw new ValidationError('Kies een actieve collega.', { duoUserId: 'Kies een actieve collega.' })
      duoNaam = u.naam
    } else {
      const p = await trx
        .selectFrom('partner_contact')
        .select(['naam', 'organisatie', 'actief'])
        .where('id', '=', input.duoPartnerId!)
        .executeTakeFirst()
      if (!p || p.actief !== 1)
        throw new ValidationError('Kies een contactpersoon uit het adresboek.', {
          duoPartnerId: 'Kies een contactpersoon.',
        })
      duoNaam = `${p.naam} (${p.organisatie})`
    }
    const cases = await trx
      .selectFrom('vroegsignaalzaak as z')
      .innerJoin('household as h', 'h.id', 'z.household_id')
      .select(['z.id', 'z.case_number', 'z.is_open', 'z.niet_benaderen', 'z.consulent_id', 'z.wijk_id'])
      .where('z.id', 'in', input.caseIds)
      .orderBy('h.postcode')
      .orderBy('h.huisnummer')
      .orderBy('h.toevoeging')
      .execute()
    if (cases.length !== new Set(input.caseIds).size)
      throw new NotFoundError('Een van de gekozen zaken bestaat niet (meer).')
    const template = await trx
      .selectFrom('document_template')
      .select('id')
      .where('code', '=', ANNOUNCEMENT_TEMPLATE)
      .executeTakeFirst()
    for (const [i, c] of cases.entries()) {
      if (c.is_open !== 1) throw new ConflictError(`Zaak ${c.case_number} is gesloten.`)
      if (c.niet_benaderen === 1)
        throw new ConflictError(`Zaak ${c.case_number}: de bewoner wil niet benaderd worden.`)
      const planned = await trx
        .selectFrom('huisbezoek')
        .select('datum')
        .where('case_id', '=', c.id)
        .where('status', '=', 'gepland')
        .executeTakeFirst()
      if (planned)
        throw new ConflictError(
          `Voor zaak ${c.case_number} is al een huisbezoek gepland op ${formatDate(planned.datum)}.`,
        )
      const tijd = addMinutes(input.startTijd, i * input.slotMinuten)
      await trx
        .insertInto('huisbezoek')
        .values({
          case_id: c.id,
          wijk_id: input.wijkId,
          datum: input.datum,
          tijd,
          consulent_id: c.consulent_id ?? ctx.userId,
          duo_user_id: input.duoUserId,
          duo_partner_id: input.duoPartnerId,
          afmelden_voor: afmeldenVoor,
          status: 'gepland',
          created_at: ctx.at,
          created_by: ctx.userId,
        })
        .execute()
      if (template)
        await queueDocument(trx, ctx, {
          caseId: c.id,
          templateId: template.id,
          bezoek: {
            datum: input.datum,
            van: tijd,
            tot: addMinutes(tijd, input.slotMinuten),
            collegaId: input.duoUserId,
            partnerContactId: input.duoUserId === null ? input.duoPartnerId : null,
          },
        })
      await recordAttempt(trx, ctx, {
        caseId: c.id,
        kanaal: 'brief',
        bereikt: false,
        resultaat: 'Brief verstuurd',
        notitie: `Aankondiging huisbezoek op ${formatDate(input.datum)} om ${tijd}, met ${duoNaam}. Afzeggen kan tot en met ${formatDate(afmeldenVoor)}.`,
      })
      // The visit itself is the next step, on the announced day and time.
      await writePlan(trx, c.id, {
        stap: 'huisbezoek',
        poging: 0,
        datum: input.datum,
        dagdeel: dagdeelForHour(Number(tijd.slice(0, 2))),
      })
    }
    return loadDay(trx, ctx.today, input.datum, input.wijkId, ctx.scope ?? ALL_CASES)
  })
}

/** The visits of one day, in route order: by postcode and house number. */
export async function loadDay(
  db: Db,
  today: string,
  datum: string,
  wijkId: number | null,
  scope: CaseScope,
): Promise<VisitDayView> {
  let q = db
    .selectFrom('huisbezoek as b')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'b.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .leftJoin('wijk as w', 'w.id', 'b.wijk_id')
    .leftJoin('app_user as c', 'c.id', 'b.consulent_id')
    .leftJoin('app_user as u', 'u.id', 'b.duo_user_id')
    .leftJoin('partner_contact as p', 'p.id', 'b.duo_partner_id')
    .select([
      'b.id',
      'b.case_id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'h.postcode',
      'b.datum',
      'b.tijd',
      'w.naam as wijk_naam',
      'c.naam as consulent_naam',
      'u.naam as duo_user',
      'p.naam as duo_partner',
      'p.organisatie as duo_org',
      'b.afmelden_voor',
      'b.status',
      'b.uitkomst',
      'b.afmelding_via',
      'b.afmelding_reden',
      'b.afmelding_op',
    ])
    .where('b.datum', '=', datum)
    .where(visitInScope(scope))
  if (wijkId !== null) q = q.where('b.wijk_id', '=', wijkId)
  const rows = await q
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .orderBy('b.tijd')
    .execute()
  const letters = new Set<number>()
  if (rows.length) {
    const queued = await db
      .selectFrom('print_item')
      .select('case_id')
      .where(
        'case_id',
        'in',
        rows.map((r) => r.case_id),
      )
      .where('bezoek_datum', '=', datum)
      .execute()
    for (const q2 of queued) letters.add(q2.case_id)
  }
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
    })),
  }
}

async function visitRow(trx: Db, visitId: number) {
  const v = await trx.selectFrom('huisbezoek').selectAll().where('id', '=', visitId).executeTakeFirst()
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
    await trx
      .updateTable('huisbezoek')
      .set({
        status: 'afgemeld',
        afmelding_via: input.via,
        afmelding_reden: input.reden,
        afmelding_op: ctx.at,
      })
      .where('id', '=', v.id)
      .execute()
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

/** How the visit went; not at home or a shut door leads to the card, logged as Kaartje when left. */
export async function visitOutcome(
  db: Db,
  ctx: UseCaseContext,
  input: { visitId: number; uitkomst: Uitkomst; notitie: string; kaartje: boolean },
): Promise<VisitDayView> {
  return db.transaction().execute(async (trx) => {
    const v = await visitRow(trx, input.visitId)
    if (v.status === 'afgemeld') throw new ConflictError('Dit huisbezoek is afgezegd.')
    if (v.status === 'afgelegd') throw new ConflictError('De uitkomst van dit huisbezoek is al vastgelegd.')
    await trx
      .updateTable('huisbezoek')
      .set({ status: 'afgelegd', uitkomst: input.uitkomst, notitie: input.notitie })
      .where('id', '=', v.id)
      .execute()
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
      await recordAttempt(trx, ctx, {
        caseId: v.case_id,
        kanaal: 'kaartje',
        bereikt: false,
        resultaat: 'Kaartje achtergelaten',
        notitie: 'Kaartje in rode envelop door de brievenbus.',
        datum: v.datum,
        tijd: v.tijd,
      })
    return loadDay(trx, ctx.today, v.datum, v.wijk_id, ctx.scope ?? ALL_CASES)
  })
}
