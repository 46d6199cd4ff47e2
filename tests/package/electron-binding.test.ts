import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  BINDING_DIR,
  BINDING_FILE,
  bindingPlan,
  isPrepared,
  prepareBinding,
} from '../../scripts/electron-binding.mjs'
import {
  BINDING_DIR as SHELL_BINDING_DIR,
  BINDING_FILE as SHELL_BINDING_FILE,
  electronBindingPath,
} from '../../src/main/shell/native-binding'
import { packageBinding } from '../shell/runner'

// scripts/electron-binding.mjs: what it asks for, where it puts it, and that it leaves the
// package's own (Node) binding alone. No Electron binary or headers can be downloaded here, so
// the prebuilt path is fed a local tarball, named exactly as prebuild-install looks it up.
const root = resolve(import.meta.dirname, '../..')
const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'))
const electronAbi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim()
const sqlitePkg = JSON.parse(
  readFileSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers/package.json'), 'utf8'),
)
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

const scratch = mkdtempSync(join(tmpdir(), 'lange-adem-binding-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A project folder sharing this one's node_modules, so preparing writes only inside it. */
function project(name: string): string {
  const dir = join(scratch, name)
  mkdirSync(dir)
  writeFileSync(join(dir, 'package.json'), '{"name":"stand-in","version":"0.0.0"}')
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

describe('preparing the SQLite binding for Electron (scripts/electron-binding.mjs)', () => {
  it('targets the Electron version and ABI in node_modules/electron', () => {
    const plan = bindingPlan(root)
    expect(plan.electronVersion).toBe(electronPkg.version)
    expect(plan.abi).toBe(electronAbi)
    expect(plan.prebuild.args).toEqual([
      '--runtime',
      'electron',
      '--target',
      electronPkg.version,
      '--platform',
      process.platform,
      '--arch',
      process.arch,
      '--verbose',
    ])
    expect(plan.rebuild).toMatchObject({
      electronVersion: electronPkg.version,
      onlyModules: ['better-sqlite3-multiple-ciphers'],
      buildFromSource: true,
    })
    expect(plan.file).toBe(
      join(root, 'electron-binding', `${process.platform}-${process.arch}`, BINDING_FILE),
    )
    // What `npm run electron-binding -- --plan` prints is the same plan.
    const printed = JSON.parse(
      execFileSync(process.execPath, [join(root, 'scripts/electron-binding.mjs'), '--plan'], {
        encoding: 'utf8',
      }),
    )
    expect(printed).toEqual(JSON.parse(JSON.stringify(plan)))
  })

  it('follows whatever Electron is installed, not a version written into the script', () => {
    const dir = join(scratch, 'other-electron')
    mkdirSync(join(dir, 'node_modules/electron'), { recursive: true })
    writeFileSync(join(dir, 'package.json'), '{"name":"stand-in","version":"0.0.0"}')
    writeFileSync(join(dir, 'node_modules/electron/package.json'), '{"name":"electron","version":"99.1.2"}')
    writeFileSync(join(dir, 'node_modules/electron/abi_version'), '999\n')
    symlinkSync(
      join(root, 'node_modules/better-sqlite3-multiple-ciphers'),
      join(dir, 'node_modules/better-sqlite3-multiple-ciphers'),
      'dir',
    )
    const plan = bindingPlan(dir, { platform: 'win32', arch: 'arm64' })
    expect(plan.prebuild.args).toEqual(expect.arrayContaining(['--target', '99.1.2']))
    expect(plan.stamp).toEqual({
      electron: '99.1.2',
      abi: '999',
      package: `better-sqlite3-multiple-ciphers@${sqlitePkg.version}`,
      platform: 'win32',
      arch: 'arm64',
    })
    expect(plan.file).toBe(join(dir, 'electron-binding', 'win32-arm64', BINDING_FILE))
  })

  it('uses the folder names the shell looks in', () => {
    expect(BINDING_DIR).toBe(SHELL_BINDING_DIR)
    expect(BINDING_FILE).toBe(SHELL_BINDING_FILE)
    const plan = bindingPlan(root)
    const where = { packaged: false, appPath: root, resourcesPath: '/nergens', platform: process.platform }
    expect(electronBindingPath({ ...where, arch: process.arch })).toBe(plan.file)
  })

  it('fetches the prebuilt binding for Electron into its own folder, once, leaving the Node binding alone', async () => {
    const dir = project('prebuilt')
    const plan = bindingPlan(dir)
    // The release asset prebuild-install asks for: runtime electron and Electron's ABI.
    const tarball = `better-sqlite3-multiple-ciphers-v${sqlitePkg.version}-electron-v${electronAbi}-${process.platform}-${process.arch}.tar.gz`
    const staging = join(scratch, 'staging')
    mkdirSync(join(staging, 'build/Release'), { recursive: true })
    copyFileSync(packageBinding, join(staging, 'build/Release', BINDING_FILE))
    const prebuilds = join(scratch, 'prebuilds')
    mkdirSync(prebuilds)
    execFileSync('tar', ['-czf', join(prebuilds, tarball), '-C', staging, 'build'])
    const nodeBindingBefore = sha(packageBinding)

    const quiet = () => {}
    expect(isPrepared(plan)).toBe(false)
    const first = await prepareBinding(plan, {
      verify: false,
      localPrebuilds: prebuilds,
      log: quiet,
      stdio: 'ignore',
    })
    expect(first).toEqual({ source: 'prebuilt', file: plan.file })
    expect(sha(plan.file)).toBe(sha(join(staging, 'build/Release', BINDING_FILE)))
    expect(JSON.parse(readFileSync(join(plan.dir, 'binding.json'), 'utf8'))).toMatchObject({
      ...plan.stamp,
      source: 'prebuilt',
    })
    expect(isPrepared(plan)).toBe(true)
    expect(sha(packageBinding)).toBe(nodeBindingBefore)

    // Prepared once: the next start reuses it without looking anywhere.
    rmSync(prebuilds, { recursive: true })
    expect(await prepareBinding(plan, { verify: false, log: quiet, stdio: 'ignore' })).toEqual({
      source: 'reused',
      file: plan.file,
    })

    // Another Electron (or package version) makes it stale: prepared again on the next start.
    expect(isPrepared({ ...plan, stamp: { ...plan.stamp, electron: '99.1.2' } })).toBe(false)
  })
})
