import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api/method-names'
import { applyKey, isPlainSqliteFile } from '../../src/main/db/database'
import { opensWith } from '../../src/main/features/keys/service'
import { appFolderWithBinding, bindingInProject, built, packageBinding, runShell as run } from './runner'

// Loads the built Electron bundle with a stand-in `electron` module and reads back what the
// shell set up. Needs `electron-vite build` first (npm test does that).

// The report is JSON: a Uint8Array of '%PDF-' arrives as an object keyed by index.
const PDF_MAGIC_JSON = { 0: 37, 1: 80, 2: 68, 3: 70, 4: 45 }

// A project folder with the Electron binding prepared (a stand-in: see runner.ts).
const app = appFolderWithBinding()
afterAll(() => rmSync(app.appDir, { recursive: true, force: true }))
const runShell = (dataDir: string | null, env: Record<string, string> = {}) =>
  run(dataDir, { STUB_APP_PATH: app.appDir, ...env })

// The stand-in's safeStorage: a marker and a reversible transform (see electron-stub.mjs).
const SEAL = Buffer.from('STUB-SEALED:')
const unseal = (b: Buffer) => Buffer.from(b.subarray(SEAL.length).map((x) => x ^ 0x5a)).toString('utf8')
const seal = (text: string) => Buffer.concat([SEAL, Buffer.from(text).map((x) => x ^ 0x5a)])

describe.skipIf(!built)('the built Electron shell', () => {
  let dataDir: string
  let report: Record<string, any>

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-'))
    report = runShell(dataDir)
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('keeps the database key sealed with safeStorage in the data folder, and the database encrypted', () => {
    expect(report.safeStorage).toEqual(['encryptString'])
    const sealed = readFileSync(join(dataDir, 'lange-adem.key'))
    expect(sealed.subarray(0, 12).toString()).toBe('STUB-SEALED:')
    expect(sealed.toString('latin1')).not.toMatch(/[0-9a-f]{64}/)
    const key = unseal(sealed)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    const db = join(dataDir, 'lange-adem.sqlite')
    expect(isPlainSqliteFile(db)).toBe(false)
    expect(opensWith(db, key)).toBe(true)
    expect(opensWith(db, null)).toBe(false)
    // No development key file: the desktop app never keeps the key in plain text.
    expect(readdirSync(dataDir).filter((n) => n.includes('dev-key'))).toEqual([])
  })

  it('opens the same data folder again with the sealed key', () => {
    const again = runShell(dataDir)
    expect(again.errors).toEqual([])
    expect(again.windowCount).toBe(1)
    expect(again.safeStorage).toEqual(['decryptString'])
  })

  it('refuses to start, creating nothing, where the key cannot be protected', () => {
    for (const mode of ['unavailable', 'basic_text']) {
      const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-nokey-'))
      try {
        const r = runShell(dir, { STUB_SAFE_STORAGE: mode })
        expect(r.exitCode, mode).toBe(1)
        expect(r.windowCount).toBe(0)
        expect(r.errors[0].msg).toMatch(/niet veilig worden bewaard/)
        expect(readdirSync(dir)).toEqual([])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  })

  it('refuses a key that does not fit the data, in Dutch, leaving the database as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-wrongkey-'))
    try {
      expect(runShell(dir).windowCount).toBe(1)
      const db = join(dir, 'lange-adem.sqlite')
      const before = createHash('sha256').update(readFileSync(db)).digest('hex')
      writeFileSync(join(dir, 'lange-adem.key'), seal('0'.repeat(64)))
      const r = runShell(dir)
      expect(r.exitCode).toBe(1)
      expect(r.errors[0].msg).toMatch(/De sleutel past niet bij de gegevens/)
      expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('offers the latest good backup for a damaged database, puts it back and keeps the damaged file aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-damaged-'))
    try {
      expect(runShell(dir).windowCount).toBe(1)
      // The start made a verified backup. Everything is moved from the WAL into the file, then a
      // page in the middle of the file is overwritten, as a failing disk would.
      expect(readdirSync(join(dir, 'backups')).length).toBeGreaterThan(0)
      const db = join(dir, 'lange-adem.sqlite')
      const key = unseal(readFileSync(join(dir, 'lange-adem.key')))
      const conn = new Database(db)
      applyKey(conn, key)
      conn.pragma('wal_checkpoint(TRUNCATE)')
      conn.close()
      const bytes = readFileSync(db)
      expect(bytes.length).toBeGreaterThan(40_000)
      bytes.fill(0, 16_384, 20_480)
      writeFileSync(db, bytes)
      const r = runShell(dir)
      expect(r.messageBoxes).toHaveLength(1)
      expect(r.messageBoxes[0]).toMatchObject({
        title: 'Gegevens beschadigd',
        buttons: ['Back-up terugzetten', 'Afsluiten'],
      })
      expect(r.errors).toEqual([])
      expect(r.windowCount).toBe(1)
      // The damaged file is kept, never overwritten; the restored database opens with the key.
      expect(readdirSync(join(dir, 'damaged')).length).toBe(1)
      expect(opensWith(db, key)).toBe(true)
      // The check, the restore and the reopening all went through the Electron binding.
      expect(r.nativeModules).toEqual([app.binding])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('opens every database connection with the Electron binding, never the one in node_modules', () => {
    // Key check, migrations, backup, set-up, sign-in, lock and print all ran in this process.
    expect(report.setupResult).toMatchObject({ ok: true, value: { setupDone: true } })
    expect(report.nativeModules).toEqual([app.binding])
    expect(report.nativeModules).not.toContain(packageBinding)
  })

  it('explains a missing binding in Dutch, says what to run, and touches no data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-nobinding-'))
    const emptyProject = mkdtempSync(join(tmpdir(), 'lange-adem-app-empty-'))
    try {
      const r = runShell(dir, { STUB_APP_PATH: emptyProject })
      expect(r.exitCode).toBe(1)
      expect(r.windowCount).toBe(0)
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0].title).toBe('Lange Adem kan niet starten')
      expect(r.errors[0].msg).toMatch(
        /^Het onderdeel dat de database opent, is nog niet klaargezet voor Electron\./,
      )
      expect(r.errors[0].msg).toContain('npm run electron-binding')
      expect(r.errors[0].msg).toContain(join(emptyProject, bindingInProject))
      expect(r.nativeModules).toEqual([])
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
      rmSync(emptyProject, { recursive: true, force: true })
    }
  })

  it('explains a binding that cannot be loaded, with the command to prepare it again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lange-adem-shell-badbinding-'))
    const broken = appFolderWithBinding()
    try {
      // Not a shared library at all: what a binding for another platform or a cut-off download gives.
      writeFileSync(broken.binding, 'geen gedeelde bibliotheek')
      const r = runShell(dir, { STUB_APP_PATH: broken.appDir })
      expect(r.exitCode).toBe(1)
      expect(r.windowCount).toBe(0)
      expect(r.errors[0].title).toBe('Lange Adem kan niet starten')
      expect(r.errors[0].msg).toMatch(/^Het onderdeel dat de database opent, kan niet worden geladen\./)
      expect(r.errors[0].msg).toContain('npm run electron-binding -- --force')
      expect(r.errors[0].msg).toContain(`Bestand: ${broken.binding}`)
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
      rmSync(broken.appDir, { recursive: true, force: true })
    }
  })

  it('in an installed app loads the binding from resources/electron-binding and keeps the data in the profile', () => {
    const resources = mkdtempSync(join(tmpdir(), 'lange-adem-resources-'))
    const profile = mkdtempSync(join(tmpdir(), 'lange-adem-appdata-'))
    const emptyProject = mkdtempSync(join(tmpdir(), 'lange-adem-app-empty-'))
    try {
      const binding = join(resources, 'electron-binding', 'better_sqlite3.node')
      mkdirSync(dirname(binding))
      copyFileSync(packageBinding, binding)
      // No --data-dir: the folder in the user's profile (app.getPath('appData')/Lange Adem).
      const r = runShell(null, {
        STUB_PACKAGED: '1',
        STUB_RESOURCES_PATH: resources,
        STUB_APP_DATA: profile,
        STUB_APP_PATH: emptyProject,
      })
      expect(r.errors).toEqual([])
      expect(r.windowCount).toBe(1)
      expect(r.nativeModules).toEqual([binding])
      expect(existsSync(join(profile, 'Lange Adem', 'lange-adem.sqlite'))).toBe(true)
      expect(readdirSync(resources)).toEqual(['electron-binding'])

      // The same installation without its binding: the advice is to reinstall, not a developer command.
      rmSync(binding)
      const broken = runShell(null, {
        STUB_PACKAGED: '1',
        STUB_RESOURCES_PATH: resources,
        STUB_APP_DATA: profile,
      })
      expect(broken.exitCode).toBe(1)
      expect(broken.errors[0].msg).toMatch(/^De installatie van Lange Adem is niet compleet/)
      expect(broken.errors[0].msg).toContain('Installeer Lange Adem opnieuw')
      expect(broken.errors[0].msg).not.toContain('npm run')
    } finally {
      for (const d of [resources, profile, emptyProject]) rmSync(d, { recursive: true, force: true })
    }
  })

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
        'lange-adem-shell:chooseImportFile',
      ].sort(),
    )
    expect(report.statusFromTrusted.ok).toBe(true)
    expect(report.statusFromTrusted.value.setupDone).toBe(false)
    expect(report.statusFromForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(report.invalidInput).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('imports a file main reads by its path from its own dialog, in the import worker', () => {
    expect(report.chooseSignedOut).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    expect(report.openDialogsSignedOut).toBe(0)
    expect(report.chooseForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(report.chosen).toMatchObject({ ok: true, value: { fileName: 'vps-oktober.csv' } })
    expect(report.chosen.value.uploadId).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(report.openDialog).toMatchObject({
      title: 'Bestand met signalen kiezen',
      properties: ['openFile'],
    })
    // Windows-1252 with a euro sign, read in main's worker: the amount as written
    expect(report.chosenAnalysis).toMatchObject({
      ok: true,
      value: { encoding: 'Windows-1252', rowCount: 1, sample: [['VPS-1', 'Huur', '€ 1.100,00']] },
    })
    expect(report.chooseCanceled).toEqual({ ok: true, value: null })
  })

  it('has a Dutch menu', () => {
    expect(report.menuLabels).toEqual(['Bestand', 'Bewerken', 'Beeld'])
  })

  it('locks the window from the menu: "Vergrendelen" (Ctrl+L) locks the session in main and tells the page', () => {
    expect(report.lockMenuItem).toEqual({ accelerator: 'CmdOrCtrl+L', hasClick: true })
    expect(report.beforeLock).toBe(true)
    expect(report.afterLock).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(report.statusAfterLock).toBe(true)
    expect(report.sentOnLock).toEqual([{ channel: 'lange-adem-shell:locked', args: [] }])
    // The page's own Ctrl+L arriving as well does no harm: still locked, still answered 'locked'.
    expect(report.secondLock).toEqual({ ok: true, value: null })
    expect(report.afterSecondLock).toBe('locked')
  })

  it('has a preload that needs only electron and forwards named calls only', () => {
    expect(report.preloadRequires).toEqual(['electron'])
    expect(report.preloadKeys).toEqual(['call', 'printPdf', 'savePdf', 'chooseImportFile', 'onLocked'])
    expect(report.preloadListenChannels).toEqual(['lange-adem-shell:locked'])
    expect(report.preloadOnLockedCalls).toEqual([[]])
    expect(report.preloadOnLockedBadCallback).toBe('function')
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
      { channel: 'lange-adem-shell:chooseImportFile' },
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
