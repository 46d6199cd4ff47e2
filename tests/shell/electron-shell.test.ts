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

// The report is JSON: a Uint8Array of '%PDF-' arrives as an object keyed by index.
const PDF_MAGIC_JSON = { 0: 37, 1: 80, 2: 68, 3: 70, 4: 45 }

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
    expect(report.channels).toEqual(
      [
        ...METHOD_NAMES.map((m) => `lange-adem:${m}`),
        'lange-adem-shell:printPdf',
        'lange-adem-shell:savePdf',
      ].sort(),
    )
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
    expect(report.preloadKeys).toEqual(['call', 'printPdf', 'savePdf'])
    expect(report.preloadUnknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(report.preloadKnown).toEqual({ ok: true, value: 'forwarded' })
    expect(report.preloadInvoked).toEqual([
      { channel: 'lange-adem:app.status', input: {} },
      {
        channel: 'lange-adem-shell:printPdf',
        input: { bytes: PDF_MAGIC_JSON, fileName: 'a.pdf' },
      },
      {
        channel: 'lange-adem-shell:savePdf',
        input: { bytes: PDF_MAGIC_JSON, fileName: 'b.pdf' },
      },
    ])
  })

  it('prints a PDF in a hidden, sandboxed window without preload or Node, and saves it where chosen', () => {
    expect(report.print).toEqual({ ok: true, value: { afgedrukt: true } })
    const w = report.printWindow
    expect(w.show).toBe(false)
    expect(w.webPreferences.sandbox).toBe(true)
    expect(w.webPreferences.contextIsolation).toBe(true)
    expect(w.webPreferences.nodeIntegration).toBe(false)
    expect(w.webPreferences.plugins).toBe(true)
    expect(w.webPreferences.preload).toBeUndefined()
    expect(w.loaded).toMatch(/brieven-3\.pdf$/)
    expect(w.closed).toBe(true)
    expect(report.printTempGone).toBe(true)
    expect(report.printCalls).toHaveLength(1)
    expect(report.printCalls[0].options.silent).toBe(false)
    // The main window's preferences are untouched: no plugins there.
    expect(report.webPreferences.plugins).toBeUndefined()
    expect(report.printForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(report.printNotPdf).toMatchObject({ ok: false, error: { code: 'validation' } })

    expect(report.saveDialog.title).toBe('Opslaan als PDF')
    expect(report.saveDialog.defaultPath).toMatch(/etcbrieven 3\.pdf$/)
    expect(report.save.ok).toBe(true)
    expect(report.savedSame).toBe(true)
    expect(report.saveCanceled).toEqual({ ok: true, value: { opgeslagen: null } })
  })
})
