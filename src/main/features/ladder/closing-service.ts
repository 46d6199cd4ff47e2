import type { z } from 'zod'
import type { Db } from '../../db/database'
import type { LadderResult, closeCaseInput } from '@shared/api/ladder'
import { ConflictError, NotFoundError } from '../../lib/errors'
import type { UseCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { withdrawVisitLetters } from '../documents/queue-service'
import { dropAppointments } from '../appointments/cancel'
import { insertNote } from '../dossier/repository'
import { claimCase } from '../dossier/version'
import {
  callOffPlannedVisits,
  closeCaseRow,
  getCasePlanRow,
  householdCaseIds,
  plannedVisitIds,
  reopenCaseRow,
  setHouseholdDoNotApproach,
} from './repository'
import { loadPlan, REOPEN_DAYS, result } from './service'

/** Closing a case, reopening it, and the resident's wish not to be approached again. */

export async function closeCase(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof closeCaseInput>,
): Promise<LadderResult> {
  await db.transaction().execute(async (trx) => {
    await claimCase(trx, input.caseId, input.versie)
    const row = await getCasePlanRow(trx, input.caseId)
    if (!row) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    if (row.is_open !== 1) throw new ConflictError('Deze zaak is al gesloten.')
    await closeCaseRow(trx, input.caseId, {
      resultaat: input.resultaat,
      geslotenOp: ctx.today,
      hulpAangeboden: input.hulpAangeboden,
      hulpGeaccepteerd: input.hulpGeaccepteerd,
      verwijzing: input.verwijzing,
    })
    // Planned visits of a closed case do not take place; their unprinted letters do not go out.
    await withdrawVisitLetters(trx, ctx, await plannedVisitIds(trx, [input.caseId]))
    await dropAppointments(trx, ctx, [input.caseId], 'Zaak afgesloten')
    await callOffPlannedVisits(trx, { caseId: input.caseId }, 'Zaak afgesloten', ctx.at)
    if (input.notitie) await insertNote(trx, input.caseId, `Afgesloten: ${input.notitie}`, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gesloten',
      entityType: 'zaak',
      entityId: input.caseId,
      summary: `Afgesloten: ${input.resultaat}; hulp aangeboden ${input.hulpAangeboden ? 'ja' : 'nee'}, aangenomen ${
        input.hulpGeaccepteerd ? 'ja' : 'nee'
      }${input.verwijzing ? `; verwezen naar ${input.verwijzing}` : ''}`,
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return result(db, ctx, input.caseId)
}

/**
 * Reopens a recently closed case (closed by mistake, or the resident comes back within weeks).
 * A new signal after that always opens a new case (intakeSignal): the closed case's result has
 * been reported and its history stays as it was; the case file shows it under "Eerder bekend".
 */
export async function reopenCase(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  versie: number,
  reden: string,
): Promise<LadderResult> {
  await db.transaction().execute(async (trx) => {
    await claimCase(trx, caseId, versie)
    const plan = await loadPlan(trx, ctx.today, caseId)
    if (plan.open) throw new ConflictError('Deze zaak is nog open.')
    if (!plan.heropenbaar)
      throw new ConflictError(
        `Deze zaak kan niet meer heropend worden: dat kan tot ${REOPEN_DAYS} dagen na het sluiten, en alleen als er geen nieuwere zaak voor dit adres is. Voer een nieuw signaal in of start een zaak via het inloopspreekuur.`,
      )
    await reopenCaseRow(trx, caseId, plan.nietBenaderen ? null : ctx.today)
    // On PostgreSQL a monthly import may have opened a newer case at this address after the check
    // above (its rows were not visible yet; reopening waited for its commit): then not reopened.
    const open = await trx
      .selectFrom('vroegsignaalzaak as z')
      .innerJoin('vroegsignaalzaak as o', 'o.household_id', 'z.household_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('z.id', '=', caseId)
      .where('o.is_open', '=', 1)
      .executeTakeFirstOrThrow()
    if (open.n > 1)
      throw new ConflictError(
        'Er is intussen een nieuwere zaak voor dit adres geopend. Deze zaak is niet heropend; open de nieuwe zaak.',
      )
    await insertNote(trx, caseId, `Heropend: ${reden}`, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'heropend',
      entityType: 'zaak',
      entityId: caseId,
      summary: 'Zaak heropend',
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return result(db, ctx, caseId)
}

/**
 * The resident's wish not to be approached again. Kept on the household (later cases inherit it
 * through the trigger of migration 0005) and on its open cases, whose plans stop; planned visits
 * are called off. Turning it off plans the current step for today.
 */
export async function setDoNotApproach(
  db: Db,
  ctx: UseCaseContext,
  input: { caseId: number; versie: number; nietBenaderen: boolean; reden: string },
): Promise<LadderResult> {
  await db.transaction().execute(async (trx) => {
    await claimCase(trx, input.caseId, input.versie)
    const row = await getCasePlanRow(trx, input.caseId)
    if (!row) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    await setHouseholdDoNotApproach(trx, row.household_id, input.nietBenaderen, input.reden, ctx.today)
    if (input.nietBenaderen) {
      const cases = await householdCaseIds(trx, row.household_id)
      await withdrawVisitLetters(trx, ctx, await plannedVisitIds(trx, cases))
      await dropAppointments(trx, ctx, cases, 'Bewoner wil niet meer benaderd worden')
      await callOffPlannedVisits(
        trx,
        { householdId: row.household_id },
        'Bewoner wil niet meer benaderd worden',
        ctx.at,
      )
      await insertNote(trx, input.caseId, `Niet meer benaderen: ${input.reden}`, ctx.at, ctx.userId)
    }
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: input.nietBenaderen ? 'niet benaderen' : 'weer benaderen',
      entityType: 'zaak',
      entityId: input.caseId,
      summary: input.nietBenaderen
        ? 'Bewoner wil niet meer benaderd worden'
        : 'Bewoner mag weer benaderd worden',
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return result(db, ctx, input.caseId)
}
