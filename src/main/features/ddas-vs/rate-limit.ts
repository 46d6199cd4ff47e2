/**
 * The rate limit of the DDAS-VS API: a token bucket over all callers together, refilled at
 * `perMinute` requests a minute and holding at most that many. Behind an FSC inway every call
 * arrives from the inway, so a limit per caller would be the same limit; this one also keeps a
 * flood of refused requests (wrong tokens) from costing more than the beheerder allowed.
 */
export function rateLimiter() {
  let tokens = -1
  let last = 0
  let capacity = 0
  return {
    /** Takes one request at `now` (ms); returns 0, or the seconds to wait before the next fits. */
    take(perMinute: number, now: number): number {
      if (capacity !== perMinute || tokens < 0) {
        capacity = perMinute
        tokens = perMinute
        last = now
      }
      tokens = Math.min(capacity, tokens + (Math.max(0, now - last) / 60_000) * capacity)
      last = Math.max(last, now)
      if (tokens >= 1) {
        tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil(((1 - tokens) * 60) / capacity))
    },
  }
}
