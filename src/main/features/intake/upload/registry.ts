/**
 * The files users are importing, kept in main between the steps of an import: each is read
 * once (in its own worker), analysed, previewed and imported from what was read, and dropped
 * after the import, when the same user picks another file, or after an hour unused.
 */
import { randomBytes } from 'node:crypto'
import type {
  AnalyseResult,
  ColumnMapping,
  ImportSummary,
  IntakeProgress,
  UploadResult,
} from '@shared/api/intake'
import type { HandlerContext } from '../../../app/context'
import { ConflictError, NotFoundError } from '../../../lib/errors'
import { useCaseContext } from '../../../app/use-case'
import { savedMappings } from '../service'
import { startHost, type IntakeHost } from './host'
import type { HostData } from './protocol'

interface Upload {
  id: string
  owner: object
  userId: number
  fileName: string
  bytes: number
  host: IntakeHost
  progress: IntakeProgress
  busy: boolean
  lastUsed: number
}

const uploads = new Map<string, Upload>()
/** Files held at once across all users; the least recently used goes first. */
const MAX_UPLOADS = 4
const IDLE_MS = 60 * 60 * 1000

const GONE =
  'Dit bestand is niet meer in behandeling (te lang niet gebruikt, of er is een ander bestand gekozen). Kies het bestand opnieuw.'

function drop(u: Upload): void {
  uploads.delete(u.id)
  u.host.close()
}

function sweep(now: number): void {
  for (const u of uploads.values()) if (!u.busy && now - u.lastUsed > IDLE_MS) drop(u)
  while (uploads.size > MAX_UPLOADS) {
    const idle = [...uploads.values()].filter((u) => !u.busy).sort((a, b) => a.lastUsed - b.lastUsed)
    if (!idle[0]) break
    drop(idle[0])
  }
}

/** Takes in a file the user chose: reading starts at once, off the main thread. */
export function stageUpload(ctx: HandlerContext, fileName: string, bytes: Uint8Array): UploadResult {
  const now = Date.now()
  // Read before the bytes move to the import worker (a transfer leaves this view empty)
  const size = bytes.byteLength
  // One file per user at a time: choosing another ends the previous one
  for (const u of uploads.values()) if (u.owner === ctx.db && u.userId === ctx.userId && !u.busy) drop(u)
  const id = randomBytes(18).toString('base64url')
  const m = ctx.maintenance
  const data: HostData | null = m?.databaseFile
    ? { databaseFile: m.databaseFile, key: m.key }
    : m?.postgres
      ? { postgres: m.postgres }
      : null
  const upload: Upload = {
    id,
    owner: ctx.db,
    userId: ctx.userId,
    fileName,
    bytes: size,
    progress: { uploadId: id, fase: 'lezen', gedaan: 0, totaal: null },
    busy: false,
    lastUsed: now,
    host: startHost(ctx.db, data, bytes, (p) => {
      upload.progress = { uploadId: id, ...p }
    }),
  }
  uploads.set(id, upload)
  sweep(now)
  return { uploadId: id, fileName, bytes: size }
}

function uploadOf(ctx: HandlerContext, uploadId: string): Upload {
  const u = uploads.get(uploadId)
  // Another user's file is as unknown to this user as a file that never was
  if (!u || u.owner !== ctx.db || u.userId !== ctx.userId) throw new NotFoundError(GONE)
  u.lastUsed = Date.now()
  return u
}

export function uploadProgress(ctx: HandlerContext, uploadId: string): IntakeProgress | null {
  const u = uploads.get(uploadId)
  if (!u || u.owner !== ctx.db || u.userId !== ctx.userId) return null
  return u.progress
}

export async function analyseUpload(
  ctx: HandlerContext,
  uploadId: string,
  mappingName: string,
): Promise<AnalyseResult> {
  const u = uploadOf(ctx, uploadId)
  await u.host.read
  return u.host.analyse(await savedMappings(ctx.db), mappingName, { uploadId, fileName: u.fileName })
}

/**
 * The preview (commit false: everything done and rolled back) or the import of an uploaded file.
 * One run at a time per file; after the import the file is dropped.
 */
export async function runUpload(
  ctx: HandlerContext,
  uploadId: string,
  mapping: ColumnMapping,
  opts: { commit: boolean; bron: string },
): Promise<ImportSummary> {
  const u = uploadOf(ctx, uploadId)
  if (u.busy) throw new ConflictError('Dit bestand wordt al verwerkt. Wacht tot dat klaar is.')
  u.busy = true
  try {
    await u.host.read
    const summary = await u.host.run({ ctx: useCaseContext(ctx), fileName: u.fileName, mapping, opts })
    u.progress = { uploadId, fase: 'klaar', gedaan: summary.rows, totaal: summary.rows }
    if (opts.commit) drop(u)
    return summary
  } finally {
    u.busy = false
  }
}
