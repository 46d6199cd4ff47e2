import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { METHOD_NAMES } from '@shared/api/method-names'
import { MAX_UPLOAD_BYTES } from '@shared/api/intake'
import { tooLarge, type Dispatcher } from '../app/dispatcher'
import { createSession, type Session } from '../app/context'
import { lock } from '../features/session/service'

export const IPC_PREFIX = 'lange-adem:'
/** Main tells a window it was locked from outside the page (the menu); no data travels with it. */
export const LOCKED_CHANNEL = 'lange-adem-shell:locked'
/**
 * The page asks main to let the user pick a file to import: main shows its own open dialog,
 * reads the file by its path and hands it to `intake.upload`. The page never names a path.
 */
export const CHOOSE_IMPORT_CHANNEL = 'lange-adem-shell:chooseImportFile'

export interface IpcSessions {
  /** Locks the session of the window with these web contents at once (if someone is signed in). */
  lock(webContentsId: number): void
}

/**
 * One named channel per API method. A call is answered only when it comes from the app's own
 * page (file:// in a packaged app, the dev server while developing); the input is validated
 * by the dispatcher. Each window has its own session (who is working in it); the returned
 * handle lets the menu lock a window's session in main.
 */
export function registerIpc(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  isTrustedUrl: (url: string) => boolean,
  /** The system's open dialog for an import file: the chosen path, or null when cancelled. */
  chooseImportFile?: () => Promise<string | null>,
): IpcSessions {
  const sessions = new Map<number, Session>()
  const FOREIGN = {
    ok: false,
    error: { code: 'forbidden', message: 'Deze aanvraag komt niet van Lange Adem zelf.' },
  } as const
  const sessionOf = (event: IpcMainInvokeEvent) => {
    const id = event.sender.id
    let session = sessions.get(id)
    if (!session) {
      session = createSession()
      sessions.set(id, session)
      event.sender.once('destroyed', () => sessions.delete(id))
    }
    return session
  }
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + method, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url ?? '')) return FOREIGN
      return dispatcher.call(sessionOf(event), method, input)
    })
  }
  if (chooseImportFile)
    ipcMain.handle(CHOOSE_IMPORT_CHANNEL, async (event: IpcMainInvokeEvent) => {
      if (!isTrustedUrl(event.senderFrame?.url ?? '')) return FOREIGN
      const session = sessionOf(event)
      // Who may not import learns nothing, and no dialog opens
      if (session.userId === null) return dispatcher.call(session, 'intake.upload', {})
      const path = await chooseImportFile()
      if (!path) return { ok: true, value: null }
      const size = (await stat(path)).size
      if (size > MAX_UPLOAD_BYTES)
        return { ok: false, error: { code: 'validation', ...tooLarge(MAX_UPLOAD_BYTES) } }
      const bytes = await readFile(path)
      return dispatcher.call(
        session,
        'intake.upload',
        { fileName: basename(path) },
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      )
    })
  return {
    lock(webContentsId) {
      const session = sessions.get(webContentsId)
      if (session) lock(session)
    },
  }
}
