import type { AppStatus } from '@shared/api/setup'
import { forgetNavigation, routeHref } from './router'
import { startRoute } from './routes'

/** What this window remembers for the session (caseload filters, the monitor's period, Vandaag's order). */
export const SESSION_PREFIX = 'lange-adem:'

/**
 * Sign-in starts on the role's start page, and a person who signs out leaves nothing of their
 * screens behind: the next person never lands on a case file they did not choose (which would
 * open it, and write it to the logboek, in their name). `before` is the user this window showed
 * last: undefined when the page was just loaded (a reload keeps its page), null when nobody was
 * signed in.
 */
export function followUserChange(before: number | null | undefined, next: AppStatus): void {
  const user = next.currentUser
  if (!user) {
    forgetNavigation()
    try {
      for (const key of Object.keys(sessionStorage))
        if (key.startsWith(SESSION_PREFIX)) sessionStorage.removeItem(key)
    } catch {
      // Blocked storage remembers nothing anyway.
    }
    if (window.location.hash)
      window.history.replaceState(null, '', window.location.pathname + window.location.search)
    return
  }
  if (before !== undefined && before !== user.id) window.location.replace(routeHref(startRoute(user.rol)))
}
