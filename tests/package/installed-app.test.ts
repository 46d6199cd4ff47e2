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
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindingPlan } from '../../scripts/electron-binding.mjs'
import { setPdfWorkerPath } from '../../src/main/features/documents/render-jobs'
import { announce, documentsWorld, pdfBytes } from '../../src/main/test/documents'
import { pdfFonts, pdfInfo } from '../../src/main/test/poppler'
import { built, packageBinding, root, runShell } from '../shell/runner'

// electron-builder run for real with this project's configuration, as far as this machine
// allows: the Electron binary cannot be downloaded, so a stand-in folder plays Electron's
// distribution (electronDist) and the fuses, which are flipped inside the real binary, are left
// out. The result is the installed app's folder (linux-unpacked): app.asar and resources beside
// it. Its archive is unpacked and started under the stand-in electron module, the way an
// installed app starts, and it renders a letter with its own pdfmake and fonts.
const require = createRequire(import.meta.url)
const builder = require('electron-builder')
const asar = require('@electron/asar')

const scratch = mkdtempSync(join(tmpdir(), 'lange-adem-package-'))
const resources = join(scratch, 'dist/linux-unpacked/resources')
const unpacked = join(scratch, 'app')
let files: string[] = []

afterAll(() => {
  setPdfWorkerPath(undefined)
  rmSync(scratch, { recursive: true, force: true })
})

describe.runIf(built && process.platform === 'linux')(
  'the packaged app (electron-builder, linux dir)',
  () => {
    beforeAll(async () => {
      // Electron's distribution, played by a stand-in executable.
      const electronDist = join(scratch, 'electron-dist')
      mkdirSync(join(electronDist, 'resources'), { recursive: true })
      writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 })
      for (const f of ['LICENSE', 'LICENSES.chromium.html', 'version'])
        writeFileSync(join(electronDist, f), '')
      // The prepared binding, in a project-like folder of its own: a developer's real Electron
      // binding cannot load under Node. A copy of the Node binding plays it (see tests/shell).
      const project = join(scratch, 'project')
      const binding = join(project, bindingPlan(root).file.slice(root.length + 1))
      mkdirSync(dirname(binding), { recursive: true })
      copyFileSync(packageBinding, binding)

      // The project's configuration with those stand-ins, as a file of its own: a configuration
      // object passed to build() would be merged into electron-builder.js, not replace it.
      const configFile = join(scratch, 'electron-builder.test-config.mjs')
      writeFileSync(
        configFile,
        `import { builderConfig } from ${JSON.stringify(pathToFileURL(join(root, 'electron-builder.js')).href)}
        const config = builderConfig({ env: {}, platform: 'linux' })
        export default {
          ...config,
          electronDist: ${JSON.stringify(electronDist)},
          electronFuses: null,
          directories: { output: ${JSON.stringify(join(scratch, 'dist'))} },
          extraResources: config.extraResources.map((r) => ({ ...r, from: ${JSON.stringify(project + '/')} + r.from })),
        }`,
      )
      await builder.build({
        projectDir: root,
        targets: builder.Platform.LINUX.createTarget('dir', builder.Arch[process.arch]),
        publish: 'never',
        config: configFile,
      })
      files = asar.listPackage(join(resources, 'app.asar')).map((f: string) => f.replace(/\\/g, '/'))
      asar.extractAll(join(resources, 'app.asar'), unpacked)
    }, 240_000)

    it('keeps the Electron binding outside the archive, and no native module inside it', () => {
      expect(readdirSync(resources).sort()).toEqual(['app.asar', 'electron-binding'])
      expect(readdirSync(join(resources, 'electron-binding'))).toEqual(['better_sqlite3.node'])
      expect(
        readFileSync(join(resources, 'electron-binding/better_sqlite3.node')).equals(
          readFileSync(packageBinding),
        ),
      ).toBe(true)
      expect(files.filter((f) => f.endsWith('.node'))).toEqual([])
    })

    it('holds the desktop app only: no browser-mode server, command line or benchmarks, no renderer packages', () => {
      for (const f of [
        '/out/main/index.js',
        '/out/main/pdf-worker.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
      ])
        expect(files).toContain(f)
      for (const f of ['/out/main/web.js', '/out/main/cli.js', '/out/main/bench.js'])
        expect(files).not.toContain(f)
      // Nothing in the archive can serve HTTP or keep the key in a plain file (the browser mode's).
      for (const f of files.filter((f) => /^\/out\/main\/.*\.js$/.test(f))) {
        const text = readFileSync(join(unpacked, f), 'utf8')
        expect(text, f).not.toMatch(/from "node:http"|\bcreateServer\(/)
        expect(text, f).not.toContain('dev-key')
      }
      expect(files.filter((f) => /^\/node_modules\/(@mantine|react|react-dom)\//.test(f))).toEqual([])
      const sqlite = files.filter((f) => f.startsWith('/node_modules/better-sqlite3-multiple-ciphers/'))
      expect(sqlite).toContain('/node_modules/better-sqlite3-multiple-ciphers/lib/database.js')
      expect(sqlite.filter((f) => /\/(build|deps|src)\//.test(f))).toEqual([])
      const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'))
      expect(pkg.main).toBe('./out/main/index.js')
    })

    it('starts from the package as an installed app: binding from resources, data in the profile', () => {
      const profile = join(scratch, 'profile')
      mkdirSync(profile)
      const r = runShell(null, {
        SHELL_APP_DIR: unpacked,
        STUB_PACKAGED: '1',
        STUB_RESOURCES_PATH: resources,
        STUB_APP_DATA: profile,
        STUB_APP_PATH: unpacked,
      })
      expect(r.errors).toEqual([])
      expect(r.windowCount).toBe(1)
      expect(r.loaded).toBe(join(unpacked, 'out/renderer/index.html'))
      expect(r.nativeModules).toEqual([join(resources, 'electron-binding/better_sqlite3.node')])
      expect(existsSync(join(profile, 'Lange Adem', 'lange-adem.sqlite'))).toBe(true)
      // The app's own first call through IPC is answered by the packaged services.
      expect(r.statusFromTrusted).toMatchObject({ ok: true, value: { setupDone: false } })
    })

    it('renders a letter with the package’s own pdfmake and Roboto fonts', async () => {
      const worker = join(unpacked, 'out/main/pdf-worker.js')
      expect(files).toContain('/node_modules/pdfmake/fonts/Roboto/Roboto-Regular.ttf')
      setPdfWorkerPath(worker)
      const w = await documentsWorld()
      const item = await announce(w, w.cases[0]!, { datum: '17-11-2026', van: '10:00', tot: '12:00' })
      const batch = await w.t.call('documents.createBatch', { itemIds: [item.id], indeling: 'a4' })
      const pdf = pdfBytes(await w.t.call('documents.batchPdf', { batchId: batch.id, deel: 'documenten' }))
      expect(pdfInfo(pdf).pages).toBe(1)
      const fonts = pdfFonts(pdf)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.every((f) => f.embedded && /Roboto/.test(f.name))).toBe(true)
    })
  },
)
