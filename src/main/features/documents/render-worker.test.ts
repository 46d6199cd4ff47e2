import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { signal } from '../../test/fixtures'
import { pdfInfo } from '../../test/poppler'
import { setPdfWorkerPath } from './render-jobs'
import { announce, documentsWorld, pdfBytes, slot } from '../../test/documents'

const BUILT_WORKER = resolve(import.meta.dirname, '../../../../out/main/pdf-worker.js')

/** A team with `n` letters in the queue. */
async function queueLetters(n: number) {
  const w = await documentsWorld()
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const c = await w.t.call(
      'signals.createManual',
      signal({
        postcode: `60${41 + (i % 5)} AB`,
        huisnummer: String(1 + i),
        achternaam: `Jansen${i}`,
        bsn: '',
      }),
    )
    ids.push((await announce(w, c.caseId, slot(i))).id)
  }
  return { ...w, ids }
}

afterEach(() => setPdfWorkerPath(undefined))

describe('rendering a batch in a worker thread', () => {
  // Needs `electron-vite build` first: the worker is a build entry of its own.
  it.skipIf(!existsSync(BUILT_WORKER))(
    'keeps answering other calls while 200 letters render, and shows progress',
    async () => {
      setPdfWorkerPath(BUILT_WORKER)
      const { t, ids } = await queueLetters(200)
      let batchDoneAt = 0
      const batch = t.call('documents.createBatch', { itemIds: ids, indeling: 'a4' }).then((b) => {
        batchDoneAt = performance.now()
        return b
      })
      // Wait (by the app's own signal) until the render has started.
      let progress = await t.call('documents.renderProgress', {})
      while (progress.length === 0 && batchDoneAt === 0) {
        await new Promise((r) => setImmediate(r))
        progress = await t.call('documents.renderProgress', {})
      }
      expect(progress).toMatchObject([{ soort: 'brief', totaal: 200 }])
      const status = await t.call('app.status', {})
      expect(status.setupDone).toBe(true)
      // Answered while the letters were still being rendered (no time bound: that is the bench's job).
      expect(batchDoneAt).toBe(0)
      const seen = new Set<number>()
      while (batchDoneAt === 0) {
        for (const p of await t.call('documents.renderProgress', {})) seen.add(p.klaar)
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(Math.max(...seen)).toBeGreaterThan(0)
      const b = await batch
      expect(b.items).toHaveLength(200)
      expect(await t.call('documents.renderProgress', {})).toEqual([])
      const file = await t.call('documents.batchPdf', { batchId: b.id, deel: 'documenten' })
      expect(pdfInfo(pdfBytes(file)).pages).toBe(200)
    },
    60_000,
  )

  it('a crash of the worker marks nothing as printed', async () => {
    // A worker that reports a little progress and then dies.
    setPdfWorkerPath(
      new URL(
        'data:text/javascript,' +
          encodeURIComponent(`
            import { parentPort } from 'node:worker_threads'
            parentPort.once('message', () => {
              parentPort.postMessage({ type: 'progress', done: 1 })
              setTimeout(() => process.exit(7), 10)
            })`),
      ),
    )
    const { t, ids } = await queueLetters(3)
    const before = await t.call('documents.queue', {})
    await expect(t.call('documents.createBatch', { itemIds: ids, indeling: 'a4' })).rejects.toThrow(
      /niets als afgedrukt gemarkeerd/,
    )
    const after = await t.call('documents.queue', {})
    expect(after).toEqual(before)
    expect(after.wachtrij.map((i) => i.status)).toEqual(['wachtrij', 'wachtrij', 'wachtrij'])
    expect(after.openBatches).toEqual([])
    expect(await t.call('documents.renderProgress', {})).toEqual([])

    // Once the worker works again, the same items print.
    setPdfWorkerPath(null)
    const b = await t.call('documents.createBatch', { itemIds: ids, indeling: 'a4' })
    expect(b.items.map((i) => i.status)).toEqual(['gedrukt', 'gedrukt', 'gedrukt'])
  })
})
