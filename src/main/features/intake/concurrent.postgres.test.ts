import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiOutput } from '@shared/api'
import { colleague, setUpTeam, signal, testApp } from '../../test/fixtures'
import { columnIndex, extractValues } from './rows'
import { analyseFile, storeRows } from './service'
import { IMPORT_BUSY, IMPORT_WAIT } from './import-lock'
import type { RowItem } from './import-rows'
import { setIntakeWorkerPath } from './upload/host'

/** The import worker as the build makes it (npx electron-vite build). */
const BUILT_WORKER = fileURLToPath(new URL('../../../../out/main/intake-worker.js', import.meta.url))

const HEADER =
  'Signaal ID;Melder;Soort achterstand;Bedrag;Datum signaal;Voorletters;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode;Woonplaats'

/** `n` valid rows, each a new household in Kapel (6043), none at the colleague's address. */
function monthFile(prefix: string, n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `${prefix}-${i};Wonen Limburg;Huurachterstand;€ ${100 + i},00;${1 + (i % 27)}-10-2026;J.;Bakker${i % 7};` +
      `${1 + (i % 28)}-03-1970;Kapellerlaan;${1 + i};6043 ${String.fromCharCode(65 + (i % 16))}${String.fromCharCode(65 + ((i >> 4) % 16))};Roermond`,
  )
  return [HEADER, ...rows].join('\r\n') + '\r\n'
}

/** A promise with its resolve, to hold the import's transaction open until the test lets go. */
function latch() {
  let open!: () => void
  const p = new Promise<void>((r) => (open = r))
  return { p, open }
}

/**
 * Starts an import of `csv` as `userId` that writes every row and then waits inside its
 * transaction; resolves once it waits, with the import's promise and the release.
 */
async function holdImport(t: Awaited<ReturnType<typeof testApp>>, userId: number, csv: string) {
  const a = await analyseFile(t.db, new Uint8Array(Buffer.from(csv, 'utf8')), '', 'november.csv')
  expect(a.unplaced).toEqual([])
  const index = columnIndex(a.table.headers, a.mapping)
  const items: RowItem[] = Array.from({ length: a.table.rows.length }, (_, i) => ({
    line: a.table.rows.line(i),
    values: extractValues(a.table.rows, i, index),
  }))
  const held = latch()
  const release = latch()
  const ctx = { at: t.clock.now(), today: t.clock.today(), userId }
  const importing = storeRows(t.db, ctx, items, a.mapping, {
    commit: true,
    bron: 'Vindplaats van Schulden',
    fileName: 'november.csv',
    afterPg: async () => {
      held.open()
      await release.p
    },
  })
  importing.catch(() => undefined)
  await Promise.race([held.p, importing])
  return { importing, release: release.open }
}

describe('the monthly import on PostgreSQL beside colleagues (no table lock)', () => {
  it('lets a colleague log an attempt and a note while an import is held open, refuses a second import and a hand-made signal in Dutch, and keeps the ranges, undo and the logboek right', async () => {
    const anouk = await testApp()
    const { me } = await setUpTeam(anouk, 'Anouk Peeters')
    const fatima = await colleague(anouk, 'Fatima El Idrissi')
    const { caseId } = await anouk.call('signals.createManual', signal({ postcode: '6041 AB' }))

    const { importing, release } = await holdImport(anouk, me.id, monthFile('NOV', 300))
    const householdsDuring = await anouk.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()

    // A colleague's attempt and note on an existing case commit while the import is open
    const started = Date.now()
    const attempt = await fatima.raw('ladder.logAttempt', {
      caseId,
      versie: await anouk.versie(caseId),
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
      notitie: 'gebeld tijdens de import',
      datum: '',
      tijd: '',
    })
    expect(attempt.ok).toBe(true)
    const note = await fatima.raw('dossier.addNote', { caseId, tekst: 'notitie tijdens de import' })
    expect(note.ok).toBe(true)
    expect(Date.now() - started).toBeLessThan(3000)

    // A second import is refused at once, in Dutch, with nothing saved
    const up = await fatima.app.dispatcher.call(
      fatima.session,
      'intake.upload',
      { fileName: 'december.csv' },
      new Uint8Array(Buffer.from(monthFile('DEC', 5), 'utf8')),
    )
    if (!up.ok) throw new Error(up.error.message)
    const { uploadId } = up.value as ApiOutput<'intake.upload'>
    const analysis = await fatima.call('intake.analyse', { uploadId })
    const refused = await fatima.raw('intake.commit', {
      uploadId,
      mapping: analysis.mapping,
      bron: 'Vindplaats van Schulden',
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.error.message).toMatch(/^Er loopt al een maandimport.*Er is niets opgeslagen\.$/)

    // A signal entered by hand waits for the import, bounded, then is refused with nothing saved
    const wait = IMPORT_WAIT.ms
    IMPORT_WAIT.ms = 300
    try {
      const byHand = await fatima.raw(
        'signals.createManual',
        signal({ postcode: '6042 CD', achternaam: 'Smits' }),
      )
      expect(byHand.ok).toBe(false)
      if (!byHand.ok) expect(byHand.error.message).toBe(IMPORT_BUSY)
    } finally {
      IMPORT_WAIT.ms = wait
    }
    const householdsAfterRefusal = await anouk.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(householdsAfterRefusal.n).toBe(householdsDuring.n)

    release()
    const summary = await importing
    expect(summary).toMatchObject({ rows: 300, nieuw: 300, problemen: 0 })
    const importId = summary.importId!

    // The run's ranges name exactly its rows, and the colleague's case is outside them
    const ranges = await anouk.db
      .selectFrom('import_range')
      .selectAll()
      .where('import_id', '=', importId)
      .execute()
    const ofRun = await anouk.db
      .selectFrom('signaal_intake as i')
      .innerJoin('vroegsignaal as s', 's.id', 'i.signal_id')
      .select([
        's.id as signaal',
        's.case_id as zaak',
        's.household_id as huishouden',
        's.resident_id as bewoner',
      ])
      .where('i.import_id', '=', importId)
      .execute()
    expect(ofRun).toHaveLength(300)
    for (const kind of ['zaak', 'huishouden', 'bewoner'] as const) {
      const ids = ofRun.map((r) => r[kind]!)
      const r = ranges.find((x) => x.kind === kind)!
      expect([r.first_id, r.last_id]).toEqual([Math.min(...ids), Math.max(...ids)])
      expect(r.last_id - r.first_id + 1).toBe(300)
    }
    const zaak = ranges.find((x) => x.kind === 'zaak')!
    expect(caseId < zaak.first_id || caseId > zaak.last_id).toBe(true)
    // The triggers' work was done for the run's rows: open flags, the first ladder step, the monitor's marks
    const flags = await anouk.db
      .selectFrom('resident')
      .select('has_open_case')
      .where(
        'id',
        'in',
        ofRun.map((r) => r.bewoner),
      )
      .execute()
    expect(flags.every((f) => f.has_open_case === 1)).toBe(true)

    // A signal by hand now goes through, after the run's ranges
    const later = await fatima.call(
      'signals.createManual',
      signal({ postcode: '6042 CD', achternaam: 'Smits' }),
    )
    expect(later.caseId).toBeGreaterThan(zaak.last_id)

    // The logboek: the colleague's entries and the import's, one unbroken chain
    const verdict = await fatima.call('audit.verify', {})
    expect(verdict).toMatchObject({ ok: true })

    // Undo removes exactly the run's rows; the colleague's case, attempt and note stay
    await anouk.call('intake.undo', { importId })
    const left = await anouk.db
      .selectFrom('vroegsignaalzaak')
      .select('id')
      .where('id', '>=', zaak.first_id)
      .where('id', '<=', zaak.last_id)
      .execute()
    expect(left).toEqual([])
    const attempts = await anouk.db
      .selectFrom('contactpoging')
      .select('notitie')
      .where('case_id', '=', caseId)
      .execute()
    expect(attempts.map((p) => p.notitie)).toContain('gebeld tijdens de import')
    expect(await fatima.call('audit.verify', {})).toMatchObject({ ok: true })
  }, 60_000)

  afterEach(() => setIntakeWorkerPath(undefined))

  // Needs `electron-vite build` first: the worker is a build entry of its own.
  it.runIf(existsSync(BUILT_WORKER))(
    'reads, checks and stores an upload in the import worker on its own PostgreSQL connections, main answering meanwhile',
    async () => {
      setIntakeWorkerPath(BUILT_WORKER)
      const anouk = await testApp()
      await setUpTeam(anouk, 'Anouk Peeters')
      const fatima = await colleague(anouk, 'Fatima El Idrissi')
      const { caseId } = await anouk.call('signals.createManual', signal({ postcode: '6041 AB' }))
      const { uploadId } = await anouk.upload('november.csv', monthFile('NOV', 3000))
      const analysis = await anouk.call('intake.analyse', { uploadId })
      expect(analysis.rowCount).toBe(3000)
      const committing = anouk.call('intake.commit', {
        uploadId,
        mapping: analysis.mapping,
        bron: 'Vindplaats van Schulden',
      })
      // Main answers a colleague while the worker imports
      let answered = 0
      let stored = false
      void committing.then(() => (stored = true))
      while (!stored) {
        await fatima.call('dossier.get', { caseId })
        answered++
        await new Promise((r) => setTimeout(r, 20))
      }
      const summary = await committing
      expect(summary).toMatchObject({ rows: 3000, nieuw: 3000, problemen: 0 })
      expect(answered).toBeGreaterThan(1)
      const signals = await anouk.db
        .selectFrom('signaal_intake')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('import_id', '=', summary.importId!)
        .executeTakeFirstOrThrow()
      expect(signals.n).toBe(3000)
      expect(await fatima.call('audit.verify', {})).toMatchObject({ ok: true })
    },
    60_000,
  )

  it('does not leave two open cases when a colleague reopens a case at an address where the held import opens a new one', async () => {
    const anouk = await testApp()
    const { me } = await setUpTeam(anouk, 'Anouk Peeters')
    const fatima = await colleague(anouk, 'Fatima El Idrissi')
    const { caseId } = await anouk.call('signals.createManual', signal({ postcode: '6041 AB' }))
    const closed = await anouk.call('ladder.close', {
      caseId,
      versie: await anouk.versie(caseId),
      resultaat: 'Definitief geen contact kunnen krijgen',
      hulpAangeboden: false,
      hulpGeaccepteerd: false,
    })
    // The file has a new signal for the same resident: the import opens a new case there
    const csv =
      monthFile('NOV', 3) +
      'REO-1;Wonen Limburg;Huurachterstand;€ 300,00;5-10-2026;J.;van der Berg;12-03-1984;Kapellerlaan;12;6041 AB;Roermond\r\n'
    const { importing, release } = await holdImport(anouk, me.id, csv)
    const reopening = fatima.raw('ladder.reopen', {
      caseId,
      versie: closed.dossier.versie,
      reden: 'Bewoner belde terug',
    })
    await new Promise((r) => setTimeout(r, 300))
    release()
    const [summary, reopened] = await Promise.all([importing, reopening])
    expect(summary).toMatchObject({ rows: 4, nieuw: 4 })
    expect(reopened.ok).toBe(false)
    if (!reopened.ok)
      expect(reopened.error.message).toMatch(/^Er is intussen een nieuwere zaak voor dit adres geopend\./)
    const open = await anouk.db
      .selectFrom('vroegsignaalzaak as z')
      .innerJoin('vroegsignaalzaak as x', 'x.household_id', 'z.household_id')
      .select('z.id')
      .where('x.id', '=', caseId)
      .where('z.is_open', '=', 1)
      .execute()
    expect(open).toHaveLength(1)
    expect(open[0]!.id).not.toBe(caseId)
  }, 60_000)
})
