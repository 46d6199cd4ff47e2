import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { storePeriods } from '../retention/periods'
import { runPurge } from '../retention/purge'
import { APP_VERSION } from '@shared/version'
import { ddasSchemaErrors } from './ddas-schema'
import { OCTOBER, octoberTeam, ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { importFile, signal } from '../../test/fixtures'

// The official files are kept in the repository (resources/ddas) so the test runs anywhere. Their
// SHA-256 is the originals' (the project's shared folder, taken once): the copies must match it
// everywhere, and where the shared folder is beside the checkout, the originals must too.
const ROOT = resolve(__dirname, '../../../..')
const DDAS = resolve(ROOT, 'resources/ddas')
const OFFICIAL =
  [resolve(ROOT, '../shared/ddas'), resolve(ROOT, '../../shared/ddas')].find((d) => existsSync(d)) ?? ''
const DDAS_FILES: Record<string, string> = {
  'json_schema_Uitwisselmodel.v1.2.json': '2212b538b313e5525047f1e693f32716b8b7104fdcbb8957ec23114a70ddb9e7',
  'voorbeeld.v1.2.json': '4c8e87a226aa0d32c9e32451a20760d3ee1d4705ea6ac1168bdf3d22e1d7ce2c',
  'json_schema_Uitwisselmodel.v0.9.json': 'af436045ddd3b37a2a7869920b219dabd17e2a46f642a9c66aacb6528acb19e2',
  'enkelvoudigVoorbeeld.v0.9.json': 'f993219d5943e099654f3a0c3a58ab0bbec1f363a75f5a2a016282ae1213cfc6',
  'meervoudigVoorbeeld.v0.9.json': '7c7efb9831f76f8c8bf4907079b1fcda99806ca1cb674bd6ea4d69af9572b61b',
}
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const readJson = (name: string): any => JSON.parse(readFileSync(resolve(DDAS, name), 'utf8'))
const decode = (b64: string) => Buffer.from(b64, 'base64')

type Team = Awaited<ReturnType<typeof octoberTeam>>

/** October's team with the supplying organisation filled in, as the kwaliteitsmedewerker does. */
async function readyTeam(change: Parameters<typeof settingsInput>[1] = {}): Promise<Team> {
  const team = await octoberTeam()
  const s = await team.t.call('monitor.settings', {})
  await team.t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE, ...change }))
  return team
}

async function deliver(t: Team['t'], versie: '1.2' | '0.9' = '1.2') {
  const file = await t.call('monitor.exportDdas', { ...OCTOBER, versie })
  return { file, json: JSON.parse(decode(file.base64).toString('utf8')) }
}

const signalById = (json: any, id: string) =>
  json.leveringen[0].vroegsignalen.find((v: { ID: string }) => v.ID === id)
const caseHolding = (json: any, id: string) =>
  json.leveringen[0].vroegsignaalzaken.find((z: { vroegsignalen: { ID: string }[] }) =>
    z.vroegsignalen.some((v) => v.ID === id),
  )

describe('the official DDAS files', () => {
  it('are copies that equal the originals, byte for byte', () => {
    for (const [name, hash] of Object.entries(DDAS_FILES)) {
      expect(sha256(resolve(DDAS, name)), name).toBe(hash)
      if (OFFICIAL) expect(sha256(resolve(OFFICIAL, name)), `${name} (original)`).toBe(hash)
    }
  })

  it('accept their own examples, and refuse a broken one and the other version', () => {
    for (const name of ['enkelvoudigVoorbeeld.v0.9.json', 'meervoudigVoorbeeld.v0.9.json'])
      expect(ddasSchemaErrors(readJson(name), '0.9'), name).toEqual([])
    expect(ddasSchemaErrors(readJson('voorbeeld.v1.2.json'), '1.2')).toEqual([])
    const broken = readJson('voorbeeld.v1.2.json')
    broken.leveringen[0].vroegsignalen[0].bedrag = 450.5
    expect(ddasSchemaErrors(broken, '1.2')).not.toEqual([])
    // v1.2 refuses v0.9's field names and the names in its client block.
    expect(ddasSchemaErrors(readJson('enkelvoudigVoorbeeld.v0.9.json'), '1.2')).not.toEqual([])
  })
})

describe('DDAS delivery in version 1.2', () => {
  it('refuses to deliver before the supplying organisation has a contact person', async () => {
    const { t } = await octoberTeam()
    const s = await t.call('monitor.settings', {})
    // A suggestion to start from, not a saved contact person.
    expect(s.voorstelContactpersonen.map((c) => c.naam)).toEqual(['Fatima El Idrissi'])
    expect(s.organisatie).toEqual({ naam: 'Gemeente Roermond', kvkNummer: '', contactpersonen: [] })
    await expect(t.call('monitor.exportDdas', OCTOBER)).rejects.toThrow(/minstens één contactpersoon/)
  })

  it('delivers October valid against the official schema, with v1.2 names and statuses, and records it', async () => {
    const { t } = await readyTeam({ organisatie: { ...ORGANISATIE, kvkNummer: '1234 5678' } })
    const { file, json } = await deliver(t)
    expect(ddasSchemaErrors(json, '1.2')).toEqual([])
    expect(file).toMatchObject({
      versie: '1.2',
      fileName: 'ddas-0957-2026-10-01_2026-10-31.json',
      opmerkingen: [],
    })
    // Signals dated in October (8) and the cases holding them: A, B, C, D, F, G (not E)
    expect(file.vroegsignalen).toBe(8)
    expect(file.zaken).toBe(6)

    expect(json.codeGegevensleverancier).toBe(`Lange Adem ${APP_VERSION}`)
    expect(json.aanleverdatumEnTijd).toBe('2026-11-10T09:00:00Z')
    const lev = json.leveringen[0]
    expect(lev).toMatchObject({
      teller: 1,
      gemeentecode: '0957',
      aanleverendeOrganisatie: {
        naam: 'Gemeente Roermond',
        'kvk-nummer': '12345678',
        contactpersonen: [
          {
            naam: 'Fatima El Idrissi',
            telefoonnummer: '0475 359 999',
            email: 'f.elidrissi@roermond.nl',
            functietitel: 'Kwaliteitsmedewerker vroegsignalering',
          },
        ],
      },
    })
    expect(signalById(json, 'VPS-A')).toEqual({
      ID: 'VPS-A',
      crisissignaal: false,
      warmeOverdracht: true,
      bedrag: 450,
      ontstaansdatum: '2026-09-01',
      signaaldatum: '2026-10-02',
      status: 'Opgepakt',
      signaalpartner: { type: 'Huur' },
      client: { postcode: '6041AB', huisnummer: '12', geboortedatum: '1984-03-12' },
    })
    // Not followed up: the case's end result is the signal's status.
    expect(signalById(json, 'VPS-F')).toMatchObject({
      status: 'Niet opgepakt: onterecht signaal',
      bedrag: 40,
    })
    const water = lev.vroegsignalen.find((v: { ID: string }) => v.ID.startsWith('LA-'))
    expect(water).toMatchObject({ bedrag: 51, status: 'Opgepakt', signaalpartner: { type: 'Water' } }) // 50.50
    const caseB = caseHolding(json, 'VPS-B1')
    expect(caseB.vroegsignalen).toHaveLength(3)
    expect(caseB).toEqual({
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      matchingsdatum: '2026-10-08',
      startdatumMatchingperiode: '2026-10-01',
      datumOpgepakt: '2026-10-08',
      einddatumMatchingperiode: '2026-10-31',
      vroegsignalen: caseB.vroegsignalen,
      contactpogingen: [{ soort: 'Telefoon', bereikt: true, datum: '2026-10-08', dagdeel: 'Avond' }],
    })

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'ddas-export').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toBe(
      'DDAS-levering (versie 1.2) 01-10-2026 t/m 31-10-2026: 8 signalen, 6 zaken',
    )
  })

  it('sends only a BSN that passes the eleven-test, else postcode and house number, and no birth date if told', async () => {
    const { t, ids } = await readyTeam({ geboortedatumMeesturen: false })
    const resident = (caseId: number) =>
      t.db.selectFrom('vroegsignaal').select('resident_id').where('case_id', '=', caseId).limit(1)
    await t.db.updateTable('resident').set({ bsn: '111222333' }).where('id', 'in', resident(ids.A)).execute()
    // An import may bring a BSN that fails the eleven-test; it never reaches CBS.
    await t.db.updateTable('resident').set({ bsn: '123456789' }).where('id', 'in', resident(ids.D)).execute()
    await t.db.updateTable('household').set({ toevoeging: 'bis' }).where('postcode', '=', '6044AA').execute()
    const { file, json } = await deliver(t)
    expect(ddasSchemaErrors(json, '1.2')).toEqual([])
    expect(signalById(json, 'VPS-A').client).toEqual({ burgerservicenummer: '111222333' })
    expect(signalById(json, 'VPS-D').client).toEqual({ postcode: '6041XY', huisnummer: '12' })
    expect(signalById(json, 'VPS-C').client).toEqual({
      postcode: '6044AA',
      huisnummer: '12',
      huisnummertoevoeging: 'bis',
    })
    expect(file.opmerkingen).toEqual([
      '1 signaal heeft een BSN dat de elfproef niet haalt: daar staan postcode en huisnummer in plaats van het BSN.',
    ])
  })

  it('holds no name, street or city anywhere in the file', async () => {
    const { t } = await readyTeam()
    const text = decode((await t.call('monitor.exportDdas', OCTOBER)).base64).toString('utf8')
    const people = await t.db
      .selectFrom('resident as r')
      .innerJoin('household as h', 'h.id', 'r.household_id')
      .select(['r.voorletters', 'r.tussenvoegsel', 'r.achternaam', 'h.straat', 'h.plaats'])
      .execute()
    expect(people.length).toBeGreaterThan(5)
    for (const p of people) {
      for (const word of [p.achternaam, p.straat]) expect(text).not.toContain(word)
      for (const word of [p.voorletters, p.tussenvoegsel]) expect(text).not.toContain(`"${word}"`)
    }
    const json = JSON.parse(text)
    // The city is in the gemeente's own name; it must not be in any signal or case.
    const personal = JSON.stringify([json.leveringen[0].vroegsignalen, json.leveringen[0].vroegsignaalzaken])
    for (const p of people) expect(personal).not.toContain(p.plaats)
    for (const key of ['Achternaam', 'Voorletters', 'Voorvoegsel', 'Straatnaam', 'Plaatsnaam', 'naam"'])
      expect(personal).not.toContain(key)
  })

  it('leaves out a signal whose personal data were deleted, says so, and stays valid; v0.9 keeps it', async () => {
    const { t, ids } = await readyTeam()
    await storePeriods(t.db, { nietDoorgezet: 1, zonderHulp: 1, metHulp: 1 }, t.clock.now(), null)
    t.clock.set('2027-01-10T09:00:00.000Z')
    await runPurge(t.db, { at: t.clock.now(), today: t.clock.today(), userId: null }, 'automatisch')
    const left = await t.db.selectFrom('vroegsignaalzaak').select('id').execute()
    expect(left.map((c) => c.id)).not.toContain(ids.B) // closed without help in October
    const { file, json } = await deliver(t)
    expect(ddasSchemaErrors(json, '1.2')).toEqual([])
    expect(file.opmerkingen.join(' ')).toMatch(
      /signalen zijn niet meegeleverd: de persoonsgegevens zijn al verwijderd/,
    )
    expect(json.leveringen[0].vroegsignalen.every((v: any) => Object.keys(v.client).length > 0)).toBe(true)
    const old = await deliver(t, '0.9')
    expect(ddasSchemaErrors(old.json, '0.9')).toEqual([])
    expect(old.file.vroegsignalen).toBe(8)
    expect(file.vroegsignalen).toBeLessThan(8)
  })
})

describe('the status "Inwoner al bekend bij schuldhulpverlening"', () => {
  it('can be chosen in triage, is counted as not followed up, and is delivered in both versions', async () => {
    const { t } = await readyTeam()
    const csv =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode\n' +
      'VPS-K;Energie;300;20-10-2026;K.;Kessels;01-02-1975;Markt;9;6041EM\n'
    const {
      summary: { importId },
    } = await importFile(t, 'oktober.csv', csv)
    const [row] = await t.call('intake.importSignals', { importId: importId! })
    const refused = await t.raw('intake.decide', {
      signalId: row!.signalId,
      doorzetten: false,
      status: 'Opgepakt',
      reden: 'Zit al bij schuldhulpverlening',
    })
    expect(refused.ok).toBe(false)
    const decided = await t.call('intake.decide', {
      signalId: row!.signalId,
      doorzetten: false,
      status: 'Inwoner al bekend bij schuldhulpverlening',
      reden: 'Zit al bij schuldhulpverlening',
    })
    expect(decided).toMatchObject({ caseId: null, besluit: 'niet' })
    const d = await t.call('monitor.dashboard', OCTOBER)
    expect(d.nietDoorgezet).toContainEqual({ status: 'Inwoner al bekend bij schuldhulpverlening', aantal: 1 })
    expect(d.nietDoorgezet.map((n) => n.status)).not.toContain('Opgepakt')

    const now = await deliver(t)
    expect(ddasSchemaErrors(now.json, '1.2')).toEqual([])
    expect(signalById(now.json, 'VPS-K')).toMatchObject({
      status: 'Inwoner al bekend bij schuldhulpverlening',
      client: { postcode: '6041EM', huisnummer: '9', geboortedatum: '1975-02-01' },
    })
    const old = await deliver(t, '0.9')
    expect(ddasSchemaErrors(old.json, '0.9')).toEqual([])
    expect(signalById(old.json, 'VPS-K')).toMatchObject({ status: 'Niet opgepakt: andere reden' })
    expect(old.file.opmerkingen).toEqual([
      '1 signaal met status "Inwoner al bekend bij schuldhulpverlening" geleverd als "Niet opgepakt: andere reden": versie 0.9 kent die status niet.',
    ])
  })
})

describe('DDAS delivery in version 0.9, on request', () => {
  it('is valid against v0.9, with its field names, the full client block and v1.2 values translated', async () => {
    const { t, ids, attempt } = await readyTeam()
    await attempt(ids.C, 'Afspraak op locatie', true, '2026-10-22', 'Middag')
    await attempt(ids.C, 'Onbekend', false, '2026-10-21', 'Ochtend')
    await t.db
      .updateTable('vroegsignaalzaak')
      .set({
        status: 'gesloten',
        is_open: 0,
        resultaat: 'Vervolghulp en/of verwijzing',
        gesloten_op: '2026-10-25',
      })
      .where('id', '=', ids.C)
      .execute()
    const now = await deliver(t, '1.2')
    expect(ddasSchemaErrors(now.json, '1.2')).toEqual([])
    expect(caseHolding(now.json, 'VPS-C')).toMatchObject({
      resultaat: 'Vervolghulp en/of verwijzing',
      contactpogingen: [{ soort: 'Onbekend' }, { soort: 'Afspraak op locatie' }],
    })

    const { file, json } = await deliver(t, '0.9')
    expect(ddasSchemaErrors(json, '0.9')).toEqual([])
    expect(file.fileName).toBe('ddas-0957-2026-10-01_2026-10-31-v0.9.json')
    const lev = json.leveringen[0]
    expect(lev.aanleverende_organisatie.contactpersoonen[0].naam).toBe('Fatima El Idrissi')
    expect(signalById(json, 'VPS-A')).toMatchObject({
      client: {
        Achternaam: 'Aarts',
        Voorvoegsel: 'van der',
        Straatnaam: 'Kapellerlaan',
        Plaatsnaam: 'Roermond',
      },
    })
    expect(signalById(json, 'VPS-A')).not.toHaveProperty('status') // v0.9 has no "Opgepakt"
    expect(caseHolding(json, 'VPS-B1')).toMatchObject({
      resultaat: 'Inwoner hoeft geen hulp vanuit vroegsignalering',
      datum_opgepakt: '2026-10-08',
      startdatum_matchtingperiode: '2026-10-01',
    })
    const caseC = caseHolding(json, 'VPS-C')
    expect(caseC).not.toHaveProperty('resultaat')
    expect(caseC.contactpogingen).toEqual([
      { bereikt: false, datum: '2026-10-21', dagdeel: 'Ochtend' },
      { soort: 'Overige', bereikt: true, datum: '2026-10-22', dagdeel: 'Middag' },
    ])
    expect(file.opmerkingen).toEqual([
      '1 zaak met eindresultaat "Vervolghulp en/of verwijzing" zonder eindresultaat geleverd: dat bestaat in versie 0.9 niet.',
      '1 contactpoging "Afspraak op locatie" geleverd als "Overige": versie 0.9 kent die soort niet.',
      '1 contactpoging zonder bekende soort geleverd.',
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'ddas-export')
      .execute()
    expect(audit.map((a) => a.summary)).toContain(
      'DDAS-levering (versie 0.9) 01-10-2026 t/m 31-10-2026: 8 signalen, 6 zaken',
    )
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
    expect(rows).toContainEqual(['Bereik', 2, 5, 0.4, 0.19])
    expect(rows).toContainEqual(['4 of meer pogingen', 1, 1, 1, 0.37])
  })
})
