import { inScope, type CaseScope } from '../access/scope'
import type { LoadRow, MovableCase } from '@shared/api/intake'
import { formatPostcode } from '@shared/format/address'
import type { Db } from '../../db/database'
import { ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'

/** Open cases per consulent (and those nobody has yet), for the kwaliteitsmedewerker. */
export async function loadPerConsulent(db: Db): Promise<LoadRow[]> {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'naam'])
    .where('rol', '=', 'consulent')
    .where('actief', '=', 1)
    .orderBy('naam')
    .execute()
  const wijken = await db
    .selectFrom('user_wijk')
    .innerJoin('wijk', 'wijk.id', 'user_wijk.wijk_id')
    .select(['user_wijk.user_id', 'wijk.naam'])
    .orderBy('wijk.naam')
    .execute()
  const counts = await db
    .selectFrom('vroegsignaalzaak')
    .select(['consulent_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_open', '=', 1)
    .groupBy(['consulent_id', 'status'])
    .execute()
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
  let q = db
    .selectFrom('vroegsignaalzaak as z')
    .leftJoin('wijk as w', 'w.id', 'z.wijk_id')
    .select([
      'z.id',
      'z.case_number',
      'z.display_name',
      'z.adres',
      'z.postcode',
      'w.naam as wijk',
      'z.datum_opgepakt',
      'z.status',
    ])
    .where('z.is_open', '=', 1)
    .where(inScope(scope, 'z'))
    .orderBy('z.datum_opgepakt', 'desc')
    .orderBy('z.id', 'desc')
    .limit(500)
  if (consulentId === 'geen')
    q = q.where((eb) =>
      eb.or([
        eb('z.consulent_id', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('app_user as u')
              .select('u.id')
              .whereRef('u.id', '=', 'z.consulent_id')
              .where('u.actief', '=', 1),
          ),
        ),
      ]),
    )
  else q = q.where('z.consulent_id', '=', consulentId)
  return (await q.execute()).map((r) => ({
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
    const user = await trx
      .selectFrom('app_user')
      .select(['naam', 'rol', 'actief'])
      .where('id', '=', consulentId)
      .executeTakeFirst()
    if (!user || user.rol !== 'consulent' || user.actief !== 1)
      throw new ValidationError('Kies een actieve consulent.', { consulentId: 'Kies een actieve consulent.' })
    const cases = await trx
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'is_open'])
      .where('id', 'in', caseIds)
      .execute()
    if (cases.length !== new Set(caseIds).size || cases.some((c) => c.is_open !== 1))
      throw new ValidationError('Alleen open zaken kunnen worden verplaatst.', {
        caseIds: 'Kies open zaken.',
      })
    await trx
      .updateTable('vroegsignaalzaak')
      .set({ consulent_id: consulentId })
      .where('id', 'in', caseIds)
      .execute()
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
