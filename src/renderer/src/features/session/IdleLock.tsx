import { useEffect } from 'react'
import { call } from '../../api/client'
import { useAppStatus } from '../../app/AppContext'

/** How often, at most, mouse and keyboard activity is reported to main (under the shortest idle time). */
const REPORT_MS = 20_000
const CHECK_MS = 1_000
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const

/** Locks the window now: main first (so nothing is answered any more), then the screen. */
export async function lockNow(refresh: () => Promise<void>): Promise<void> {
  try {
    await call('session.lock', {})
  } finally {
    await refresh()
  }
}

/**
 * While signed in: locks after `minutes` without mouse or keyboard, and at once on Ctrl+L.
 * Only real input counts (not the screen's own polling); it is reported to main now and then so
 * main's own idle check, the backstop, sees the same activity.
 */
export function IdleLock({ minutes }: { minutes: number }) {
  const { refresh } = useAppStatus()

  useEffect(() => {
    let lastInput = Date.now()
    let lastReport = Date.now()
    let locking = false
    const lock = () => {
      if (locking) return
      locking = true
      void lockNow(refresh)
    }
    const onInput = () => {
      lastInput = Date.now()
      if (lastInput - lastReport >= REPORT_MS) {
        lastReport = lastInput
        // A refused report (locked in main) makes the client show the lock screen.
        call('session.activity', {}).catch(() => undefined)
      }
    }
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault()
        lock()
        return
      }
      onInput()
    }
    const timer = setInterval(() => {
      if (Date.now() - lastInput >= minutes * 60_000) lock()
    }, CHECK_MS)
    window.addEventListener('keydown', onKey, true)
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onInput, { capture: true, passive: true })
    return () => {
      clearInterval(timer)
      window.removeEventListener('keydown', onKey, true)
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onInput, { capture: true })
    }
  }, [minutes, refresh])

  return null
}
