/**
 * The rows of a file under its header, held compactly: a CSV keeps its decoded text and, per
 * cell, where it starts and ends (typed arrays), so 100,000 rows are a few megabytes of numbers
 * instead of a million small strings that every garbage collection would have to walk.
 */
export interface TableRows {
  readonly length: number
  /** The line (CSV) or row (Excel) number the user sees for row `i`. */
  line(i: number): number
  cell(i: number, col: number): string
  row(i: number): string[]
}

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length)
  let best = ','
  let bestCount = -1
  for (const d of [';', ',', '\t', '|']) {
    let n = 0
    let quoted = false
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted
      else if (ch === d && !quoted) n++
    }
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

class Ints {
  a = new Int32Array(1024)
  n = 0
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.n++] = v
  }
}

/** Rows given as arrays (an Excel sheet, a test). */
export class ArrayRows implements TableRows {
  constructor(private readonly records: { row: string[]; line: number }[]) {}
  get length() {
    return this.records.length
  }
  line(i: number) {
    return this.records[i]!.line
  }
  cell(i: number, col: number) {
    return this.records[i]!.row[col] ?? ''
  }
  row(i: number) {
    return this.records[i]!.row
  }
}

class CsvRows implements TableRows {
  constructor(
    private readonly text: string,
    private readonly rowStart: Int32Array,
    private readonly from: Int32Array,
    private readonly to: Int32Array,
    private readonly lines: Int32Array,
    /** Cells whose text is not one slice of the file: quotes inside ("") or text after the closing quote. */
    private readonly special: Map<number, string>,
    readonly length: number,
    private readonly offset: number,
  ) {}
  line(i: number) {
    return this.lines[i + this.offset]!
  }
  cell(i: number, col: number) {
    const r = i + this.offset
    const c = this.rowStart[r]! + col
    if (c >= this.rowStart[r + 1]!) return ''
    return this.special.get(c) ?? this.text.slice(this.from[c], this.to[c])
  }
  row(i: number) {
    const r = i + this.offset
    const out: string[] = []
    for (let c = 0; c < this.rowStart[r + 1]! - this.rowStart[r]!; c++) out.push(this.cell(i, c))
    return out
  }
  /** The same rows without the first `n` (the header). */
  skip(n: number): CsvRows {
    return new CsvRows(
      this.text,
      this.rowStart,
      this.from,
      this.to,
      this.lines,
      this.special,
      this.length - n,
      this.offset + n,
    )
  }
}

const isBlank = (code: number) => code === 32 || code === 9

/**
 * RFC 4180 CSV with any delimiter: quoted fields may hold delimiters, quotes ("") and line
 * breaks; text after a closing quote belongs to the field, a quote inside an unquoted field is
 * a quote. Records whose cells are all empty are left out. `onRecord` hears the count now and then.
 */
export function parseCsv(text: string, delimiter: string, onRecord?: (n: number) => void): TableRows {
  const delim = delimiter.charCodeAt(0)
  const rowStart = new Ints()
  const from = new Ints()
  const to = new Ints()
  const lines = new Ints()
  const special = new Map<number, string>()
  const n = text.length
  let i = 0
  let line = 1
  let records = 0
  while (i < n) {
    const recordLine = line
    const firstCell = from.n
    let filled = false
    // One record: cells until a line break outside quotes, or the end
    for (;;) {
      let p = i
      while (p < n && isBlank(text.charCodeAt(p))) p++
      if (p < n && text.charCodeAt(p) === 34) {
        // Quoted: the inner text, "" for a quote, then whatever follows up to the delimiter
        let j = p + 1
        let escaped = false
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0) {
            j = n
            break
          }
          if (text.charCodeAt(q + 1) === 34) {
            escaped = true
            j = q + 2
            continue
          }
          j = q
          break
        }
        for (let k = p + 1; k < j; k++) if (text.charCodeAt(k) === 10) line++
        let e = j + 1
        while (e < n) {
          const c = text.charCodeAt(e)
          if (c === delim || c === 10 || c === 13) break
          e++
        }
        const after = j + 1 < e ? text.slice(j + 1, e) : ''
        const cellIndex = from.n
        from.push(p + 1)
        to.push(Math.min(j, n))
        if (escaped || after) {
          const inner = text.slice(p + 1, Math.min(j, n))
          special.set(cellIndex, (escaped ? inner.replace(/""/g, '"') : inner) + after)
        }
        if (!filled) {
          const sp = special.get(cellIndex)
          if (sp !== undefined) filled = sp.trim() !== ''
          else
            for (let k = p + 1; k < Math.min(j, n); k++)
              if (!isBlank(text.charCodeAt(k)) && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) {
                filled = true
                break
              }
        }
        i = Math.min(e, n)
      } else {
        let e = i
        while (e < n) {
          const c = text.charCodeAt(e)
          if (c === delim || c === 10 || c === 13) break
          e++
        }
        from.push(i)
        to.push(e)
        if (!filled)
          for (let k = i; k < e; k++)
            if (!isBlank(text.charCodeAt(k))) {
              filled = true
              break
            }
        i = e
      }
      if (i < n && text.charCodeAt(i) === delim) {
        i++
        continue
      }
      break
    }
    // The record's end: \n, \r or \r\n
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++
      i++
      line++
    }
    if (filled) {
      rowStart.push(firstCell)
      lines.push(recordLine)
      records++
      if (onRecord && records % 5000 === 0) onRecord(records)
    } else {
      for (let c = firstCell; c < from.n; c++) special.delete(c)
      from.n = to.n = firstCell
    }
  }
  rowStart.push(from.n)
  return new CsvRows(text, rowStart.a, from.a, to.a, lines.a, special, records, 0)
}

/** The rows after the first (the header row): the same storage, shifted. */
export function withoutFirst(rows: TableRows): TableRows {
  if (rows instanceof CsvRows) return rows.skip(1)
  const all: { row: string[]; line: number }[] = []
  for (let i = 1; i < rows.length; i++) all.push({ row: rows.row(i), line: rows.line(i) })
  return new ArrayRows(all)
}
