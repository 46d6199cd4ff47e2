import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKey } from '../keys/key'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app/create-app'
import { ROERMOND_SETUP } from '../../test/fixtures'
import {
  chainHolds,
  copyDataDir,
  integrity,
  lineAt,
  openRaw,
  requireBuiltCli,
  runCliChild,
  scalar,
  seeded,
} from '../../test/kill'
import { analyseFile, runImport } from './service'

/**
 * A process killed in the middle of an import leaves the data as before it, or the whole import:
 * never half. The child is the built command line (`node out/main/cli.js import`, the real
 * services on a real file database), killed with SIGKILL at seeded random moments spread over
 * the import's own duration.
 */
/** The data folders here are encrypted like the app's; the child gets the key as the CLI documents it. */
const KEY = generateKey()

const KILLS = 20
const ROWS = 2000
const root = mkdtempSync(join(tmpdir(), 'lange-adem-kill-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Unique signal IDs over the wijken and beyond; one row in 25 has a problem (no valid amount). */
function generatedCsv(rows: number): string {
  const out = [
    'Signaal ID;Soort;Bedrag;Signaaldatum;Voorl.;Achternaam;Geb.datum;Straat;Huisnr;Postcode;Woonplaats',
  ]
  const types = ['Huurachterstand', 'Energieleverancier', 'Zorgverzekeraar', 'Drinkwater']
  for (let i = 0; i < rows; i++) {
    const pc = `${6041 + (i % 6)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`
    const amount = i % 25 === 24 ? 'onbekend' : `${100 + (i % 900)},00`
    out.push(
      [
        `KILL-${i}`,
        types[i % types.length],
        amount,
        `${1 + (i % 28)}-10-2026`,
        'J.',
        `Achternaam${i % 997}`,
        `${1 + (i % 28)}-0${1 + (i % 9)}-19${40 + (i % 60)}`,
        'Hoofdstraat',
        String(1 + Math.floor(i / 676)),
        pc,
        'Roermond',
      ].join(';'),
    )
  }
  return out.join('\r\n') + '\r\n'
}

/**
 * Runs the command-line import. The child prints a line once the file is read and the import
 * starts; `killAfterMs` counts from that line, so the kills land in the import itself rather
 * than in the start of node.
 */
async function runCli(dataDir: string, csv: string, killAfterMs: number | null) {
  const run = await runCliChild(
    ['import', csv, '--data-dir', dataDir],
    KEY,
    killAfterMs === null ? null : { after: /./, delayMs: killAfterMs },
  )
  const startedAt = lineAt(run, /./)
  return { code: run.code, signal: run.signal, importMs: startedAt === null ? 0 : run.exitMs - startedAt }
}

/** The same import again, in this process through the real services, as a user would retry it. */
async function importAgain(dataDir: string, csv: string): Promise<void> {
  const app = await createApp({ dataDir, key: KEY })
  try {
    const bytes = new Uint8Array(readFileSync(csv))
    const analysis = await analyseFile(app.database.db, bytes, '')
    await runImport(
      app.database.db,
      { at: app.clock.now(), today: app.clock.today(), userId: null },
      { fileName: 'signalen.csv', table: analysis.table },
      analysis.mapping,
      { commit: true, bron: 'Opdrachtregel' },
    )
  } finally {
    await app.close()
  }
}

interface Counts {
  imports: number
  signals: number
  distinctIds: number
  intakeRows: number
  problems: number
  households: number
  cases: number
  importAudit: number
  orphanSignals: number
  /** The row triggers, which the import pauses inside its transaction: all back after any kill. */
  triggers: number
  /** New cases and signals marked for the monitor (by the triggers, or by the import itself). */
  unmarked: number
}

function counts(dataDir: string): Counts & { integrity: string } {
  const db = openRaw(dataDir, KEY)
  try {
    const one = (q: string) => scalar(db, q)
    return {
      integrity: integrity(db),
      imports: one('select count(*) from import_batch'),
      signals: one('select count(*) from vroegsignaal'),
      distinctIds: one('select count(distinct extern_id) from vroegsignaal'),
      intakeRows: one('select count(*) from signaal_intake'),
      problems: one('select count(*) from import_problem'),
      households: one('select count(*) from household'),
      cases: one('select count(*) from vroegsignaalzaak'),
      importAudit: one("select count(*) from audit_log where action = 'signalen ingelezen'"),
      // A signal must have its intake row, household and resident, and a followed-up one its case
      orphanSignals: one(`select count(*) from vroegsignaal s
        left join signaal_intake si on si.signal_id = s.id
        left join household h on h.id = s.household_id
        left join resident r on r.id = s.resident_id
        left join vroegsignaalzaak z on z.id = s.case_id
        where si.signal_id is null or h.id is null or r.id is null
           or (si.besluit = 'doorzetten' and z.id is null)`),
      triggers: one("select count(*) from sqlite_master where type = 'trigger'"),
      unmarked: one(`select
          (select count(*) from vroegsignaal s where not exists
            (select 1 from monitor_dirty d where d.kind = 'signaal' and d.ref_id = s.id))
        + (select count(*) from vroegsignaalzaak z where not exists
            (select 1 from monitor_dirty d where d.kind = 'zaak' and d.ref_id = z.id))`),
    }
  } finally {
    db.close()
  }
}

function chainOk(dataDir: string): boolean {
  const db = openRaw(dataDir, KEY, true)
  try {
    return chainHolds(db)
  } finally {
    db.close()
  }
}

describe('killed during an import', () => {
  it(
    `leaves all or nothing, ${KILLS} times at random moments, and a re-run completes it`,
    { timeout: 120_000 },
    async () => {
      requireBuiltCli()
      const csv = join(root, 'signalen.csv')
      writeFileSync(csv, generatedCsv(ROWS))

      // A set-up team in a file database, copied fresh for every kill.
      const base = join(root, 'base')
      const app = await createApp({ dataDir: base, key: KEY })
      const session = { userId: null }
      const setup = await app.dispatcher.call(session, 'setup.complete', ROERMOND_SETUP)
      expect(setup.ok).toBe(true)
      await app.close()
      const empty = counts(base)
      const fresh = (name: string) => copyDataDir(base, join(root, name))

      // One run without a kill: what "complete" looks like, and how long it takes.
      const reference = fresh('reference')
      const whole = await runCli(reference, csv, null)
      console.log(`import of ${ROWS} rows without a kill: ${Math.round(whole.importMs)} ms after the start`)
      expect(whole.code).toBe(0)
      const full = counts(reference)
      // Every row is a signal or a problem row (bad amounts, and postcodes such as 6041 SA)
      expect(full.signals + full.problems).toBe(ROWS)
      expect(full.problems).toBeGreaterThanOrEqual(ROWS / 25)
      expect(full).toMatchObject({
        imports: 1,
        importAudit: 1,
        distinctIds: full.signals,
        orphanSignals: 0,
        unmarked: 0,
        triggers: empty.triggers,
      })

      const random = seeded(71)
      const outcomes = { before: 0, after: 0 }
      for (let k = 0; k < KILLS; k++) {
        const dir = fresh(`kill-${k}`)
        // A little past the import's own duration too, so a kill after the commit is also tried
        const at = Math.round(random() * whole.importMs * 1.1)
        const run = await runCli(dir, csv, at)
        const c = counts(dir)
        expect(c.integrity, `kill ${k} at ${at} ms`).toBe('ok')
        const { integrity: _i, ...got } = c
        const { integrity: _e, ...none } = empty
        const { integrity: _f, ...all } = full
        if (got.imports === 0) {
          outcomes.before++
          expect(got, `kill ${k} at ${at} ms`).toEqual(none)
        } else {
          outcomes.after++
          expect(got, `kill ${k} at ${at} ms (${run.signal ?? run.code})`).toEqual(all)
        }
        expect(chainOk(dir), `audit chain after kill ${k}`).toBe(true)

        // Running the import again completes it, with every signal exactly once.
        await importAgain(dir, csv)
        const after = counts(dir)
        expect(after.signals).toBe(full.signals)
        expect(after.distinctIds).toBe(full.signals)
        expect(after.orphanSignals).toBe(0)
        expect(chainOk(dir)).toBe(true)
        rmSync(dir, { recursive: true, force: true })
      }
      console.log(`kills before the commit: ${outcomes.before}, after it: ${outcomes.after}`)
      // The moments are spread: some kills came before the commit, and (most runs) some after it.
      expect(outcomes.before).toBeGreaterThan(0)
      expect(outcomes.before + outcomes.after).toBe(KILLS)
    },
  )
})
