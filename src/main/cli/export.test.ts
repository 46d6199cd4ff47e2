import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, DATABASE_FILE } from '../app/create-app'
import { createSession } from '../app/context'
import { openDatabase, type Db } from '../db/database'
import { writeExport } from '../db/export/export'
import { migrations } from '../db/migrations'
import { recordAudit, verifyAuditChain } from '../features/audit/repository'
import { ExportFileError } from '../db/export/format'
import { EXPORT_TABLES } from '../db/export/tables'
import { generateKey } from '../features/keys/key'
import { fixedClock } from '../lib/clock'
import { TEST_PASSWORD_PARAMS, testApp } from '../test/fixtures'
import { freshTestDatabase, testStoreIsPostgres } from '../test/postgres'
import { openPostgres } from '../db/postgres'
import { dialectOf } from '../db/dialect'
import { createExportBackup } from '../features/backup/export-backup'
import { run as runExport } from './export'
import { run as runImport } from './import-export'

const dirs: string[] = []
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `lange-adem-export-cli-${name}-`))
  dirs.push(d)
  return d
}
afterEach(() => {
  vi.restoreAllMocks()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function keyFile(key: string): string {
  const f = join(tmp('key'), 'db.key')
  writeFileSync(f, key)
  return f
}

async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of EXPORT_TABLES)
    out[t.name] = (await sql`select * from ${sql.table(t.name)} order by 1, 2`.execute(db)).rows
  return out
}

/** A solo folder with the demo month in it. */
async function demoFolder() {
  const dataDir = tmp('solo')
  const key = generateKey()
  const app = await createApp({
    dataDir,
    key,
    clock: fixedClock('2026-11-10T09:30:00.000Z'),
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  expect((await app.dispatcher.call(createSession(), 'setup.loadDemo', {})).ok).toBe(true)
  await app.close()
  return { dataDir, key, keyFile: keyFile(key) }
}

/**
 * Where import-export restores to on the store under test: a new data folder under `key`, or
 * (npm run test:pg) a new, empty PostgreSQL database; with a way to open the result.
 */
async function restoreTarget(
  key: string,
): Promise<{ args: string[]; open(): Promise<{ db: Db; close(): Promise<void> }> }> {
  if (testStoreIsPostgres()) {
    const url = await freshTestDatabase({ empty: true })
    return {
      args: ['--database', url, '--key-file', keyFile(key)],
      open: async () => {
        const o = await openPostgres(url)
        return { db: o.db, close: () => o.close() }
      },
    }
  }
  const dataDir = join(tmp('new'), 'data')
  return {
    args: ['--data-dir', dataDir, '--key-file', keyFile(key)],
    open: async () => {
      const a = await createApp({ dataDir, key })
      return { db: a.database.db, close: () => a.close() }
    },
  }
}

describe('export and import-export', () => {
  it('exports a data folder and restores it, under another key, into a new folder: every row the same', async () => {
    const solo = await demoFolder()
    const out = join(tmp('out'), 'lange-adem.export')
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    expect(await runExport(['--data-dir', solo.dataDir, '--key-file', solo.keyFile, '--out', out])).toBe(0)
    expect(log.mock.calls.flat().join('\n')).toMatch(/Export gemaakt en gecontroleerd/)
    expect(statSync(out).mode & 0o077).toBe(0)

    const newKey = generateKey()
    const newDir = join(tmp('new'), 'data')
    const args = ['--in', out, '--data-dir', newDir, '--key-file', keyFile(newKey)]
    expect(await runImport([...args, '--export-key-file', solo.keyFile])).toBe(0)
    expect(log.mock.calls.flat().join('\n')).toMatch(
      /teruggezet .*logboekregels\. Alle aantallen en controlegetallen kloppen/,
    )

    const a = await createApp({ dataDir: solo.dataDir, key: solo.key })
    const b = await createApp({ dataDir: newDir, key: newKey })
    try {
      expect(await dump(b.database.db)).toEqual(await dump(a.database.db))
      const chain = await verifyAuditChain(b.database.db)
      expect(chain.ok).toBe(true)
      // The export wrote its own logboek entry first, so the restored copy holds it.
      const last = await b.database.db
        .selectFrom('audit_log')
        .select('action')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(last.action).toBe('export gemaakt')
    } finally {
      await a.close()
      await b.close()
    }

    // A folder that holds a database is never written to.
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = readdirSync(newDir).sort()
    expect(await runImport([...args, '--export-key-file', solo.keyFile])).toBe(1)
    expect(error.mock.calls.flat().join('\n')).toMatch(/staat al een database/)
    expect(readdirSync(newDir).sort()).toEqual(before)
  })

  it('restores an export made at an older migration level, then brings it up to this version', async () => {
    // A database as an older version left it: migrations up to 0016, a wijk and a logboek.
    const source = openDatabase(':memory:')
    const olderLevel = '0016_import_ranges'
    const migrator = new Migrator({ db: source.db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo(olderLevel)).error).toBeUndefined()
    const at = '2026-11-10T09:30:00.000Z'
    await source.db.insertInto('wijk').values({ naam: 'Donderberg', created_at: at }).execute()
    for (const summary of ['Eerste', 'Tweede'])
      await recordAudit(source.db, at, {
        userId: null,
        action: 'test',
        entityType: 'wijk',
        entityId: 1,
        summary,
      })
    const key = generateKey()
    const out = join(tmp('out'), 'older.export')
    await writeExport(source.db, out, key, at)
    await source.close()

    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    // Onto the store under test: a new folder, or (npm run test:pg) an empty PostgreSQL database.
    const target = await restoreTarget(key)
    expect(await runImport(['--in', out, ...target.args])).toBe(0)
    const app = await target.open()
    try {
      const db = app.db
      expect(await db.selectFrom('wijk').select('naam').execute()).toEqual([{ naam: 'Donderberg' }])
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2 })
      const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
      expect(done.rows.map((r) => r.name)).toEqual(Object.keys(migrations))
      // Migration 0017 ran after the restore: its four fixed meeting places are there.
      expect((await db.selectFrom('ontmoetplek').select('id').where('vast', '=', 1).execute()).length).toBe(4)
      expect(dialectOf(db)).toBe(testStoreIsPostgres() ? 'postgres' : 'sqlite')
    } finally {
      await app.close()
    }
  })

  it(`restores a team server's backup export onto the store under test (${testStoreIsPostgres() ? 'an empty PostgreSQL database' : 'a new folder'}): every row, the chain; a filled target refused`, async () => {
    // The server's data on the store under test, with its daily export backup.
    const server = await testApp('2026-11-10T09:30:00.000Z')
    const key = generateKey()
    const backups = tmp('server')
    let file: string
    try {
      await server.call('setup.loadDemo', {})
      file = (await createExportBackup(server.db, backups, server.clock.now(), { key })).file
      vi.spyOn(console, 'log').mockImplementation(() => undefined)
      const target = await restoreTarget(key)
      expect(await runImport(['--in', file, ...target.args, '--export-key-file', keyFile(key)])).toBe(0)
      const restored = await target.open()
      try {
        expect(await dump(restored.db)).toEqual(await dump(server.db))
        expect(await verifyAuditChain(restored.db)).toEqual(await verifyAuditChain(server.db))
      } finally {
        await restored.close()
      }
      // Once more onto the same, now filled, target: refused, nothing changed.
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      expect(await runImport(['--in', file, ...target.args, '--export-key-file', keyFile(key)])).toBe(1)
      expect(error.mock.calls.flat().join('\n')).toMatch(
        testStoreIsPostgres() ? /niet leeg/ : /staat al een database/,
      )
      const still = await target.open()
      try {
        expect(await dump(still.db)).toEqual(await dump(server.db))
      } finally {
        await still.close()
      }
    } finally {
      await server.app.close()
    }
  })

  it('refuses an export opened with the wrong key: the new folder gets no database', async () => {
    const solo = await demoFolder()
    const out = join(tmp('out'), 'lange-adem.export')
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    expect(await runExport(['--data-dir', solo.dataDir, '--key-file', solo.keyFile, '--out', out])).toBe(0)
    const newDir = join(tmp('new'), 'data')
    const err = await runImport([
      '--in',
      out,
      '--data-dir',
      newDir,
      '--key-file',
      keyFile(generateKey()),
    ]).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ExportFileError)
    expect((err as Error).message).toMatch(/opent niet met deze sleutel/)
    expect(existsSync(join(newDir, DATABASE_FILE))).toBe(false)
    expect(readdirSync(newDir).filter((f) => f.startsWith(DATABASE_FILE))).toEqual([])
  })
})
