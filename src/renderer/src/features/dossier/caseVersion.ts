import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { DossierView } from '@shared/api/dossier'
import type { MethodName } from '@shared/api'
import { ApiError } from '../../api/client'

/**
 * The case file a change came back with when a colleague changed the case after it was read
 * (issue 18, "edits that collide"); null for any other failure.
 */
export function freshCaseFile(e: unknown): DossierView | null {
  return e instanceof ApiError ? e.dossier : null
}

/** What a case file shows besides the case file itself, read again after a refused change. */
const AROUND_THE_CASE: MethodName[] = ['ladder.plan', 'appointments.forCase', 'documents.forCase']

/**
 * The version a dialog's change carries: the case file as it was shown when the dialog opened
 * (`open`), not as a background refresh changed it behind the dialog, so a colleague's change the
 * user has not seen is never overwritten. `refused` takes a failed change: when a colleague had
 * changed the case, it shows the fresh case file (the answer carries it) and moves the version on,
 * so the same dialog, with what the user typed, can save again after looking. It returns whether
 * that was the failure; the dialog shows the message (describeFailure) near its save button.
 */
export function useCaseVersion(shown: number, apply: (fresh: DossierView) => void) {
  const [read, setRead] = useState(shown)
  const queryClient = useQueryClient()
  return {
    versie: read,
    open: () => setRead(shown),
    saved: (d: DossierView) => setRead(d.versie),
    refused: (e: unknown): boolean => {
      const fresh = freshCaseFile(e)
      if (!fresh) return false
      setRead(fresh.versie)
      apply(fresh)
      for (const method of AROUND_THE_CASE) void queryClient.invalidateQueries({ queryKey: [method] })
      return true
    },
  }
}
export type CaseVersion = ReturnType<typeof useCaseVersion>
