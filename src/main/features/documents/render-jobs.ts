/**
 * Renders batches in a worker thread and keeps track of how far each is, so the renderer can
 * show progress while the main process keeps answering other calls. Rendered batches are kept
 * in memory for a while, so opening the PDF right after printing does not render it again.
 */
import { builtWorkerPath } from '../../lib/worker-path'
import { Worker } from 'node:worker_threads'
import type { RenderProgress } from '@shared/api/documents'
import { renderDocumentBytes } from './render'
import type { RenderRequest, WorkerMessage } from './pdf/worker-protocol'

const WORKER_FILE = 'pdf-worker.js'

let workerPath: string | URL | null | undefined
/** Tests point this at the built worker (or at a worker that fails on purpose); null renders in process. */
export function setPdfWorkerPath(path: string | URL | null | undefined): void {
  workerPath = path
}
const currentWorkerPath = () => (workerPath === undefined ? builtWorkerPath(WORKER_FILE) : workerPath)

export class RenderFailedError extends Error {}

/** Runs one render in a fresh worker; `onProgress` gets the number of documents done. */
export function renderInWorker(
  path: string | URL,
  req: RenderRequest,
  onProgress: (done: number) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path)
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done)
      else if (m.type === 'done')
        finish(() => resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength)))
      else finish(() => reject(new RenderFailedError(m.message)))
    })
    worker.on('error', (err) => finish(() => reject(new RenderFailedError(String(err)))))
    worker.on('exit', (code) =>
      finish(() => reject(new RenderFailedError(`De PDF-maker stopte onverwacht (code ${code}).`))),
    )
    worker.postMessage(req)
  })
}

interface Job extends RenderProgress {
  owner: object
}
let nextJobId = 1
const jobs = new Map<number, Job>()

/** Batches being rendered for this app (keyed by its database object), oldest first. */
export function runningRenders(owner: object): RenderProgress[] {
  return [...jobs.values()]
    .filter((j) => j.owner === owner)
    .map(({ id, soort, klaar, totaal }) => ({ id, soort, klaar, totaal }))
}

/** Renders a batch off the main thread (in process when no built worker exists, as in unit tests). */
export async function renderBatch(owner: object, req: RenderRequest): Promise<Buffer> {
  const id = nextJobId++
  const job: Job = { id, owner, soort: req.soort, klaar: 0, totaal: req.docs.length }
  jobs.set(id, job)
  try {
    const path = currentWorkerPath()
    if (path === null)
      return await renderDocumentBytes(req.docs, req.soort, req.indeling, req.venster, req.title)
    return await renderInWorker(path, req, (done) => (job.klaar = done))
  } finally {
    jobs.delete(id)
  }
}

const CACHE_SIZE = 2
const rendered = new WeakMap<object, Map<number, Buffer>>()

/** Remembers the rendered documents of a batch (the last two batches per app). */
export function rememberBatch(owner: object, batchId: number, bytes: Buffer): void {
  let m = rendered.get(owner)
  if (!m) rendered.set(owner, (m = new Map()))
  m.set(batchId, bytes)
  while (m.size > CACHE_SIZE) m.delete(m.keys().next().value!)
}

/** Forgets the rendered batches of an app (the benchmark renders the same batch again). */
export function forgetRenderedBatches(owner: object): void {
  rendered.delete(owner)
}

export function rememberedBatch(owner: object, batchId: number): Buffer | undefined {
  return rendered.get(owner)?.get(batchId)
}
