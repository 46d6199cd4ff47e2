import { useEffect, useState } from 'react'

/**
 * Asks `fetch` now and every `ms` while the component is shown (a progress bar). A failed ask only
 * delays the figure; the work itself reports its own result. `key` restarts the polling.
 */
export function usePoll<T>(fetch: () => Promise<T>, ms: number, key: unknown = null): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const now = await fetch()
        if (!stopped) setValue(now)
      } catch {
        // A missed poll only delays the figure
      }
      if (!stopped) timer = setTimeout(() => void poll(), ms)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restarted by `key`, not by a new closure
  }, [key, ms])
  return value
}
