/**
 * The register of carried-out deletion requests. A backup made before a resident's data were
 * deleted still holds them; restoring it (in the app, from the command line, or after damage)
 * would bring the person back. Every time the app opens a database it re-applies the register.
 *
 * The register lives in two places that back each other up:
 * - the table `erasure_register`, written in the deletion's own transaction (so a crash cannot
 *   leave a deletion without its entry), and
 * - the file `lange-adem.erasures.json` beside the database, outside `backups/`, so a restore
 *   cannot roll it back.
 * Each open makes both the union of the two. An entry is a resident's row number and the moment
 * the row was created: no name, address or birth date. Row numbers are never reused
 * (AUTOINCREMENT), and the creation moment tells a later row with the same number apart (a backup
 * from before the deleted row existed continues its numbering from there).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../../db/database'
import { recordAudit } from '../audit/repository'
import { chunked, totalOf } from './erase'
import { erasePersonScope, personScope } from './person'
import { countsText } from './purge'

export const ERASURES_FILE = 'lange-adem.erasures.json'

export interface ErasureEntry {
  /** When the request was carried out. */
  at: string
  residentId: number
  residentCreatedAt: string
}

const keyOf = (e: { residentId: number; residentCreatedAt: string }) =>
  `${e.residentId}|${e.residentCreatedAt}`

function isEntry(x: unknown): x is ErasureEntry {
  const e = x as Partial<ErasureEntry> | null
  return (
    typeof e?.at === 'string' &&
    Number.isInteger(e.residentId) &&
    typeof e.residentCreatedAt === 'string' &&
    e.residentCreatedAt.length > 0
  )
}

/** The file's entries. A file that cannot be read is kept aside (never overwritten) and counts as empty. */
export function readErasureFile(dataDir: string, now: string): ErasureEntry[] {
  const file = join(dataDir, ERASURES_FILE)
  if (!existsSync(file)) return []
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (Array.isArray(parsed) && parsed.every(isEntry)) return parsed
  } catch {
    // falls through: kept aside below
  }
  renameSync(file, `${file}.onleesbaar-${now.replace(/[:.]/g, '-')}`)
  return []
}

function writeErasureFile(dataDir: string, entries: ErasureEntry[]): void {
  const file = join(dataDir, ERASURES_FILE)
  const tmp = `${file}.tmp`
  writeFileSync(tmp, JSON.stringify(entries, null, 1), { mode: 0o600 })
  renameSync(tmp, file)
}

/**
 * Makes the table and the file the union of both, and deletes again every registered resident
 * this database still holds (after a restore), with an entry in the logboek. One transaction;
 * the file is written after the commit. Returns the number of residents deleted again.
 */
export async function reapplyErasures(db: Db, dataDir: string | null, now: string): Promise<number> {
  const fromFile = dataDir ? readErasureFile(dataDir, now) : []
  const { union, again } = await db.transaction().execute(async (trx) => {
    const stored = (await trx.selectFrom('erasure_register').selectAll().orderBy('id').execute()).map(
      (r) => ({ at: r.at, residentId: r.resident_id, residentCreatedAt: r.resident_created_at }),
    )
    const known = new Set(stored.map(keyOf))
    const missing = fromFile.filter((e) => !known.has(keyOf(e)))
    for (const e of missing)
      await trx
        .insertInto('erasure_register')
        .values({ at: e.at, resident_id: e.residentId, resident_created_at: e.residentCreatedAt })
        .onConflict((oc) => oc.doNothing())
        .execute()
    const union = [...stored, ...missing]
    const wanted = new Set(union.map(keyOf))
    const present = (
      await chunked([...new Set(union.map((e) => e.residentId))], (c) =>
        trx.selectFrom('resident').select(['id', 'created_at']).where('id', 'in', c).execute(),
      )
    )
      .flat()
      .filter((r) => wanted.has(keyOf({ residentId: r.id, residentCreatedAt: r.created_at })))
      .map((r) => r.id)
      .sort((a, b) => a - b)
    if (present.length) {
      const { counts, sharedNumbers } = await erasePersonScope(trx, await personScope(trx, present))
      await recordAudit(trx, now, {
        userId: null,
        action: 'verwijderverzoek opnieuw',
        entityType: 'bewoner',
        entityId: present[0]!,
        summary:
          `Eerder uitgevoerd verwijderverzoek opnieuw toegepast (de gegevens kwamen terug met een back-up) ` +
          `voor bewoner nr ${present.join(', ')}: ${countsText(counts)}, ${totalOf(counts)} rijen` +
          (sharedNumbers.length ? `; zaak ${sharedNumbers.join(', ')} blijft voor de huisgenoot` : ''),
      })
    }
    return { union, again: present.length }
  })
  const inFile = new Set(fromFile.map(keyOf))
  if (dataDir && union.some((e) => !inFile.has(keyOf(e)))) writeErasureFile(dataDir, union)
  return again
}
