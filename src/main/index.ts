/**
 * The Electron shell: window, menu, IPC. Thin on purpose; every rule lives in the services,
 * which never import Electron and run under plain Node in tests and in the browser mode.
 */
import { app, BrowserWindow, Menu, dialog, ipcMain, safeStorage, session, shell } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createApp, DATABASE_FILE, type App } from './app/create-app'
import { hasFlag, resolveDataDir } from './app/data-dir'
import { DatabaseTooNewError } from './db/database'
import { backupDue, DatabaseDamagedError, restoreBackup } from './features/backup/service'
import { DatabaseKeyError } from './features/keys/key'
import { rotateKey, settleKey } from './features/keys/service'
import { exportRecoveryKey, flagValue, importRecoveryKey, osKeyStore } from './shell/key-store'
import { loadDemoData } from './features/demo/service'
import { startRetentionSchedule } from './features/retention/purge'
import { isSetupDone } from './features/settings/repository'
import { LOCKED_CHANNEL, registerIpc } from './shell/ipc'
import { electronBindingPath, NativeBindingError, useElectronBinding } from './shell/native-binding'
import { loadAutoUpdater, runUpdates, updatePolicy } from './shell/updates'
import { registerPdfIpc } from './shell/pdf-print'
import { buildMenuTemplate } from './shell/menu'
import { createMainWindow, lockDownContents, lockDownSession } from './shell/window'
import { readTeamConfig, TeamConfigError, type TeamConfig } from './remote/config'
import { connectToServer, RemoteError } from './remote/client'
import { createWorkstation, type Current, type SoloBackend, type Workstation } from './remote/workstation'
import { hostname } from 'node:os'

const here = dirname(fileURLToPath(import.meta.url))
const rendererIndex = join(here, '../renderer/index.html')
const rendererUrl = pathToFileURL(rendererIndex).href
const devUrl = process.env['ELECTRON_RENDERER_URL']

function isTrustedUrl(url: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true
  return url.split('#')[0]!.split('?')[0] === rendererUrl
}

let mainApp: App | null = null

/**
 * Opens the data folder. On a damaged database the user may put the latest good backup back;
 * the damaged file is moved aside, never overwritten.
 */
async function openWithRecovery(dataDir: string, key: string): Promise<App> {
  try {
    return await createApp({ dataDir, key })
  } catch (err) {
    if (!(err instanceof DatabaseDamagedError) || !err.latestBackup) throw err
    const choice = await dialog.showMessageBox({
      type: 'warning',
      title: 'Gegevens beschadigd',
      message: err.message,
      detail: 'Wil je de laatste goede back-up terugzetten? De beschadigde gegevens worden apart bewaard.',
      buttons: ['Back-up terugzetten', 'Afsluiten'],
      defaultId: 0,
      cancelId: 1,
    })
    if (choice.response !== 0) throw err
    restoreBackup(dataDir, join(dataDir, DATABASE_FILE), err.latestBackup, new Date().toISOString(), key)
    return createApp({ dataDir, key })
  }
}

/**
 * The database key, kept with the operating system's protection in the data folder. The
 * beheerder's start options: `--export-recovery-key FILE` (a copy for the password vault, then
 * quit), `--import-recovery-key FILE` (put a kept key back) and `--rotate-key` (a new key; the
 * database and backups are re-encrypted). See "Sleutel en herstel" in the README.
 */
async function databaseKey(argv: string[], dataDir: string): Promise<string | null> {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DATABASE_FILE)
  const store = osKeyStore(safeStorage, dataDir)
  const importFrom = flagValue(argv, '--import-recovery-key')
  if (importFrom) importRecoveryKey(store, importFrom, file)
  const key = settleKey(store, dataDir, file)
  const exportTo = flagValue(argv, '--export-recovery-key')
  if (exportTo) {
    exportRecoveryKey(store, exportTo)
    await dialog.showMessageBox({
      type: 'info',
      title: 'Herstelsleutel opgeslagen',
      message: `De herstelsleutel staat in ${exportTo}.`,
      detail:
        'Bewaar de sleutel in de kluis of het wachtwoordbeheer van de gemeente en verwijder daarna dit bestand. ' +
        'Zonder de sleutel zijn de gegevens en de back-ups niet te lezen.',
    })
    return null
  }
  if (hasFlag(argv, '--rotate-key')) {
    const { backups } = rotateKey(dataDir, file, store)
    await dialog.showMessageBox({
      type: 'info',
      title: 'Nieuwe sleutel',
      message: `Er is een nieuwe sleutel in gebruik. De gegevens en ${backups} back-up(s) zijn opnieuw versleuteld.`,
      detail: 'Maak een nieuwe herstelsleutel (--export-recovery-key) en vernietig de oude.',
    })
    return store.load()
  }
  return key
}
let mainWindow: BrowserWindow | null = null

/** This computer's own data, with the demo loader the menu offers. */
interface Solo extends SoloBackend {
  loadDemo(): Promise<void>
}

/**
 * Team mode (team.json in the data folder, remote/config.ts): every call goes to the team server
 * with its pinned certificate. No database, key or backup on this computer.
 */
async function teamStart(team: TeamConfig): Promise<Current | null> {
  try {
    const remote = await connectToServer({
      url: team.server,
      fingerprint: team.vingerafdruk,
      werkplek: team.werkplek,
    })
    return { modus: 'team', remote, config: team }
  } catch (err) {
    dialog.showErrorBox(
      'Lange Adem kan de teamserver niet bereiken',
      err instanceof RemoteError ? err.message : `De teamserver kon niet worden bereikt.\n\n${String(err)}`,
    )
    app.exit(1)
    return null
  }
}

let workstation: Workstation | null = null

async function start(): Promise<void> {
  const argv = process.argv.slice(1)
  const dataDir = resolveDataDir(argv, process.env, join(app.getPath('appData'), 'Lange Adem'))
  let team: TeamConfig | null
  try {
    team = readTeamConfig(dataDir)
  } catch (err) {
    dialog.showErrorBox(
      'Lange Adem kan niet starten',
      err instanceof TeamConfigError ? err.message : String(err),
    )
    app.exit(1)
    return
  }
  let begin: Current | null
  if (team) begin = await teamStart(team)
  else {
    try {
      const solo = await openSolo(argv, dataDir)
      if (!solo) {
        app.exit(0)
        return
      }
      begin = { modus: 'alleen', solo }
    } catch (err) {
      dialog.showErrorBox('Lange Adem kan niet starten', startFailure(err))
      app.exit(1)
      return
    }
  }
  if (!begin) return
  // The first-run choice and Instellingen switch between alone and the team server here.
  workstation = createWorkstation({
    dataDir,
    defaultWerkplek: hostname().slice(0, 40),
    openSolo: async () => {
      const solo = await openSolo(argv, dataDir)
      if (!solo) throw new Error('De sleutel van de gegevens op deze computer ontbreekt.')
      return solo
    },
    start: begin,
  })
  await openWindow(workstation, dataDir)
}

function startFailure(err: unknown): string {
  return err instanceof DatabaseTooNewError ||
    err instanceof DatabaseDamagedError ||
    err instanceof DatabaseKeyError ||
    err instanceof NativeBindingError
    ? err.message
    : `De gegevens konden niet worden geopend. Er is niets gewijzigd.\n\n${String(err)}`
}

/** Opens this computer's own data; null when a start option (a recovery key export) ends the run. */
async function openSolo(argv: string[], dataDir: string): Promise<Solo | null> {
  // Before anything touches the data: the SQLite binding built for Electron, or an explanation.
  useElectronBinding(
    electronBindingPath({
      packaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      platform: process.platform,
      arch: process.arch,
    }),
    app.isPackaged,
  )
  const key = await databaseKey(argv, dataDir)
  if (!key) return null
  const opened = await openWithRecovery(dataDir, key)
  mainApp = opened
  // A verified backup at start when the last one is older than a day, and daily while running.
  let backingUp: Promise<unknown> = Promise.resolve()
  const backupIfDue = () => {
    if (backupDue(dataDir, opened.clock.now()))
      backingUp = opened.backupNow().catch((e: unknown) => console.error('Back-up mislukt', e))
  }
  backupIfDue()
  const backups = setInterval(backupIfDue, 60 * 60 * 1000)
  backups.unref()
  // Expired personal data deleted at start and daily (before demo data, so a fresh demo stays whole).
  const stopRetention = await startRetentionSchedule(() => opened.database.db, opened.clock)
  if (hasFlag(argv, '--demo') && !(await isSetupDone(opened.database.db)))
    await loadDemoData(opened.database.db, opened.clock)
  return {
    dispatcher: opened.dispatcher,
    close: async () => {
      clearInterval(backups)
      stopRetention()
      // A backup still being written finishes before the database closes.
      await backingUp
      if (mainApp === opened) mainApp = null
      await opened.close()
    },
    loadDemo: async () => {
      if (await isSetupDone(opened.database.db)) {
        await dialog.showMessageBox({
          type: 'info',
          message: 'Demo-gegevens kunnen alleen in een lege database worden geladen.',
        })
        return
      }
      await loadDemoData(opened.database.db, opened.clock)
      mainWindow?.webContents.reload()
    },
  }
}

async function openWindow(ws: Workstation, dataDir: string): Promise<void> {
  lockDownSession(session.defaultSession)
  const ipcSessions = registerIpc(ipcMain, ws.dispatcher, isTrustedUrl, async () => {
    const options = {
      title: 'Bestand met signalen kiezen',
      properties: ['openFile' as const],
      filters: [
        { name: 'CSV of Excel', extensions: ['csv', 'txt', 'xlsx'] },
        { name: 'Alle bestanden', extensions: ['*'] },
      ],
    }
    const choice = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  })
  registerPdfIpc(ipcMain, { BrowserWindow, dialog, documentsDir: app.getPath('documents') }, isTrustedUrl)

  const isMac = process.platform === 'darwin'
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          loadDemo: () => {
            const now = ws.current()
            if (now.modus === 'alleen') void (now.solo as Solo).loadDemo()
            else
              void dialog.showMessageBox({
                type: 'info',
                message:
                  'Met het team staan de gegevens op de teamserver. Demo-gegevens laad je alleen op een losse computer.',
              })
          },
          reload: () => mainWindow?.webContents.reload(),
          // Main first, so nothing is answered any more; then the page shows the lock screen.
          lock: () => {
            if (!mainWindow) return
            ipcSessions.lock(mainWindow.webContents.id)
            mainWindow.webContents.send(LOCKED_CHANNEL)
          },
          openDataFolder: () => void shell.openPath(dataDir),
          quit: () => app.quit(),
        },
        isMac,
      ),
    ),
  )

  mainWindow = createMainWindow(
    { BrowserWindow, shell },
    { preloadPath: join(here, '../preload/index.cjs'), isTrustedUrl },
  )
  if (devUrl) await mainWindow.loadURL(devUrl)
  else await mainWindow.loadFile(rendererIndex)
  startUpdates()
}

/** Signed updates from the municipality's update location, where this installation has one. */
function startUpdates(): void {
  const policy = updatePolicy({
    packaged: app.isPackaged,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
  })
  if (!policy.enabled) {
    if (app.isPackaged) console.info(`Automatisch bijwerken staat uit: ${policy.reason}`)
    return
  }
  let updater
  try {
    updater = loadAutoUpdater()
  } catch (err) {
    console.error('Bijwerken kan niet starten', err)
    return
  }
  runUpdates(updater, async (version) => {
    const choice = await dialog.showMessageBox({
      type: 'info',
      title: 'Nieuwe versie',
      message: `Versie ${version} van Lange Adem staat klaar.`,
      detail:
        'Die wordt geïnstalleerd als je Lange Adem afsluit. Je kunt ook nu herstarten: rond dan eerst af waar je mee bezig bent.',
      buttons: ['Nu herstarten', 'Later'],
      defaultId: 1,
      cancelId: 1,
    })
    return choice.response === 0
  })
}

app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isTrustedUrl))
app.on('window-all-closed', () => app.quit())
app.on('before-quit', () => {
  // The team server's session is forgotten; this computer's own data (if open) is closed.
  if (workstation) void workstation.close()
  else void mainApp?.close()
})
app.whenReady().then(start)
