import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runUpdates, updatePolicy, type Updater } from './updates'

const dir = mkdtempSync(join(tmpdir(), 'lange-adem-updates-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A resources folder, with app-update.yml as electron-builder writes it when `yml` is given. */
function resources(name: string, yml?: string): string {
  const r = join(dir, name)
  mkdirSync(r)
  if (yml !== undefined) writeFileSync(join(r, 'app-update.yml'), yml)
  return r
}

const SIGNED = [
  'provider: generic',
  'url: https://updates.gemeente.example/lange-adem/',
  'publisherName:',
  '  - Gemeente Voorbeeld',
  'updaterCacheDirName: lange-adem-updater',
  '',
].join('\n')

describe('which installations update themselves', () => {
  const signed = resources('signed', SIGNED)

  it('an installed app with a signed, https update location on Windows or macOS', () => {
    for (const platform of ['win32', 'darwin'])
      expect(updatePolicy({ packaged: true, platform, resourcesPath: signed })).toEqual({ enabled: true })
  })

  it('not `electron .` in the project folder, and not on Linux (no signature check there)', () => {
    expect(updatePolicy({ packaged: false, platform: 'win32', resourcesPath: signed })).toMatchObject({
      enabled: false,
    })
    expect(updatePolicy({ packaged: true, platform: 'linux', resourcesPath: signed })).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/package manager/),
    })
  })

  it('not a build without an update location, such as the MSI', () => {
    expect(
      updatePolicy({ packaged: true, platform: 'win32', resourcesPath: resources('msi') }),
    ).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/app-update\.yml/),
    })
  })

  it('not on Windows without a publisher name: electron-updater would install an unsigned update', () => {
    const unsigned = resources('unsigned', SIGNED.replace(/publisherName:\n {2}- Gemeente Voorbeeld\n/, ''))
    expect(updatePolicy({ packaged: true, platform: 'win32', resourcesPath: unsigned })).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/publisherName/),
    })
    // macOS checks the code signature itself.
    expect(updatePolicy({ packaged: true, platform: 'darwin', resourcesPath: unsigned })).toEqual({
      enabled: true,
    })
  })

  it('not from a plain http address or another provider', () => {
    const http = resources('http', SIGNED.replace('https://', 'http://'))
    expect(updatePolicy({ packaged: true, platform: 'darwin', resourcesPath: http })).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/https/),
    })
    const github = resources('github', SIGNED.replace('provider: generic', 'provider: github'))
    expect(updatePolicy({ packaged: true, platform: 'darwin', resourcesPath: github })).toMatchObject({
      enabled: false,
    })
  })
})

/** electron-updater's updater, played by an event emitter that records what it is asked. */
class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false
  autoInstallOnAppQuit = false
  checks = 0
  installs = 0
  failNext = false
  async checkForUpdates() {
    this.checks++
    if (this.failNext) throw new Error('net::ERR_NAME_NOT_RESOLVED')
    return null
  }
  quitAndInstall() {
    this.installs++
  }
}

const settle = () => new Promise((r) => setImmediate(r))

describe('running the updater', () => {
  it('downloads in the background, installs on quit, and restarts at once only when the user says so', async () => {
    const u = new FakeUpdater()
    const asked: string[] = []
    let answer = false
    const stop = runUpdates(
      u,
      async (v) => (asked.push(v), answer),
      () => {},
    )
    expect(u.autoDownload).toBe(true)
    expect(u.autoInstallOnAppQuit).toBe(true)
    expect(u.checks).toBe(1)
    u.emit('update-downloaded', { version: '0.2.0' })
    await settle()
    expect(asked).toEqual(['0.2.0'])
    expect(u.installs).toBe(0)
    answer = true
    u.emit('update-downloaded', { version: '0.2.1' })
    await settle()
    expect(u.installs).toBe(1)
    stop()
  })

  it('checks again every interval, and logs a failed check without throwing', async () => {
    vi.useFakeTimers()
    try {
      const u = new FakeUpdater()
      const logged: unknown[] = []
      u.failNext = true
      const stop = runUpdates(
        u,
        async () => false,
        (_m, err) => logged.push(err),
        1000,
      )
      await vi.advanceTimersByTimeAsync(3500)
      expect(u.checks).toBe(4)
      expect(logged).toHaveLength(4)
      u.emit('error', new Error('signature'))
      expect(logged).toHaveLength(5)
      stop()
      await vi.advanceTimersByTimeAsync(5000)
      expect(u.checks).toBe(4)
    } finally {
      vi.useRealTimers()
    }
  })
})
