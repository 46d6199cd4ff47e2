import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DDAS_VERSIES, monitorPeriod, type DdasVersie } from '@shared/api/monitor'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'
import { exportDdas } from '../features/monitor/exports'

export const usage =
  'export-ddas --from JJJJ-MM-DD --to JJJJ-MM-DD --out BESTAND [--versie 1.2|0.9] [--data-dir MAP]   DDAS-levering (JSON) over een periode'

/** What the file holds, per version: said after every export, as the Monitor screen says it. */
export const CONTENT_NOTE: Record<DdasVersie, string> = {
  '1.2':
    'Het bestand bevat per signaal een BSN, of postcode, huisnummer en geboortedatum; geen namen, straten of woonplaatsen.',
  '0.9':
    'Let op: versie 0.9 bevat per signaal naam, adres, woonplaats, geboortedatum en het BSN als dat bekend is.',
}

/**
 * `npm run cli -- export-ddas --from 2026-10-01 --to 2026-10-31 --out levering.json --data-dir DIR`
 * Writes the same delivery as the Monitor screen (v1.2, or v0.9 with `--versie 0.9`), and records
 * it in the audit trail (no user).
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    ...FOLDER_OPTIONS,
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    versie: { type: 'string', default: '1.2' },
  })
  const { from, to, out, versie } = values
  if (!from || !to || !out) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  if (!(DDAS_VERSIES as readonly string[]).includes(versie)) {
    console.error(`Onbekende versie "${versie}". Kies ${DDAS_VERSIES.join(' of ')}.`)
    return 2
  }
  const period = monitorPeriod.safeParse({ van: from, tot: to })
  if (!period.success) {
    console.error(period.error.issues.map((i) => i.message).join('\n'))
    return 2
  }
  const { app } = await openFolder(values)
  try {
    const at = app.clock.now()
    const file = await exportDdas(
      app.database.db,
      { at, today: app.clock.today(), userId: null },
      { ...period.data, versie: versie as DdasVersie },
    )
    const target = resolve(out)
    writeFileSync(target, Buffer.from(file.base64, 'base64'), { mode: 0o600 })
    console.log(
      `DDAS-levering (versie ${file.versie}) geschreven naar ${target}: ${file.vroegsignalen} signalen, ${file.zaken} zaken. ` +
        `${CONTENT_NOTE[file.versie]} Dit zijn persoonsgegevens: bewaar en verstuur het bestand beveiligd.`,
    )
    for (const o of file.opmerkingen) console.log(`- ${o}`)
    return 0
  } finally {
    await app.close()
  }
}
