/**
 * `npm run bench -- documents`: a batch of 500 announcement letters as one PDF through the app
 * (queue, batch, snapshots, template, render) next to pdfmake rendering the same 500 pages
 * with no app logic around it. Targets: within 25% of the bare time, peak memory under 400 MB.
 */
import { lettersDoc } from '../features/documents/pdf/letter'
import { renderPdf } from '../features/documents/pdf/engine'
import { getDocumentSettings, versionById } from '../features/documents/repository'
import type { Snapshot } from '../features/documents/snapshot'
import { forgetRenderedBatches } from '../features/documents/render-jobs'
import { formatDate } from '@shared/format/dates'
import { addWorkdays } from '../features/ladder/planner'
import { benchTeamApp } from './team-app'
import { envInt } from './setup'

/** Peak resident memory of the whole process so far (the kernel's high-water mark), in MB. */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024

/** Times `fn`. Rendering is mostly synchronous, so memory is read as the process's high-water mark. */
async function observe<T>(fn: () => Promise<T>) {
  const t0 = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - t0, peakMb: peakRssMb() }
}

export async function runDocumentsBench(): Promise<void> {
  const LETTERS = envInt('BENCH_LETTERS', 500)
  const { app, call, close } = await benchTeamApp()
  const { signal } = await import('../test/fixtures')
  const letter = (await call('documents.templates', {})).find((t) => t.code === 'aankondigingsbrief')!
  console.log(`filling ${LETTERS} cases and announcing a visit (with its letter) for each...`)
  const team = await call('session.team', {})
  const fatima = team.find((m) => m.naam === 'Fatima El Idrissi')!.id
  for (let i = 0; i < LETTERS; i++) {
    const pc = `${6041 + (i % 5)} ${String.fromCharCode(65 + ((i * 7) % 26))}${String.fromCharCode(65 + (i % 26))}`
    const c = await call(
      'signals.createManual',
      signal({ postcode: pc, huisnummer: String(1 + (i % 180)), achternaam: `Jansen${i}`, bsn: '' }),
    )
    // One announced visit each (the letter comes with it), in its own half hour: Fatima goes
    // along on every visit, so the slots of a day follow each other from 09:00 to 21:00.
    const van = 9 * 60 + (i % 24) * 30
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    await call('visits.announce', {
      caseId: c.caseId,
      versie: (await call('dossier.get', { caseId: c.caseId })).versie,
      templateId: letter.id,
      datum: formatDate(addWorkdays('2026-11-17', Math.floor(i / 24))),
      van: hhmm(van),
      tot: hhmm(van + 30),
      duoUserId: fatima,
    })
  }
  const ids = (await call('documents.queue', {})).wachtrij.map((q) => q.id)
  // The batch renders in the PDF worker while progress is polled, as the renderer does.
  let polls = 0
  let maxPollMs = 0
  let done = false
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now()
      await call('documents.renderProgress', {})
      maxPollMs = Math.max(maxPollMs, performance.now() - t0)
      polls++
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  const created = await observe(() => call('documents.createBatch', { itemIds: ids, indeling: 'a4' }))
  done = true
  await poller
  const batch = created.value
  console.log(
    `createBatch (snapshots, render in worker, mark printed): ${created.ms.toFixed(0)} ms; ` +
      `${polls} progress polls meanwhile, slowest answered in ${maxPollMs.toFixed(1)} ms`,
  )

  // The same 500 pages for bare pdfmake: the frozen snapshots, rendered without the app.
  const rows = await app.database.db
    .selectFrom('print_item')
    .select(['values_json', 'template_version_id'])
    .where('batch_id', '=', batch.id)
    .execute()
  const version = await versionById(app.database.db, rows[0]!.template_version_id!)
  const { venster } = await getDocumentSettings(app.database.db)
  const letters = rows.map((r) => ({ ...(JSON.parse(r.values_json!) as Snapshot), content: version.content }))
  const bare = () => renderPdf(lettersDoc(letters, venster, 'Brieven'))
  // Each run renders again in the worker (the remembered PDF of the batch is forgotten first).
  const viaApp = () => {
    forgetRenderedBatches(app.database.db)
    return call('documents.batchPdf', { batchId: batch.id, deel: 'documenten' })
  }

  // Memory: the app's batch runs first in this process, so the high-water mark after it is the
  // app's own peak (500 cases, the queue and one 500-page PDF); later runs only add heap growth.
  const appRuns = [await observe(viaApp)]
  const appMemory = peakRssMb()
  const bareRuns = []
  // Times: alternating order, so neither side always runs on the other's garbage; median of 3.
  for (let round = 0; round < 2; round++) {
    bareRuns.push(await observe(bare))
    appRuns.push(await observe(viaApp))
  }
  bareRuns.push(await observe(bare))
  const best = <T extends { ms: number }>(runs: T[]) => [...runs].sort((x, y) => x.ms - y.ms)[1]!
  const b = best(bareRuns)
  const a = best(appRuns)
  const ratio = a.ms / b.ms
  const peak = appMemory
  const appBytes = Buffer.from(a.value.pdfBase64, 'base64').length
  const f = (n: number) => n.toFixed(0).padStart(7)
  console.log(`\n${LETTERS} letters, one PDF (${(appBytes / 1024).toFixed(0)} kB)`)
  console.log(`                      median ms of 3   process peak RSS MB`)
  console.log(`bare pdfmake         ${f(b.ms)}        ${f(peakRssMb())} (after all runs)`)
  console.log(`through the app      ${f(a.ms)}        ${f(peak)} (after the first batch)`)
  console.log(
    `all runs ms: bare ${bareRuns.map((r) => r.ms.toFixed(0)).join(', ')}; app ${appRuns.map((r) => r.ms.toFixed(0)).join(', ')}`,
  )
  const timeOk = ratio <= 1.25
  const memOk = peak < 400
  console.log(`app / bare: ${(ratio * 100).toFixed(0)}% (target <= 125%) ${timeOk ? 'PASS' : 'FAIL'}`)
  console.log(`peak memory: ${peak.toFixed(0)} MB (target < 400 MB) ${memOk ? 'PASS' : 'FAIL'}`)
  if (!timeOk || !memOk) process.exitCode = 1
  await close()
}
