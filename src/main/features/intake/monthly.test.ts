import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { importFile, setUpTeam, testApp } from '../../test/fixtures'

async function team() {
  const t = await testApp()
  await setUpTeam(t, 'Fatima El Idrissi')
  return t
}

const NAMES = [
  ['J.', '’t Hart'],
  ['A.', 'D’Souza'],
  ['M.', 'Šerif'],
  ['K.', 'Hoëlle'],
  ['P.', 'van ’t Veer'],
  ['R.', 'Müller'],
  ['S.', 'Jansen'],
] as const
const STREETS = ['Maria Theresialaan – Noord', 'Burg. Kortenhorstlaan', 'Sint-Christoffelstraat', '’t Veld']
const PARTNERS = [
  ['Huurachterstand', 'Woonstichting ’t Heem'],
  ['Energieleverancier', 'Energie – Noord'],
  ['Zorgverzekeraar', 'CZ'],
  ['Drinkwater', 'WML'],
] as const

/** "€ 1.100,00" the way Dutch Excel writes a currency cell (sometimes with a non-breaking space). */
function euro(cents: number, nbsp: boolean): string {
  const e = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `€${nbsp ? '\u00a0' : ' '}${e},${String(cents % 100).padStart(2, '0')}`
}

interface Row {
  id: string
  cells: string[]
}

/** One valid signal row of a month, numbered `n` (addresses in Centrum, Kapel and Donderberg). */
function signalRow(prefix: string, n: number, month: string): Row {
  const [voorl, naam] = NAMES[n % NAMES.length]!
  const [soort, melder] = PARTNERS[n % PARTNERS.length]!
  const pc = `${6041 + (n % 5)} ${String.fromCharCode(65 + (n % 20))}${String.fromCharCode(66 + ((n >> 2) % 20))}`
  const id = `${prefix}-${1000 + n}`
  return {
    id,
    cells: [
      id,
      melder,
      soort,
      euro(10_000 + n * 1_137, n % 3 === 0),
      `${1 + (n % 27)}-${month}-2026`,
      voorl,
      naam,
      `${1 + (n % 28)}-${1 + (n % 12)}-19${50 + (n % 45)}`,
      STREETS[n % STREETS.length]!,
      String(1 + (n % 90)),
      pc,
      'Roermond',
    ],
  }
}

const HEADER = [
  'Signaal ID',
  'Melder',
  'Soort achterstand',
  'Bedrag',
  'Datum signaal',
  'Voorletters',
  'Achternaam',
  'Geboortedatum',
  'Straat',
  'Huisnummer',
  'Postcode',
  'Woonplaats',
]

/** A file the way Excel on Windows saves "CSV (gescheiden door lijstscheidingsteken)": semicolons, Windows-1252, CRLF. */
function excelCsv(rows: Row[]): string {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [HEADER, ...rows.map((r) => r.cells)].map((l) => l.map(cell).join(';')).join('\r\n') + '\r\n'
}

/** The September file of the issue: 281 rows, 5 of them truly wrong. */
function september() {
  const rows = Array.from({ length: 276 }, (_, n) => signalRow('VPS', n, '09'))
  const bad: Row[] = [
    { ...signalRow('VPS', 900, '09'), id: 'x' },
    { ...signalRow('VPS', 901, '09'), id: 'x' },
    { ...signalRow('VPS', 902, '09'), id: 'x' },
    { ...signalRow('VPS', 903, '09'), id: 'x' },
    { ...signalRow('VPS', 904, '09'), id: 'x' },
  ]
  bad[0]!.cells[3] = '-€ 12,00'
  bad[1]!.cells[3] = ''
  bad[2]!.cells[10] = '604'
  bad[3]!.cells[10] = '60411AB'
  bad[4]!.cells[6] = ''
  // The bad rows among the good ones, as they come
  return [
    ...rows.slice(0, 100),
    ...bad.slice(0, 3),
    ...rows.slice(100, 200),
    ...bad.slice(3),
    ...rows.slice(200),
  ]
}

describe('the monthly files of a real team (Windows-1252, euro signs, curly apostrophes)', () => {
  it('imports September and October whole: every valid signal in, only the truly bad rows to check', async () => {
    const t = await team()
    const sep = september()
    const sepBytes = new Uint8Array(iconv.encode(excelCsv(sep), 'windows-1252'))
    // The bytes Excel writes: 0x80 for the euro sign, 0x92 for the apostrophe, 0x96 for the dash
    expect([...sepBytes].filter((b) => b === 0x80).length).toBeGreaterThan(200)
    expect(sepBytes.includes(0x92) && sepBytes.includes(0x96) && sepBytes.includes(0x8a)).toBe(true)

    const s = await importFile(t, 'vps-september-2026.csv', sepBytes)
    expect(s.a).toMatchObject({ encoding: 'Windows-1252', delimiter: ';', rowCount: 281, unplaced: [] })
    // "Melder" is the partner's name, without help
    expect(s.a.mapping.columns).toMatchObject({ partnerNaam: 'Melder', partnerType: 'Soort achterstand' })
    expect(s.summary).toMatchObject({ rows: 281, nieuw: 276, problemen: 5, eerderIngelezen: 0 })
    expect(s.summary.problems.map((p) => `${p.line} ${p.field}: ${p.reason}`)).toEqual([
      '102 bedrag: Het bedrag is negatief.',
      '103 bedrag: Het bedrag ontbreekt.',
      '104 postcode: "604" is geen Nederlandse postcode (bijvoorbeeld 6041 AB).',
      '205 postcode: "60411AB" is geen Nederlandse postcode (bijvoorbeeld 6041 AB).',
      '206 achternaam: De achternaam ontbreekt.',
    ])
    // An empty database: nobody was known before this file
    expect(s.summary.herkend).toBe(0)

    // Every character as written: names, streets, partners, amounts
    const residents = await t.db.selectFrom('resident').select(['tussenvoegsel', 'achternaam']).execute()
    const names = new Set(residents.map((r) => [r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ')))
    expect([...names].sort()).toEqual(
      ['D’Souza', 'Hoëlle', 'Jansen', 'Müller', 'Šerif', '’t Hart', 'van ’t Veer'].sort(),
    )
    const streets = new Set(
      (await t.db.selectFrom('household').select('straat').execute()).map((h) => h.straat),
    )
    expect(streets).toEqual(new Set(STREETS))
    const signals = await t.db
      .selectFrom('vroegsignaal')
      .select(['extern_id', 'partner_naam', 'bedrag_cents'])
      .orderBy('id')
      .execute()
    expect(signals).toHaveLength(276)
    expect(new Set(signals.map((x) => x.partner_naam))).toEqual(new Set(PARTNERS.map((p) => p[1])))
    for (const x of signals) {
      const n = Number(x.extern_id!.slice(4)) - 1000
      expect(x.bedrag_cents).toBe(10_000 + n * 1_137)
    }
    const shown = await t.db.selectFrom('vroegsignaalzaak').select('display_name').execute()
    expect(shown.some((z) => z.display_name === 'J. ’t Hart')).toBe(true)

    // October: six signals of September sent again, 250 new, 3 wrong
    const oct = [
      ...[3, 50, 99, 150, 201, 275].map((n) => signalRow('VPS', n, '09')),
      ...Array.from({ length: 250 }, (_, n) => signalRow('OKT', n, '10')),
    ]
    const octBad = [signalRow('OKT', 800, '10'), signalRow('OKT', 801, '10'), signalRow('OKT', 802, '10')]
    octBad[0]!.cells[3] = 'onbekend'
    octBad[1]!.cells[4] = '31-02-2026'
    octBad[2]!.cells[2] = 'Kinderopvang'
    const o = await importFile(
      t,
      'vps-oktober-2026.csv',
      new Uint8Array(
        iconv.encode(excelCsv([...oct.slice(0, 100), ...octBad, ...oct.slice(100)]), 'windows-1252'),
      ),
    )
    expect(o.a.mappingName).toBe('Vindplaats van Schulden')
    expect(o.summary).toMatchObject({ rows: 259, nieuw: 250, eerderIngelezen: 6, problemen: 3 })
    expect(o.summary.problems.map((p) => p.field)).toEqual(['bedrag', 'signaaldatum', 'partnerType'])
    // The same people at the same addresses come back: known from September
    expect(o.summary.herkend).toBeGreaterThan(0)
  })

  it('reads the same file saved as UTF-16 without a byte order mark, with the same result', async () => {
    const t = await team()
    const le = Buffer.from(excelCsv(september()), 'utf16le')
    const s = await importFile(t, 'vps-september-utf16.csv', new Uint8Array(le))
    expect(s.a.encoding).toBe('UTF-16')
    expect(s.summary).toMatchObject({ rows: 281, nieuw: 276, problemen: 5 })
  })
})

describe('fixing many rows at once in Te controleren', () => {
  async function withProblems() {
    const t = await team()
    const good = Array.from({ length: 130 }, (_, n) => signalRow('BULK', n, '10'))
    for (const r of good.slice(0, 100)) r.cells[2] = 'Kinderopvang'
    for (const r of good.slice(100, 120)) r.cells[10] = '604'
    // Two problems in one row: a mangled amount and a postcode with a stray sign
    good[120]!.cells[3] = '\u00a4 234,50'
    good[120]!.cells[10] = '6041.AB'
    const { summary } = await importFile(
      t,
      'bulk.csv',
      new Uint8Array(iconv.encode(excelCsv(good), 'windows-1252')),
    )
    expect(summary).toMatchObject({ nieuw: 9, problemen: 121 })
    return { t, importId: summary.importId!, problems: await t.call('intake.problems', {}) }
  }

  it('applies one fix to the 100 rows that share it and takes them in; rejects 20 with one reason', async () => {
    const { t, importId, problems } = await withProblems()
    const kinderopvang = problems.filter((p) => p.values.partnerType === 'Kinderopvang')
    expect(kinderopvang).toHaveLength(100)
    expect(kinderopvang.every((p) => p.problems[0]!.code === 'onbekend')).toBe(true)
    const fixed = await t.call('intake.fixProblems', {
      ids: kinderopvang.map((p) => p.id),
      fix: { soort: 'vervang', field: 'partnerType', van: 'Kinderopvang', naar: 'Overige' },
    })
    expect(fixed).toEqual({ ingelezen: 100, open: 0, afgewezen: 0, alIngelezen: 0 })
    const history = await t.call('intake.history', {})
    expect(history[0]).toMatchObject({ id: importId, problemen: 121, teControleren: 21, nieuw: 109 })

    const postcodes = (await t.call('intake.problems', {})).filter((p) => p.values.postcode === '604')
    const rejected = await t.call('intake.rejectProblems', {
      ids: postcodes.map((p) => p.id),
      reden: 'Geen adres in onze gemeente',
    })
    expect(rejected.afgewezen).toBe(20)
    expect((await t.call('intake.history', {}))[0]!.teControleren).toBe(1)
    const all = await t.call('intake.problems', { status: 'alle' })
    expect(
      all.filter((p) => p.status === 'afgewezen').every((p) => p.reden === 'Geen adres in onze gemeente'),
    ).toBe(true)
    // One logboek entry per action and file, not per row
    const log = await t.db.selectFrom('audit_log').select(['action', 'summary']).orderBy('id').execute()
    expect(log.filter((l) => l.action === 'regels gecorrigeerd')).toHaveLength(1)
    expect(log.filter((l) => l.action === 'regel afgewezen')).toHaveLength(1)
    // Undoing the import takes the corrected rows out too
    await t.call('intake.undo', { importId })
    expect(await t.db.selectFrom('vroegsignaal').select('id').execute()).toEqual([])
  })

  it('after a partial fix the row shows only what is still wrong, with the fix kept', async () => {
    const { t, problems } = await withProblems()
    const two = problems.find((p) => p.problems.length === 2)!
    expect(two.problems.map((p) => p.field)).toEqual(['bedrag', 'postcode'])
    const r = await t.call('intake.fixProblems', {
      ids: [two.id],
      fix: { soort: 'opschonen', field: 'bedrag' },
    })
    expect(r).toMatchObject({ ingelezen: 0, open: 1 })
    const after = (await t.call('intake.problems', {})).find((p) => p.id === two.id)!
    expect(after.values.bedrag).toBe('234,50')
    expect(after.problems.map((p) => p.field)).toEqual(['postcode'])
    const done = await t.call('intake.fixProblems', {
      ids: [two.id],
      fix: { soort: 'opschonen', field: 'postcode' },
    })
    expect(done).toMatchObject({ ingelezen: 1, open: 0 })
  })

  it('Opnieuw proberen reads every open row again: rows mangled by the old decoder come in', async () => {
    const t = await team()
    const { summary } = await importFile(
      t,
      'oud.csv',
      new Uint8Array(iconv.encode(excelCsv([signalRow('OUD', 1, '09')]), 'windows-1252')),
    )
    // Rows as the ISO-8859-1 reading stored them before: "\u0080 234,50" is no amount
    const mangled = signalRow('OUD', 2, '09')
    const values = Object.fromEntries(
      [
        'externId',
        'partnerNaam',
        'partnerType',
        'bedrag',
        'signaaldatum',
        'voorletters',
        'achternaam',
        'geboortedatum',
        'straat',
        'huisnummer',
        'postcode',
        'plaats',
      ].map((f, i) => [f, mangled.cells[i]!]),
    )
    await t.db
      .insertInto('import_problem')
      .values(
        [2, 3].map((line) => ({
          import_id: summary.importId!,
          line,
          values_json: JSON.stringify({
            ...values,
            externId: `OUD-${line}`,
            bedrag: '\u0080 234,50',
            achternaam: '\u0092t Hart',
          }),
          problems_json: JSON.stringify([
            { field: 'bedrag', reason: '"\u0080 234,50" is geen bedrag (bijvoorbeeld 1.234,56).' },
          ]),
        })),
      )
      .execute()
    const open = await t.call('intake.problems', {})
    expect(open.map((p) => p.problems[0]!.code)).toEqual(['ongeldig', 'ongeldig'])
    expect(await t.call('intake.retryProblems', {})).toEqual({
      ingelezen: 2,
      open: 0,
      afgewezen: 0,
      alIngelezen: 0,
    })
    const stored = await t.db
      .selectFrom('vroegsignaal as s')
      .innerJoin('resident as r', 'r.id', 's.resident_id')
      .select(['s.bedrag_cents', 'r.tussenvoegsel', 'r.achternaam'])
      .where('s.extern_id', 'in', ['OUD-2', 'OUD-3'])
      .execute()
    expect(stored).toEqual([
      { bedrag_cents: 23450, tussenvoegsel: '’t', achternaam: 'Hart' },
      { bedrag_cents: 23450, tussenvoegsel: '’t', achternaam: 'Hart' },
    ])
    expect(await t.call('intake.problems', {})).toEqual([])
  })
})

describe('undoing an import', () => {
  it('puts back the phone number, e-mail and BSN it changed on residents known before it', async () => {
    const t = await team()
    const head =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Telefoon;E-mail;BSN;Straat;Huisnummer;Postcode\n'
    await importFile(
      t,
      'mei.csv',
      new Uint8Array(
        Buffer.from(head + 'A-1;Huur;500;05-05-2026;J.;Janssen;01-01-1980;0611111111;;;Markt;9;6041EM\n'),
      ),
    )
    const before = await t.db.selectFrom('resident').selectAll().executeTakeFirstOrThrow()
    // October: the same person with a new phone number, an e-mail address and a BSN
    const { summary } = await importFile(
      t,
      'oktober.csv',
      new Uint8Array(
        Buffer.from(
          head +
            'B-1;Energie;300;04-10-2026;J.;Jansen;01-01-1980;0622222222;j@example.nl;111222333;Markt;9;6041EM\n',
        ),
      ),
    )
    const changed = await t.db.selectFrom('resident').selectAll().executeTakeFirstOrThrow()
    expect(changed).toMatchObject({
      id: before.id,
      telefoon: '0622222222',
      email: 'j@example.nl',
      bsn: '111222333',
    })
    await t.call('intake.undo', { importId: summary.importId! })
    expect(await t.db.selectFrom('resident').selectAll().executeTakeFirstOrThrow()).toEqual(before)
    expect(await t.db.selectFrom('import_resident_before').selectAll().execute()).toEqual([])
  })

  it('leaves a detail someone changed after the import, and puts back the rest', async () => {
    const t = await team()
    const head =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Telefoon;E-mail;Straat;Huisnummer;Postcode\n'
    await importFile(
      t,
      'mei.csv',
      new Uint8Array(
        Buffer.from(head + 'A-1;Huur;500;05-05-2026;J.;Janssen;01-01-1980;0611111111;;Markt;9;6041EM\n'),
      ),
    )
    const { summary } = await importFile(
      t,
      'oktober.csv',
      new Uint8Array(
        Buffer.from(
          head + 'B-1;Energie;300;04-10-2026;J.;Jansen;01-01-1980;0622222222;j@example.nl;Markt;9;6041EM\n',
        ),
      ),
    )
    await t.db.updateTable('resident').set({ email: 'nieuw@example.nl' }).execute()
    await t.call('intake.undo', { importId: summary.importId! })
    expect(await t.db.selectFrom('resident').select(['telefoon', 'email']).executeTakeFirstOrThrow()).toEqual(
      {
        telefoon: '0611111111',
        email: 'nieuw@example.nl',
      },
    )
  })
})
