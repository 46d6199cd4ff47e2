import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api/method-names'

// Loads the built Electron bundle with a stand-in `electron` module and reads back what the
// shell set up. Needs `electron-vite build` first (npm test does that).
const root = resolve(import.meta.dirname, '../..')
const built = existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/preload/index.cjs'))

describe.skipIf(!built)('the built Electron shell', () => {
  let dataDir: string
  let report: Record<string, any>

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-'))
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        join(root, 'tests/shell/register-stub.mjs'),
        join(root, 'tests/shell/run-shell.mjs'),
        '--data-dir',
        dataDir,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    )
    const line = out.split('\n').find((l) => l.startsWith('SHELL_REPORT '))
    if (!line) throw new Error(`no report from the shell:\n${out}`)
    report = JSON.parse(line.slice('SHELL_REPORT '.length))
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('starts and opens one window on the renderer file', () => {
    expect(report.errors).toEqual([])
    expect(report.exitCode).toBeNull()
    expect(report.windowCount).toBe(1)
    expect(report.loaded).toMatch(/out[\\/]renderer[\\/]index\.html$/)
    expect(existsSync(join(dataDir, 'lange-adem.sqlite'))).toBe(true)
  })

  it('locks the window down', () => {
    const p = report.webPreferences
    expect(p.sandbox).toBe(true)
    expect(p.contextIsolation).toBe(true)
    expect(p.nodeIntegration).toBe(false)
    expect(p.webSecurity).toBe(true)
    expect(p.webviewTag).toBe(false)
    expect(p.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(existsSync(p.preload)).toBe(true)
    expect(report.windowOpen).toEqual({ action: 'deny' })
    expect(report.navigateExternalPrevented).toBe(true)
    expect(report.navigateOwnPrevented).toBe(false)
    expect(report.webviewPrevented).toBe(true)
    expect(report.permissionGranted).toBe(false)
    expect(report.permissionCheck).toBe(false)
    expect(report.csp).toContain("script-src 'self'")
    expect(report.csp).toContain("default-src 'none'")
  })

  it('registers one IPC channel per API method and answers only its own page', () => {
    expect(report.channels).toEqual(METHOD_NAMES.map((m) => `lange-adem:${m}`).sort())
    expect(report.statusFromTrusted.ok).toBe(true)
    expect(report.statusFromTrusted.value.setupDone).toBe(false)
    expect(report.statusFromForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(report.invalidInput).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('has a Dutch menu', () => {
    expect(report.menuLabels).toEqual(['Bestand', 'Bewerken', 'Beeld'])
  })

  it('has a preload that needs only electron and forwards named calls only', () => {
    expect(report.preloadRequires).toEqual(['electron'])
    expect(report.preloadKeys).toEqual(['call'])
    expect(report.preloadUnknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(report.preloadKnown).toEqual({ ok: true, value: 'forwarded' })
    expect(report.preloadInvoked).toEqual([{ channel: 'lange-adem:app.status', input: {} }])
  })
})
