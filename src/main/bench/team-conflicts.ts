/**
 * The team benchmark's colliding edits (issue 18, "edits that collide"): pairs of consulenten at
 * two workstations who read one case file and log an attempt on it at the same moment, on the
 * same version. Of each pair exactly one must win; the other's answer is the conflict with the
 * fresh case file, an expected answer and no error. Kept apart from team.ts's measurements.
 */
import type { ApiResult } from '@shared/api/define'
import type { DossierView } from '@shared/api/dossier'
import type { Db } from '../db/database'

/** One timed call through a workstation; the answer as the dispatcher gave it. */
export type TimedCall = (label: string, method: string, input: unknown) => Promise<ApiResult<unknown>>

const staleFile = (res: ApiResult<unknown>): DossierView | null =>
  !res.ok && res.error.code === 'conflict' && res.error.dossier ? (res.error.dossier as DossierView) : null

/**
 * An attempt logged as from the case file: read it, save on the version read. When a colleague
 * changed the case in between, the refusal carries the fresh case file; the consulent looks and
 * saves again on its version, as the screen lets them (desks of one consulent share a Vandaag list
 * and often pick the same case at once, so this can take a few turns). `collided`: refused at
 * least once; `saved` is the last answer.
 */
export async function attemptFromCaseFile(
  call: TimedCall,
  caseId: number,
  attempt: Record<string, unknown>,
): Promise<{ saved: ApiResult<unknown> | null; collided: boolean }> {
  const read = await call('open a case', 'dossier.get', { caseId })
  if (!read.ok) return { saved: null, collided: false }
  let versie = (read.value as DossierView).versie
  let collided = false
  for (let turn = 0; ; turn++) {
    const saved = await call('log an attempt', 'ladder.logAttempt', { caseId, versie, ...attempt })
    const fresh = staleFile(saved)
    if (!fresh || turn === 4) return { saved, collided }
    collided = true
    versie = fresh.versie
  }
}

export interface EditPairFigures {
  pairs: number
  /** Pairs with exactly one saved attempt: one answer ok, one stored row of the pair. */
  oneWinner: number
  /** Losers whose refusal carried the winner's attempt in the fresh case file. */
  loserSawWinner: number
  /** Answers of the pairs other than a win or the conflict: real errors. */
  errors: string[]
}

/**
 * Cases for the pairs that the rest of the day's mix cannot touch, so a third change never comes
 * between a pair's read and its writes: the wijk consulent's open cases that were due last (the
 * mix takes Vandaag's first ten, oldest first, and a minute moves a few hundred of those on),
 * whose name matches none of the mix's searches.
 */
export async function casesForPairs(
  db: Db,
  consulentId: number,
  avoidNames: readonly string[],
  n: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'display_name'])
    .where('consulent_id', '=', consulentId)
    .where('is_open', '=', 1)
    .where('niet_benaderen', '=', 0)
    .orderBy('plan_datum', 'desc')
    .orderBy('id', 'desc')
    .limit(n * 4)
    .execute()
  const avoid = avoidNames.map((s) => s.toLowerCase())
  return rows
    .filter((r) => !avoid.some((a) => r.display_name.toLowerCase().includes(a)))
    .slice(0, n)
    .map((r) => r.id)
}

/**
 * Runs `rounds` collisions between two workstations on the given cases, one every `everyMs`:
 * both read the case file (again until they read the same version), then both save an attempt
 * on that version at once.
 */
export async function runEditPairs(opts: {
  db: Db
  a: TimedCall
  b: TimedCall
  caseIds: readonly number[]
  tag: string
  everyMs: number
  until: number
}): Promise<EditPairFigures> {
  const f: EditPairFigures = { pairs: 0, oneWinner: 0, loserSawWinner: 0, errors: [] }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
  for (const [k, caseId] of opts.caseIds.entries()) {
    if (performance.now() >= opts.until) break
    const started = performance.now()
    let va = -1
    let vb = -2
    let failed = ''
    for (let tries = 0; tries < 5 && va !== vb; tries++) {
      const [ra, rb] = await Promise.all([
        opts.a('edit pair: read', 'dossier.get', { caseId }),
        opts.b('edit pair: read', 'dossier.get', { caseId }),
      ])
      if (!ra.ok || !rb.ok) {
        // Busy (the import holds the write lock): the message asks to try again in a moment.
        failed = `dossier.get: ${(!ra.ok ? ra : (rb as Extract<typeof rb, { ok: false }>)).error.message}`
        await sleep(1000)
        continue
      }
      va = (ra.value as DossierView).versie
      vb = (rb.value as DossierView).versie
    }
    if (va !== vb) {
      f.errors.push(failed || `case ${caseId}: the two never read the same version`)
      continue
    }
    const notes = [`Paar ${opts.tag}-${k} A`, `Paar ${opts.tag}-${k} B`] as const
    const attempt = (notitie: string) => ({
      caseId,
      versie: va,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
      notitie,
    })
    const answers = await Promise.all([
      opts.a('edit pair: attempt', 'ladder.logAttempt', attempt(notes[0])),
      opts.b('edit pair: attempt', 'ladder.logAttempt', attempt(notes[1])),
    ])
    f.pairs++
    const won = answers.flatMap((r, i) => (r.ok ? [notes[i]!] : []))
    for (const r of answers)
      if (!r.ok && !staleFile(r)) f.errors.push(`ladder.logAttempt: ${r.error.message}`)
    const stored = await opts.db
      .selectFrom('contactpoging')
      .select('notitie')
      .where('case_id', '=', caseId)
      .where('notitie', 'in', [...notes])
      .execute()
    if (won.length === 1 && stored.length === 1 && stored[0]!.notitie === won[0]) {
      f.oneWinner++
      const loser = staleFile(answers.find((r) => !r.ok)!)
      if (loser?.contactpogingen.some((p) => p.notitie === won[0])) f.loserSawWinner++
    } else {
      // Both refused: the fresh case file names the change that came between (the day's mix).
      const between = answers
        .map(staleFile)
        .flatMap((d) => d?.contactpogingen.map((p) => p.notitie) ?? [])
        .filter((n) => n.startsWith('Bench '))
      f.errors.push(
        `case ${caseId}: ${won.length} of the pair saved, ${stored.length} stored` +
          (won.length === 0 && between.length
            ? ` (both refused after the day's mix logged ${[...new Set(between)].join(', ')} between their read and their save)`
            : ''),
      )
    }
    await sleep(Math.max(0, opts.everyMs - (performance.now() - started)))
  }
  return f
}

/** The figures in one line each, for the benchmark's report; true when every pair had one winner. */
export function reportEditPairs(all: EditPairFigures[], collidedInMix: number): boolean {
  const sum = all.reduce(
    (s, f) => ({
      pairs: s.pairs + f.pairs,
      oneWinner: s.oneWinner + f.oneWinner,
      loserSawWinner: s.loserSawWinner + f.loserSawWinner,
      errors: [...s.errors, ...f.errors],
    }),
    { pairs: 0, oneWinner: 0, loserSawWinner: 0, errors: [] as string[] },
  )
  const ok = sum.pairs > 0 && sum.oneWinner === sum.pairs && sum.errors.length === 0
  console.log(
    `Concurrent edit pairs: ${sum.pairs}, exactly one winner: ${sum.oneWinner}, ` +
      `loser shown the winner's attempt: ${sum.loserSawWinner} (target: every pair) ${ok ? 'PASS' : 'FAIL'}`,
  )
  for (const e of [...new Set(sum.errors)].slice(0, 5)) console.log(`  ${e}`)
  console.log(
    `Attempts in the day's mix refused because a colleague changed the case first, then saved on the fresh file: ${collidedInMix}`,
  )
  return ok
}
