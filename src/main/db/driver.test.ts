import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { connect, openDatabase, type OpenedDatabase } from './database'
import { writeLockWaits } from './driver'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('writes while another connection holds the write lock (the import worker)', () => {
  let dir = ''
  let main: OpenedDatabase | null = null
  /** A database file with one table t, opened as the app opens it. */
  async function tableT() {
    dir = mkdtempSync(join(tmpdir(), 'lange-adem-driver-'))
    const file = join(dir, 'db.sqlite')
    main = openDatabase(file)
    await sql`create table t (x integer)`.execute(main.db)
    return { file, db: main.db }
  }
  afterEach(async () => {
    await main?.close()
    main = null
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('wait without blocking this thread, let reads through meanwhile, and land once the lock is free', async () => {
    const { file, db } = await tableT()
    await sql`insert into t values (0)`.execute(db)
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]!.n)

    const other = connect(file)
    other.pragma('busy_timeout = 0')
    other.exec('begin immediate')
    other.prepare('insert into t values (1)').run()

    const waitsBefore = writeLockWaits.count
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const settled: string[] = []
    const inTransaction = db
      .transaction()
      .execute(async (trx) => {
        // Read first, then write: a plain BEGIN would fail here with SQLITE_BUSY, without waiting
        const before = Number((await sql<{ n: number }>`select count(*) as n from t`.execute(trx)).rows[0]!.n)
        await sql`insert into t values (${10 + before})`.execute(trx)
      })
      .then(() => settled.push('transaction'))
    const autocommit = sql`insert into t values (2)`.execute(db).then(() => settled.push('autocommit'))

    await sleep(200)
    // The thread kept running (SQLite's own busy wait would have frozen it), reads were answered
    // (the other connection's row is not committed yet), and neither write went through
    expect(ticks).toBeGreaterThan(10)
    expect(await count()).toBe(1)
    expect(settled).toEqual([])

    other.exec('commit')
    other.close()
    await Promise.all([inTransaction, autocommit])
    clearInterval(timer)
    expect(await count()).toBe(4)
    // The transaction read after the other connection's commit: it saw 2 rows, so wrote 12
    const xs = (await sql<{ x: number }>`select x from t order by x`.execute(db)).rows.map((r) => r.x)
    expect(xs).toContain(12)
    expect(writeLockWaits.count - waitsBefore).toBe(2)
  })

  it('takes the write lock when a transaction begins, so a transaction never fails half-way', async () => {
    const { file, db } = await tableT()
    const other = connect(file)
    other.pragma('busy_timeout = 0')
    try {
      await db.transaction().execute(async (trx) => {
        await sql`select count(*) from t`.execute(trx)
        // Only reading so far, yet another writer is already kept out
        expect(() => other.prepare('insert into t values (1)').run()).toThrow(/locked|busy/i)
      })
      other.prepare('insert into t values (1)').run()
    } finally {
      other.close()
    }
  })
})
