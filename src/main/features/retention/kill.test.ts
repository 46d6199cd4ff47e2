import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { logAttemptInput } from '@shared/api/ladder'
import { addDays, formatDate } from '@shared/format/dates'
import { createApp } from '../../app/create-app'
import { fixedClock, systemClock } from '../../lib/clock'
import { ROERMOND_SETUP } from '../../test/fixtures'
import {
  chainHolds,
  copyDataDir,
  importSignals,
  integrity,
  lineAt,
  openRaw,
  requireBuiltCli,
  runCliChild,
  scalar,
  seeded,
  signalsCsv,
} from '../../test/kill'
import { recordAudit } from '../audit/repository'
import { generateKey } from '../keys/key'
import { closeCase } from '../ladder/closing-service'
import { logAttempt } from '../ladder/service'
import { buildDdasDelivery } from '../monitor/ddas'
import { getDashboard, getMonitorSettings, saveMonitorSettings } from '../monitor/service'
import { ORGANISATIE, settingsInput } from '../../test/monitor-data'
import { monitorSettingsInput } from '@shared/api/monitor'
import { storePeriods } from './periods'
import { runPurge } from './purge'

/**
 * A process killed in the middle of the retention purge leaves everything that expired in
 * place and no report, or all of it gone and the report stored: never half. The child is the
 * built command line (`node out/main/cli.js purge`, the real purge on a real file database),
 * killed with SIGKILL at seeded random moments over the purge's own duration. The monitor's
 * figures and the DDAS delivery for past periods are the same afterwards in both cases.
 */
const KEY = generateKey()
const KILLS = 10
/** Signals in the old month: one in five below the threshold (not followed up), the rest cases. */
const OLD_ROWS = 600
/** Signals not followed up (below the threshold) at other addresses in the old month: the bulk of the purge. */
const LOOSE_ROWS = 5000
const NEW_ROWS = 100
const root = mkdtempSync(join(tmpdir(), 'lange-adem-kill-purge-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const TODAY = systemClock.today()
/** The old month: more than a year ago, so with the short periods below all of it has expired. */
const OLD = addDays(TODAY, -400)
const FIGURE_PERIODS = [
  { van: addDays(OLD, -60), tot: addDays(OLD, 60) },
  { van: addDays(TODAY, -30), tot: TODAY },
]

/**
 * A team with a worked old month (attempts, and every case but one in ten closed: with help,
 * without help, not followed up) and a recent import, all through the real services.
 */
async function expiredWorld(dataDir: string): Promise<void> {
  const clock = fixedClock(`${OLD}T09:00:00.000Z`)
  const app = await createApp({ dataDir, key: KEY, clock })
  try {
    expect((await app.dispatcher.call({ userId: null }, 'setup.complete', ROERMOND_SETUP)).ok).toBe(true)
    const db = app.database.db
    const old = await importSignals(
      app,
      signalsCsv(OLD_ROWS, {
        idPrefix: 'OUD',
        signaaldatum: formatDate(addDays(OLD, -3)),
        amountEuros: (i) => (i % 5 === 4 ? 20 : 100 + (i % 900)),
      }),
    )
    expect(old.nietDoorgezet).toBeGreaterThan(OLD_ROWS / 10)
    const cases = await db.selectFrom('vroegsignaalzaak').select('id').orderBy('id').execute()
    const loose = await importSignals(
      app,
      signalsCsv(LOOSE_ROWS, {
        idPrefix: 'LOS',
        signaaldatum: formatDate(addDays(OLD, -2)),
        amountEuros: () => 20,
        firstAddress: OLD_ROWS,
      }),
    )
    // Young and old residents are followed up whatever the amount: those cases stay open.
    expect(loose.nietDoorgezet).toBeGreaterThan(LOOSE_ROWS / 2)
    clock.set(`${addDays(OLD, 12)}T10:00:00.000Z`)
    const ctx = { at: clock.now(), today: clock.today(), userId: null }
    const versie = async (caseId: number) =>
      (
        await db
          .selectFrom('vroegsignaalzaak')
          .select('versie')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).versie
    for (const [j, c] of cases.entries()) {
      const reached = j % 3 === 0
      await logAttempt(
        db,
        ctx,
        logAttemptInput.parse({
          caseId: c.id,
          versie: await versie(c.id),
          kanaal: 'telefoon',
          bereikt: reached,
          notitie: 'Gebeld',
        }),
      )
      if (j % 10 === 9) continue // stays open: never expires
      await closeCase(db, ctx, {
        caseId: c.id,
        versie: await versie(c.id),
        resultaat: reached
          ? '(Budget)advies en/of quick fix'
          : j % 3 === 1
            ? 'Definitief geen contact kunnen krijgen'
            : 'Niet opgepakt: andere reden',
        hulpAangeboden: reached,
        hulpGeaccepteerd: reached,
        verwijzing: '',
        notitie: reached ? 'Budgetadvies gegeven' : '',
      })
    }
    // This month's signals: inside every period, they stay.
    clock.set(new Date().toISOString())
    await importSignals(
      app,
      signalsCsv(NEW_ROWS, { idPrefix: 'NIEUW', signaaldatum: formatDate(addDays(TODAY, -2)) }),
    )
    const monitor = await getMonitorSettings(db)
    await saveMonitorSettings(
      db,
      { at: clock.now(), today: clock.today(), userId: null },
      monitorSettingsInput.parse(settingsInput(monitor, { organisatie: ORGANISATIE })),
    )
    await db.transaction().execute(async (trx) => {
      await storePeriods(trx, { nietDoorgezet: 6, zonderHulp: 6, metHulp: 12 }, clock.now(), null)
      await recordAudit(trx, clock.now(), {
        userId: null,
        action: 'gewijzigd',
        entityType: 'bewaartermijn',
        entityId: null,
        summary: 'Bewaartermijnen: niet doorgezet 6, zonder hulp 6, met hulp 12 maanden',
      })
    })
  } finally {
    await app.close()
  }
}

/** What the purge touches, with the ids left, as the next start of the app would find it. */
function counts(dir: string) {
  const db = openRaw(dir, KEY)
  try {
    const one = (q: string) => scalar(db, q)
    return {
      integrity: integrity(db),
      chain: chainHolds(db),
      caseIds: String(
        Object.values(
          db
            .prepare('select group_concat(id) from (select id from vroegsignaalzaak order by id)')
            .get() as object,
        )[0],
      ),
      signals: one('select count(*) from vroegsignaal'),
      residents: one('select count(*) from resident'),
      households: one('select count(*) from household'),
      attempts: one('select count(*) from contactpoging'),
      notes: one('select count(*) from note'),
      intakeRows: one('select count(*) from signaal_intake'),
      archivedCases: one('select count(*) from retention_ddas_case'),
      archivedSignals: one('select count(*) from retention_ddas_signal'),
      runs: one('select count(*) from retention_run'),
      purgeAudit: one("select count(*) from audit_log where action = 'bewaartermijnen opgeschoond'"),
    }
  } finally {
    db.close()
  }
}

/** The open cases of a folder, their signals and attempts: what the purge must leave. */
function openCases(dir: string) {
  const db = openRaw(dir, KEY, true)
  try {
    return {
      caseIds: String(
        Object.values(
          db
            .prepare(
              'select group_concat(id) from (select id from vroegsignaalzaak where is_open = 1 order by id)',
            )
            .get() as object,
        )[0],
      ),
      signals: scalar(
        db,
        'select count(*) from vroegsignaal s join vroegsignaalzaak z on z.id = s.case_id where z.is_open = 1',
      ),
      attempts: scalar(
        db,
        'select count(*) from contactpoging p join vroegsignaalzaak z on z.id = p.case_id where z.is_open = 1',
      ),
    }
  } finally {
    db.close()
  }
}

/** Every figure of the dashboard and the DDAS delivery (without names and signal numbers) per period. */
async function figures(dir: string) {
  const app = await createApp({ dataDir: dir, key: KEY })
  try {
    const db = app.database.db
    const out: Record<string, unknown> = {}
    for (const p of FIGURE_PERIODS) {
      out[`monitor ${p.van}`] = await getDashboard(db, p)
      // v0.9 keeps a signal whose personal data were deleted (empty client); v1.2 cannot (ddas-format.ts).
      const lev = (await buildDdasDelivery(db, p, '2030-01-01T00:00:00.000Z', '0.9')).file.leveringen[0]!
      out[`ddas ${p.van}`] = {
        signalen: lev.vroegsignalen.length,
        zaken: lev.vroegsignaalzaken.length,
        signaalInhoud: lev.vroegsignalen
          .map(({ ID: _id, client: _c, ...rest }) => JSON.stringify(rest))
          .sort(),
        zaakInhoud: lev.vroegsignaalzaken
          .map((z) => JSON.stringify({ ...z, vroegsignalen: (z.vroegsignalen as unknown[]).length }))
          .sort(),
      }
    }
    return out
  } finally {
    await app.close()
  }
}

/** The purge once more, in this process through the real service, as the next automatic run would. */
async function purgeAgain(dir: string): Promise<number> {
  const app = await createApp({ dataDir: dir, key: KEY })
  try {
    const r = await runPurge(
      app.database.db,
      { at: app.clock.now(), today: app.clock.today(), userId: null },
      'automatisch',
    )
    return r.totaal
  } finally {
    await app.close()
  }
}

const STARTED = /^Opschonen/
const DONE = /^Opgeschoond/

describe('killed during the retention purge', () => {
  it(
    `deletes all that expired or nothing, ${KILLS} times at random moments, the figures stay, and a re-run completes it`,
    { timeout: 120_000 },
    async () => {
      requireBuiltCli()
      const t0 = performance.now()
      const base = join(root, 'base')
      await expiredWorld(base)
      const before = counts(base)
      const open = openCases(base)
      const figuresBefore = await figures(copyDataDir(base, join(root, 'figures')))
      const built = performance.now() - t0

      // One purge without a kill: what "all expired data gone" looks like, and how long it takes.
      const reference = copyDataDir(base, join(root, 'reference'))
      const preview = await runCliChild(['purge', '--voorbeeld', '--data-dir', reference], KEY)
      expect(preview.code).toBe(0)
      const whole = await runCliChild(['purge', '--data-dir', reference], KEY)
      expect(whole.code).toBe(0)
      // The preview counted exactly what the purge then removed (its last line; the purge's after its heading).
      const countsLine = (run: typeof whole, heading: RegExp) =>
        run.lines[run.lines.findIndex((l) => heading.test(l.text)) + 1]?.text
      expect(preview.lines.at(-1)?.text).toBe(countsLine(whole, DONE))
      expect(countsLine(whole, DONE)).toMatch(/^ {2}\d+ signalen, \d+ zaken, /)
      const after = counts(reference)
      expect(after).toMatchObject({ integrity: 'ok', chain: true, runs: 1, purgeAudit: 1 })
      // Exactly what expired is gone: every closed case and every signal without a case (all from
      // the old month); the open cases, old and new, stay with their signals.
      expect(after.caseIds).toBe(open.caseIds)
      expect(after.signals).toBe(open.signals)
      expect(after.attempts).toBe(open.attempts)
      expect(before.signals - after.signals).toBeGreaterThan(LOOSE_ROWS / 2)
      expect(after.archivedCases).toBeGreaterThan(OLD_ROWS / 2)
      expect(await figures(reference)).toEqual(figuresBefore)
      const referenceTotal = Number(
        /in totaal (\d+) verwijderd/.exec(whole.lines.map((l) => l.text).join('\n'))?.[1],
      )
      expect(referenceTotal).toBeGreaterThan(0)
      const purgeMs = lineAt(whole, DONE)! - lineAt(whole, STARTED)!
      console.log(
        `data built in ${Math.round(built)} ms: ${before.signals} signals, ${before.attempts} attempts; ` +
          `purge without a kill: ${Math.round(purgeMs)} ms (${Math.round(whole.exitMs)} ms with the start and close), ` +
          `${before.signals - after.signals} signals deleted`,
      )
      const { runs: _r0, purgeAudit: _a0, ...beforeData } = before
      const { runs: _r1, purgeAudit: _a1, ...afterData } = after

      const random = seeded(4711)
      const outcomes = { before: 0, after: 0 }
      let kills = 0
      // The window the kills fall in: the reference purge's length, shortened to a faster run's
      // when one ends before its kill (on a busy machine the reference run can be the slow one).
      let windowMs = purgeMs
      // A moment past the child's own end is not a kill; try until KILLS have landed (at most twice as many runs).
      for (let k = 0; kills < KILLS && k < 2 * KILLS; k++) {
        const dir = copyDataDir(base, join(root, `kill-${k}`))
        // Over the purge and a little past its report line, where the commit has just happened.
        const delayMs = Math.round(random() * windowMs * 1.15)
        const run = await runCliChild(['purge', '--data-dir', dir], KEY, { after: STARTED, delayMs })
        if (run.signal === 'SIGKILL') kills++
        else {
          const own = (lineAt(run, DONE) ?? Infinity) - (lineAt(run, STARTED) ?? 0)
          windowMs = Math.min(windowMs, own)
        }
        const label = `kill ${k} at ${delayMs} ms (${run.signal ?? `code ${run.code}`})`
        const got = counts(dir)
        if (got.runs === 0) {
          outcomes.before++
          expect(got, label).toEqual(before)
        } else {
          outcomes.after++
          expect(got, label).toEqual(after)
        }
        expect(await figures(dir), label).toEqual(figuresBefore)

        // The next run completes it: after it, exactly what the reference run left.
        const removed = await purgeAgain(dir)
        expect(removed, label).toBe(got.runs === 0 ? referenceTotal : 0)
        const { runs, purgeAudit, ...data } = counts(dir)
        expect(data, `${label}, after the re-run`).toEqual(afterData)
        expect(runs).toBe(purgeAudit)
        expect(data).not.toEqual(beforeData)
        rmSync(dir, { recursive: true, force: true })
      }
      console.log(
        `${Math.round(performance.now() - t0)} ms in all; runs killed before the commit: ${outcomes.before}, after it: ${outcomes.after}`,
      )
      expect(kills).toBe(KILLS)
      expect(outcomes.before).toBeGreaterThan(0)
    },
  )
})
