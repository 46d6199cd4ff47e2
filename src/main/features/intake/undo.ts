import type { ImportView } from '@shared/api/intake'
import type { Db } from '../../db/database'
import { ConflictError, NotFoundError } from '../../lib/errors'
import type { UseCaseContext } from '../../app/use-case'
import { recordAudit } from '../audit/repository'
import { refreshCaseSummary } from '../signals/households'
import { getImport, undoBlocked } from './history'
import {
  batchById,
  createdIds,
  deleteCaseRange,
  deleteSignals,
  deleteUnusedHouseholds,
  deleteUnusedResidents,
  forgetResidentsBefore,
  markUndone,
  rejectOpenProblems,
  residentsBefore,
  signalsOfImport,
  updateResident,
} from './repository'

/**
 * Puts back the phone number, e-mail, BSN and birth date the import changed on residents known
 * before it: each field only where it still holds what the import set (a later change stays).
 */
async function restoreResidents(trx: Db, importId: number): Promise<number> {
  const rows = await residentsBefore(trx, importId)
  let restored = 0
  for (const b of rows) {
    const back: { telefoon?: string; email?: string; bsn?: string | null; geboortedatum?: string | null } = {}
    if (b.now_telefoon === b.set_telefoon) back.telefoon = b.telefoon
    if (b.now_email === b.set_email) back.email = b.email
    if (b.now_bsn === b.set_bsn) back.bsn = b.bsn
    if (b.now_geboortedatum === b.set_geboortedatum) back.geboortedatum = b.geboortedatum
    const all = Object.keys(back).length === 4
    await updateResident(trx, b.resident_id, { ...back, ...(all ? { updated_at: b.updated_at } : {}) })
    restored++
  }
  await forgetResidentsBefore(trx, importId)
  return restored
}

/**
 * Undoes a whole import: its signals, the cases, households and residents it created, and the
 * details it changed on residents it found.
 */
export async function undoImport(db: Db, ctx: UseCaseContext, importId: number): Promise<ImportView> {
  await db.transaction().execute(async (trx) => {
    const batch = await batchById(trx, importId)
    if (!batch) throw new NotFoundError('Deze inlezing bestaat niet.')
    if (batch.undone_at) throw new ConflictError('Deze inlezing is al ongedaan gemaakt.')
    const blocked = await undoBlocked(trx, importId, batch.at)
    if (blocked) throw new ConflictError(`Deze inlezing kan niet meer ongedaan worden gemaakt. ${blocked}`)
    const signals = await signalsOfImport(trx, importId)
    const cases = await createdIds(trx, importId, 'zaak')
    const isCreated = (id: number) => cases.some(([a, b]) => id >= a && id <= b)
    const touched = new Set(
      signals.map((s) => s.case_id).filter((c): c is number => c !== null && !isCreated(c)),
    )
    const signalIds = signals.map((s) => s.id)
    for (let i = 0; i < signalIds.length; i += 500) await deleteSignals(trx, signalIds.slice(i, i + 500))
    for (const c of touched) await refreshCaseSummary(trx, c)
    let caseCount = 0
    for (const [a, b] of cases) caseCount += await deleteCaseRange(trx, a, b)
    const restored = await restoreResidents(trx, importId)
    for (const [a, b] of await createdIds(trx, importId, 'bewoner')) await deleteUnusedResidents(trx, a, b)
    for (const [a, b] of await createdIds(trx, importId, 'huishouden'))
      await deleteUnusedHouseholds(trx, a, b)
    await rejectOpenProblems(trx, importId, 'Inlezing ongedaan gemaakt', ctx.at, ctx.userId)
    await markUndone(trx, importId, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'inlezing ongedaan gemaakt',
      entityType: 'import',
      entityId: importId,
      summary:
        `${batch.bestandsnaam}: ${signalIds.length} signalen en ${caseCount} zaken verwijderd` +
        (restored
          ? `, gegevens van ${restored} bekende ${restored === 1 ? 'bewoner' : 'bewoners'} teruggezet`
          : ''),
    })
  })
  return getImport(db, importId)
}
