import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { Db } from '../../db/database'
import { checkedTransaction } from '../../db/dialect'
import {
  endTime,
  PLEK_KANAAL,
  PLEK_SOORT_LABELS,
  WEEKDAG_KORT,
  type AppointmentResult,
  type AppointmentView,
  type makeAppointmentInput,
  type PlekSoort,
  type rescheduleInput,
} from '@shared/api/appointments'
import { NIET_GEKOMEN } from '@shared/api/ladder'
import { dagdeelForHour } from '@shared/domain/ddas'
import { formatDate } from '@shared/format/dates'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { isPublicHoliday } from '../ladder/holidays'
import { addWorkdays } from '../ladder/planner'
import { writePlan } from '../ladder/repository'
import { localTime, recordAttempt, result } from '../ladder/service'
import type { QueueItemView } from '@shared/api/documents'
import { loadItems, queueDocument } from '../documents/queue-service'
import { whenUsable } from './places'
import { withdrawLetters } from './cancel'
import { appointmentQuery, stadskantoorAdres, toAppointmentView } from './repository'
import { claimCase } from '../dossier/version'

type Slot = Omit<z.output<typeof makeAppointmentInput>, 'caseId' | 'versie'>

/** Appointments are kept between seven in the morning and ten at night, whatever a place allows. */
const EARLIEST = '07:00'
const LATEST = '22:00'

export async function loadAppointment(db: Db, ctx: UseCaseContext, id: number): Promise<AppointmentView> {
  const row = await appointmentQuery(db).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Deze afspraak bestaat niet (meer).')
  return toAppointmentView(row, await stadskantoorAdres(db), ctx.today, localTime(ctx.at).hhmm)
}

export async function appointmentsForCase(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
): Promise<AppointmentView[]> {
  const rows = await appointmentQuery(db)
    .where('a.case_id', '=', caseId)
    .orderBy('a.datum', 'desc')
    .orderBy('a.tijd', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
  const office = await stadskantoorAdres(db)
  const now = localTime(ctx.at).hhmm
  return rows.map((r) => toAppointmentView(r, office, ctx.today, now))
}

/** The weekday of an ISO date, 1 = Monday ... 7 = Sunday. */
const isoWeekday = (iso: string) => ((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7) + 1

interface Person {
  userId: number | null
  partnerId: number | null
  naam: string
}

/** Another planned appointment or home visit of the same person that overlaps this slot, if any. */
async function busyWith(
  trx: Db,
  people: Person[],
  datum: string,
  van: string,
  tot: string,
  except: number | null,
): Promise<{ naam: string; wat: string; van: string; tot: string } | null> {
  const users = people.map((p) => p.userId).filter((u): u is number => u !== null)
  const partners = people.map((p) => p.partnerId).filter((u): u is number => u !== null)
  const overlaps = (a: string, b: string) => a < tot && b > van
  const apps = await trx
    .selectFrom('afspraak')
    .select(['id', 'tijd', 'duur', 'consulent_id', 'collega_id', 'partner_contact_id'])
    .where('datum', '=', datum)
    .where('status', '=', 'gepland')
    .execute()
  for (const a of apps) {
    if (a.id === except || !overlaps(a.tijd, endTime(a.tijd, a.duur))) continue
    const who = people.find(
      (p) =>
        (p.userId !== null && (p.userId === a.consulent_id || p.userId === a.collega_id)) ||
        (p.partnerId !== null && p.partnerId === a.partner_contact_id),
    )
    if (who) return { naam: who.naam, wat: 'een afspraak', van: a.tijd, tot: endTime(a.tijd, a.duur) }
  }
  if (users.length === 0 && partners.length === 0) return null
  const visits = await trx
    .selectFrom('huisbezoek')
    .select(['tijd', 'tijd_tot', 'consulent_id', 'duo_user_id', 'duo_partner_id'])
    .where('datum', '=', datum)
    .where('status', '=', 'gepland')
    .execute()
  for (const v of visits) {
    const end = v.tijd_tot ?? endTime(v.tijd, 30)
    if (!overlaps(v.tijd, end)) continue
    const who = people.find(
      (p) =>
        (p.userId !== null && (p.userId === v.consulent_id || p.userId === v.duo_user_id)) ||
        (p.partnerId !== null && p.partnerId === v.duo_partner_id),
    )
    if (who) return { naam: who.naam, wat: 'een huisbezoek', van: v.tijd, tot: end }
  }
  return null
}

/**
 * Checks a slot for a case and returns what the appointment row needs: the place (active, open on
 * that day and at that time), the day (not past, not a public holiday), the people (the case's
 * consulent, an active colleague or chain-partner contact) and that none of them is elsewhere.
 */
async function checkSlot(
  trx: Db,
  ctx: UseCaseContext,
  caseId: number,
  s: Slot,
  except: number | null,
): Promise<{ consulentId: number; plekSoort: PlekSoort; plekNaam: string; met: string | null }> {
  const zaak = await trx
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'case_number', 'is_open', 'niet_benaderen', 'consulent_id'])
    .where('id', '=', caseId)
    .executeTakeFirst()
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  if (zaak.is_open !== 1) throw new ConflictError(`Zaak ${zaak.case_number} is gesloten.`)
  if (zaak.niet_benaderen === 1)
    throw new ConflictError(`Zaak ${zaak.case_number}: de bewoner wil niet benaderd worden.`)

  const now = localTime(ctx.at).hhmm
  if (s.datum < ctx.today || (s.datum === ctx.today && s.tijd <= now))
    throw new ValidationError('Een afspraak ligt in de toekomst.', {
      datum: 'Kies een dag en tijd die nog moeten komen.',
    })
  if (isPublicHoliday(s.datum))
    throw new ValidationError('Dit is een feestdag.', { datum: 'Kies een andere dag: dit is een feestdag.' })
  const tot = endTime(s.tijd, s.duur)
  if (s.tijd < EARLIEST || tot > LATEST)
    throw new ValidationError('Zo vroeg of laat maken we geen afspraak.', {
      tijd: `Een afspraak ligt tussen ${EARLIEST} en ${LATEST}.`,
    })

  const plek = await trx.selectFrom('ontmoetplek').selectAll().where('id', '=', s.plekId).executeTakeFirst()
  if (!plek || plek.actief !== 1)
    throw new ValidationError('Kies een plek die in gebruik is.', { plekId: 'Kies een plek.' })
  const usable = { dagen: [...plek.dagen].map(Number), van: plek.van, tot: plek.tot }
  if (!usable.dagen.includes(isoWeekday(s.datum)))
    throw new ValidationError(`${plek.naam} is te gebruiken op ${whenUsable(usable)}.`, {
      datum: `${plek.naam} kan niet op ${WEEKDAG_KORT[isoWeekday(s.datum)]}. Kies een andere dag of plek.`,
    })
  if (s.tijd < plek.van || tot > plek.tot)
    throw new ValidationError(`${plek.naam} is te gebruiken op ${whenUsable(usable)}.`, {
      tijd: `${plek.naam} kan van ${plek.van} tot ${plek.tot}. Kies een tijd daarbinnen.`,
    })

  const consulentId = zaak.consulent_id ?? ctx.userId!
  const consulent = await trx
    .selectFrom('app_user')
    .select('naam')
    .where('id', '=', consulentId)
    .executeTakeFirst()
  const people: Person[] = [{ userId: consulentId, partnerId: null, naam: consulent?.naam ?? 'De consulent' }]
  let met: string | null = null
  if (s.collegaId !== null) {
    if (s.collegaId === consulentId)
      throw new ValidationError('Dit is de consulent van de zaak zelf.', {
        collegaId: 'Kies een andere collega, of niemand.',
      })
    const u = await trx
      .selectFrom('app_user')
      .select(['naam', 'actief'])
      .where('id', '=', s.collegaId)
      .executeTakeFirst()
    if (!u || u.actief !== 1)
      throw new ValidationError('Kies een actieve collega.', { collegaId: 'Kies een actieve collega.' })
    people.push({ userId: s.collegaId, partnerId: null, naam: u.naam })
    met = u.naam
  }
  if (s.partnerId !== null) {
    const p = await trx
      .selectFrom('partner_contact')
      .select(['naam', 'organisatie', 'actief'])
      .where('id', '=', s.partnerId)
      .executeTakeFirst()
    if (!p || p.actief !== 1)
      throw new ValidationError('Kies een contactpersoon uit het adresboek.', {
        partnerId: 'Kies een contactpersoon.',
      })
    people.push({ userId: null, partnerId: s.partnerId, naam: `${p.naam} (${p.organisatie})` })
    met = `${p.naam} (${p.organisatie})`
  }
  const busy = await busyWith(trx, people, s.datum, s.tijd, tot, except)
  if (busy)
    throw new ValidationError(`Dit tijdstip is al bezet: ${busy.naam} heeft dan ${busy.wat}.`, {
      tijd: `${busy.naam} heeft op ${formatDate(s.datum)} van ${busy.van} tot ${busy.tot} al ${busy.wat}. Kies een andere tijd.`,
    })
  return { consulentId, plekSoort: plek.soort as PlekSoort, plekNaam: plek.naam, met }
}

/** Stores the appointment and makes it the case's next step, on its day and part of the day. */
async function insertAppointment(
  trx: Db,
  ctx: UseCaseContext,
  caseId: number,
  s: Slot,
  checked: Awaited<ReturnType<typeof checkSlot>>,
): Promise<number> {
  // A reminder is asked for on the working day before; made on or after that day, none is needed.
  const herinnering = addWorkdays(s.datum, -1) > ctx.today ? 'nodig' : 'niet_nodig'
  const { id } = await trx
    .insertInto('afspraak')
    .values({
      uid: `${randomUUID()}@lange-adem`,
      case_id: caseId,
      plek_id: s.plekId,
      plek_soort: checked.plekSoort,
      datum: s.datum,
      tijd: s.tijd,
      duur: s.duur,
      consulent_id: checked.consulentId,
      collega_id: s.collegaId,
      partner_contact_id: s.partnerId,
      status: 'gepland',
      verzet_naar: null,
      herinnering,
      herinnering_op: null,
      contactpoging_id: null,
      notitie: s.notitie,
      uitkomst_notitie: '',
      volgnummer: 0,
      created_at: ctx.at,
      created_by: ctx.userId,
      updated_at: ctx.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writePlan(trx, caseId, {
    stap: 'afspraak',
    poging: 0,
    datum: s.datum,
    dagdeel: dagdeelForHour(Number(s.tijd.slice(0, 2))),
  })
  return id
}

const describe = (s: Slot, c: { plekNaam: string; met: string | null }) =>
  `${formatDate(s.datum)} ${s.tijd}-${endTime(s.tijd, s.duur)}, ${c.plekNaam}${c.met ? `, met ${c.met}` : ''}`

async function answer(trx: Db, ctx: UseCaseContext, caseId: number, id: number): Promise<AppointmentResult> {
  return { ...(await result(trx, ctx, caseId)), afspraak: await loadAppointment(trx, ctx, id) }
}

/**
 * An appointment agreed with the resident, from the case file or right after a contact was
 * recorded. One appointment at a time per case: a different time is "verzetten".
 */
export async function makeAppointment(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof makeAppointmentInput>,
): Promise<AppointmentResult> {
  return checkedTransaction(db).execute(async (trx) => {
    await claimCase(trx, input.caseId, input.versie)
    const pending = await trx
      .selectFrom('afspraak')
      .select(['datum', 'tijd'])
      .where('case_id', '=', input.caseId)
      .where('status', '=', 'gepland')
      .executeTakeFirst()
    if (pending)
      throw new ConflictError(
        `Er staat al een afspraak op ${formatDate(pending.datum)} om ${pending.tijd}. Verzet die afspraak als de bewoner een ander moment wil.`,
      )
    const checked = await checkSlot(trx, ctx, input.caseId, input, null)
    const id = await insertAppointment(trx, ctx, input.caseId, input, checked)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'afspraak gemaakt',
      entityType: 'zaak',
      entityId: input.caseId,
      summary: `Afspraak ${describe(input, checked)}`,
    })
    return answer(trx, ctx, input.caseId, id)
  })
}

async function pendingRow(trx: Db, id: number) {
  const a = await trx.selectFrom('afspraak').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new NotFoundError('Deze afspraak bestaat niet (meer).')
  if (a.status !== 'gepland')
    throw new ConflictError(
      a.status === 'verzet'
        ? 'Deze afspraak is al verzet. Kijk bij de nieuwe afspraak.'
        : 'Van deze afspraak is de uitkomst al vastgelegd.',
    )
  return a
}

/**
 * The resident (or the consulent) wants another moment: the appointment is "verzet" and a new one
 * takes its place, with its own reminder and confirmation. Moving is no contact attempt by
 * itself; a call about it is logged as one.
 */
export async function rescheduleAppointment(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof rescheduleInput>,
): Promise<AppointmentResult> {
  return db.transaction().execute(async (trx) => {
    const old = await pendingRow(trx, input.afspraakId)
    const checked = await checkSlot(trx, ctx, old.case_id, input, old.id)
    const id = await insertAppointment(trx, ctx, old.case_id, input, checked)
    await trx
      .updateTable('afspraak')
      .set({ status: 'verzet', verzet_naar: id, volgnummer: old.volgnummer + 1, updated_at: ctx.at })
      .where('id', '=', old.id)
      .execute()
    await withdrawLetters(trx, ctx, [old.id])
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'afspraak verzet',
      entityType: 'zaak',
      entityId: old.case_id,
      summary: `Afspraak van ${formatDate(old.datum)} ${old.tijd} verzet naar ${describe(input, checked)}`,
    })
    return answer(trx, ctx, old.case_id, id)
  })
}

/**
 * How the appointment went. Both outcomes are one contact attempt through the ladder's write
 * path, of the DDAS kind that follows the place (PLEK_KANAAL), dated the appointment's day and
 * part of the day: "geweest" is reached contact; "niet gekomen" is not, and moves the plan to a
 * call (the Stappenplan's `nietGekomen`). Only once the appointment has begun.
 */
export async function recordOutcome(
  db: Db,
  ctx: UseCaseContext,
  input: { afspraakId: number; uitkomst: 'geweest' | 'niet_gekomen'; notitie: string },
): Promise<AppointmentResult> {
  return db.transaction().execute(async (trx) => {
    const a = await pendingRow(trx, input.afspraakId)
    const now = localTime(ctx.at).hhmm
    if (a.datum > ctx.today || (a.datum === ctx.today && a.tijd > now))
      throw new ValidationError(
        `Deze afspraak is pas op ${formatDate(a.datum)} om ${a.tijd}. Leg vast hoe het ging als de afspraak is begonnen.`,
      )
    const geweest = input.uitkomst === 'geweest'
    const soort = a.plek_soort as PlekSoort
    const { id: pogingId } = await recordAttempt(trx, ctx, {
      caseId: a.case_id,
      kanaal: PLEK_KANAAL[soort],
      bereikt: geweest,
      resultaat: geweest ? 'Gesprek gevoerd' : NIET_GEKOMEN,
      notitie: [`Afspraak ${PLEK_SOORT_LABELS[soort].toLowerCase()}`, input.notitie]
        .filter(Boolean)
        .join(': '),
      datum: a.datum,
      tijd: a.tijd,
    })
    await trx
      .updateTable('afspraak')
      .set({
        status: input.uitkomst,
        contactpoging_id: pogingId,
        uitkomst_notitie: input.notitie,
        updated_at: ctx.at,
      })
      .where('id', '=', a.id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: geweest ? 'afspraak geweest' : 'afspraak niet gekomen',
      entityType: 'zaak',
      entityId: a.case_id,
      summary: `Afspraak van ${formatDate(a.datum)} ${a.tijd}: ${geweest ? 'geweest' : 'bewoner niet gekomen'}`,
    })
    return answer(trx, ctx, a.case_id, a.id)
  })
}

export async function markReminderSent(db: Db, ctx: UseCaseContext, id: number): Promise<AppointmentView> {
  return db.transaction().execute(async (trx) => {
    const a = await pendingRow(trx, id)
    await trx
      .updateTable('afspraak')
      .set({ herinnering: 'verstuurd', herinnering_op: ctx.at, updated_at: ctx.at })
      .where('id', '=', a.id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'herinnering verstuurd',
      entityType: 'zaak',
      entityId: a.case_id,
      summary: `Herinnering gestuurd voor de afspraak van ${formatDate(a.datum)} ${a.tijd}`,
    })
    return loadAppointment(trx, ctx, a.id)
  })
}

/** The template of the confirmation letter (migration 0017). */
export const CONFIRMATION_TEMPLATE = 'afspraakbevestiging'

/**
 * Puts the appointment's confirmation letter in the print queue (once; a letter still waiting or
 * printed but not sent is enough). Printing and sending it is no contact attempt: contact was made.
 */
export async function queueConfirmationLetter(
  db: Db,
  ctx: UseCaseContext,
  afspraakId: number,
): Promise<QueueItemView> {
  return db.transaction().execute(async (trx) => {
    const a = await pendingRow(trx, afspraakId)
    const waiting = await trx
      .selectFrom('print_item')
      .select('id')
      .where('afspraak_id', '=', a.id)
      .where('status', 'in', ['wachtrij', 'gedrukt'])
      .executeTakeFirst()
    if (waiting)
      throw new ConflictError('De bevestigingsbrief van deze afspraak staat al klaar om te versturen.')
    const template = await trx
      .selectFrom('document_template')
      .select('id')
      .where('code', '=', CONFIRMATION_TEMPLATE)
      .executeTakeFirst()
    if (!template) throw new NotFoundError('Het sjabloon van de bevestigingsbrief bestaat niet (meer).')
    const id = await queueDocument(trx, ctx, { caseId: a.case_id, templateId: template.id, afspraakId: a.id })
    return (await loadItems(trx, ctx.today, (q) => q.where('i.id', '=', id)))[0]!
  })
}
