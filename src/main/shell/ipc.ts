import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES } from '@shared/api/method-names'
import type { Dispatcher } from '../app/dispatcher'
import { createSession, type Session } from '../app/context'
import { lock } from '../features/session/service'

export const IPC_PREFIX = 'lange-adem:'
/** Main tells a window it was locked from outside the page (the menu); no data travels with it. */
export const LOCKED_CHANNEL = 'lange-adem-shell:locked'

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
): IpcSessions {
  const sessions = new Map<number, Session>()
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + method, async (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Deze aanvraag komt niet van Lange Adem zelf.' },
        }
      }
      const id = event.sender.id
      let session = sessions.get(id)
      if (!session) {
        session = createSession()
        sessions.set(id, session)
        event.sender.once('destroyed', () => sessions.delete(id))
      }
      return dispatcher.call(session, method, input)
    })
  }
  return {
    lock(webContentsId) {
      const session = sessions.get(webContentsId)
      if (session) lock(session)
    },
  }
}
