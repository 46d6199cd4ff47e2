#!/usr/bin/env node
// `npm run dist`: the installers for the machine this runs on (README, "Installing and updating").
//   Windows: Lange-Adem-<version>-per-gebruiker-x64.exe (NSIS, per user, updates itself when
//            built with LANGE_ADEM_UPDATE_URL) and Lange-Adem-<version>-per-computer-x64.msi
//            (per machine, for Intune or SCCM, updated by IT).
//   macOS:   a dmg, and the zip that macOS updates need.
//   Linux:   a deb and an AppImage.
// `npm run dist -- --dir` builds the unpacked app folder only (a quick look, no installer).
// Steps: prepare (or reuse) the Electron SQLite binding, build, then electron-builder once per
// installer kind, never publishing: IT copies the files to the update location itself.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { binOf } from './bin.mjs'
import { bindingPlan, prepareBinding } from './electron-binding.mjs'

const root = resolve(import.meta.dirname, '..')
const argv = process.argv.slice(2)
const dirOnly = argv.includes('--dir')

function run(what, args, env = {}) {
  console.log(`\n> ${what}`)
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (res.status !== 0) {
    console.error(`\n${what} failed.`)
    process.exit(res.status ?? 1)
  }
}

const builderCli = binOf('electron-builder')
const platformFlag = { win32: '--win', darwin: '--mac', linux: '--linux' }[process.platform]
if (!platformFlag) {
  console.error(`No installer is made on ${process.platform}.`)
  process.exit(1)
}

// 1. The binding for this machine's Electron, checked in Electron itself.
try {
  await prepareBinding(bindingPlan(root))
} catch (err) {
  console.error(`\n${err.message}`)
  process.exit(1)
}

// 2. The app.
run('electron-vite build', [binOf('electron-vite'), 'build'])

// 3. The installers, each kind in a folder of its own (dist/<kind>/): the MSI is packed afresh,
// so it cannot inherit the NSIS build's app-update.yml.
const builds = dirOnly
  ? [{ name: 'dir', targets: ['dir'] }]
  : process.platform === 'win32'
    ? [
        { name: 'nsis', targets: ['nsis'] },
        { name: 'msi', targets: ['msi'], env: { LANGE_ADEM_BUILD_KIND: 'msi' } },
      ]
    : process.platform === 'darwin'
      ? [{ name: 'mac', targets: ['dmg', 'zip'] }]
      : [{ name: 'linux', targets: ['deb', 'AppImage'] }]
for (const b of builds) {
  const out = join('dist', b.name)
  rmSync(join(root, out), { recursive: true, force: true })
  run(
    `electron-builder ${platformFlag} ${b.targets.join(' ')}`,
    [builderCli, platformFlag, ...b.targets, '--publish', 'never', `-c.directories.output=${out}`],
    b.env,
  )
}
console.log(`\nInstallers: ${builds.map((b) => join('dist', b.name)).join(', ')}`)
