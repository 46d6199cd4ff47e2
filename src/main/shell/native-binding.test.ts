import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

// Node's own message for a module built for another ABI, as Electron shows it for a binding
// that `npm install` built for Node (WiseLibs/better-sqlite3 issue 126).
const NODE_ABI_MESSAGE =
  "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\n" +
  'NODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling or ' +
  're-installing\nthe module (for instance, using `npm rebuild` or `npm install`).'

vi.mock('../db/database', () => ({
  useNativeBinding: () => {
    throw new Error(NODE_ABI_MESSAGE)
  },
}))
const { electronBindingPath, useElectronBinding, NativeBindingError } = await import('./native-binding')

const dir = mkdtempSync(join(tmpdir(), 'lange-adem-binding-msg-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron binding: where it is, and what a user reads when it cannot load', () => {
  it('lives beside the archive in an installed app and in electron-binding/<platform>-<arch> in the project', () => {
    const p = {
      appPath: '/project',
      resourcesPath: '/opt/Lange Adem/resources',
      platform: 'win32',
      arch: 'x64',
    }
    expect(electronBindingPath({ ...p, packaged: true })).toBe(
      join('/opt/Lange Adem/resources', 'electron-binding', 'better_sqlite3.node'),
    )
    expect(electronBindingPath({ ...p, packaged: false })).toBe(
      join('/project', 'electron-binding', 'win32-x64', 'better_sqlite3.node'),
    )
  })

  it('a binding built for Node: says so in Dutch and gives the command that prepares it again', () => {
    const file = join(dir, 'better_sqlite3.node')
    writeFileSync(file, 'x')
    const err = (() => {
      try {
        useElectronBinding(file, false)
      } catch (e) {
        return e as InstanceType<typeof NativeBindingError>
      }
      throw new Error('no error')
    })()
    expect(err).toBeInstanceOf(NativeBindingError)
    expect(err.reason).toBe('mismatch')
    expect(err.message).toMatch(
      /^Het onderdeel dat de database opent, is gemaakt voor een andere versie van Electron\./,
    )
    expect(err.message).toContain('npm run electron-binding -- --force')
    expect(err.message).toContain('NODE_MODULE_VERSION 150')
  })

  it('in an installed app: reinstall, no developer command', () => {
    const file = join(dir, 'better_sqlite3.node')
    writeFileSync(file, 'x')
    expect(() => useElectronBinding(file, true)).toThrow(/Installeer Lange Adem opnieuw/)
    try {
      useElectronBinding(file, true)
    } catch (e) {
      expect((e as Error).message).not.toContain('npm run')
    }
  })
})
