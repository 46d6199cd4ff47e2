/**
 * The only bridge between page and main: `window.langeAdem.call(method, input)` for the named
 * API methods, and `printPdf` / `savePdf` that hand a PDF made by the API to the system print
 * dialog or a save dialog, `chooseImportFile` (main's open dialog for an import file) and
 * `onLocked` for the menu's "Vergrendelen". No ipcRenderer, no free-form channel, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES } from '@shared/api/method-names'

const IPC_PREFIX = 'lange-adem:'
const LOCKED_CHANNEL = 'lange-adem-shell:locked'
const allowed = new Set<string>(METHOD_NAMES)

contextBridge.exposeInMainWorld('langeAdem', {
  call(method: string, input: unknown): Promise<unknown> {
    if (!allowed.has(method))
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: 'Deze actie bestaat niet.' } })
    return ipcRenderer.invoke(IPC_PREFIX + method, input)
  },
  printPdf(bytes: Uint8Array, fileName: string): Promise<unknown> {
    return ipcRenderer.invoke('lange-adem-shell:printPdf', { bytes, fileName })
  },
  savePdf(bytes: Uint8Array, fileName: string): Promise<unknown> {
    return ipcRenderer.invoke('lange-adem-shell:savePdf', { bytes, fileName })
  },
  /** Main shows its own open dialog and reads the chosen file; the page gets the upload, never a path. */
  chooseImportFile(): Promise<unknown> {
    return ipcRenderer.invoke('lange-adem-shell:chooseImportFile')
  },
  /**
   * Main locked the window (menu "Vergrendelen", Ctrl+L outside the page). The page's callback
   * gets nothing from the event (never the event itself); returns the unsubscribe.
   */
  onLocked(callback: () => void): () => void {
    if (typeof callback !== 'function') return () => undefined
    const listener = () => callback()
    ipcRenderer.on(LOCKED_CHANNEL, listener)
    return () => {
      ipcRenderer.removeListener(LOCKED_CHANNEL, listener)
    }
  },
})
