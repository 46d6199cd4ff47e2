import { formatDate } from '@shared/format/dates'

/** Today's calendar date on this computer (not UTC: a signal entered at 00:30 is today's). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Today as a consulent types it: dd-mm-jjjj. */
export function todayDutch(now = new Date()): string {
  return formatDate(todayIso(now))
}
