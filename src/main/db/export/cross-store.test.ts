import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../database'
import { dialectOf } from '../dialect'
import { generateKey } from '../../features/keys/key'
import { verifyAuditChain } from '../../features/audit/repository'
import { refreshFacts } from '../../features/monitor/facts'
import { testApp, testDatabase } from '../../test/fixtures'
import { testStoreIsPostgres } from '../../test/postgres'
import { verifyExportFile, writeExport } from './export'
import { openExport, type ExportHeader } from './header'
import { restoreExport } from './restore'
import { storeFor } from './store'
import { EXPORT_TABLES } from './tables'

/**
 * An export restores onto either store (issue 19): the store under test (PostgreSQL under
 * `npm run test:pg`) to SQLite, and SQLite to the store under test. Both ends give the same table
 * hashes (re-exported from the target, each table's hash equals the source export's), the same
 * id counters, the same rows, and a logboek chain that verifies. Under plain `npm test` both ends
 * are SQLite.
 */
const NOW = '2026-11-10T09:30:00.000Z'
const under = testStoreIsPostgres() ? 'postgres' : 'sqlite'
let dir: string
const key = generateKey()
let run = 0

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lange-adem-cross-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function rows(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of EXPORT_TABLES) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db)
    // Sorted here, not by the store: PostgreSQL and SQLite may order text keys differently.
    out[t.name] = r.rows
      .map((x) => JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))))
      .sort()
  }
  return out
}

const hashes = (h: ExportHeader) => h.tables.map((t) => [t.name, t.rows, t.sha256])

async function roundTrip(from: 'sqlite' | 'postgres', to: 'sqlite' | 'postgres') {
  const n = ++run
  const source = await testApp(NOW, from)
  const target = await testDatabase(to)
  try {
    expect(dialectOf(source.db)).toBe(from)
    expect(dialectOf(target.db)).toBe(to)
    await source.call('setup.loadDemo', {})
    await refreshFacts(source.db)
    const first = join(dir, `${n}-${from}-${to}-1.export`)
    await writeExport(source.db, first, key, NOW)
    const reader = openExport(first, key)
    let summary
    try {
      summary = await restoreExport(reader, target.db)
    } finally {
      reader.close()
    }
    const sourceChain = await verifyAuditChain(source.db)
    const targetChain = await verifyAuditChain(target.db)
    expect(sourceChain.ok && targetChain.ok).toBe(true)
    expect(targetChain.entries).toBe(sourceChain.entries)
    expect(summary.auditEntries).toBe(sourceChain.entries)
    expect(sourceChain.entries).toBeGreaterThan(10)

    // The target exported again: every table hash and count equal to the source's export.
    const second = join(dir, `${n}-${from}-${to}-2.export`)
    await writeExport(target.db, second, key, NOW)
    const a = verifyExportFile(first, key)
    const b = verifyExportFile(second, key)
    expect(hashes(b)).toEqual(hashes(a))
    expect(b.counters).toEqual(a.counters)
    expect(a.tables.find((t) => t.name === 'vroegsignaalzaak')!.rows).toBeGreaterThan(50)
    expect(await storeFor(target.db as never).readCounters(target.db as never)).toEqual(
      await storeFor(source.db as never).readCounters(source.db as never),
    )
    expect(await rows(target.db)).toEqual(await rows(source.db))

    // The restored database works on: a new id follows the last one handed out.
    const maxWijk = a.counters['wijk'] ?? 0
    const inserted = await target.db
      .insertInto('wijk')
      .values({ naam: 'Nieuwe wijk na terugzetten', created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(inserted.id).toBe(maxWijk + 1)
  } finally {
    await source.app.close()
    await target.close()
  }
}

describe(`an export between the stores (store under test: ${under})`, () => {
  it(`${under} → export → SQLite: identical rows, table hashes, counters and a whole chain`, async () => {
    await roundTrip(under, 'sqlite')
  })

  it(`SQLite → export → ${under}: identical rows, table hashes, counters and a whole chain`, async () => {
    await roundTrip('sqlite', under)
  })
})
