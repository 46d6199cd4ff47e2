import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { monitorPeriod } from '@shared/api/monitor'
import { openCliApp } from './open'
import { exportDdas } from '../features/monitor/exports'

export const usage =
  'export-ddas --from JJJJ-MM-DD --to JJJJ-MM-DD --out BESTAND [--data-dir MAP]   DDAS-levering (JSON) over een periode'

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

/**
 * `npm run cli -- export-ddas --from 2026-10-01 --to 2026-10-31 --out levering.json --data-dir DIR`
 * Writes the same delivery as the Monitor screen, and records it in the audit trail (no user).
 */
export async function run(argv: string[]): Promise<number> {
  const from = option(argv, '--from')
  const to = option(argv, '--to')
  const out = option(argv, '--out')
  if (!from || !to || !out) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const period = monitorPeriod.safeParse({ van: from, tot: to })
  if (!period.success) {
    console.error(period.error.issues.map((i) => i.message).join('\n'))
    return 2
  }
  const { app } = await openCliApp(argv)
  try {
    const at = app.clock.now()
    const file = await exportDdas(
      app.database.db,
      { at, today: app.clock.today(), userId: null },
      period.data,
    )
    const target = resolve(out)
    writeFileSync(target, Buffer.from(file.base64, 'base64'), { mode: 0o600 })
    console.log(
      `DDAS-levering geschreven naar ${target}: ${file.vroegsignalen} signalen, ${file.zaken} zaken. ` +
        'Let op: dit bestand bevat persoonsgegevens.',
    )
    return 0
  } finally {
    await app.close()
  }
}
