import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
} from 'electron'
import { CONTENT_SECURITY_POLICY } from './security-policy'

export interface ShellElectron {
  BrowserWindow: new (opts: BrowserWindowConstructorOptions) => BrowserWindowType
  shell: { openExternal(url: string): Promise<void> }
}

/** The locked-down settings every window gets; read back in the shell test. */
export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  }
}

/** Refuses every permission (camera, notifications, ...) and sets the CSP on every response. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/** No navigation away from the app, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, isTrustedUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function createMainWindow(
  electron: ShellElectron,
  opts: { preloadPath: string; isTrustedUrl: (url: string) => boolean; iconPath?: string },
): BrowserWindowType {
  const win = new electron.BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'Lange Adem',
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: secureWebPreferences(opts.preloadPath),
  })
  lockDownContents(win.webContents, opts.isTrustedUrl)
  win.once('ready-to-show', () => win.show())
  return win
}
