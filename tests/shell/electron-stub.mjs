// A stand-in for the `electron` module, so the built main bundle and preload can be loaded
// and exercised under plain Node (no Electron binary can run on CI). It records what the
// shell asks of Electron in globalThis.__electronStub for the test to read back.
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'

const rec = (globalThis.__electronStub ??= {
  windows: [],
  ipcHandlers: new Map(),
  menuTemplate: null,
  permissionHandler: null,
  permissionCheckHandler: null,
  headersListener: null,
  exposed: {},
  invoked: [],
  errors: [],
  appListeners: {},
})

class FakeWebContents extends EventEmitter {
  constructor() {
    super()
    this.id = 1
    this.windowOpenHandler = null
    this.loaded = null
  }
  setWindowOpenHandler(h) {
    this.windowOpenHandler = h
  }
  reload() {}
  // Main -> page: recorded, and handed to the preload's listeners as Electron would.
  send(channel, ...args) {
    ;(rec.sent ??= []).push({ channel, args })
    for (const fn of rec.rendererListeners?.get(channel) ?? []) fn({ sender: ipcRenderer }, ...args)
  }
  print(options, callback) {
    ;(rec.printCalls ??= []).push({ options, loaded: this.loaded })
    setTimeout(() => callback(true, ''), 0)
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new FakeWebContents()
    rec.windows.push(this)
    appEmitter.emit('web-contents-created', {}, this.webContents)
  }
  async loadFile(file) {
    this.webContents.loaded = file
    this.emit('ready-to-show')
  }
  async loadURL(url) {
    this.webContents.loaded = url
  }
  show() {
    this.shown = true
  }
  close() {
    this.closed = true
  }
}

const appEmitter = new EventEmitter()
let resolveReady
const ready = new Promise((r) => (resolveReady = r))
export const app = {
  on: (ev, fn) => {
    appEmitter.on(ev, fn)
    return app
  },
  whenReady: () => ready,
  getPath: (name) => (name === 'appData' && process.env.STUB_APP_DATA) || tmpdir(),
  // `electron .` in the project folder, or an installed app (STUB_PACKAGED=1) whose resources
  // folder is STUB_RESOURCES_PATH: where the shell looks for the Electron SQLite binding.
  isPackaged: process.env.STUB_PACKAGED === '1',
  getAppPath: () => process.env.STUB_APP_PATH ?? resolve(import.meta.dirname, '../..'),
  quit: () => {
    rec.quit = true
  },
  exit: (code) => {
    rec.exitCode = code
  },
}
setTimeout(() => resolveReady(), 0)
if (process.env.STUB_RESOURCES_PATH) process.resourcesPath = process.env.STUB_RESOURCES_PATH

export const ipcMain = {
  handle: (channel, fn) => {
    if (rec.ipcHandlers.has(channel)) throw new Error(`duplicate handler ${channel}`)
    rec.ipcHandlers.set(channel, fn)
  },
}

export const Menu = {
  buildFromTemplate: (t) => ({ template: t }),
  setApplicationMenu: (m) => {
    rec.menuTemplate = m.template
  },
}

export const dialog = {
  showErrorBox: (title, msg) => rec.errors.push({ title, msg }),
  // Records what was asked and answers with the first button (for a damaged database: put the backup back)
  showMessageBox: async (opts) => {
    ;(rec.messageBoxes ??= []).push({ title: opts.title, message: opts.message, buttons: opts.buttons })
    return { response: 0 }
  },
  showSaveDialog: async (opts) => {
    ;(rec.saveDialogs ??= []).push(opts)
    return rec.saveDialogResult ?? { canceled: true }
  },
  // (window, options) or (options), as Electron accepts both
  showOpenDialog: async (...args) => {
    ;(rec.openDialogs ??= []).push(args[args.length - 1])
    return rec.openDialogResult ?? { canceled: true, filePaths: [] }
  },
}

// The operating system's protection, played by a reversible transform with a marker, so the
// test can tell a sealed key file from a plain one. STUB_SAFE_STORAGE=unavailable or
// =basic_text plays a computer without a usable secret store.
const SEAL = Buffer.from('STUB-SEALED:')
export const safeStorage = {
  isEncryptionAvailable: () => process.env.STUB_SAFE_STORAGE !== 'unavailable',
  getSelectedStorageBackend: () =>
    process.env.STUB_SAFE_STORAGE === 'basic_text' ? 'basic_text' : 'gnome_libsecret',
  encryptString: (text) => {
    ;(rec.safeStorage ??= []).push('encryptString')
    return Buffer.concat([SEAL, Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)])
  },
  decryptString: (buf) => {
    ;(rec.safeStorage ??= []).push('decryptString')
    if (!buf.subarray(0, SEAL.length).equals(SEAL))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(buf.subarray(SEAL.length).map((b) => b ^ 0x5a)).toString('utf8')
  },
}

export const shell = { openExternal: async () => {}, openPath: async () => '' }

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => (rec.permissionHandler = h),
    setPermissionCheckHandler: (h) => (rec.permissionCheckHandler = h),
    webRequest: { onHeadersReceived: (h) => (rec.headersListener = h) },
  },
}

// Preload side
export const contextBridge = {
  exposeInMainWorld: (key, api) => {
    rec.exposed[key] = api
  },
}
export const ipcRenderer = {
  invoke: async (channel, input) => {
    rec.invoked.push({ channel, input })
    return { ok: true, value: 'forwarded' }
  },
  on: (channel, fn) => {
    rec.rendererListeners ??= new Map()
    rec.rendererListeners.set(channel, [...(rec.rendererListeners.get(channel) ?? []), fn])
    return ipcRenderer
  },
  removeListener: (channel, fn) => {
    const left = (rec.rendererListeners?.get(channel) ?? []).filter((f) => f !== fn)
    rec.rendererListeners?.set(channel, left)
    return ipcRenderer
  },
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  dialog,
  shell,
  session,
  safeStorage,
  contextBridge,
  ipcRenderer,
}
