import type { appointmentsContract } from '@shared/api/appointments'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { NotFoundError } from '../../lib/errors'
import { viewerOf } from '../access/rules'
import { recordAudit } from '../audit/repository'
import { agendaRange, loadAgenda, visibleIds } from './agenda'
import { appointmentIcs, weekIcs } from './ics'
import { savePlace } from './places'
import { loadPlaces } from './repository'
import {
  appointmentsForCase,
  makeAppointment,
  markReminderSent,
  queueConfirmationLetter,
  recordOutcome,
  rescheduleAppointment,
} from './service'
import { appointmentTexts } from './texts'

export const appointmentsHandlers: FeatureHandlers<typeof appointmentsContract> = {
  'appointments.places': async (_input, ctx) => loadPlaces(ctx.db),
  'appointments.savePlace': async (input, ctx) => savePlace(ctx.db, useCaseContext(ctx), input),
  'appointments.make': async (input, ctx) => makeAppointment(ctx.db, useCaseContext(ctx), input),
  'appointments.reschedule': async (input, ctx) => rescheduleAppointment(ctx.db, useCaseContext(ctx), input),
  'appointments.outcome': async (input, ctx) => recordOutcome(ctx.db, useCaseContext(ctx), input),
  'appointments.forCase': async ({ caseId }, ctx) => appointmentsForCase(ctx.db, useCaseContext(ctx), caseId),
  'appointments.texts': async ({ afspraakId }, ctx) => appointmentTexts(ctx.db, afspraakId),
  'appointments.reminderSent': async ({ afspraakId }, ctx) =>
    markReminderSent(ctx.db, useCaseContext(ctx), afspraakId),
  'appointments.queueLetter': async ({ afspraakId }, ctx) =>
    queueConfirmationLetter(ctx.db, useCaseContext(ctx), afspraakId),
  'appointments.agenda': async ({ consulentId, datum, weergave }, ctx) => {
    const { van, tot } = agendaRange(datum, weergave)
    return loadAgenda(ctx.db, consulentId ?? ctx.userId, van, tot, viewerOf(ctx).scope)
  },
  'appointments.ics': async ({ afspraakId }, ctx) => {
    const file = await appointmentIcs(ctx.db, afspraakId, ctx.clock.now())
    if (!file) throw new NotFoundError('Deze afspraak bestaat niet (meer).')
    const a = await ctx.db
      .selectFrom('afspraak')
      .select('case_id')
      .where('id', '=', afspraakId)
      .executeTakeFirstOrThrow()
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.clock.now(), {
        userId: ctx.userId,
        action: 'agenda geëxporteerd',
        entityType: 'zaak',
        entityId: a.case_id,
        summary: 'Afspraak als agendabestand (.ics) opgeslagen',
      }),
    )
    return file
  },
  'appointments.icsWeek': async ({ consulentId, datum }, ctx) => {
    const userId = consulentId ?? ctx.userId
    const { van, tot } = agendaRange(datum, 'week')
    const user = await ctx.db
      .selectFrom('app_user')
      .select(['id', 'naam'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
    const now = ctx.clock.now()
    const file = await weekIcs(
      ctx.db,
      user,
      van,
      tot,
      now,
      await visibleIds(ctx.db, userId, van, tot, viewerOf(ctx).scope),
    )
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, now, {
        userId: ctx.userId,
        action: 'agenda geëxporteerd',
        entityType: 'medewerker',
        entityId: user.id,
        summary: `Agenda van ${user.naam}, week van ${van}, als agendabestand (.ics) opgeslagen`,
      }),
    )
    return file
  },
}
