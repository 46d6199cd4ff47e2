import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type OpenedDatabase } from '../database'
import { EXPORT_TABLES, SEEDED_TABLES } from './tables'

let opened: OpenedDatabase
beforeEach(async () => {
  opened = openDatabase(':memory:')
  await migrateToLatest(opened.db)
})
afterEach(() => opened.close())

const names = () =>
  (
    opened.raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name)

describe('the export list of tables', () => {
  it('holds every table the migrations make, and no other', () => {
    const listed = EXPORT_TABLES.map((t) => t.name as string)
    expect(names().filter((n) => !listed.includes(n))).toEqual([])
    expect(listed.filter((n) => !names().includes(n))).toEqual([])
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('pages each table by its own primary key, as SQLite declares it', () => {
    for (const t of EXPORT_TABLES) {
      const cols = opened.raw.prepare('select name, pk from pragma_table_info(?)').all(t.name) as {
        name: string
        pk: number
      }[]
      const pk = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
      expect(t.key === null ? [] : [...t.key], t.name).toEqual(pk)
    }
  })

  it('puts every table after the tables its foreign keys point at', () => {
    const order = EXPORT_TABLES.map((t) => t.name as string)
    const late: string[] = []
    for (const [i, name] of order.entries()) {
      const fks = opened.raw.prepare('select "table" from pragma_foreign_key_list(?)').all(name) as {
        table: string
      }[]
      for (const fk of fks)
        if (fk.table !== name && order.indexOf(fk.table) > i) late.push(`${name} -> ${fk.table}`)
    }
    expect(late).toEqual([])
  })

  it('names exactly the tables a fresh migration fills', async () => {
    const filled: string[] = []
    for (const t of EXPORT_TABLES) {
      const r = await sql`select 1 from ${sql.table(t.name)} limit 1`.execute(opened.db)
      if (r.rows.length) filled.push(t.name)
    }
    expect(filled.sort()).toEqual([...SEEDED_TABLES].sort())
  })
})
