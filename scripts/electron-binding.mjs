#!/usr/bin/env node
// Prepares the SQLite binding (better-sqlite3-multiple-ciphers) for Electron's ABI in a folder
// of its own, electron-binding/<platform>-<arch>/better_sqlite3.node. `npm install` builds the
// package's binding for Node's ABI inside node_modules; Electron refuses that one
// ("compiled against a different Node.js version using NODE_MODULE_VERSION ..."). The two live
// side by side: the shell passes this one through better-sqlite3's `nativeBinding` option and
// the Node-based tests keep the default, so switching between `npm start` and `npm test` costs
// no rebuild. The folder is prepared once and reused until Electron, the SQLite package, the
// platform or the architecture changes (binding.json records what it was made for).
//
// Steps: (1) prebuild-install --runtime electron --target <Electron version> into a scratch
// folder (a download from the package's GitHub release, seconds); (2) when no prebuilt binary
// exists for this Electron, @electron/rebuild compiles a copy of the package against Electron's
// headers (needs a C++ toolchain, about two minutes); (3) the result is loaded in Electron itself
// (ELECTRON_RUN_AS_NODE) before it is put in place.
//
//   node scripts/electron-binding.mjs            prepare (or reuse) for this machine
//   node scripts/electron-binding.mjs --force    prepare again
//   node scripts/electron-binding.mjs --check    exit 0 when prepared, 1 when not (no network)
//   node scripts/electron-binding.mjs --plan     print what it would do, as JSON
//   options: --arch ARCH, --local-prebuilds DIR (prebuilt tarballs already downloaded),
//            --no-verify (skip loading it in Electron, e.g. where no Electron binary can run)
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

export const BINDING_DIR = 'electron-binding'
export const BINDING_FILE = 'better_sqlite3.node'
export const STAMP_FILE = 'binding.json'
export const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers'

const here = import.meta.dirname
const defaultRoot = resolve(here, '..')
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/**
 * What preparing the binding means on this machine: the Electron version and ABI from
 * node_modules/electron, the SQLite package, the target folder and the exact commands.
 */
export function bindingPlan(root = defaultRoot, { platform = process.platform, arch = process.arch } = {}) {
  const req = createRequire(join(root, 'package.json'))
  const electronPkgFile = req.resolve('electron/package.json')
  const electronDir = dirname(electronPkgFile)
  const electronVersion = readJson(electronPkgFile).version
  // Electron's package names its ABI (NODE_MODULE_VERSION) in abi_version.
  const abiFile = join(electronDir, 'abi_version')
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null
  const packageDir = dirname(req.resolve(`${SQLITE_PACKAGE}/package.json`))
  const sqlite = readJson(join(packageDir, 'package.json'))
  const dir = join(root, BINDING_DIR, `${platform}-${arch}`)
  const fromPackage = createRequire(join(packageDir, 'package.json'))
  return {
    root,
    electronVersion,
    abi,
    packageDir,
    packageVersion: sqlite.version,
    platform,
    arch,
    dir,
    file: join(dir, BINDING_FILE),
    stamp: {
      electron: electronVersion,
      abi,
      package: `${SQLITE_PACKAGE}@${sqlite.version}`,
      platform,
      arch,
    },
    prebuild: {
      // The prebuild-install the package itself uses at install time.
      bin: fromPackage.resolve('prebuild-install/bin.js'),
      args: [
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--platform',
        platform,
        '--arch',
        arch,
        '--verbose',
      ],
    },
    rebuild: { electronVersion, arch, onlyModules: [SQLITE_PACKAGE], force: true, buildFromSource: true },
  }
}

/** True when the folder holds a binding made for exactly this plan. */
export function isPrepared(plan) {
  const stampFile = join(plan.dir, STAMP_FILE)
  if (!existsSync(plan.file) || !existsSync(stampFile)) return false
  try {
    const stamp = readJson(stampFile)
    return Object.entries(plan.stamp).every(([k, v]) => stamp[k] === v)
  } catch {
    return false
  }
}

/** (1) A prebuilt binary for this Electron from the package's release, unpacked in `work`. */
function fromPrebuild(plan, work, { localPrebuilds, log, stdio }) {
  const dir = join(work, 'prebuild')
  mkdirSync(dir, { recursive: true })
  // prebuild-install unpacks into build/Release of the folder it runs in: a scratch folder
  // holding only the package's package.json, never the package in node_modules.
  writeFileSync(join(dir, 'package.json'), readFileSync(join(plan.packageDir, 'package.json')))
  const args = [plan.prebuild.bin, ...plan.prebuild.args]
  if (localPrebuilds) args.push('--local-prebuilds', resolve(localPrebuilds))
  log(
    `Looking for a prebuilt binding for Electron ${plan.electronVersion} (${plan.platform}-${plan.arch})...`,
  )
  const res = spawnSync(process.execPath, args, { cwd: dir, stdio, env: cleanEnv() })
  const built = join(dir, 'build', 'Release', BINDING_FILE)
  return res.status === 0 && existsSync(built) ? built : null
}

/** (2) A copy of the package compiled against Electron's headers by @electron/rebuild. */
async function fromSource(plan, work, { log }) {
  const app = join(work, 'app')
  const copy = join(app, 'node_modules', SQLITE_PACKAGE)
  const ownBuild = join(plan.packageDir, 'build')
  cpSync(plan.packageDir, copy, {
    recursive: true,
    filter: (src) => src !== ownBuild && !src.startsWith(ownBuild + sep),
  })
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'lange-adem-electron-binding',
      version: '0.0.0',
      private: true,
      dependencies: { [SQLITE_PACKAGE]: plan.packageVersion },
    }),
  )
  log(
    `No prebuilt binding: compiling ${SQLITE_PACKAGE} for Electron ${plan.electronVersion} (about two minutes)...`,
  )
  const req = createRequire(join(plan.root, 'package.json'))
  const { rebuild } = await import(pathToFileURL(req.resolve('@electron/rebuild')).href)
  await rebuild({ buildPath: app, ...plan.rebuild })
  const built = join(copy, 'build', 'Release', BINDING_FILE)
  if (!existsSync(built)) throw new Error(`@electron/rebuild finished without ${BINDING_FILE}`)
  return built
}

/** npm passes its configuration down as npm_config_*; none of it may steer these builds. */
function cleanEnv() {
  const env = { ...process.env }
  for (const k of Object.keys(env))
    if (/^npm_config_(runtime|target|arch|platform|build_from_source|disturl)$/i.test(k)) delete env[k]
  return env
}

/** (3) Loads the binding in Electron running as Node and opens an encrypted in-memory database. */
export function verifyInElectron(plan, candidate) {
  let electronBin
  try {
    // The electron package's main export is the binary's path (fetched on first use).
    electronBin = createRequire(join(plan.root, 'package.json'))('electron')
  } catch (err) {
    return { ok: false, reason: `no Electron binary to check with: ${err.message}` }
  }
  const code = `
    const Database = require(${JSON.stringify(plan.packageDir)})
    const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(candidate)} })
    db.pragma("cipher='aegis'")
    db.pragma("hexkey='${'ab'.repeat(32)}'")
    const out = { electron: process.versions.electron, modules: process.versions.modules,
      sqlite: db.prepare('select sqlite_version() as v').get().v, cipher: db.pragma('cipher', { simple: true }) }
    db.close()
    console.log('BINDING_OK ' + JSON.stringify(out))`
  const res = spawnSync(electronBin, ['-e', code], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  const line = (res.stdout ?? '').split('\n').find((l) => l.startsWith('BINDING_OK '))
  if (!line) return { ok: false, reason: (res.stderr || res.stdout || String(res.error ?? '')).trim() }
  const got = JSON.parse(line.slice('BINDING_OK '.length))
  if (got.electron !== plan.electronVersion)
    return { ok: false, reason: `checked in Electron ${got.electron}, expected ${plan.electronVersion}` }
  return { ok: true, ...got }
}

/**
 * Prepares the binding for the plan, or reuses the one there. Returns how it was obtained:
 * 'reused', 'prebuilt' or 'compiled'. The package's own (Node) binding is never touched.
 */
export async function prepareBinding(
  plan,
  { force = false, verify = true, localPrebuilds = null, log = console.log, stdio = 'inherit' } = {},
) {
  if (!force && isPrepared(plan)) {
    log(`Electron binding ready: ${relative(plan.root, plan.file)} (Electron ${plan.electronVersion}).`)
    return { source: 'reused', file: plan.file }
  }
  const work = mkdtempSync(join(tmpdir(), 'lange-adem-binding-'))
  try {
    let source = 'prebuilt'
    let built = fromPrebuild(plan, work, { localPrebuilds, log, stdio })
    if (!built) {
      source = 'compiled'
      try {
        built = await fromSource(plan, work, { log })
      } catch (err) {
        throw new Error(buildHelp(plan, err), { cause: err })
      }
    }
    let verified = null
    if (verify) {
      const check = verifyInElectron(plan, built)
      if (!check.ok)
        throw new Error(
          `The ${source} binding does not load in Electron ${plan.electronVersion}: ${check.reason}`,
        )
      verified = { sqlite: check.sqlite, cipher: check.cipher, modules: check.modules }
      log(`Checked in Electron ${plan.electronVersion}: SQLite ${check.sqlite}, cipher ${check.cipher}.`)
    }
    // Into place in one rename; the stamp last, so a half-prepared folder is never taken as ready.
    mkdirSync(plan.dir, { recursive: true })
    rmSync(join(plan.dir, STAMP_FILE), { force: true })
    cpSync(built, `${plan.file}.partial`)
    renameSync(`${plan.file}.partial`, plan.file)
    writeFileSync(
      join(plan.dir, STAMP_FILE),
      JSON.stringify({ ...plan.stamp, source, verified, preparedAt: new Date().toISOString() }, null, 2) +
        '\n',
    )
    log(`Electron binding prepared (${source}): ${relative(plan.root, plan.file)}.`)
    return { source, file: plan.file }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function buildHelp(plan, err) {
  const tools =
    plan.platform === 'win32'
      ? 'Visual Studio Build Tools with "Desktop development with C++" and Python 3'
      : plan.platform === 'darwin'
        ? 'the Xcode command line tools (xcode-select --install) and Python 3'
        : 'a C++ compiler, make and Python 3 (Debian/Ubuntu: apt install build-essential python3)'
  return (
    `No prebuilt ${SQLITE_PACKAGE} ${plan.packageVersion} could be fetched for Electron ${plan.electronVersion} ` +
    `(ABI ${plan.abi ?? '?'}) on ${plan.platform}-${plan.arch}, and compiling it failed:\n  ${err.message}\n` +
    `Compiling needs ${tools}, and internet access for Electron's headers. Install those, then run:\n` +
    '  npm run electron-binding'
  )
}

function flag(argv, name) {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}

async function main(argv) {
  const plan = bindingPlan(defaultRoot, { arch: flag(argv, '--arch') ?? process.arch })
  if (argv.includes('--plan')) {
    console.log(JSON.stringify(plan, null, 2))
    return 0
  }
  if (argv.includes('--check')) {
    const ok = isPrepared(plan)
    console.log(
      ok
        ? `ready: ${plan.file}`
        : `not prepared for Electron ${plan.electronVersion}: run npm run electron-binding`,
    )
    return ok ? 0 : 1
  }
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 22 || (major === 22 && minor < 12))
    console.warn(
      `Note: Electron ${plan.electronVersion}'s tools declare Node 22.12 or newer; this is Node ${process.versions.node}.`,
    )
  try {
    await prepareBinding(plan, {
      force: argv.includes('--force'),
      verify: !argv.includes('--no-verify'),
      localPrebuilds: flag(argv, '--local-prebuilds') ?? null,
    })
    return 0
  } catch (err) {
    console.error(`\n${err.message}`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2))
}
