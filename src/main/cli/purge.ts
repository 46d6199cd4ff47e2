import type { PurgeCounts } from '@shared/api/retention'
import { formatDate } from '@shared/format/dates'
import { isSetupDone } from '../features/settings/repository'
import { countsText, previewPurge, runPurge } from '../features/retention/purge'
import { getPeriods } from '../features/retention/periods'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

export const usage =
  'purge [--voorbeeld] [--data-dir MAP]                          schoon nu op volgens de bewaartermijnen en toon het verslag'

const TERMIJN_LABELS = {
  nietDoorgezet: 'niet doorgezet',
  zonderHulp: 'gesloten zonder hulp',
  metHulp: 'gesloten met hulp',
} as const

function printCounts(c: PurgeCounts): void {
  console.log(`  ${countsText(c)}`)
}

/**
 * `npm run cli -- purge --data-dir DIR`: the same purge as "Nu opschonen" on the Bewaartermijnen
 * screen, for a beheerder who runs it from a scheduled task or checks it after changing the
 * periods. Everything that expired is deleted and the report stored in ONE transaction: a stop
 * half-way deletes nothing. `--voorbeeld` only counts what would go.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { ...FOLDER_OPTIONS, voorbeeld: { type: 'boolean' } })
  const { app } = await openFolder(values)
  try {
    const db = app.database.db
    if (!(await isSetupDone(db))) {
      console.error('Lange Adem is in deze gegevensmap nog niet ingericht. Start eerst de app.')
      return 2
    }
    const today = app.clock.today()
    const p = await getPeriods(db)
    console.log(
      `Bewaartermijnen: niet doorgezet ${p.nietDoorgezet}, gesloten zonder hulp ${p.zonderHulp}, ` +
        `gesloten met hulp ${p.metHulp} maanden (vandaag ${formatDate(today)}).`,
    )
    if (values.voorbeeld) {
      const plan = await previewPurge(db, today)
      console.log(`Nu verlopen (er is niets verwijderd):`)
      for (const t of plan.termijnen)
        console.log(
          `  ${TERMIJN_LABELS[t.soort]} (vóór ${formatDate(t.grens)}): ${t.zaken} zaken, ${t.signalen} signalen`,
        )
      printCounts(plan.aantallen)
      return 0
    }
    console.log('Opschonen...')
    const r = await runPurge(db, { at: app.clock.now(), today, userId: null }, 'handmatig')
    console.log(`Opgeschoond (verslag ${r.id}), in totaal ${r.totaal} verwijderd:`)
    printCounts(r.aantallen)
    console.log(
      'De cijfers van de monitor blijven gelijk. Het verslag staat ook in de app onder Bewaartermijnen.',
    )
    return 0
  } finally {
    await app.close()
  }
}
