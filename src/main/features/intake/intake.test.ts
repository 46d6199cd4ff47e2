import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ApiOutput } from '@shared/api'
import { importFile, setUpTeam, signInAs, testApp } from '../../test/fixtures'
import { verifyAuditChain } from '../audit/repository'

const FIXTURE = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/vps-oktober.csv')))

async function team() {
  const t = await testApp()
  // The import touches every wijk: the kwaliteitsmedewerker sees all of it.
  await setUpTeam(t, 'Fatima El Idrissi')
  return t
}

const analyseAndImport = (
  t: Awaited<ReturnType<typeof team>>,
  content: Uint8Array | string,
  fileName = 'vps-oktober.csv',
) => importFile(t, fileName, content)

describe('reading a messy platform export', () => {
  it('proposes the mapping from Dutch headers and abbreviations and the partner words', async () => {
    const t = await team()
    const { uploadId } = await t.upload('x.csv', FIXTURE)
    const a = await t.call('intake.analyse', { uploadId })
    expect(a.encoding).toBe('UTF-8 (BOM)')
    expect(a.delimiter).toBe(';')
    expect(a.rowCount).toBe(8)
    expect(a.unplaced).toEqual([])
    expect(a.mapping.columns).toMatchObject({
      externId: 'Signaal ID',
      partnerType: 'Soort',
      partnerNaam: 'Signaalpartner',
      voorletters: 'Voorl.',
      tussenvoegsel: 'Tussenv.',
      geboortedatum: 'Geb.datum',
      huisnummer: 'Huisnr',
      plaats: 'Woonplaats',
    })
    const words = Object.fromEntries(a.partnerWords.map((w) => [w.word, w.proposed]))
    expect(words).toEqual({
      Huurachterstand: 'Huur',
      Energieleverancier: 'Energie',
      Zorgverzekeraar: 'Zorg',
      Drinkwater: 'Water',
      Kinderopvang: null,
    })
    expect(a.sample[1]![9]).toBe('Jansen; Pietersen')
  })

  it('previews without storing, imports, lists problem rows with line, field and reason', async () => {
    const t = await team()
    const { uploadId } = await t.upload('x.csv', FIXTURE)
    const a = await t.call('intake.analyse', { uploadId })
    const preview = await t.call('intake.preview', { uploadId, mapping: a.mapping, bron: 'VPS' })
    expect(preview).toMatchObject({
      importId: null,
      rows: 8,
      nieuw: 5,
      problemen: 3,
      doorgezet: 4,
      nietDoorgezet: 1,
    })
    expect((await t.call('caseload.list', {})).total).toBe(0)
    expect(await t.call('intake.history', {})).toEqual([])

    const { summary } = await analyseAndImport(t, FIXTURE)
    expect(summary).toMatchObject({
      rows: 8,
      nieuw: 5,
      problemen: 3,
      doorgezet: 4,
      nietDoorgezet: 1,
      nieuweZaken: 3,
      meervoudig: 2,
    })
    const reasons = summary.problems.map((p) => `${p.line} ${p.field}: ${p.reason}`)
    expect(reasons).toEqual([
      '6 bedrag: Het bedrag is negatief.',
      '7 signaaldatum: De signaaldatum "31-02-2026" is geen bestaande datum.',
      '7 postcode: Geen postcode.',
      '8 partnerType: Onbekend soort signaalpartner: "Kinderopvang".',
      '8 achternaam: De achternaam ontbreekt.',
    ])
    const page = await t.call('caseload.list', { sort: 'naam' })
    expect(page.total).toBe(3)
    const berg = page.rows.find((r) => r.naam.includes('Berg'))!
    expect(berg.signalen).toBe(2)
    expect(berg.bedragCents).toBe(123456 + 7500)
    expect(berg.consulentNaam).toBe('Anouk Peeters')
    const peeters = page.rows.find((r) => r.naam.includes('Peeters'))!
    expect(peeters.consulentNaam).toBe('Sem Janssen')
    expect(peeters.crisis).toBe(true)

    const signals = await t.call('intake.importSignals', { importId: summary.importId! })
    const water = signals.find((s) => s.partnerType === 'Water')!
    expect(water).toMatchObject({ besluit: 'niet', caseId: null, status: 'Niet opgepakt: onterecht signaal' })
    expect(signals.find((s) => s.partnerType === 'Zorg')).toMatchObject({
      adviesReden: 'Jongere (25 jaar)',
      meervoudig: true,
    })
    const jansen = signals.find((s) => s.naam.includes('Jansen'))!
    expect(jansen.adres).toBe('Hamstraat 3A, 6041 AB')

    const history = await t.call('intake.history', {})
    expect(history[0]).toMatchObject({
      bestandsnaam: 'vps-oktober.csv',
      nieuw: 5,
      doorgezet: 4,
      undoBlocked: null,
    })
  })

  it('never imports a signal twice: a re-export is recognised by its signal ID', async () => {
    const t = await team()
    await analyseAndImport(t, FIXTURE)
    const again = await analyseAndImport(t, FIXTURE)
    // The saved mapping for this source is picked up by itself
    expect(again.a.mappingName).toBe('Vindplaats van Schulden')
    expect(again.summary).toMatchObject({ nieuw: 0, eerderIngelezen: 5, problemen: 3, nieuweZaken: 0 })
    expect((await t.call('caseload.list', {})).total).toBe(3)
  })

  it('reads Windows-1252 with commas, and an Excel file with real dates and numbers', async () => {
    const t = await team()
    const csv =
      'ID,Type,Bedrag,Signaaldatum,Voorletters,Naam,Geboortedatum,Adres,Postcode,Plaats\r\n' +
      '"R-1",Huur,"1.050,00",03-10-2026,E.,"Hoëlle, van",01-02-1980,"Kerkstraat 7",6041 CC,Roermond\r\n'
    const bytes = new Uint8Array([...csv].map((c) => (c === 'ë' ? 0xeb : c.charCodeAt(0))))
    const { a, summary } = await analyseAndImport(t, bytes, 'ris.csv')
    expect(a.encoding).toBe('Windows-1252')
    expect(summary).toMatchObject({ nieuw: 1, problemen: 0 })
    const page = await t.call('caseload.list', {})
    expect(page.rows[0]!.naam).toBe('E. van Hoëlle')
    expect(page.rows[0]!.adres).toBe('Kerkstraat 7')

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Signalen')
    ws.addRow([
      'Signaal-ID',
      'Soort signaalpartner',
      'Bedrag',
      'Signaaldatum',
      'Achternaam',
      'Straat',
      'Huisnummer',
      'Postcode',
      'Mobiel',
    ])
    ws.addRow([
      'X-1',
      'Zorgverzekering',
      310.5,
      new Date(Date.UTC(2026, 9, 9)),
      'Yılmaz',
      'Markt',
      5,
      '6042 AA',
      612345678,
    ])
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer())
    const x = await analyseAndImport(t, xlsx, 'vps.xlsx')
    expect(x.a.format).toBe('xlsx')
    expect(x.summary).toMatchObject({ nieuw: 1, problemen: 0, doorgezet: 1 })
    const sig = await t.call('intake.importSignals', { importId: x.summary.importId! })
    expect(sig[0]).toMatchObject({ bedragCents: 31050, signaaldatum: '2026-10-09', partnerType: 'Zorg' })
  })

  it('stops a headless-style import that cannot place a required field, naming it', async () => {
    const t = await team()
    const csv = 'Naam;Bedrag\nBerg;100\n'
    const { uploadId } = await t.upload('x.csv', csv)
    const a = await t.call('intake.analyse', { uploadId })
    expect(a.unplaced).toContain('externId')
    await expect(t.call('intake.commit', { uploadId, mapping: a.mapping, bron: 'x' })).rejects.toThrow(
      /Signaal-ID .*Soort signaalpartner.*Signaaldatum/,
    )
  })
})

describe('corrections, matching, triage decisions and undo', () => {
  it('fixes and accepts a problem row, or rejects it with a reason', async () => {
    const t = await team()
    await analyseAndImport(t, FIXTURE)
    const problems = await t.call('intake.problems', {})
    expect(problems.map((p) => p.line)).toEqual([6, 7, 8])
    const p6 = problems[0]!
    const still = await t.call('intake.acceptProblem', { id: p6.id, values: p6.values })
    expect(still).toMatchObject({
      ingelezen: false,
      row: { problems: [{ reason: 'Het bedrag is negatief.' }] },
    })
    const accepted = await t.call('intake.acceptProblem', {
      id: p6.id,
      values: { ...p6.values, bedrag: '20,00' },
    })
    // 20 euro is below the 75 euro threshold: stored, not followed up
    expect(accepted).toMatchObject({ ingelezen: true, doorgezet: false, row: { status: 'geaccepteerd' } })
    await t.call('intake.rejectProblems', { ids: [problems[2]!.id], reden: 'Geen vastelastenpartner' })
    const open = await t.call('intake.problems', {})
    expect(open.map((p) => p.line)).toEqual([7])
    const all = await t.call('intake.problems', { status: 'alle' })
    expect(all.find((p) => p.line === 8)).toMatchObject({
      status: 'afgewezen',
      reden: 'Geen vastelastenpartner',
    })
  })

  it('marks opeenvolgend within six months, recognises a person despite spelling, and honours an overrule', async () => {
    const t = await team()
    const head =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode\n'
    await analyseAndImport(
      t,
      head +
        'A-1;Huur;500;05-05-2026;J.;Janssen;01-01-1980;Markt;9;6041EM\nA-2;Huur;500;05-01-2026;P.;Smit;01-01-1970;Markt;11;6041EM\n',
      'mei.csv',
    )
    const { summary } = await analyseAndImport(
      t,
      head +
        'B-1;Energie;300;04-10-2026;J;Jansen;01-01-1980;Markt;9;6041EM\n' +
        'B-2;Energie;300;04-10-2026;P;Smit;01-01-1970;Markt;11;6041EM\n' +
        'B-3;Huur;400;04-10-2026;J.;Jansen;01-01-1980;Markt;9;6041EM\n',
      'oktober.csv',
    )
    const s = await t.call('intake.importSignals', { importId: summary.importId! })
    // Markt 9: May is within six months of October 4th; Markt 11 in January is not. "Eerder bekend"
    // counts what was known before this file: Jansen's second signal in the same file is meervoudig.
    expect(s.map((x) => [x.line, x.opeenvolgend, x.eerdereSignalen, x.meervoudig])).toEqual([
      [2, true, 1, true],
      [3, false, 1, false],
      [4, true, 1, true],
    ])
    // "Jansen" is the "Janssen" of May: the same resident, not a new one
    const herhaald = s[2]!
    expect(herhaald).toMatchObject({ besluit: 'niet', status: 'Niet opgepakt: herhaalde melding' })
    const overruled = await t.call('intake.decide', {
      signalId: herhaald.signalId,
      doorzetten: true,
      reden: 'Bedrag in feite gestegen',
    })
    expect(overruled.caseId).not.toBeNull()
    expect(overruled).toMatchObject({ besluit: 'doorzetten', advies: 'niet', status: null })
    const back = await t.call('intake.decide', {
      signalId: s[1]!.signalId,
      doorzetten: false,
      status: 'Persoon is geen inwoner (meer) in de gemeente',
      reden: 'Verhuisd naar Venlo',
    })
    expect(back).toMatchObject({ caseId: null, besluit: 'niet' })
    const history = await t.call('intake.history', {})
    expect(history[0]).toMatchObject({ doorgezet: 2, nietDoorgezet: 1 })
  })

  it('undoes an import as a whole while no work was done, and refuses once there is', async () => {
    const t = await team()
    const first = await analyseAndImport(t, FIXTURE)
    const before = await t.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const undone: ApiOutput<'intake.undo'> = await t.call('intake.undo', {
      importId: first.summary.importId!,
    })
    expect(undone.ongedaanOp).not.toBeNull()
    expect((await t.call('caseload.list', {})).total).toBe(0)
    const left = await t.db
      .selectFrom('vroegsignaal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const hh = await t.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(left.n)).toBe(0)
    expect(Number(hh.n)).toBe(0)
    expect(Number(before.n)).toBeGreaterThan(0)
    expect(await t.call('intake.problems', {})).toEqual([])

    // Import again (the IDs are free again), then work on a case: undo is refused
    const second = await analyseAndImport(t, FIXTURE)
    expect(second.summary.nieuw).toBe(5)
    const caseId = (await t.call('caseload.list', {})).rows[0]!.id
    await t.call('dossier.addNote', { caseId, tekst: 'Gebeld, geen gehoor' })
    const h = await t.call('intake.history', {})
    expect(h[0]!.undoBlocked).toMatch(/al gewerkt/)
    await expect(t.call('intake.undo', { importId: second.summary.importId! })).rejects.toThrow(/al gewerkt/)
    // Every entry the batch path wrote is sealed into the audit chain
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  it('moves cases between consulenten and shows the load', async () => {
    const t = await team()
    // Moving cases is the kwaliteitsmedewerker's work.
    const fatima = (await t.call('session.team', {})).find((m) => m.naam === 'Fatima El Idrissi')!
    await signInAs(t, fatima.naam)
    await analyseAndImport(t, FIXTURE)
    const load = await t.call('intake.load', {})
    const anouk = load.find((l) => l.naam === 'Anouk Peeters')!
    const sem = load.find((l) => l.naam === 'Sem Janssen')!
    expect([anouk.open, sem.open]).toEqual([2, 1])
    const cases = await t.call('intake.openCases', { consulentId: anouk.consulentId! })
    const after = await t.call('intake.moveCases', { caseIds: [cases[0]!.id], consulentId: sem.consulentId! })
    expect(after.find((l) => l.naam === 'Sem Janssen')!.open).toBe(2)
  })
})
