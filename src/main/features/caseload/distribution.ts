import type { CaseScope } from '../access/scope'
import type { LoadRow, MovableCase } from '@shared/api/intake'
import { formatPostcode } from '@shared/format/address'
import type { Db } from '../../db/database'
import { ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { assignCases, casesOpen, consulentLoads, openCasesQuery, userRole } from './repository'

/** Open cases per consulent (and those nobody has yet), for the kwaliteitsmedewerker. */
export async function loadPerConsulent(db: Db): Promise<LoadRow[]> {
  const { users, wijken, counts } = await consulentLoads(db)
  const count = (id: number | null, status?: string) =>
    counts
      .filter((c) => c.consulent_id === id && (!status || c.status === status))
      .reduce((a, c) => a + Number(c.n), 0)
  const rows: LoadRow[] = users.map((u) => ({
    consulentId: u.id,
    naam: u.naam,
    wijken: wijken.filter((w) => w.user_id === u.id).map((w) => w.naam),
    open: count(u.id),
    nieuw: count(u.id, 'nieuw'),
  }))
  const known = new Set(users.map((u) => u.id))
  const others = counts.filter((c) => c.consulent_id === null || !known.has(c.consulent_id))
  const open = others.reduce((a, c) => a + Number(c.n), 0)
  if (open > 0)
    rows.push({
      consulentId: null,
      naam: 'Nog niemand (of een oud-medewerker)',
      wijken: [],
      open,
      nieuw: others.filter((c) => c.status === 'nieuw').reduce((a, c) => a + Number(c.n), 0),
    })
  return rows
}

export async function openCasesOf(
  db: Db,
  consulentId: number | 'geen',
  scope: CaseScope,
): Promise<MovableCase[]> {
  const rows = await openCasesQuery(db, consulentId, scope)
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    naam: r.display_name,
    adres: `${r.adres}, ${formatPostcode(r.postcode)}`,
    wijkNaam: r.wijk,
    datumOpgepakt: r.datum_opgepakt,
    status: r.status,
  }))
}

/** Moves open cases to another consulent, each with its own audit entry. */
export async function moveCases(
  db: Db,
  ctx: UseCaseContext,
  caseIds: number[],
  consulentId: number,
): Promise<LoadRow[]> {
  await db.transaction().execute(async (trx) => {
    const user = await userRole(trx, consulentId)
    if (!user || user.rol !== 'consulent' || user.actief !== 1)
      throw new ValidationError('Kies een actieve consulent.', { consulentId: 'Kies een actieve consulent.' })
    const cases = await casesOpen(trx, caseIds)
    if (cases.length !== new Set(caseIds).size || cases.some((c) => c.is_open !== 1))
      throw new ValidationError('Alleen open zaken kunnen worden verplaatst.', {
        caseIds: 'Kies open zaken.',
      })
    await assignCases(trx, caseIds, consulentId)
    for (const c of cases)
      await recordAudit(trx, ctx.at, {
        userId: ctx.userId,
        action: 'toegewezen',
        entityType: 'zaak',
        entityId: c.id,
        summary: `Verplaatst naar ${user.naam} (verdeling)`,
      })
  })
  return loadPerConsulent(db)
}
