import { useEffect, useRef, useState } from 'react'
import type { Wijziging } from '@shared/api/changes'
import { call } from './client'

/**
 * Screens that refresh by themselves when a colleague changes something (team mode; in solo
 * mode only the user's own changes appear). One poll of `changes.since` every few seconds for
 * the whole page, while at least one screen listens. A screen asks for a number that goes up
 * when a change it cares about came in, and reads its data again with that number among its
 * effect's dependencies: what the user is typing lives in its own state and stays.
 */
export const CHANGES_POLL_MS = 3000

type Listener = (changes: Wijziging[], alles: boolean) => void
const listeners = new Set<Listener>()
let last: number | null = null
let timer: ReturnType<typeof setTimeout> | null = null

async function poll(): Promise<void> {
  timer = null
  try {
    // The first ask only learns where the logboek stands.
    const r = await call('changes.since', { na: last ?? Number.MAX_SAFE_INTEGER })
    if (last !== null && (r.wijzigingen.length > 0 || r.alles))
      for (const l of listeners) l(r.wijzigingen, r.alles)
    last = r.laatste
  } catch {
    // Locked, signed out or the server unreachable: the screens say so themselves; ask again later.
  }
  if (listeners.size > 0 && timer === null) timer = setTimeout(() => void poll(), CHANGES_POLL_MS)
}

function listen(l: Listener): () => void {
  listeners.add(l)
  if (timer === null) void poll()
  return () => {
    listeners.delete(l)
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer)
      timer = null
    }
  }
}

/** A number that goes up whenever a change matching `matches` (or "everything") comes in. */
export function useChanged(matches: (w: Wijziging) => boolean): number {
  const [count, setCount] = useState(0)
  const match = useRef(matches)
  useEffect(() => {
    match.current = matches
  })
  useEffect(
    () =>
      listen((changes, alles) => {
        if (alles || changes.some((w) => match.current(w))) setCount((c) => c + 1)
      }),
    [],
  )
  return count
}
