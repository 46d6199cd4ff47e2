/**
 * The PDF worker (a `worker_threads` entry of its own in the main build): renders a batch of
 * documents off the main thread, so the app keeps answering while 500 letters are laid out.
 * It reports how many documents are done and sends the bytes back; it never touches the database.
 */
import { parentPort } from 'node:worker_threads'
import pdfmake from 'pdfmake'
import { renderDocumentBytes } from '../render'
import type { RenderRequest, WorkerMessage } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('The PDF worker must run as a worker thread.')

port.once('message', (req: RenderRequest) => {
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer)
  let last = -1
  pdfmake.setProgressCallback((fraction) => {
    const done = Math.min(req.docs.length, Math.floor(fraction * req.docs.length))
    if (done !== last) post({ type: 'progress', done: (last = done) })
  })
  renderDocumentBytes(req.docs, req.soort, req.indeling, req.venster, req.title).then(
    (buf) => {
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
      const copy = bytes.slice()
      post({ type: 'done', bytes: copy }, [copy.buffer])
    },
    (err: unknown) => post({ type: 'error', message: String(err) }),
  )
})
