/**
 * One import at a time for the whole team. The monthly file is read in once, for everyone: a
 * second import while one runs would compete for the database's write lock for minutes and could
 * read the same signals in twice. The team server lets one `intake.commit` run; anyone else who
 * starts one is told who is importing, from which workstation, and since when. Nothing is changed
 * by the refusal. (In solo mode one person works at a time, so no gate is needed there.)
 */
export const IMPORT_METHODS: ReadonlySet<string> = new Set(['intake.commit', 'intake.undo'])

export interface Importer {
  naam: string
  werkplek: string
  /** ISO instant the import started. */
  since: string
}

export function importBusyMessage(who: Importer): string {
  const time = new Intl.DateTimeFormat('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(who.since))
  return `${who.naam} leest al een bestand in (werkplek ${who.werkplek}, sinds ${time}). Er kan één bestand tegelijk worden ingelezen. Er is niets gewijzigd; probeer het opnieuw als dat klaar is.`
}

export function createImportGate() {
  let current: Importer | null = null
  return {
    /** Takes the gate, or says who holds it. */
    enter(who: Importer): { release: () => void } | { busy: Importer } {
      if (current) return { busy: current }
      current = who
      const mine = who
      return {
        release: () => {
          if (current === mine) current = null
        },
      }
    },
    holder: () => current,
  }
}

export type ImportGate = ReturnType<typeof createImportGate>
