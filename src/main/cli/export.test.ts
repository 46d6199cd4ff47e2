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
import { TEST_PASSWORD_PARAMS } from '../test/fixtures'
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

    const newDir = join(tmp('new'), 'data')
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    expect(await runImport(['--in', out, '--data-dir', newDir, '--key-file', keyFile(key)])).toBe(0)
    const app = await createApp({ dataDir: newDir, key })
    try {
      const db = app.database.db
      expect(await db.selectFrom('wijk').select('naam').execute()).toEqual([{ naam: 'Donderberg' }])
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2 })
      const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
      expect(done.rows.map((r) => r.name)).toEqual(Object.keys(migrations))
      // Migration 0017 ran after the restore: its four fixed meeting places are there.
      expect((await db.selectFrom('ontmoetplek').select('id').where('vast', '=', 1).execute()).length).toBe(4)
    } finally {
      await app.close()
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
