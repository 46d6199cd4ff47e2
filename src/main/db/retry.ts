import { withCommitCount, type CallCommits } from './commit-watch'

/**
 * PostgreSQL ends a transaction that cannot be serialized with its neighbours (40001, from a
 * SERIALIZABLE transaction: db/dialect.ts, checkedTransaction) or that deadlocked (40P01). The
 * transaction was rolled back, so nothing of it was stored: running it again is safe. The
 * dispatcher runs every call through here, the one place that retries. SQLite never raises these.
 */
export const RETRYABLE_CODES = new Set(['40001', '40P01'])
export const MAX_ATTEMPTS = 4

export function isSerializationFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE_CODES.has(code)
}

/**
 * A serialization failure or deadlock in a call that had already committed part of its work (a
 * first transaction, a write on its own): running the call again would store that part twice,
 * so it is not retried and the user is told what happened (app/dispatcher.ts).
 */
export class PartlySavedError extends Error {
  constructor(readonly failure: unknown) {
    super('A serialization failure after part of the call had been committed')
    this.name = 'PartlySavedError'
  }
}

/**
 * Runs `fn`, again after a serialization failure or deadlock, at most MAX_ATTEMPTS times in all,
 * and only while the failed attempt committed nothing (db/commit-watch.ts counts its commits on
 * PostgreSQL); otherwise PartlySavedError.
 */
export async function retryOnSerializationFailure<T>(
  fn: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const watch: CallCommits = { commits: 0 }
    try {
      return await withCommitCount(watch, fn)
    } catch (err) {
      if (!isSerializationFailure(err)) throw err
      if (watch.commits > 0) throw new PartlySavedError(err)
      if (attempt >= MAX_ATTEMPTS) throw err
      // A short random wait, growing per attempt, so the two colleagues do not collide again.
      await sleep(Math.round((5 + Math.random() * 20) * attempt))
    }
  }
}
