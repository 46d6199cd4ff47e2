/**
 * Writes a zip (an .xlsx) by hand for tests: real Excel-like workbooks with the parts we choose,
 * and hostile ones (a "zip bomb", sizes that lie) that no spreadsheet library would write.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** The data, deflated here; or already deflated with `size` as the size to state. */
  data?: Buffer
  deflated?: Buffer
  /** The uncompressed size the headers state (defaults to the truth). */
  statedSize?: number
  crc?: number
}

export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const body = e.deflated ?? deflateRawSync(e.data ?? Buffer.alloc(0))
    const size = e.statedSize ?? e.data?.length ?? 0
    const crc = e.crc ?? (e.data ? crc32(e.data) : 0)
    const name = Buffer.from(e.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const cd = Buffer.alloc(46)
    cd.writeUInt32LE(0x02014b50, 0)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt32LE(crc >>> 0, 16)
    cd.writeUInt32LE(body.length, 20)
    cd.writeUInt32LE(size, 24)
    cd.writeUInt16LE(name.length, 28)
    cd.writeUInt32LE(offset, 42)
    parts.push(local, name, body)
    central.push(cd, name)
    offset += local.length + name.length + body.length
  }
  const cdBuf = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cdBuf.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, cdBuf, end])
}

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Signalen" sheetId="1" r:id="rId1"/></sheets></workbook>`

/** A workbook whose first sheet's XML is `sheetXml` (deflated, or given deflated with a stated size). */
export function workbook(sheet: Omit<ZipEntry, 'name'>, more: ZipEntry[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    ...more,
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ])
}

/**
 * A sheet of `bytes` bytes of XML that deflates to about a thousandth: cells repeated without
 * end, as a zip bomb disguised as a spreadsheet. Deflated in a stream, so the test never holds it.
 */
export async function bombSheet(bytes: number): Promise<Buffer> {
  const row = Buffer.from('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(20_000))
  const out: Buffer[] = []
  const z = createDeflateRaw({ level: 9 })
  z.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((r) => z.on('end', r))
  z.write('<?xml version="1.0"?><worksheet><sheetData>')
  for (let n = 0; n < bytes; n += row.length) {
    if (!z.write(row)) await new Promise((r) => z.once('drain', r))
  }
  z.end('</sheetData></worksheet>')
  await done
  return Buffer.concat(out)
}
