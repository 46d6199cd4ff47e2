/**
 * Updates of an installed app through electron-updater, from the municipality's own HTTPS
 * location (electron-builder's generic provider; see "Installing and updating" in the README).
 * Only signed updates: on Windows electron-updater checks the new installer's Authenticode
 * signature against publisherName in app-update.yml, and installs an unsigned one when that
 * name is absent, so then the updater stays off; on macOS Squirrel checks the code signature.
 * On Linux electron-updater checks no signature at all: updates come from the package manager
 * (deb) or a new AppImage instead. MSI installs are updated by IT (Intune, SCCM): the MSI is
 * built without app-update.yml (scripts/dist.mjs).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const UPDATE_CONFIG_FILE = 'app-update.yml'
const EVERY_FOUR_HOURS = 4 * 60 * 60 * 1000

export interface UpdatePlace {
  packaged: boolean
  platform: string
  /** process.resourcesPath, where electron-builder writes app-update.yml. */
  resourcesPath: string
}

export type UpdatePolicy = { enabled: true } | { enabled: false; reason: string }

const off = (reason: string): UpdatePolicy => ({ enabled: false, reason })

/** Whether this installation updates itself, and if not, why not. */
export function updatePolicy(p: UpdatePlace): UpdatePolicy {
  if (!p.packaged) return off('not an installed app')
  if (p.platform === 'linux') return off('on Linux updates come from the package manager or a new AppImage')
  const file = join(p.resourcesPath, UPDATE_CONFIG_FILE)
  if (!existsSync(file))
    return off(`no ${UPDATE_CONFIG_FILE}: built without an update location, or an MSI install`)
  const config = readFileSync(file, 'utf8')
  if (!/^provider:\s*['"]?generic['"]?\s*$/m.test(config))
    return off('the update location is not a generic provider')
  if (!/^url:\s*['"]?https:\/\//m.test(config)) return off('the update location is not an https address')
  if (p.platform === 'win32' && !/^publisherName:/m.test(config))
    return off('no publisherName: an update would be installed without checking its signature')
  return { enabled: true }
}

/** The part of electron-updater's AppUpdater this module uses. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
}

/** electron-updater's updater for this platform (loaded only when updates are on). */
export function loadAutoUpdater(): Updater {
  const { autoUpdater } = createRequire(import.meta.url)(
    'electron-updater',
  ) as typeof import('electron-updater')
  return autoUpdater
}

/**
 * Checks now and every four hours; a downloaded update is installed when the app quits, or at
 * once when the user chooses to restart. A failed check is logged, never shown: updating is
 * not the consulent's job. Returns a function that stops the checks.
 */
export function runUpdates(
  updater: Updater,
  askRestart: (version: string) => Promise<boolean>,
  log: (message: string, err: unknown) => void = console.error,
  everyMs = EVERY_FOUR_HOURS,
): () => void {
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  updater.on('error', (err) => log('Bijwerken mislukt', err))
  updater.on('update-downloaded', (info) => {
    void askRestart(info.version).then(
      (now) => {
        if (now) updater.quitAndInstall()
      },
      (err: unknown) => log('Bijwerken mislukt', err),
    )
  })
  const check = () => void updater.checkForUpdates().catch((err: unknown) => log('Bijwerken mislukt', err))
  check()
  const timer = setInterval(check, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
