import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES } from '@shared/api/method-names'
import type { Dispatcher } from '../app/dispatcher'
import { createSession, type Session } from '../app/context'

export const IPC_PREFIX = 'lange-adem:'

/**
 * One named channel per API method. A call is answered only when it comes from the app's own
 * page (file:// in a packaged app, the dev server while developing); the input is validated
 * by the dispatcher. Each window has its own session (who is working in it).
 */
export function registerIpc(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  isTrustedUrl: (url: string) => boolean,
): void {
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
}
