/**
 * The import worker (a `worker_threads` entry of its own in the main build): holds one uploaded
 * file, read once, and runs its analysis, its preview and its import on its own connection to
 * the database (the SQLite file, or the team server's PostgreSQL), so main keeps answering while
 * 100,000 rows are read, checked and stored. Main waits for the preview or import call it
 * forwarded; WAL mode (SQLite) or PostgreSQL's own concurrency lets main read meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase, type OpenedDatabase } from '../../../db/database'
import { openPostgres } from '../../../db/postgres'
import { AppError } from '../../../lib/errors'
import type { ParsedTable } from '../read-table'
import { analyseTable, readFile, runImport } from '../service'
import type { HostData, HostMessage, HostRequest } from './protocol'
import type { ApiErrorPayload } from '@shared/api/define'

const port = parentPort
if (!port) throw new Error('The import worker must run as a worker thread.')
const data = workerData as HostData
const post = (m: HostMessage) => port.postMessage(m)

function payload(err: unknown): ApiErrorPayload {
  if (err instanceof AppError)
    return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }
  console.error('Fout in de inleesmodule', err)
  return {
    code: 'internal',
    message:
      'Er ging iets mis bij het inlezen. Er is niets gewijzigd. Probeer het opnieuw of meld het aan de beheerder.',
  }
}

let table: ParsedTable | null = null

/** Posts progress at most every 100 ms (and always the last figure the caller gives with force). */
function progress(fase: 'lezen' | 'controleren' | 'opslaan', totaal: number | null) {
  let last = 0
  return (gedaan: number, force = false) => {
    const now = Date.now()
    if (!force && now - last < 100) return
    last = now
    post({ type: 'progress', fase, gedaan, totaal })
  }
}

port.on('message', (req: HostRequest) => {
  if (req.type === 'read') {
    try {
      const report = progress('lezen', null)
      table = readFile(req.bytes, (n) => report(n))
      report(table.rows.length, true)
      post({ type: 'read', rows: table.rows.length })
    } catch (err) {
      post({ type: 'readFailed', error: payload(err) })
    }
    return
  }
  if (!table) {
    post({
      type: 'failed',
      id: req.id,
      error: { code: 'conflict', message: 'Het bestand is nog niet gelezen.' },
    })
    return
  }
  if (req.type === 'analyse') {
    try {
      post({
        type: 'result',
        id: req.id,
        value: analyseTable(table, new Map(req.saved), req.mappingName, req.file),
      })
    } catch (err) {
      post({ type: 'failed', id: req.id, error: payload(err) })
    }
    return
  }
  void (async () => {
    let opened: OpenedDatabase | null = null
    try {
      // Its own connections to the same database: on PostgreSQL the import's transaction, the
      // range it reserves and its reads; main's pool keeps answering colleagues meanwhile.
      opened =
        'postgres' in data
          ? await openPostgres(data.postgres.url, { ...data.postgres.options, poolSize: 3 })
          : openDatabase(data.databaseFile, data.key)
      const rows = table!.rows.length
      const report = progress(req.opts.commit ? 'opslaan' : 'controleren', rows)
      report(0, true)
      const value = await runImport(
        opened.db,
        req.ctx,
        { fileName: req.fileName, table: table! },
        req.mapping,
        // The monitor's facts in the import's own transaction, here: main never sees the new rows
        // without them, so opening the Monitor afterwards does not hold main for seconds.
        { ...req.opts, refreshMonitor: true },
        report,
      )
      report(rows, true)
      post({ type: 'result', id: req.id, value })
    } catch (err) {
      post({ type: 'failed', id: req.id, error: payload(err) })
    } finally {
      await opened?.close()
    }
  })()
})
