import { createHash, hash } from 'node:crypto'

/**
 * How one cell is written in an export, and hashed. The same canonical form serves both, so a
 * table read from SQLite and the same table read from PostgreSQL give the same line and the same
 * hash: booleans (PostgreSQL `boolean`, SQLite 0/1) are the numbers 1 and 0; a bigint that fits
 * is a number; bytes are base64; a number JSON cannot hold (±Infinity, NaN, -0) is tagged. Text
 * is kept exactly as stored, every Unicode character included (no normalisation).
 */
export type Cell = null | number | string | { $b: string } | { $f: string } | { $i: string }

export class UnsupportedValueError extends Error {}

export function encodeCell(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number') {
    if (Number.isFinite(v) && !Object.is(v, -0)) return v
    return { $f: Object.is(v, -0) ? '-0' : String(v) }
  }
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : { $i: v.toString() }
  if (v instanceof Uint8Array)
    return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') }
  if (v instanceof Date) return v.toISOString()
  throw new UnsupportedValueError(`a value of type ${Object.prototype.toString.call(v)} cannot be exported`)
}

/** The value to bind when inserting a cell; `bool` for a column the target stores as boolean. */
export function decodeCell(c: Cell, bool = false): unknown {
  if (c === null || typeof c === 'string') return c
  if (typeof c === 'number') return bool ? c !== 0 : c
  if ('$b' in c) return Buffer.from(c.$b, 'base64')
  if ('$i' in c) return BigInt(c.$i)
  return c.$f === '-0' ? -0 : Number(c.$f)
}

/** One row as its line in the file (without the newline): the cells in the header's column order. */
export function rowLine(row: Record<string, unknown>, columns: readonly string[]): string {
  const cells: Cell[] = new Array<Cell>(columns.length)
  for (let i = 0; i < columns.length; i++) cells[i] = encodeCell(row[columns[i]!])
  return JSON.stringify(cells)
}

/**
 * The hash of a table: SHA-256 over its name, its columns, its row count and the sum (mod 2^256)
 * of the SHA-256 of every row's line. The sum does not depend on the order the rows are read in:
 * PostgreSQL sorts text keys by its collation and SQLite by bytes, and both must give one hash.
 * Tampering with the file itself is caught by the encryption's authentication, not by this.
 */
export class TableDigest {
  private readonly sum = new Uint32Array(8)
  rows = 0

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(line: string, times = 1): void {
    // crypto.hash: one call, no Hash object per row (about twice as fast as createHash here).
    const h = hash('sha256', line, 'buffer')
    for (let t = 0; t < times; t++) {
      let carry = 0
      for (let i = 7; i >= 0; i--) {
        const s = this.sum[i]! + h.readUInt32BE(i * 4) + carry
        this.sum[i] = s >>> 0
        carry = s > 0xffffffff ? 1 : 0
      }
      this.rows++
    }
  }

  hex(): string {
    const sum = Buffer.alloc(32)
    for (let i = 0; i < 8; i++) sum.writeUInt32BE(this.sum[i]!, i * 4)
    return createHash('sha256')
      .update(JSON.stringify([this.table, this.columns, this.rows, sum.toString('hex')]))
      .digest('hex')
  }
}
