import type { Db } from '../../db/database'
import { formatDate } from '@shared/format/dates'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'

/** Unprinted confirmation letters of these appointments leave the print queue: they must not go out. */
export async function withdrawLetters(trx: Db, ctx: UseCaseContext, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  const items = await trx
    .selectFrom('print_item')
    .select(['id', 'case_id'])
    .where('afspraak_id', 'in', ids)
    .where('status', '=', 'wachtrij')
    .execute()
  for (const item of items) {
    await trx.deleteFrom('print_item').where('id', '=', item.id).execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'document verwijderd',
      entityType: 'zaak',
      entityId: item.case_id,
      summary: 'Bevestiging van een afspraak uit de wachtrij gehaald: de afspraak gaat niet door',
    })
  }
}

/**
 * A closed case, or a resident who asks not to be approached again: the appointments still to
 * come fall away ("vervallen"; the monitor does not count them) and their unprinted confirmation
 * letters leave the queue. Runs inside the caller's transaction (ladder/service.ts).
 */
export async function dropAppointments(
  trx: Db,
  ctx: UseCaseContext,
  caseIds: number[],
  reden: string,
): Promise<void> {
  if (caseIds.length === 0) return
  const adb = trx
  const rows = await adb
    .selectFrom('afspraak')
    .select(['id', 'case_id', 'datum', 'tijd', 'volgnummer'])
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'gepland')
    .execute()
  for (const a of rows) {
    await adb
      .updateTable('afspraak')
      .set({ status: 'vervallen', volgnummer: a.volgnummer + 1, uitkomst_notitie: reden, updated_at: ctx.at })
      .where('id', '=', a.id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'afspraak vervallen',
      entityType: 'zaak',
      entityId: a.case_id,
      summary: `Afspraak van ${formatDate(a.datum)} ${a.tijd} vervalt: ${reden}`,
    })
  }
  await withdrawLetters(
    trx,
    ctx,
    rows.map((r) => r.id),
  )
}
