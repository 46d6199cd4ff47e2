import type { Session } from '../../app/context'

/**
 * The walk-in hour is the one way a consulent reaches a case outside his or her own wijken: the
 * resident stands at the desk. A case becomes reachable in two steps: the walk-in search (or a
 * walk-in registration) offers it, and opening the file from there (`dossier.get` with
 * via 'inloopspreekuur', audited with that reason) opens it. Only an opened case may then be
 * worked on, by the same user, on the same day, in the same window (or browser tab).
 */
function grant(session: Session, userId: number, today: string) {
  if (!session.inloop || session.inloop.userId !== userId || session.inloop.datum !== today)
    session.inloop = { userId, datum: today, offered: new Set(), opened: new Set() }
  return session.inloop
}

export function offerWalkinCases(session: Session, userId: number, today: string, caseIds: number[]): void {
  const g = grant(session, userId, today)
  for (const id of caseIds) g.offered.add(id)
}

/** True when the case was offered by the walk-in search today; it is then opened. */
export function openWalkinCase(session: Session, userId: number, today: string, caseId: number): boolean {
  const g = grant(session, userId, today)
  if (!g.offered.has(caseId)) return false
  g.opened.add(caseId)
  return true
}

export function walkinOpened(session: Session, userId: number, today: string): (caseId: number) => boolean {
  const g = session.inloop
  if (!g || g.userId !== userId || g.datum !== today) return () => false
  return (caseId) => g.opened.has(caseId)
}
