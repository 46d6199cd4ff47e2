import { z } from 'zod'
import { method } from './define'

/** One change: what kind of thing changed, and which one (never a name or a text). */
export interface Wijziging {
  volgnummer: number
  /** The logboek's entity type: 'zaak', 'signaal', 'import', 'instellingen', … */
  soort: string
  id: number | null
}

export interface Wijzigingen {
  /** The last logboek entry seen: pass it as `na` next time. */
  laatste: number
  wijzigingen: Wijziging[]
  /** True when more changed than one answer holds: refresh everything. */
  alles: boolean
}

/**
 * What colleagues changed, so screens refresh by themselves (most useful on the team server,
 * where several workstations share one caseload). Read from the logboek, which every change
 * writes in its own transaction: nothing confirmed is missed. Polled in the background, so it
 * never counts as the user being there.
 */
export const changesContract = {
  'changes.since': method<Wijzigingen>()(
    z.object({ na: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  ),
}
