/**
 * Where an uploaded file is read and imported: in the import worker (the built app, browser mode)
 * or, where no built worker exists (unit tests on an in-memory database), in this process with
 * the very same functions.
 */
import { Worker } from 'node:worker_threads'
import type { ApiErrorPayload } from '@shared/api/define'
import type { AnalyseResult, ColumnMapping, ImportSummary, IntakeProgress } from '@shared/api/intake'
import type { Db } from '../../../db/database'
import { AppError } from '../../../lib/errors'
import { builtWorkerPath } from '../../../lib/worker-path'
import type { UseCaseContext } from '../../../app/use-case'
import { analyseTable, readFile, runImport } from '../service'
import type { ParsedTable } from '../read-table'
import type { HostData, HostMessage, HostRequest } from './protocol'

export type ProgressListener = (p: Omit<IntakeProgress, 'uploadId'>) => void

export interface RunRequest {
  ctx: UseCaseContext
  fileName: string
  mapping: ColumnMapping
  opts: { commit: boolean; bron: string }
}

/** One uploaded file, read once, and what can be done with it. */
export interface IntakeHost {
  /** Resolves with the number of rows once the file is read; rejects with the Dutch reason it cannot be. */
  readonly read: Promise<number>
  analyse(
    saved: Map<string, ColumnMapping>,
    mappingName: string,
    file: { uploadId: string; fileName: string },
  ): Promise<AnalyseResult>
  run(req: RunRequest): Promise<ImportSummary>
  close(): void
}

const WORKER_FILE = 'intake-worker.js'

let workerPath: string | URL | null | undefined
/** Tests point this at the built worker; null runs in this process. */
export function setIntakeWorkerPath(path: string | URL | null | undefined): void {
  workerPath = path
}
const currentWorkerPath = () => (workerPath === undefined ? builtWorkerPath(WORKER_FILE) : workerPath)

class HostError extends AppError {}

const fromPayload = (e: ApiErrorPayload) => new HostError(e.code, e.message, e.fields)

/** A worker per file: memory for a large file is the worker's, and is freed when it ends. */
function workerHost(
  path: string | URL,
  data: HostData,
  bytes: Uint8Array,
  onProgress: ProgressListener,
): IntakeHost {
  // The worker's heap holds the file's rows; a bound keeps a strange file from taking the machine.
  const worker = new Worker(path, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 2048 } })
  let nextId = 1
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>()
  let readDone!: { resolve(n: number): void; reject(e: unknown): void }
  const read = new Promise<number>((resolve, reject) => (readDone = { resolve, reject }))
  // A caller may never ask for the analysis; an unhandled rejection must not end the process.
  read.catch(() => undefined)
  let ended: Error | null = null
  const failAll = (e: Error) => {
    ended = e
    readDone.reject(e)
    for (const w of waiting.values()) w.reject(e)
    waiting.clear()
  }
  worker.on('message', (m: HostMessage) => {
    if (m.type === 'progress') onProgress({ fase: m.fase, gedaan: m.gedaan, totaal: m.totaal })
    else if (m.type === 'read') readDone.resolve(m.rows)
    else if (m.type === 'readFailed') readDone.reject(fromPayload(m.error))
    else {
      const w = waiting.get(m.id)
      waiting.delete(m.id)
      if (m.type === 'result') w?.resolve(m.value)
      else w?.reject(fromPayload(m.error))
    }
  })
  const lost = new HostError(
    'internal',
    'Het inlezen is onverwacht gestopt (te weinig geheugen?). Er is niets gewijzigd. Kies het bestand opnieuw.',
  )
  worker.on('error', () => failAll(lost))
  worker.on('exit', () => failAll(lost))
  const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
  worker.postMessage({ type: 'read', bytes: copy } satisfies HostRequest, [copy.buffer as ArrayBuffer])
  const ask = <T>(req: HostRequest & { id: number }) =>
    new Promise<T>((resolve, reject) => {
      if (ended) return reject(ended)
      waiting.set(req.id, { resolve: resolve as (v: unknown) => void, reject })
      worker.postMessage(req)
    })
  return {
    read,
    analyse: (saved, mappingName, file) =>
      ask<AnalyseResult>({ type: 'analyse', id: nextId++, saved: [...saved], mappingName, file }),
    run: (req) =>
      ask<ImportSummary>({
        type: 'run',
        id: nextId++,
        ctx: { at: req.ctx.at, today: req.ctx.today, userId: req.ctx.userId },
        fileName: req.fileName,
        mapping: req.mapping,
        opts: req.opts,
      }),
    close: () => void worker.terminate(),
  }
}

/** The same work in this process (unit tests; the command line has its own direct path). */
function localHost(db: Db, bytes: Uint8Array, onProgress: ProgressListener): IntakeHost {
  let table: ParsedTable | null = null
  const read = Promise.resolve().then(() => {
    table = readFile(bytes, (n) => onProgress({ fase: 'lezen', gedaan: n, totaal: null }))
    return table.rows.length
  })
  read.catch(() => undefined)
  return {
    read,
    analyse: async (saved, mappingName, file) => {
      await read
      return analyseTable(table!, saved, mappingName, file)
    },
    run: async (req) => {
      await read
      const totaal = table!.rows.length
      const fase = req.opts.commit ? 'opslaan' : 'controleren'
      return runImport(
        db,
        req.ctx,
        { fileName: req.fileName, table: table! },
        req.mapping,
        req.opts,
        (gedaan) => onProgress({ fase, gedaan, totaal }),
      )
    },
    close: () => {
      table = null
    },
  }
}

export function startHost(
  db: Db,
  data: HostData | null,
  bytes: Uint8Array,
  onProgress: ProgressListener,
): IntakeHost {
  const path = currentWorkerPath()
  // The worker opens the database file itself: an in-memory database (tests) stays in this process.
  if (path === null || data === null) return localHost(db, bytes, onProgress)
  return workerHost(path, data, bytes, onProgress)
}
