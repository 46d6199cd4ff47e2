import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type Db, type OpenedDatabase } from '../database'
import { generateKey } from '../../features/keys/key'
import { verifyAuditChain } from '../../features/audit/repository'
import { testApp } from '../../test/fixtures'
import { refreshFacts } from '../../features/monitor/facts'
import { digestTable, tablesOf, verifyExportFile, writeExport } from './export'
import { ExportFileError } from './format'
import { openExport } from './header'
import { restoreExport } from './restore'
import { EXPORT_TABLES } from './tables'

const NOW = '2026-11-10T09:30:00.000Z'
let dir: string
const key = generateKey()
let source: Awaited<ReturnType<typeof testApp>>
let exported: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lange-adem-export-'))
  // A month of the demo town: cases, signals, attempts, visits, appointments, imports, letters,
  // the logboek; then the monitor's facts brought up to date.
  source = await testApp(NOW)
  await source.call('setup.loadDemo', {})
  await refreshFacts(source.db)
  exported = join(dir, 'full.lae')
  await writeExport(source.db, exported, key, NOW)
})
afterAll(async () => {
  await source.app.close()
  rmSync(dir, { recursive: true, force: true })
})

async function emptyTarget(): Promise<OpenedDatabase> {
  const o = openDatabase(':memory:')
  await migrateToLatest(o.db)
  return o
}

/** Every table's rows, as the database gives them, in key order: what must be identical. */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  const columns = await tablesOf(db as never)
  for (const t of EXPORT_TABLES) {
    const order = (t.key ?? columns.get(t.name)!.map((c) => c.name)).map((c) => sql.ref(c))
    out[t.name] = (await sql`select * from ${sql.table(t.name)} order by ${sql.join(order)}`.execute(db)).rows
  }
  out.sqlite_sequence = (await sql`select * from sqlite_sequence order by name`.execute(db)).rows
  // The schema itself: the restore drops triggers and indexes while it loads, and must put back
  // exactly the same ones.
  out.schema = (
    await sql`select type, name, tbl_name, sql from sqlite_master where type <> 'table' order by type, name`.execute(
      db,
    )
  ).rows
  return out
}

function copyWith(name: string, change: (b: Buffer) => Buffer): string {
  const file = join(dir, name)
  writeFileSync(file, change(Buffer.from(readFileSync(exported))))
  return file
}

/** Sets the trailer's checksum to match the changed bytes, as a forger would. */
function resum(b: Buffer): Buffer {
  const sum = createHash('sha256')
    .update(b.subarray(0, b.length - 40))
    .digest()
  sum.copy(b, b.length - 40)
  return b
}

async function expectRefused(file: string, reason: ExportFileError['reason'], k = key, message?: RegExp) {
  const target = await emptyTarget()
  const before = await dump(target.db)
  try {
    const attempt = async () => {
      const reader = openExport(file, k)
      try {
        return await restoreExport(reader, target.db)
      } finally {
        reader.close()
      }
    }
    const err = await attempt().then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ExportFileError)
    expect((err as ExportFileError).reason).toBe(reason)
    expect((err as Error).message).toMatch(message ?? /Er is niets teruggezet\.$/)
    expect(await dump(target.db)).toEqual(before)
  } finally {
    await target.close()
  }
}

describe('the encrypted export', () => {
  it('restores a filled database exactly: every row, id counter, trigger and index, hashes and chain checked', async () => {
    const header = verifyExportFile(exported, key)
    expect(header.tables.map((t) => t.name)).toEqual(EXPORT_TABLES.map((t) => t.name))
    expect(header.tables.find((t) => t.name === 'vroegsignaalzaak')!.rows).toBeGreaterThan(50)
    expect(header.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThan(10)

    const target = await emptyTarget()
    try {
      const reader = openExport(exported, key)
      const summary = await restoreExport(reader, target.db)
      reader.close()
      expect(summary.auditEntries).toBe((await verifyAuditChain(source.db)).entries)
      expect(await dump(target.db)).toEqual(await dump(source.db))
      const present = await tablesOf(target.db as never)
      for (const t of header.tables) {
        const cols = present.get(t.name)!.map((c) => c.name)
        expect((await digestTable(target.db as never, t.name, t.key, cols)).hex(), t.name).toBe(t.sha256)
      }
    } finally {
      await target.close()
    }
  })

  it('keeps no plain text in the file: no name, case number or table name can be found in it', async () => {
    const bytes = readFileSync(exported)
    const zaak = await source.db
      .selectFrom('vroegsignaalzaak')
      .select(['case_number', 'display_name'])
      .executeTakeFirstOrThrow()
    for (const needle of [zaak.case_number, zaak.display_name, 'vroegsignaalzaak', 'audit_log', 'Roermond'])
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false)
    expect(statSync(exported).mode & 0o077).toBe(0)
  })

  it('refuses a file with one byte changed, and one changed with its checksum made to match', async () => {
    const size = statSync(exported).size
    const flip = (at: number) => (b: Buffer) => {
      b[at] = b[at]! ^ 0x01
      return b
    }
    await expectRefused(copyWith('flip.lae', flip(Math.floor(size / 2))), 'damaged')
    await expectRefused(
      copyWith('forged.lae', (b) => resum(flip(Math.floor(size / 2))(b))),
      'damaged',
    )
    // The header chunk (last before the trailer), forged: the authentication catches it.
    await expectRefused(
      copyWith('forged-head.lae', (b) => resum(flip(size - 60)(b))),
      'wrong-key',
    )
  })

  it('refuses a cut-off file and a file that is not an export', async () => {
    const size = statSync(exported).size
    await expectRefused(
      copyWith('cut-end.lae', (b) => b.subarray(0, size - 10)),
      'truncated',
    )
    await expectRefused(
      copyWith('cut-half.lae', (b) => b.subarray(0, Math.floor(size / 2))),
      'truncated',
    )
    await expectRefused(
      copyWith('other.lae', () => Buffer.from('SQLite format 3\0 and more')),
      'not-export',
      key,
      /geen export van Lange Adem/,
    )
  })

  it('refuses the wrong key', async () => {
    await expectRefused(exported, 'wrong-key', generateKey(), /opent niet met deze sleutel/)
  })

  it('refuses an export from a newer version (a migration this one does not know)', async () => {
    const newer = await testApp(NOW)
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('9999_future', ${NOW})`.execute(
        newer.db,
      )
      const file = join(dir, 'newer.lae')
      await writeExport(newer.db, file, key, NOW)
      await expectRefused(file, 'too-new', key, /nieuwere versie van Lange Adem/)
    } finally {
      await newer.app.close()
    }
  })

  it('refuses a database that is not empty, changing nothing in it', async () => {
    const target = await testApp(NOW)
    try {
      await target.call('setup.loadDemo', {})
      const before = await dump(target.db)
      const reader = openExport(exported, key)
      await expect(restoreExport(reader, target.db)).rejects.toThrow(/niet leeg/)
      reader.close()
      expect(await dump(target.db)).toEqual(before)
    } finally {
      await target.app.close()
    }
  })

  it('never overwrites a file and leaves no part-file behind', async () => {
    await expect(writeExport(source.db, exported, key, NOW)).rejects.toThrow(/bestaat al/)
  })

  it('round-trips any text, number and bytes exactly (property)', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !/\p{Cs}/u.test(s))
    const number = fc.oneof(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.double({ noNaN: true }),
    )
    const value = fc.oneof(text, fc.uint8Array({ maxLength: 40 }))
    const row = fc.tuple(text, value, fc.oneof(number, fc.constant(null)))
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(row, { selector: (r) => r[0], maxLength: 25 }), async (rows) => {
        const from = await emptyTarget()
        const to = await emptyTarget()
        const file = join(dir, `prop-${Math.random().toString(36).slice(2)}.lae`)
        try {
          // SQLite keeps a blob in a text column and a real in an integer column as they are.
          for (const [k, v, n] of rows)
            await sql`insert into setting (key, value, updated_at, updated_by)
              values (${k}, ${v instanceof Uint8Array ? Buffer.from(v) : v}, ${NOW}, ${n})`.execute(from.db)
          await writeExport(from.db, file, key, NOW)
          const reader = openExport(file, key)
          await restoreExport(reader, to.db)
          reader.close()
          const read = async (db: Db) =>
            (
              await sql`select key, value, typeof(value), updated_by, typeof(updated_by) from setting order by key`.execute(
                db,
              )
            ).rows
          expect(await read(to.db)).toEqual(await read(from.db))
        } finally {
          rmSync(file, { force: true })
          await from.close()
          await to.close()
        }
      }),
      { numRuns: 25 },
    )
  })
})
