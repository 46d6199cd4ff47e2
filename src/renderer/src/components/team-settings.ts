import type { TeamSettings } from '@shared/api/setup'
import type { Weekdag } from '@shared/domain/case'

/** The team settings as the form holds them: every field plain text, the day one of the weekdays. */
export type TeamDraft = TeamSettings

/** A new team: the walk-in hour most teams hold, Tuesday morning. */
export const EMPTY_TEAM: TeamDraft = {
  gemeenteNaam: '',
  gemeenteCode: '',
  teamNaam: '',
  postadres: '',
  bezoekadres: '',
  telefoon: '',
  email: '',
  inloopDag: 'dinsdag',
  inloopStart: '09:00',
  inloopEind: '11:00',
  inloopPlaats: '',
}

/** Which fields each part shows, so a wizard step can tell its own errors from the next step's. */
export const TEAM_FIELDS = [
  'gemeenteNaam',
  'gemeenteCode',
  'teamNaam',
  'postadres',
  'bezoekadres',
  'telefoon',
  'email',
] as const

export const WEEKDAG_LABELS: Record<Weekdag, string> = {
  maandag: 'Maandag',
  dinsdag: 'Dinsdag',
  woensdag: 'Woensdag',
  donderdag: 'Donderdag',
  vrijdag: 'Vrijdag',
  zaterdag: 'Zaterdag',
  zondag: 'Zondag',
}

/** "Elke dinsdag van 09:00 tot 11:00, Stadskantoor", as the team would say it. */
export function describeInloop(
  t: Pick<TeamDraft, 'inloopDag' | 'inloopStart' | 'inloopEind' | 'inloopPlaats'>,
): string {
  const plaats = t.inloopPlaats.trim()
  return `Elke ${t.inloopDag} van ${t.inloopStart.trim()} tot ${t.inloopEind.trim()}${plaats ? `, ${plaats}` : ''}`
}
