import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { anyText } from '../../test/text-samples'

/** A file as a clumsy export or an attacker would hand it to the import. */
export interface HostileFile {
  label: string
  fileName: string
  bytes: Buffer
}

const HEAD =
  'Signaal ID;Soort;Signaalpartner;Bedrag;Datum ontstaan;Signaaldatum;Crisis;Voorl.;Tussenv.;Achternaam;Geb.datum;Telefoon;Straat;Huisnr;Postcode;Woonplaats'
const row = (i: number, id = `F-${i}`, naam = `Fuzz${i}`) =>
  `${id};Huurachterstand;Wonen Limburg;${100 + i},00;01-08-2026;05-10-2026;nee;K.;;${naam};12-03-1984;06-11223344;Markt;${i + 1};6041 EM;Roermond`

/** Formula payloads (OWASP) as signal IDs and names: they must come out of every export harmless. */
export const FORMULA_IDS = [
  '=HYPERLINK("http://evil.example","Klik")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  "=cmd|' /C calc'!A0",
]

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Signalen')
  // Test data written as it is, formulas included: the one place that must not use the safe writer.
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The fixed hostile files, each for a known way an import can go wrong. */
export async function hostileFiles(): Promise<HostileFile[]> {
  const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')
  const valid = await xlsx([HEAD.split(';'), ...[1, 2, 3].map((i) => row(i).split(';'))])
  // A month of a large city at once: 10,000 signals (about 0.5 MB packed).
  const large = await xlsx([
    HEAD.split(';'),
    ...Array.from({ length: 10_000 }, (_, i) => row(100 + i).split(';')),
  ])
  // A zip bomb: one cell of 50 million letters packs into some 55 kB.
  const bomb = await xlsx([HEAD.split(';'), row(30).replace('Fuzz30', 'A'.repeat(50_000_000)).split(';')])
  return [
    { label: 'empty', fileName: 'leeg.csv', bytes: Buffer.alloc(0) },
    { label: 'random bytes', fileName: 'signalen.csv', bytes: randomBytes(5000) },
    {
      label: 'a PNG named .csv',
      fileName: 'foto.csv',
      bytes: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2000)]),
    },
    {
      label: 'NUL bytes in a CSV',
      fileName: 'nul.csv',
      bytes: csv([HEAD, row(1).replace('Fuzz1', 'Fu\u0000zz')]),
    },
    {
      label: 'UTF-16 with BOM',
      fileName: 'utf16.csv',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEAD, row(2)].join('\r\n'), 'utf16le')]),
    },
    {
      label: 'formulas in every ID and name',
      fileName: 'formules.csv',
      bytes: csv([
        HEAD,
        ...FORMULA_IDS.map((f, i) => row(10 + i, `"${f.replace(/"/g, '""')}"`, `"${f.replace(/"/g, '""')}"`)),
      ]),
    },
    { label: '5,000 columns', fileName: 'breed.csv', bytes: csv([HEAD + ';x'.repeat(5000), row(3)]) },
    {
      label: 'one cell of 1 MB',
      fileName: 'lang.csv',
      bytes: csv([HEAD, row(4).replace('Fuzz4', 'x'.repeat(1_000_000))]),
    },
    { label: 'an unclosed quote', fileName: 'quote.csv', bytes: csv([`"${HEAD}`, row(5), row(6)]) },
    {
      label: 'control and bidi characters, lone surrogate escapes',
      fileName: 'tekens\u202ecsv.exe',
      bytes: csv([
        HEAD,
        row(7).replace('Fuzz7', 'Fu\u001bzz\u202eJan\u0007'),
        row(8).replace('Markt', 'Ma\u2066rkt\r'),
      ]),
    },
    {
      label: 'Windows-1252 with euro signs',
      fileName: 'cp1252.csv',
      bytes: Buffer.from([HEAD, row(9).replace('Fuzz9', 'Fu\x80zz\x92')].join('\r\n'), 'latin1'),
    },
    {
      label: 'a zip that is no workbook',
      fileName: 'nep.xlsx',
      bytes: Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(3000)]),
    },
    {
      label: 'a workbook cut in half',
      fileName: 'half.xlsx',
      bytes: valid.subarray(0, Math.floor(valid.length / 2)),
    },
    {
      label: 'a workbook with formula cells and hostile text',
      fileName: 'formules.xlsx',
      bytes: await xlsx([
        HEAD.split(';'),
        [
          { formula: 'HYPERLINK("http://evil.example","x")', result: '=HYPERLINK("x")' },
          ...row(20).split(';').slice(1),
        ],
        [
          'F-21',
          'Huurachterstand',
          'Wonen Limburg',
          '100,00',
          '01-08-2026',
          '05-10-2026',
          'nee',
          'K.',
          '',
          'Na\u202eam',
          '12-03-1984',
          '',
          'Markt',
          '5',
          '6041 EM',
          'Roermond',
        ],
      ]),
    },
    { label: 'a workbook of 10,000 rows', fileName: 'groot.xlsx', bytes: large },
    {
      label: `a zip bomb: one cell of 50 MB in a ${Math.round(bomb.length / 1000)} kB workbook`,
      fileName: 'bom.xlsx',
      bytes: bomb,
    },
  ]
}

/** Random files: bytes, or text lines of random Unicode under a valid header. */
export function randomFiles(count: number, seed: number): HostileFile[] {
  const arb = fc.oneof(
    fc
      .uint8Array({ maxLength: 20_000 })
      .map((b) => ({ label: 'random bytes', fileName: 'x.csv', bytes: Buffer.from(b) })),
    fc.array(fc.array(anyText(20), { maxLength: 16 }), { maxLength: 30 }).map((rows) => ({
      label: 'random text rows',
      fileName: 'x.csv',
      bytes: Buffer.from([HEAD, ...rows.map((r) => r.join(';'))].join('\n'), 'utf8'),
    })),
  )
  return fc.sample(arb, { seed, numRuns: count })
}
