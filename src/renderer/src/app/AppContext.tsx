import { createContext, useContext } from 'react'
import type { AppStatus } from '@shared/api/setup'

export interface AppContextValue {
  status: AppStatus
  /** Reloads the status (after set-up, sign-in or a settings change). */
  refresh(): Promise<void>
}

export const AppContext = createContext<AppContextValue | null>(null)

export function useAppStatus(): AppContextValue {
  const ctx = useContext(AppContext)
  if (!ctx) throw new Error('useAppStatus outside AppContext')
  return ctx
}

/** The signed-in user; only used inside the signed-in part of the app. */
export function useCurrentUser() {
  const { status } = useAppStatus()
  if (!status.currentUser) throw new Error('no current user')
  return status.currentUser
}
