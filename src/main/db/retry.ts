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

/** Runs `fn`, again after a serialization failure or deadlock, at most MAX_ATTEMPTS times in all. */
export async function retryOnSerializationFailure<T>(
  fn: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (!isSerializationFailure(err) || attempt >= MAX_ATTEMPTS) throw err
      // A short random wait, growing per attempt, so the two colleagues do not collide again.
      await sleep(Math.round((5 + Math.random() * 20) * attempt))
    }
  }
}
