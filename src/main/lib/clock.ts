/** Time comes from a clock that tests can set, so dates in results are exact. */
export interface Clock {
  /** The current instant as a UTC ISO string. */
  now(): string
  /** Today's calendar date (YYYY-MM-DD) in the team's own time zone. */
  today(): string
}

export const TIME_ZONE = 'Europe/Amsterdam'

function localDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

/** The team's calendar date (YYYY-MM-DD) of a stored instant (a UTC ISO string). */
export function calendarDate(instant: string): string {
  return localDate(new Date(instant))
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => localDate(new Date()),
}

/**
 * A clock that runs from `startInstant` at the normal pace: the browser mode's `--klok` (end-to-end
 * tests of work that spans days, such as a visit announced now and made next week).
 */
export function clockFrom(startInstant: string): Clock {
  const start = Date.parse(startInstant)
  if (Number.isNaN(start)) throw new Error(`--klok: geen tijdstip: ${startInstant}`)
  const offset = start - Date.now()
  return {
    now: () => new Date(Date.now() + offset).toISOString(),
    today: () => localDate(new Date(Date.now() + offset)),
  }
}

/** A clock that stands still until it is moved: for tests. */
export function fixedClock(
  startInstant: string,
): Clock & { set(instant: string): void; advanceDays(n: number): void } {
  let current = new Date(startInstant)
  return {
    now: () => current.toISOString(),
    today: () => localDate(current),
    set(instant) {
      current = new Date(instant)
    },
    advanceDays(n) {
      current = new Date(current.getTime() + n * 86_400_000)
    },
  }
}
