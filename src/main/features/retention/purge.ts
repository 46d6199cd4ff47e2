import { sql } from 'kysely'
import type { Db } from '../../db/database'
import type { Clock } from '../../lib/clock'
import type { PurgeCounts, PurgePlan, RetentionKind, RetentionRunView } from '@shared/api/retention'
import { HULP_GEACCEPTEERD, NIET_OPGEPAKT } from '../monitor/facts'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { chunked, eraseData, totalOf, ZERO_COUNTS, type EraseSet } from './erase'
import { cutoffs, getPeriods, KINDS } from './periods'
import { isSetupDone } from '../settings/repository'

interface ExpiredSet extends EraseSet {
  perKind: Record<RetentionKind, { zaken: number; signalen: number }>
  grens: Record<RetentionKind, string>
  maanden: Record<RetentionKind, number>
}

/**
 * What has expired on `today`:
 * - closed cases, by their end result: "niet opgepakt" results count as not followed up, help
 *   accepted (the flag or a DDAS result that means help) as with help, the rest as without
 *   help; each from the day it was closed. A case that is open (or reopened) never expires.
 * - signals without a case (not followed up), from the day they came in.
 * - rows of the correction list that were rejected (never became a signal), from the import day.
 * Data dated on the cut-off day itself is still inside the period and stays.
 */
export async function findExpired(db: Db, today: string): Promise<ExpiredSet> {
  const periods = await getPeriods(db)
  const grens = cutoffs(periods, today)
  const latest = [grens.nietDoorgezet, grens.zonderHulp, grens.metHulp].sort().at(-1)!
  const candidates = await sql<{ id: number; soort: RetentionKind; ref: string }>`
    select id,
      case
        when resultaat in (${sql.join([...NIET_OPGEPAKT])}) then 'nietDoorgezet'
        when hulp_geaccepteerd = 1 or resultaat in (${sql.join([...HULP_GEACCEPTEERD])}) then 'metHulp'
        else 'zonderHulp'
      end as soort,
      coalesce(gesloten_op, datum_opgepakt) as ref
    from vroegsignaalzaak
    where is_open = 0 and coalesce(gesloten_op, datum_opgepakt) < ${latest}`.execute(db)
  const perKind = {
    nietDoorgezet: { zaken: 0, signalen: 0 },
    zonderHulp: { zaken: 0, signalen: 0 },
    metHulp: { zaken: 0, signalen: 0 },
  }
  const caseIds: number[] = []
  for (const c of candidates.rows)
    if (c.ref < grens[c.soort]) {
      caseIds.push(c.id)
      perKind[c.soort].zaken++
    }
  const loose = await db
    .selectFrom('vroegsignaal')
    .select('id')
    .where('case_id', 'is', null)
    .where(sql<string>`substr(created_at, 1, 10)`, '<', grens.nietDoorgezet)
    .execute()
  perKind.nietDoorgezet.signalen = loose.length
  // Signals inside the expired cases, counted under the case's kind.
  const kindOf = new Map(candidates.rows.map((c) => [c.id, c.soort]))
  for (const part of await chunked(caseIds, (c) =>
    db
      .selectFrom('vroegsignaal')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', c)
      .groupBy('case_id')
      .execute(),
  ))
    for (const r of part) perKind[kindOf.get(r.case_id!)!].signalen += Number(r.n)
  const problems = await db
    .selectFrom('import_problem as p')
    .innerJoin('import_batch as b', 'b.id', 'p.import_id')
    .select('p.id')
    .where('p.signal_id', 'is', null)
    .where('p.status', '<>', 'open')
    .where(sql<string>`substr(b.at, 1, 10)`, '<', grens.nietDoorgezet)
    .execute()
  return {
    caseIds,
    signalIds: loose.map((s) => s.id),
    problemIds: problems.map((p) => p.id),
    perKind,
    grens,
    maanden: periods,
  }
}

const termijnen = (e: ExpiredSet) =>
  KINDS.map((soort) => ({ soort, maanden: e.maanden[soort], grens: e.grens[soort] }))

/**
 * The counts a purge would delete now: the purge itself, run in a transaction that is always
 * rolled back, so the preview counts exactly what "Nu opschonen" will remove.
 */
export async function previewPurge(db: Db, today: string): Promise<PurgePlan> {
  class Rollback extends Error {
    constructor(readonly plan: PurgePlan) {
      super('preview')
    }
  }
  try {
    await db.transaction().execute(async (trx) => {
      const expired = await findExpired(trx, today)
      const { counts } = await eraseData(trx, expired)
      throw new Rollback({
        termijnen: termijnen(expired).map((t) => ({ ...t, ...expired.perKind[t.soort] })),
        aantallen: counts,
        totaal: totalOf(counts),
      })
    })
  } catch (err) {
    if (err instanceof Rollback) return err.plan
    throw err
  }
  throw new Error('unreachable')
}

/**
 * Deletes what has expired and stores the report, all in ONE transaction: a crash or a kill
 * part-way leaves the database as it was before the run. `hooks.beforeCommit` lets a test throw
 * at the last moment.
 */
export async function runPurge(
  db: Db,
  ctx: UseCaseContext,
  soort: 'automatisch' | 'handmatig',
  hooks: { beforeCommit?: () => void } = {},
): Promise<RetentionRunView> {
  const id = await db.transaction().execute(async (trx) => {
    const expired = await findExpired(trx, ctx.today)
    const { counts } = await eraseData(trx, expired)
    const total = totalOf(counts)
    const { id } = await trx
      .insertInto('retention_run')
      .values({
        at: ctx.at,
        soort,
        user_id: ctx.userId,
        periods_json: JSON.stringify(termijnen(expired)),
        counts_json: JSON.stringify(counts),
        total,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'bewaartermijnen opgeschoond',
      entityType: 'bewaartermijn',
      entityId: id,
      summary: `${soort === 'automatisch' ? 'Automatisch' : 'Met de hand'} opgeschoond: ${countsText(counts)}`,
    })
    hooks.beforeCommit?.()
    return id
  })
  return (await listRuns(db, id))[0]!
}

const COUNT_LABELS: Record<keyof PurgeCounts, string> = {
  signalen: 'signalen',
  zaken: 'zaken',
  bewoners: 'bewoners',
  huishoudens: 'adressen',
  contactpogingen: 'contactpogingen',
  notities: 'notities',
  huisbezoeken: 'huisbezoeken',
  afspraken: 'afspraken',
  inloopbezoeken: 'inloopbezoeken',
  documenten: 'brieven en kaartjes',
  importregels: 'regels uit inleesbestanden',
}

export function countsText(c: PurgeCounts): string {
  const parts = (Object.keys(COUNT_LABELS) as (keyof PurgeCounts)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${COUNT_LABELS[k]}`)
  return parts.length ? parts.join(', ') : 'niets verlopen'
}

export async function listRuns(db: Db, onlyId?: number, limit = 100): Promise<RetentionRunView[]> {
  let q = db
    .selectFrom('retention_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.at', 'r.soort', 'r.periods_json', 'r.counts_json', 'r.total', 'u.naam'])
    .orderBy('r.id', 'desc')
    .limit(limit)
  if (onlyId !== undefined) q = q.where('r.id', '=', onlyId)
  return (await q.execute()).map((r) => ({
    id: r.id,
    op: r.at,
    soort: r.soort,
    door: r.naam ?? null,
    termijnen: JSON.parse(r.periods_json) as RetentionRunView['termijnen'],
    aantallen: { ...ZERO_COUNTS, ...(JSON.parse(r.counts_json) as Partial<PurgeCounts>) },
    totaal: r.total,
  }))
}

/** Whether the last automatic run is 20 hours old or more (the same rule as backups). */
export async function purgeDue(db: Db, now: string): Promise<boolean> {
  const last = await db
    .selectFrom('retention_run')
    .select('at')
    .where('soort', '=', 'automatisch')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!last) return true
  const age = Date.parse(now) - Date.parse(last.at)
  // A negative age: the computer's clock was set back; run rather than wait for it to catch up.
  return age >= 20 * 3600_000 || age < 0
}

/**
 * The automatic purge: at start and then hourly checks whether a day has passed. Errors are
 * logged, never thrown at the caller: a failed run changed nothing (one transaction) and is tried
 * again at the next check. Returns a function that stops the timer.
 */
export async function startRetentionSchedule(
  /** The current database: a getter, because a restore from a backup swaps it while the app runs. */
  currentDb: () => Db,
  clock: Clock,
  log: (msg: string, err?: unknown) => void = (m, e) => console.error(m, e),
): Promise<() => void> {
  let running = false
  const runIfDue = async () => {
    if (running) return
    running = true
    try {
      const db = currentDb()
      if (!(await isSetupDone(db))) return
      if (await purgeDue(db, clock.now()))
        await runPurge(db, { at: clock.now(), today: clock.today(), userId: null }, 'automatisch')
    } catch (err) {
      log('Opschonen volgens de bewaartermijnen is mislukt; er is niets verwijderd.', err)
    } finally {
      running = false
    }
  }
  await runIfDue()
  const timer = setInterval(() => void runIfDue(), 60 * 60 * 1000)
  timer.unref?.()
  return () => clearInterval(timer)
}
