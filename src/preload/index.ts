/**
 * The only bridge between page and main: `window.langeAdem.call(method, input)` for the named
 * API methods. No ipcRenderer, no free-form channel, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES } from '@shared/api/method-names'

const IPC_PREFIX = 'lange-adem:'
const allowed = new Set<string>(METHOD_NAMES)

contextBridge.exposeInMainWorld('langeAdem', {
  call(method: string, input: unknown): Promise<unknown> {
    if (!allowed.has(method))
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: 'Deze actie bestaat niet.' } })
    return ipcRenderer.invoke(IPC_PREFIX + method, input)
  },
})
