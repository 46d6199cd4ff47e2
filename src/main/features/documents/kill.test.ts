import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addDays, formatDate, parseDutchDate } from '@shared/format/dates'
import { createApp } from '../../app/create-app'
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
  type ChildRun,
} from '../../test/kill'
import { generateKey } from '../keys/key'
import { batchPdf, createBatch } from './batch-service'
import { addWorkdays } from '../ladder/planner'
import { announce } from '../visits/service'
import { setPdfWorkerPath } from './render-jobs'
import { pdfInfo } from '../../test/poppler'

/**
 * A process killed in the middle of a batch print leaves the queue as it was, or the whole
 * batch printed: never some letters marked and others not, never a batch without its letters.
 * The child is the built command line (`node out/main/cli.js print-batch`: the PDF rendered in
 * a worker thread, then every letter marked in one transaction), killed with SIGKILL at seeded
 * random moments, half of them in the render and half aimed at the commit that follows it.
 */
const KEY = generateKey()
const LETTERS = 20
/** Kills that land: half in the render, half from its end over the marking and the file. */
const KILLS = 10
const root = mkdtempSync(join(tmpdir(), 'lange-adem-kill-print-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const STARTED = /de PDF wordt gemaakt/
const RENDERED = /^PDF gemaakt/
const COMMITTED = /^Afdruk \d+: /

/** A working day three weeks ahead: a visit the resident can still call off. */
const visitDay = (today: string) => addWorkdays(today, 15)

/** A set-up team with LETTERS open cases, each with an announcement letter in the print queue. */
async function queuedLetters(dataDir: string): Promise<void> {
  const app = await createApp({ dataDir, key: KEY })
  try {
    expect((await app.dispatcher.call({ userId: null }, 'setup.complete', ROERMOND_SETUP)).ok).toBe(true)
    const today = app.clock.today()
    const imported = await importSignals(
      app,
      signalsCsv(LETTERS, { idPrefix: 'BRIEF', signaaldatum: formatDate(addDays(today, -3)) }),
    )
    expect(imported.nieuweZaken).toBe(LETTERS)
    const db = app.database.db
    const cases = await db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'versie'])
      .where('is_open', '=', 1)
      .execute()
    const letter = await db
      .selectFrom('document_template')
      .select('id')
      .where('code', '=', 'aankondigingsbrief')
      .executeTakeFirstOrThrow()
    const ctx = { at: app.clock.now(), today, userId: null }
    const datum = formatDate(visitDay(today))
    const fatima = await db
      .selectFrom('app_user')
      .select('id')
      .where('naam', '=', 'Fatima El Idrissi')
      .executeTakeFirstOrThrow()
    // One announced visit each (its letter queued with it), in successive half hours.
    for (const [i, c] of cases.entries()) {
      const m = 9 * 60 + i * 30
      const hhmm = (x: number) =>
        `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`
      await announce(db, ctx, {
        caseId: c.id,
        versie: c.versie,
        templateId: letter.id,
        datum: parseDutchDate(datum)!,
        van: hhmm(m),
        tot: hhmm(m + 30),
        duoUserId: fatima.id,
        duoPartnerId: null,
      })
    }
  } finally {
    await app.close()
  }
}

interface State {
  integrity: string
  chain: boolean
  batches: number
  /** Items marked printed with everything a reprint needs: the batch, the template version, the values. */
  printed: number
  /** Items untouched in the queue. */
  queued: number
  printAudit: number
}

function state(dir: string): State {
  const db = openRaw(dir, KEY)
  try {
    return {
      integrity: integrity(db),
      chain: chainHolds(db),
      batches: scalar(db, 'select count(*) from print_batch'),
      printed: scalar(
        db,
        `select count(*) from print_item i join print_batch b on b.id = i.batch_id
         where i.status = 'gedrukt' and i.template_version_id is not null
           and i.values_json is not null and i.printed_at is not null`,
      ),
      queued: scalar(
        db,
        `select count(*) from print_item where status = 'wachtrij' and batch_id is null
         and values_json is null and template_version_id is null and printed_at is null`,
      ),
      printAudit: scalar(db, "select count(*) from audit_log where action = 'document afgedrukt'"),
    }
  } finally {
    db.close()
  }
}

const NONE = { integrity: 'ok', chain: true, batches: 0, printed: 0, queued: LETTERS, printAudit: 0 }
const ALL = { integrity: 'ok', chain: true, batches: 1, printed: LETTERS, queued: 0, printAudit: LETTERS }

const print = (dir: string, out: string, kill: { after: RegExp; delayMs: number } | null = null) =>
  runCliChild(['print-batch', '--out', out, '--data-dir', dir], KEY, kill)

/** Where the child was when it was killed, from the lines it had printed. */
function phase(run: ChildRun): 'render' | 'commit' | 'file' | 'not killed' {
  if (run.signal !== 'SIGKILL') return 'not killed'
  if (lineAt(run, COMMITTED) !== null) return 'file'
  return lineAt(run, RENDERED) !== null ? 'commit' : 'render'
}

/** The queue printed as the app does it (the same service, the PDF in the built worker); the PDF's pages. */
async function printInProcess(dir: string): Promise<number> {
  setPdfWorkerPath(resolve('out/main/pdf-worker.js'))
  const app = await createApp({ dataDir: dir, key: KEY })
  try {
    const db = app.database.db
    const ctx = { at: app.clock.now(), today: app.clock.today(), userId: null }
    const queued = await db.selectFrom('print_item').select('id').where('status', '=', 'wachtrij').execute()
    const batch = await createBatch(db, ctx, {
      itemIds: queued.map((q) => q.id),
      indeling: 'a4',
      enveloppen: false,
    })
    const pdf = await batchPdf(db, batch.id, 'documenten')
    return pdfInfo(Buffer.from(pdf.pdfBase64, 'base64')).pages
  } finally {
    await app.close()
    setPdfWorkerPath(undefined)
  }
}

describe('killed during a batch print', () => {
  it(
    `leaves the queue as it was or the whole batch printed, ${KILLS} times, and a retry completes it`,
    { timeout: 120_000 },
    async () => {
      requireBuiltCli()
      const t0 = performance.now()
      const base = join(root, 'base')
      await queuedLetters(base)
      expect(state(base)).toEqual(NONE)

      // One print without a kill: what "complete" looks like, and how long each part takes.
      const reference = copyDataDir(base, join(root, 'reference'))
      const whole = await print(reference, join(reference, 'brieven.pdf'))
      expect(whole.code).toBe(0)
      expect(state(reference)).toEqual(ALL)
      const pages = pdfInfo(readFileSync(join(reference, 'brieven.pdf'))).pages
      expect(pages).toBeGreaterThanOrEqual(LETTERS)
      const t = {
        start: lineAt(whole, STARTED)!,
        rendered: lineAt(whole, RENDERED)!,
        committed: lineAt(whole, COMMITTED)!,
      }
      const renderMs = t.rendered - t.start
      const commitMs = t.committed - t.rendered
      const fileMs = whole.exitMs - t.committed
      console.log(
        `print of ${LETTERS} letters (${pages} pages) without a kill: start ${Math.round(t.start)} ms, render ${Math.round(renderMs)} ms, ` +
          `marking ${Math.round(commitMs)} ms, file and close ${Math.round(fileMs)} ms`,
      )

      // Printing again: nothing left in the queue, and the batch's PDF made again from what was frozen.
      const again = await print(reference, join(reference, 'nog-eens.pdf'))
      expect(again.lines.map((l) => l.text)).toContain(
        'Er staan geen brieven in de wachtrij om af te drukken.',
      )
      expect(again.lines.some((l) => l.text.includes('print-batch --afdruk 1 --out'))).toBe(true)
      const reprint = join(reference, 'opnieuw.pdf')
      expect(
        (await runCliChild(['print-batch', '--afdruk', '1', '--out', reprint, '--data-dir', reference], KEY))
          .code,
      ).toBe(0)
      expect(pdfInfo(readFileSync(reprint)).pages).toBe(pages)

      const random = seeded(2027)
      const outcomes = { before: 0, after: 0 }
      const phases: Record<string, number> = {}
      let kills = 0
      let reprinted = 0
      // A moment past the child's own end is not a kill; try until KILLS have landed (at most twice as many runs).
      for (let k = 0; kills < KILLS && k < 2 * KILLS; k++) {
        const dir = copyDataDir(base, join(root, `kill-${k}`))
        const out = join(dir, 'brieven.pdf')
        const kill =
          kills < KILLS / 2
            ? { after: STARTED, delayMs: Math.round(random() * renderMs) }
            : { after: RENDERED, delayMs: Math.round(random() * (commitMs + fileMs / 2)) }
        const run = await print(dir, out, kill)
        const where = phase(run)
        phases[where] = (phases[where] ?? 0) + 1
        if (run.signal === 'SIGKILL') kills++
        const label = `kill ${k}: ${kill.delayMs} ms after "${kill.after.source}" (${where})`
        const got = state(dir)
        if (got.batches === 0) {
          outcomes.before++
          expect(got, label).toEqual(NONE)
          expect(existsSync(out), label).toBe(false)
        } else {
          outcomes.after++
          expect(got, label).toEqual(ALL)
          // The PDF is complete or not there: never half written.
          if (existsSync(out)) expect(pdfInfo(readFileSync(out)).pages, label).toBe(pages)
        }

        // The retry: printing the queue again (in the app, here in this process); a batch printed
        // without its file gets the file from the command line with --afdruk.
        if (got.batches === 0) expect(await printInProcess(dir), label).toBe(pages)
        else if (!existsSync(out)) {
          const reprint = await runCliChild(
            ['print-batch', '--afdruk', '1', '--out', out, '--data-dir', dir],
            KEY,
          )
          expect(reprint.code, label).toBe(0)
          reprinted++
        }
        expect(state(dir), `${label}, after the retry`).toEqual(ALL)
        if (existsSync(out)) expect(pdfInfo(readFileSync(out)).pages, label).toBe(pages)
        expect(
          readdirSync(dir).filter((f) => f.endsWith('.tmp')),
          label,
        ).toEqual([])
        rmSync(dir, { recursive: true, force: true })
      }
      console.log(
        `${Math.round(performance.now() - t0)} ms for the kills and retries; ` +
          `runs killed before the commit: ${outcomes.before}, after it: ${outcomes.after} (${reprinted} reprinted with --afdruk); ` +
          `landed in ${Object.entries(phases)
            .map(([p, n]) => `${p} ${n}`)
            .join(', ')}`,
      )
      expect(kills).toBe(KILLS)
      expect(outcomes.before).toBeGreaterThan(0)
      expect(phases.render ?? 0).toBeGreaterThan(0)
    },
  )
})
