import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { INTAKE_FIELD_LABELS } from '@shared/api/intake'
import { isSetupDone } from '../features/settings/repository'
import { analyseFile, runImport } from '../features/intake/service'
import { FOLDER_OPTIONS, parseOptions, UsageError } from './options'
import { openFolder } from './open'

export const usage = 'import BESTAND --data-dir MAP [--mapping NAAM]   signalen inlezen (CSV of Excel)'

/**
 * `npm run cli -- import FILE --data-dir DIR [--mapping NAME]`: the same import as the screen,
 * for functional administrators. Without a saved mapping the proposal from the headers is used;
 * a required field it cannot place stops the import, naming every such field.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...FOLDER_OPTIONS, mapping: { type: 'string' } }, 1)
  const file = positionals[0]
  if (!file) throw new UsageError('Geef het bestand dat je wilt inlezen.')
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    console.error(`Bestand niet gevonden: ${file}`)
    return 2
  }
  const { app } = await openFolder(values)
  try {
    const db = app.database.db
    if (!(await isSetupDone(db))) {
      console.error('Lange Adem is in deze gegevensmap nog niet ingericht. Start eerst de app.')
      return 2
    }
    const bytes = new Uint8Array(readFileSync(file))
    const mappingName = values.mapping ?? ''
    // Read once: the analysis and the import use the same rows.
    const analysis = await analyseFile(db, bytes, mappingName, basename(file))
    console.log(
      `${basename(file)}: ${analysis.rowCount} regels (${analysis.format === 'xlsx' ? 'Excel' : `CSV, ${analysis.encoding}`}); ` +
        `koppeling: ${analysis.mappingName ?? 'voorstel uit de kolomnamen'}`,
    )
    if (analysis.unplaced.length > 0) {
      console.error('Inlezen gestopt. Voor deze verplichte velden is geen kolom gevonden:')
      for (const f of analysis.unplaced) console.error(`  - ${INTAKE_FIELD_LABELS[f]}`)
      console.error(
        'Leg de koppeling één keer vast in de app (Signalen inlezen) en gebruik dan --mapping NAAM.',
      )
      return 3
    }
    const unknownWords = analysis.partnerWords.filter((w) => !w.proposed)
    const s = await runImport(
      db,
      { at: app.clock.now(), today: app.clock.today(), userId: null },
      { fileName: basename(file), table: analysis.table },
      analysis.mapping,
      { commit: true, bron: analysis.mappingName ?? 'Opdrachtregel' },
    )
    console.log(`Inlezing ${s.importId}:`)
    console.log(`  regels in bestand   ${s.rows}`)
    console.log(
      `  nieuw               ${s.nieuw}  (doorgezet ${s.doorgezet}, niet doorgezet ${s.nietDoorgezet}, nieuwe zaken ${s.nieuweZaken})`,
    )
    console.log(`  eerder ingelezen    ${s.eerderIngelezen}`)
    console.log(`  te controleren      ${s.problemen}`)
    console.log(`  meervoudig ${s.meervoudig}, opeenvolgend ${s.opeenvolgend}, eerder bekend ${s.herkend}`)
    for (const p of s.problems.slice(0, 50))
      console.log(`  regel ${p.line}${p.field ? ` (${INTAKE_FIELD_LABELS[p.field]})` : ''}: ${p.reason}`)
    if (s.problems.length > 50) console.log(`  ... en meer: zie Te controleren in de app`)
    if (unknownWords.length)
      console.log(`  onbekende soorten signaalpartner: ${unknownWords.map((w) => w.word).join(', ')}`)
    return 0
  } finally {
    await app.close()
  }
}
