import { sql } from 'kysely'
import { isUnclean } from '@shared/format/text'
import type { Db } from '../db/database'
import { tableNames } from './fixtures'

/** Every text cell of every table that is not clean (shared/format/text.ts): what the edge must keep out. */
export async function uncleanCells(db: Db): Promise<string[]> {
  const out: string[] = []
  for (const name of await tableNames(db, { kysely: true })) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
    for (const row of rows.rows)
      for (const [col, v] of Object.entries(row))
        if (typeof v === 'string' && isUnclean(v))
          out.push(`${name}.${col}: ${JSON.stringify(v).slice(0, 80)}`)
  }
  return out
}
