import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import {
  CompiledQuery,
  IdentifierNode,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'

/**
 * How long a statement may wait, inside SQLite, for a lock another connection holds. SQLite waits
 * by sleeping in the calling thread: in main that freezes every other call, so writes do not use
 * it (below); it stays the bound for the rare read that meets a lock, and for raw batch paths.
 */
export const BUSY_TIMEOUT_MS = 5000

/**
 * How long a write waits for the write lock, without blocking, before it gives up with SQLite's
 * own SQLITE_BUSY (which the dispatcher turns into "even bezig … er is niets gewijzigd"). Long
 * enough for the import worker's largest transaction (see intake/upload/worker.ts).
 */
export const WRITE_WAIT_MS = 60_000

/** Prepared statements kept per connection, the least recently used going first. */
const STATEMENTS_KEPT = 500

const isBusy = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/** The times this process's writes waited for another connection's write lock (the team bench prints it). */
export const writeLockWaits = { count: 0, totalMs: 0, maxMs: 0, gaveUp: 0 }

/** One holder of the single connection at a time (as Kysely's own SQLite driver). */
class Mutex {
  private held: Promise<void> | null = null
  private release: (() => void) | null = null
  async lock(): Promise<void> {
    while (this.held) await this.held
    this.held = new Promise((r) => (this.release = r))
  }
  unlock(): void {
    const r = this.release
    this.held = null
    this.release = null
    r?.()
  }
}

/**
 * Kysely's SQLite driver, with one change in how a write gets the database's write lock. Another
 * connection (the import worker, a second process) may hold it for a while. better-sqlite3 is
 * synchronous, so SQLite's own busy wait would stop this whole thread, every colleague's call
 * included, until the lock is free; and a transaction that began by reading and then writes gets
 * SQLITE_BUSY at once, without any wait, when someone else wrote in between. So:
 *
 * - every transaction begins IMMEDIATE: it takes the write lock at its start, before it has done
 *   anything, or not at all;
 * - a write that finds the lock taken (a transaction's begin, or a write outside a transaction)
 *   fails at once (busy_timeout 0 for that one statement), lets go of the connection so other
 *   calls go on, waits a few milliseconds without blocking, and tries again, up to WRITE_WAIT_MS.
 *
 * Nothing was done when such an attempt fails, so trying again is always safe.
 */
class WaitingSqliteDriver implements Driver {
  private readonly mutex = new Mutex()
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  private readonly connection: DatabaseConnection

  constructor(private readonly raw: BetterSqlite3.Database) {
    const whenFree = <T>(attempt: () => T) => this.whenFree(attempt)
    const prepared = (sql: string) => this.prepared(sql)
    this.connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const stmt = prepared(query.sql)
        const params = query.parameters as unknown[]
        const exec = (): QueryResult<R> => {
          if (stmt.reader) return { rows: stmt.all(params) as R[] }
          const { changes, lastInsertRowid } = stmt.run(params)
          return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
        }
        // A write outside a transaction (`insert … returning` included) waits for the lock here
        return stmt.readonly || raw.inTransaction ? exec() : whenFree(exec)
      },
      async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
        if (!SelectQueryNode.is(query.query))
          throw new Error('Sqlite driver only supports streaming of select queries')
        const stmt = raw.prepare(query.sql)
        for (const row of stmt.iterate(query.parameters as unknown[])) yield { rows: [row as R] }
      },
    }
  }

  /**
   * The prepared statement for this text, kept for the next call with the same text (Kysely's own
   * driver prepares every query again: 40 to 200 µs of main's time each, several per call). The
   * most recently used STATEMENTS_KEPT are kept. Only for all() and run(), which finish before
   * they return; a streamed query prepares its own.
   */
  private prepared(sql: string): BetterSqlite3.Statement {
    const known = this.statements.get(sql)
    if (known) {
      this.statements.delete(sql)
      this.statements.set(sql, known)
      return known
    }
    const stmt = this.raw.prepare(sql)
    this.statements.set(sql, stmt)
    if (this.statements.size > STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!)
    return stmt
  }

  /**
   * Runs a statement that needs the write lock with no busy wait inside SQLite; while another
   * connection holds the lock, waits outside it (the connection free for others) and tries again.
   * Called with the connection held; returns with it held.
   */
  async whenFree<T>(attempt: () => T): Promise<T> {
    const start = performance.now()
    let pause = 2
    let waited = false
    for (;;) {
      this.raw.pragma('busy_timeout = 0')
      try {
        const result = attempt()
        if (waited) {
          const ms = performance.now() - start
          writeLockWaits.count++
          writeLockWaits.totalMs += ms
          writeLockWaits.maxMs = Math.max(writeLockWaits.maxMs, ms)
        }
        return result
      } catch (err) {
        if (!isBusy(err)) throw err
        if (performance.now() - start > WRITE_WAIT_MS) {
          writeLockWaits.gaveUp++
          throw err
        }
      } finally {
        this.raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      }
      waited = true
      this.mutex.unlock()
      await new Promise((r) => setTimeout(r, pause))
      pause = Math.min(pause * 2, 20)
      await this.mutex.lock()
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock()
    return this.connection
  }

  async beginTransaction(): Promise<void> {
    await this.whenFree(() => this.raw.exec('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await c.executeQuery(compile(savepointCommand('savepoint', name), queryId()))
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await c.executeQuery(compile(savepointCommand('rollback to', name), queryId()))
  }

  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await c.executeQuery(compile(savepointCommand('release', name), queryId()))
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock()
  }

  async destroy(): Promise<void> {
    this.raw.close()
  }
}

const savepointCommand = (command: string, name: string) =>
  RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)])

let nextQueryId = 0
const queryId = () => ({ queryId: `savepoint-${++nextQueryId}` })

/** Kysely's SQLite dialect on one better-sqlite3 connection, with WaitingSqliteDriver. */
export class WaitingSqliteDialect implements Dialect {
  constructor(private readonly raw: BetterSqlite3.Database) {}
  createDriver(): Driver {
    return new WaitingSqliteDriver(this.raw)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createAdapter() {
    return new SqliteAdapter()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db)
  }
}
