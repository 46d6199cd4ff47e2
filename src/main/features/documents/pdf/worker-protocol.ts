import type { DocumentSettings } from '@shared/api/documents'
import type { Indeling, PrintedDoc } from '../render'

/** What the main process sends the PDF worker: everything needed, no database. */
export interface RenderRequest {
  docs: PrintedDoc[]
  soort: 'brief' | 'kaart'
  indeling: Indeling
  venster: DocumentSettings['venster']
  title: string
}

export type WorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string }
