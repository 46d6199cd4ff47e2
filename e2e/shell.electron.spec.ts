import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from '@playwright/test'
import { test, expect } from './harness'
import { bindingPlan, isPrepared } from '../scripts/electron-binding.mjs'

// Runs the real Electron app where an Electron binary is installed. On machines without one
// (no internet to fetch it, as on our CI) it is skipped, and says so.
const root = resolve(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules/electron')
const pathFile = join(electronDir, 'path.txt')
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null
const available = binary !== null && existsSync(binary)
// The SQLite binding built for Electron, as `npm start` prepares it (scripts/electron-binding.mjs).
const bindingReady = available && isPrepared(bindingPlan(root))

test.describe('Electron window', () => {
  test.skip(
    !available,
    'No Electron binary on this machine (node_modules/electron/dist is missing); run `npx install-electron` where the internet is reachable.',
  )
  test.skip(
    !bindingReady,
    'The SQLite binding for Electron is not prepared; run `npm run electron-binding` first.',
  )

  test('starts on a fresh data folder and shows the first-run set-up', async ({ dataDir }) => {
    const app = await electron.launch({
      executablePath: binary!,
      // The project folder, as `npm start` runs it (`electron .`): the shell finds the binding there.
      args: [root, '--data-dir', dataDir],
    })
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { name: /Welkom|instellen/i }).first()).toBeVisible()
    // The page sees the named bridge and nothing of Node.
    const page = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { langeAdem?: unknown }).langeAdem,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(page).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' })
    await app.close()
  })
})
