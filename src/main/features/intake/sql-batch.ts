import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'

const statementCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

/** A prepared statement kept per connection and text: batch statements vary only in their length. */
export function cachedStatement(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statementCache.get(raw)
  if (!cache) statementCache.set(raw, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = raw.prepare(sql)))
  return stmt
}

/** Inserts rows in order, 100 to a statement: the ids come out exactly as one by one. */
export function insertMany(
  raw: BetterSqlite3.Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): void {
  const one = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100)
    const sql = `insert into ${table} (${columns.join(', ')}) values ${Array(chunk.length).fill(one).join(', ')}`
    cachedStatement(raw, sql).run(...chunk.flat())
  }
}

const IN_CHUNK = 250
const sized = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement[]>>()

/** The statement for `sql` with `#` replaced by n placeholders, prepared once per connection and length. */
function sizedStatement(
  raw: BetterSqlite3.Database,
  sql: string,
  n: number,
  one: string,
): BetterSqlite3.Statement {
  let byText = sized.get(raw)
  if (!byText) sized.set(raw, (byText = new Map()))
  let list = byText.get(sql)
  if (!list) byText.set(sql, (list = []))
  return (list[n] ??= raw.prepare(sql.replace('#', Array(n).fill(one).join(', '))))
}

/**
 * Runs `sql` for a list of keys, IN_CHUNK at a time: `#` in the text becomes the placeholders,
 * `width` values per key ("?" for an IN list, "(?, ?, ?)" for a VALUES list). Keys given in
 * sorted order make SQLite read the index pages in order, each once.
 */
export function selectIn<R>(
  raw: BetterSqlite3.Database,
  sql: string,
  width: number,
  values: readonly unknown[],
  each: (row: R) => void,
): void {
  const keys = values.length / width
  const one = width === 1 ? '?' : `(${Array(width).fill('?').join(', ')})`
  for (let i = 0; i < keys; i += IN_CHUNK) {
    const n = Math.min(IN_CHUNK, keys - i)
    const stmt = sizedStatement(raw, sql, n, one)
    for (const row of stmt.all(...values.slice(i * width, (i + n) * width)) as R[]) each(row)
  }
}
