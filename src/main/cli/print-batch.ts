import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { formatDate } from '@shared/format/dates'
import { ALL_CASES } from '../features/access/scope'
import { recordAudit } from '../features/audit/repository'
import { isSetupDone } from '../features/settings/repository'
import { batchPdf, createBatch } from '../features/documents/batch-service'
import { loadQueue, soortLabel } from '../features/documents/queue-service'
import type { Indeling } from '../features/documents/render'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

export const usage =
  'print-batch --out BESTAND.pdf [--soort brief|kaart] [--indeling a6|a4-vier] [--afdruk NR] [--data-dir MAP]\n' +
  '      druk de wachtrij af: alle brieven (of kaartjes) in één afdruk, als PDF; met --afdruk NR de PDF van een eerdere afdruk opnieuw'

/**
 * Writes the PDF under a temporary name and renames it: the file is either complete or absent,
 * never half written. Refuses to overwrite: an earlier batch's PDF may not be printed yet.
 */
function writeWhole(target: string, bytes: Buffer): void {
  // A run stopped while writing left its temporary file: remove it (it may hold names and addresses).
  const prefix = `${basename(target)}.`
  for (const f of readdirSync(dirname(target)))
    if (f.startsWith(prefix) && /^\d+\.tmp$/.test(f.slice(prefix.length))) rmSync(join(dirname(target), f))
  const tmp = `${target}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 })
    renameSync(tmp, target)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/**
 * `npm run cli -- print-batch --out brieven.pdf --data-dir DIR`: the same batch print as
 * "Afdrukken" in the app, for a functional administrator who prints the queue on a machine
 * without the screen. Every letter (or card) in the queue goes into one batch, in postcode
 * order; the PDF is made first and only then are the documents marked as printed, in one
 * transaction, so a stop half-way leaves the queue as it was. Confirming which ones went out
 * stays in the app (it records the contact attempts).
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    out: { type: 'string' },
    soort: { type: 'string', default: 'brief' },
    indeling: { type: 'string', default: 'a6' },
    afdruk: { type: 'string' },
  })
  const { out, soort, indeling, afdruk } = values
  if (!out || (soort !== 'brief' && soort !== 'kaart') || (indeling !== 'a6' && indeling !== 'a4-vier')) {
    console.error(`Gebruik: npm run cli -- ${usage}`)
    return 2
  }
  const target = resolve(out)
  if (existsSync(target)) {
    console.error(`${target} bestaat al. Kies een andere naam: een eerdere afdruk wordt niet overschreven.`)
    return 2
  }
  const { app } = await openFolder(values)
  try {
    const db = app.database.db
    if (!(await isSetupDone(db))) {
      console.error('Lange Adem is in deze gegevensmap nog niet ingericht. Start eerst de app.')
      return 2
    }
    const ctx = { at: app.clock.now(), today: app.clock.today(), userId: null }

    if (afdruk !== undefined) {
      const batchId = Number(afdruk)
      if (!Number.isInteger(batchId) || batchId < 1) {
        console.error('Geef bij --afdruk het nummer van de afdruk, bijvoorbeeld --afdruk 12.')
        return 2
      }
      const pdf = await batchPdf(db, batchId, 'documenten')
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx.at, {
          userId: null,
          action: 'afdruk opgeslagen',
          entityType: 'export',
          entityId: batchId,
          summary: `PDF van afdruk ${batchId} opnieuw gemaakt via de opdrachtregel (${pdf.aantal} documenten)`,
        }),
      )
      writeWhole(target, Buffer.from(pdf.pdfBase64, 'base64'))
      console.log(`Afdruk ${batchId} opnieuw opgeslagen in ${target} (${pdf.aantal} documenten).`)
      return 0
    }

    const queue = await loadQueue(db, ctx.today, ALL_CASES)
    const ofSoort = queue.wachtrij.filter((i) => i.soort === soort)
    // Nobody looks at the queue here, so a letter whose day to call off has passed is left for the app.
    const late = ofSoort.filter((i) => i.waarschuwing !== null)
    const items = ofSoort.filter((i) => i.waarschuwing === null)
    if (late.length)
      console.log(
        `${late.length} ${soortLabel(soort, late.length)} overgeslagen: de dag om af te zeggen is voorbij. ` +
          'Kies in de app een nieuwe bezoekdatum.',
      )
    if (items.length === 0) {
      console.log(`Er staan geen ${soortLabel(soort, 2)} in de wachtrij om af te drukken.`)
      for (const b of queue.openBatches.filter((x) => x.soort === soort))
        console.log(
          `Afdruk ${b.id} van ${formatDate(b.gemaaktOp)} (${b.items.length} ${soortLabel(soort, b.items.length)}) ` +
            `is nog niet bevestigd. De PDF opnieuw: print-batch --afdruk ${b.id} --out BESTAND.pdf`,
        )
      return 0
    }
    console.log(`${items.length} ${soortLabel(soort, items.length)} in één afdruk; de PDF wordt gemaakt...`)
    const batch = await createBatch(
      db,
      ctx,
      { itemIds: items.map((i) => i.id), indeling: indeling as Indeling, enveloppen: false },
      {
        rendered: (bytes) =>
          console.log(
            `PDF gemaakt (${Math.round(bytes.length / 1024)} kB); de ${soortLabel(soort, 2)} worden als afgedrukt gemarkeerd...`,
          ),
      },
    )
    console.log(
      `Afdruk ${batch.id}: ${batch.items.length} ${soortLabel(soort, batch.items.length)} afgedrukt.`,
    )
    const pdf = await batchPdf(db, batch.id, 'documenten')
    writeWhole(target, Buffer.from(pdf.pdfBase64, 'base64'))
    console.log(`Opgeslagen in ${target}. Bevestig in Lange Adem (Afdrukken) welke zijn verstuurd.`)
    return 0
  } finally {
    await app.close()
  }
}
