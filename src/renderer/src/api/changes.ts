import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { call } from './client'
import { invalidateForChanges } from './invalidation'
import { useApiQuery } from './queries'

/**
 * Screens refresh by themselves when a colleague changes something. Only in team mode: alone on
 * one computer there are no colleagues, and the user's own changes already refetch what they
 * touched (useApiMutation). One poll of `changes.since` every few seconds for the whole page;
 * what it reports goes through the one map in invalidation.ts (CHANGE_INVALIDATES), so the
 * answers on screen are read again and the screens need no code of their own. The server leaves
 * out what this user did at this workstation, so a save here is not read back a second time.
 */
export const CHANGES_POLL_MS = 3000

/** Polls while `enabled`; every `intervalMs` (tests shorten it). */
export function useLiveRefresh(enabled: boolean, intervalMs = CHANGES_POLL_MS): void {
  const client = useQueryClient()
  useEffect(() => {
    if (!enabled) return
    let last: number | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let stopped = false
    const poll = async () => {
      try {
        // The first ask only learns where the logboek stands.
        const r = await call('changes.since', { na: last ?? Number.MAX_SAFE_INTEGER })
        if (stopped) return
        if (last !== null && (r.wijzigingen.length > 0 || r.alles))
          await invalidateForChanges(client, r.wijzigingen, r.alles)
        last = r.laatste
      } catch {
        // Locked, signed out or the server unreachable: the screens say so themselves; ask again later.
      }
      if (!stopped) timer = setTimeout(() => void poll(), intervalMs)
    }
    void poll()
    return () => {
      stopped = true
      if (timer !== null) clearTimeout(timer)
    }
  }, [enabled, intervalMs, client])
}

/** Mounted once in the signed-in workspace: polls when this computer works with the team server. */
export function LiveRefresh({ intervalMs }: { intervalMs?: number }) {
  const werkplek = useApiQuery('werkplek.status', {})
  useLiveRefresh(werkplek.data?.modus === 'team', intervalMs)
  return null
}
