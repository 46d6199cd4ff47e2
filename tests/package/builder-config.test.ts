import { readFileSync, readdirSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { builderConfig, MSI_UPGRADE_CODE } from '../../electron-builder.js'
import { bindingPlan } from '../../scripts/electron-binding.mjs'
import { APP_VERSION } from '../../src/shared/version'
import { built } from '../shell/runner'

// The electron-builder configuration, checked the way electron-builder checks it (its own JSON
// schema and its own validator), and against the rules this project adds. Running
// electron-builder for real needs the Electron binary; tests/package/installed-app.test.ts packs
// with a stand-in for it.
const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

// The same ajv options electron-builder validates with (app-builder-lib schemaValidator.js).
const validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js')
const { DebugLogger } = require('builder-util')

const release = {
  LANGE_ADEM_UPDATE_URL: 'https://updates.gemeente.example/lange-adem/',
  LANGE_ADEM_PUBLISHER_NAME: 'Gemeente Voorbeeld',
  LANGE_ADEM_CERT_SUBJECT: 'Gemeente Voorbeeld',
}
const variants: [string, any][] = [
  ['development build', builderConfig({ env: {}, platform: 'linux' })],
  ['Windows release (NSIS)', builderConfig({ env: release, platform: 'win32' })],
  ['Windows release (MSI)', builderConfig({ env: release, platform: 'win32', kind: 'msi' })],
  ['macOS release', builderConfig({ env: release, platform: 'darwin' })],
  ['Linux release', builderConfig({ env: release, platform: 'linux' })],
]

describe('the electron-builder configuration (electron-builder.js)', () => {
  it.each(variants)('%s matches electron-builder’s own schema', async (_name, config) => {
    const plain = JSON.parse(JSON.stringify(config))
    expect(validate(plain), JSON.stringify(validate.errors, null, 2)).toBe(true)
    await expect(validateConfiguration(plain, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the schema check catches a misspelt option', async () => {
    const wrong = builderConfig({ env: {} }) as any
    wrong.nsis = { ...wrong.nsis, perMachnie: false }
    expect(validate(JSON.parse(JSON.stringify(wrong)))).toBe(false)
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/)
  })

  it('builds NSIS per user and MSI per machine for Windows, dmg for macOS, deb and AppImage for Linux', () => {
    const nsis = builderConfig({ env: release, platform: 'win32' })
    const msi = builderConfig({ env: release, platform: 'win32', kind: 'msi' })
    expect(nsis.win.target).toEqual(['nsis'])
    expect(nsis.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false })
    expect(nsis.nsis.deleteAppDataOnUninstall).toBe(false)
    expect(msi.win.target).toEqual(['msi'])
    expect(msi.msi).toMatchObject({ perMachine: true, upgradeCode: MSI_UPGRADE_CODE })
    expect(MSI_UPGRADE_CODE).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(nsis.mac.target).toEqual(['dmg', 'zip'])
    expect(nsis.linux.target).toEqual(['deb', 'AppImage'])
  })

  it('updates only from an https location, signed: publisher name required on Windows, code signing forced', () => {
    const nsis = builderConfig({ env: release, platform: 'win32' })
    expect(nsis.publish).toEqual([{ provider: 'generic', url: release.LANGE_ADEM_UPDATE_URL }])
    expect(nsis.win.signtoolOptions).toMatchObject({
      publisherName: ['Gemeente Voorbeeld'],
      certificateSubjectName: 'Gemeente Voorbeeld',
    })
    expect(nsis.win.forceCodeSigning).toBe(true)
    expect(nsis.win.verifyUpdateCodeSignature).toBe(true)
    expect(nsis.mac.forceCodeSigning).toBe(true)
    // The MSI is updated by IT, Linux through its package manager: no update feed for either.
    expect(builderConfig({ env: release, platform: 'win32', kind: 'msi' }).publish).toBeNull()
    expect(nsis.linux.publish).toBeNull()
    // Without an update location nothing updates itself, and unsigned development builds are allowed.
    const dev = builderConfig({ env: {}, platform: 'win32' })
    expect(dev.publish).toBeNull()
    expect(dev.win.forceCodeSigning).toBe(false)

    expect(() =>
      builderConfig({ env: { ...release, LANGE_ADEM_UPDATE_URL: 'http://updates.gemeente.example/' } }),
    ).toThrow(/https/)
    expect(() =>
      builderConfig({ env: { LANGE_ADEM_UPDATE_URL: release.LANGE_ADEM_UPDATE_URL }, platform: 'win32' }),
    ).toThrow(/LANGE_ADEM_PUBLISHER_NAME/)
  })

  it('puts the Electron binding prepared for the build machine beside the archive, and never rebuilds node_modules', () => {
    const config = builderConfig({ env: {} })
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toEqual([
      {
        from: 'electron-binding/${platform}-${arch}',
        to: 'electron-binding',
        filter: ['better_sqlite3.node'],
      },
    ])
    // electron-builder fills in ${platform} with the build machine's and ${arch} with the target's.
    const from = config.extraResources[0]!.from.replace('${platform}', process.platform).replace(
      '${arch}',
      process.arch,
    )
    expect(from).toBe(relative(root, bindingPlan(root).dir))
  })

  it('hardens the Electron binary: no running as Node, no inspector, the app only from its checked archive', () => {
    expect(builderConfig({ env: {} }).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('APP_VERSION is package.json’s version', () => {
    expect(APP_VERSION).toBe(pkg.version)
  })
})

/** Bare package names a built file imports (static, dynamic or through require). */
function bareImports(code: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*"([^"]+)"/gm,
    /^\s*import\s*"([^"]+)"/gm,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
    /\brequire\)?\(\s*"([^"]+)"\s*\)/g,
    /\bcreateRequire\([^)]*\)\(\s*"([^"]+)"\s*\)/g,
  ]
  for (const re of patterns)
    for (const m of code.matchAll(re)) {
      const spec = m[1]!
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue
      if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/.*)?$/.test(spec)) continue
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
    }
  return [...found]
}

describe.skipIf(!built)('the packages the installed app needs', () => {
  const mainDir = join(root, 'out/main')
  const desktopFiles = [
    'index.js',
    'pdf-worker.js',
    ...readdirSync(join(mainDir, 'chunks')).map((f) => `chunks/${f}`),
  ]
  const imported = new Set(
    desktopFiles
      .flatMap((f) => bareImports(readFileSync(join(mainDir, f), 'utf8')))
      .filter((p) => p !== 'electron'),
  )

  it('every package the main process imports is a dependency (devDependencies are not packaged)', () => {
    expect(imported).toContain('electron-updater')
    expect([...imported].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([])
  })

  it('every dependency is one the main process imports: renderer packages are bundled by Vite and belong in devDependencies', () => {
    expect(Object.keys(pkg.dependencies).filter((p) => !imported.has(p))).toEqual([])
  })
})
