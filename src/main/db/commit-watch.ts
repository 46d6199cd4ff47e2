import { AsyncLocalStorage } from 'node:async_hooks'
import type pg from 'pg'

/**
 * Counts what one call stored on PostgreSQL: every COMMIT, and every write run outside a
 * transaction (which commits by itself). The dispatcher's retry (db/retry.ts) runs a call again
 * after a serialization failure only when its failed attempt stored nothing; a call that had
 * committed a first transaction before its second one failed is not run again, so nothing is
 * written twice (README, "Concurrency"). The count follows the call through its awaits
 * (AsyncLocalStorage), on whichever pooled connection its statements run.
 */
export interface CallCommits {
  commits: number
}

const current = new AsyncLocalStorage<CallCommits>()

/** Runs `fn` counting into `watch` (read it also after `fn` threw). */
export function withCommitCount<T>(watch: CallCommits, fn: () => Promise<T>): Promise<T> {
  return current.run(watch, fn)
}

/**
 * Runs `fn` outside the current call's count: for work whose repetition is harmless and stores
 * nothing a user sees (the import's reserved id range: a second run reserves another one).
 */
export function uncounted<T>(fn: () => Promise<T>): Promise<T> {
  return current.exit(fn)
}

/**
 * For tests only: a rule that turns a call's n-th COMMIT (1-based) into what PostgreSQL does
 * when a SERIALIZABLE transaction cannot commit: the transaction is rolled back and the
 * statement fails with 40001. Null: no fault.
 */
export const commitFault: { failCommit: ((n: number) => boolean) | null } = { failCommit: null }

const READ_ONLY = /^\s*(select|show|set|reset|begin|start|commit|rollback|savepoint|release|lock|explain)\b/i

/**
 * Wraps a pooled client's `query` so the calls' counts see its commits (db/postgres.ts, on
 * connect). A COMMIT counts when its transaction wrote (a read-only transaction stores nothing),
 * a write outside a transaction counts by itself.
 */
export function watchClient(client: pg.PoolClient | pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  let inTransaction = false
  let wrote = false
  ;(client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0]
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text
    if (typeof text === 'string') {
      const head = text.trimStart().slice(0, 20).toLowerCase()
      const watch = current.getStore()
      if (head.startsWith('begin') || head.startsWith('start transaction')) {
        inTransaction = true
        wrote = false
      } else if (head.startsWith('rollback')) inTransaction = false
      else if (head.startsWith('commit')) {
        inTransaction = false
        if (watch && wrote) {
          const n = watch.commits + 1
          if (commitFault.failCommit?.(n)) {
            const err = Object.assign(new Error('could not serialize access (a fault set by a test)'), {
              code: '40001',
            })
            return (query('rollback') as Promise<unknown>).then(() => Promise.reject(err))
          }
          watch.commits = n
        }
      } else if (!READ_ONLY.test(text)) {
        if (inTransaction) wrote = true
        else if (watch) watch.commits++
      }
    }
    return query(...args)
  }
}
