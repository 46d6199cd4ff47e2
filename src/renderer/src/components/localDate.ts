import { formatDate } from '@shared/format/dates'

/**
 * The app's clock, as main keeps it: every status read (App.tsx) says main's now, and the screens
 * count from there. In the desktop app that is this computer's clock; the browser mode's `--klok`
 * (end-to-end tests over several days) moves main and the page together.
 */
let offsetMs = 0

/** Follows main's clock from now on; `instant` is main's now (AppStatus.nu). */
export function followAppClock(instant: string): void {
  const at = Date.parse(instant)
  offsetMs = Number.isNaN(at) ? 0 : at - Date.now()
}

/** Now on the app's clock. */
export function appNow(): Date {
  return new Date(Date.now() + offsetMs)
}

/** Today's calendar date on the app's clock, in this computer's zone (a signal entered at 00:30 is today's). */
export function todayIso(now = appNow()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Today as a consulent types it: dd-mm-jjjj. */
export function todayDutch(now = appNow()): string {
  return formatDate(todayIso(now))
}
