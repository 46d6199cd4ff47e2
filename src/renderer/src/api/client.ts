import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import type { ApiErrorPayload, ApiResult } from '@shared/api/define'
import type { DossierView } from '@shared/api/dossier'

/** A failed call: `message` is Dutch and meant for the user; `fields` per input path. */
export class ApiError extends Error {
  readonly code: ApiErrorPayload['code']
  readonly fields: Record<string, string>
  /** A change refused because a colleague changed the case since: the case file as it is now. */
  readonly dossier: DossierView | null
  constructor(payload: ApiErrorPayload) {
    super(payload.message)
    this.name = 'ApiError'
    this.code = payload.code
    this.fields = payload.fields ?? {}
    // Main sends it only with this code (dispatcher, dossier/conflict.ts); its shape is the contract's.
    this.dossier = payload.code === 'conflict' && payload.dossier ? (payload.dossier as DossierView) : null
  }
}

interface Bridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Electron only: main's own open dialog; main reads the file and hands it to intake.upload. */
  chooseImportFile?(): Promise<ApiResult<unknown>>
  /** Electron only: main locked the window (menu "Vergrendelen"). Returns the unsubscribe. */
  onLocked?(callback: () => void): () => void
}

declare global {
  interface Window {
    langeAdem?: Bridge
  }
}

const TOKEN_KEY = 'lange-adem-token'

/** In Electron the preload's bridge; in the browser mode an HTTP call with the per-run token. */
function transport(): Bridge {
  if (window.langeAdem) return window.langeAdem
  const fromUrl = new URLSearchParams(window.location.search).get('token')
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  return {
    async call(method, input) {
      const res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lange-Adem-Token': token },
        body: JSON.stringify(input ?? {}),
      })
      // Too large: main answers in Dutch (413), the page shows it
      if (res.status === 413) return (await res.json()) as ApiResult<unknown>
      if (!res.ok) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Geen verbinding met Lange Adem. Open het adres dat bij het starten is getoond.',
          },
        }
      }
      return (await res.json()) as ApiResult<unknown>
    },
  }
}

let bridge: Bridge | null = null

type SessionListener = (code: 'locked' | 'not_signed_in') => void
const sessionListeners = new Set<SessionListener>()

/**
 * Called when main answers that the window is locked or nobody is signed in (idle too long, a
 * password reset): the app then shows the lock or sign-in screen. Returns the unsubscribe.
 */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

/**
 * In the desktop app, the menu's "Vergrendelen" locks the session in main and tells the page;
 * the listener then shows the lock screen. Nothing happens in the browser mode.
 */
export function onShellLocked(listener: () => void): () => void {
  return window.langeAdem?.onLocked?.(listener) ?? (() => undefined)
}

function unwrap<T>(result: ApiResult<unknown>): T {
  if (!result.ok) {
    const code = result.error.code
    if (code === 'locked' || code === 'not_signed_in') for (const l of sessionListeners) l(code)
    throw new ApiError(result.error)
  }
  return result.value as T
}

/** Whether main picks import files with its own dialog (the desktop app) rather than the page's file input. */
export function hasNativeFilePicker(): boolean {
  return typeof window.langeAdem?.chooseImportFile === 'function'
}

/** Desktop: main's open dialog, main reads the file; null when the user cancels. */
export async function chooseImportFile(): Promise<ApiOutput<'intake.upload'> | null> {
  const bridge = window.langeAdem
  if (!bridge?.chooseImportFile) throw new Error('Alleen in de desktop-app.')
  let result: ApiResult<unknown>
  try {
    result = await bridge.chooseImportFile()
  } catch {
    throw new ApiError({ code: 'internal', message: 'Lange Adem reageert niet. Probeer het opnieuw.' })
  }
  return unwrap<ApiOutput<'intake.upload'> | null>(result)
}

/**
 * Browser mode: the file the user picked, streamed to main as the request body (no base64, no
 * copy in the page), with the method's input in a header.
 */
export async function uploadFile(file: File): Promise<ApiOutput<'intake.upload'>> {
  const fromUrl = new URLSearchParams(window.location.search).get('token')
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  let res: Response
  try {
    res = await fetch('/api/intake.upload', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Lange-Adem-Token': token,
        'X-Lange-Adem-Input': encodeURIComponent(JSON.stringify({ fileName: file.name })),
      },
      body: file,
    })
  } catch {
    throw new ApiError({ code: 'internal', message: 'Lange Adem reageert niet. Probeer het opnieuw.' })
  }
  if (!res.ok && res.status !== 413)
    throw new ApiError({
      code: 'forbidden',
      message: 'Geen verbinding met Lange Adem. Open het adres dat bij het starten is getoond.',
    })
  return unwrap<ApiOutput<'intake.upload'>>((await res.json()) as ApiResult<unknown>)
}

export async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  bridge ??= transport()
  let result: ApiResult<unknown>
  try {
    result = await bridge.call(method, input)
  } catch {
    throw new ApiError({ code: 'internal', message: 'Lange Adem reageert niet. Probeer het opnieuw.' })
  }
  return unwrap<ApiOutput<M>>(result)
}
