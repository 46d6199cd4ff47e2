import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import ExcelJS from 'exceljs'
import { OCTOBER, octoberTeam } from './testdata'
import { signal } from '../../test/fixtures'

// The official files are kept in the repository (resources/ddas) so the test runs anywhere;
// where the project's shared folder is beside the checkout, the copies must equal the originals.
const DDAS = resolve(__dirname, '../../../../resources/ddas')
const OFFICIAL = resolve(__dirname, '../../../../../shared/ddas')
const DDAS_FILES = [
  'json_schema_Uitwisselmodel.v0.9.json',
  'enkelvoudigVoorbeeld.v0.9.json',
  'meervoudigVoorbeeld.v0.9.json',
]
const readJson = (name: string): unknown => JSON.parse(readFileSync(resolve(DDAS, name), 'utf8'))

/** The official schema, compiled by a JSON Schema 2020-12 validator with formats checked. */
function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  return ajv.compile(readJson('json_schema_Uitwisselmodel.v0.9.json') as object)
}

const decode = (b64: string) => Buffer.from(b64, 'base64')

describe('DDAS export', () => {
  it.skipIf(!existsSync(OFFICIAL))(
    'uses copies of the official schema and examples that equal the originals',
    () => {
      for (const name of DDAS_FILES)
        expect(readFileSync(resolve(DDAS, name), 'utf8')).toBe(readFileSync(resolve(OFFICIAL, name), 'utf8'))
    },
  )

  it('accepts the two official example files, and refuses a broken one', () => {
    const validate = validator()
    for (const name of ['enkelvoudigVoorbeeld.v0.9.json', 'meervoudigVoorbeeld.v0.9.json'])
      expect(validate(readJson(name)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true)
    const broken = readJson('enkelvoudigVoorbeeld.v0.9.json') as {
      leveringen: { vroegsignalen: { bedrag: unknown }[] }[]
    }
    broken.leveringen[0]!.vroegsignalen[0]!.bedrag = 450.5
    expect(validate(broken)).toBe(false)
  })

  it('refuses to export without a supplier code', async () => {
    const { t } = await octoberTeam()
    await expect(t.call('monitor.exportDdas', OCTOBER)).rejects.toThrow(/gegevensleverancier/)
  })

  it('delivers a period valid against the official schema, in whole euros, and records the export', async () => {
    const { t } = await octoberTeam()
    const s = await t.call('monitor.settings', {})
    await t.call('monitor.saveSettings', { ...s, leverancierCode: 'LANGE-ADEM' })
    const file = await t.call('monitor.exportDdas', OCTOBER)
    expect(file.fileName).toBe('ddas-0957-2026-10-01_2026-10-31.json')
    const json = JSON.parse(decode(file.base64).toString('utf8'))
    const validate = validator()
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)

    expect(json.codeGegevensleverancier).toBe('LANGE-ADEM')
    expect(json.aanleverdatumEnTijd).toBe('2026-11-10T09:00:00Z')
    const lev = json.leveringen[0]
    expect(lev.gemeentecode).toBe('0957')
    expect(lev.aanleverende_organisatie.contactpersoonen[0].naam).toBe('Fatima El Idrissi')
    // Signals dated in October (8) and the cases holding them: A, B, C, D, F, G (not E)
    expect(file.vroegsignalen).toBe(8)
    expect(file.zaken).toBe(6)
    const byId = new Map(lev.vroegsignalen.map((v: { ID: string }) => [v.ID, v]))
    expect(byId.get('VPS-A')).toMatchObject({
      bedrag: 450,
      signaaldatum: '2026-10-02',
      signaalpartner: { type: 'Huur' },
      client: { Achternaam: 'Aarts', Voorvoegsel: 'van der', Postcode: '6041AB', Huisnummer: '12' },
    })
    expect(byId.get('VPS-A')).not.toHaveProperty('status')
    expect(byId.get('VPS-F')).toMatchObject({ status: 'Niet opgepakt: onterecht signaal', bedrag: 40 })
    const water = lev.vroegsignalen.find((v: { ID: string }) => v.ID.startsWith('LA-'))
    expect(water).toMatchObject({ bedrag: 51, signaalpartner: { type: 'Water' } }) // 50.50 rounded
    const caseB = lev.vroegsignaalzaken.find((z: { vroegsignalen: { ID: string }[] }) =>
      z.vroegsignalen.some((v) => v.ID === 'VPS-B1'),
    )
    expect(caseB.vroegsignalen).toHaveLength(3)
    expect(caseB).toMatchObject({
      resultaat: 'Inwoner hoeft geen hulp vanuit vroegsignalering',
      datum_opgepakt: '2026-10-08',
      contactpogingen: [{ soort: 'Telefoon', bereikt: true, datum: '2026-10-08', dagdeel: 'Avond' }],
    })
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'ddas-export').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toContain('8 signalen, 6 zaken')
  })
})

describe('feedback to signal partners', () => {
  it('says per signal only whether it was picked up and whether help was accepted', async () => {
    const { t } = await octoberTeam()
    const file = await t.call('monitor.feedback', { ...OCTOBER, formaat: 'csv' })
    expect(file.signalen).toBe(8)
    const lines = decode(file.base64)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('Signaalpartner;Soort;Signaal-ID;Signaaldatum;Opgepakt;Hulp geaccepteerd')
    const line = (id: string) => lines.find((l) => l.split(';')[2] === id)
    expect(line('VPS-A')).toBe('Wonen Limburg;Huur;VPS-A;02-10-2026;ja;ja')
    expect(line('VPS-B1')).toBe('Wonen Limburg;Zorg;VPS-B1;08-10-2026;ja;nee')
    expect(line('VPS-C')).toBe('Wonen Limburg;Zorg;VPS-C;19-10-2026;ja;nog niet bekend')
    expect(line('VPS-F')).toBe('Wonen Limburg;Huur;VPS-F;21-10-2026;nee;nee')
    // Never a reason, a result or what was said
    const text = lines.join('\n')
    for (const word of ['onterecht', 'advies', 'Gesprek', 'Aarts', 'geen hulp'])
      expect(text).not.toContain(word)
  })

  it('never hands a spreadsheet a formula, in CSV or Excel (OWASP CSV injection)', async () => {
    const { t } = await octoberTeam()
    const ids = ['=HYPERLINK("http://evil.example","Klik")', '+1+1', '-2+3', '@SUM(1+1)']
    for (const [i, externId] of ids.entries()) {
      const input = signal({ postcode: '6041 AB', huisnummer: String(90 + i), signaaldatum: '20-10-2026' })
      input.signaal.externId = externId
      input.signaal.partnerNaam = i === 0 ? '=Wonen Limburg' : 'Wonen Limburg'
      await t.call('signals.createManual', input)
    }
    const csv = decode((await t.call('monitor.feedback', { ...OCTOBER, formaat: 'csv' })).base64).toString(
      'utf8',
    )
    for (const line of csv.split('\r\n').slice(1))
      for (const field of line.split(';')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@]/)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Klik"")"`)
    expect(csv).toContain("'-2+3")

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      decode(
        (await t.call('monitor.feedback', { ...OCTOBER, formaat: 'xlsx' })).base64,
      ) as unknown as ArrayBuffer,
    )
    const cells = wb.worksheets.flatMap((ws) =>
      ws
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string'),
    )
    expect(cells).toContain("'@SUM(1+1)")
    expect(cells.filter((v) => /^[=+\-@]/.test(v as string))).toEqual([])
  })

  it('gives one sheet per partner in Excel, and records the export', async () => {
    const { t } = await octoberTeam()
    const file = await t.call('monitor.feedback', { ...OCTOBER, formaat: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(decode(file.base64) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Wonen Limburg'])
    expect(wb.worksheets[0]!.rowCount).toBe(9)
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'export')
      .execute()
    expect(audit).toEqual([{ action: 'terugkoppeling' }])
  })

  it('exports the dashboard to Excel with counts and percentages', async () => {
    const { t } = await octoberTeam()
    const file = await t.call('monitor.exportExcel', OCTOBER)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(decode(file.base64) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Overzicht')!
    const rows: unknown[][] = []
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    expect(rows).toContainEqual(['Ontvangen', 8])
    expect(rows).toContainEqual(['Bereik', 2, 4, 0.5, 0.19])
    expect(rows).toContainEqual(['4 of meer pogingen', 1, 1, 1, 0.37])
  })
})
