import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { bindingPlan } from '../../scripts/electron-binding.mjs'

// Runs a built main bundle with the stand-in `electron` module (electron-stub.mjs) and returns
// what it set up (run-shell.mjs). Needs `electron-vite build` first (npm test does that).
export const root = resolve(import.meta.dirname, '../..')
export const built =
  existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/preload/index.cjs'))

// The shell loads the SQLite binding prepared for Electron (scripts/electron-binding.mjs), never
// the package's own. Under the stand-in the process is Node, so a copy of the package's own
// (Node) binding plays the Electron one, placed where the preparation script puts it; what the
// tests check is which file every connection loads.
export const packageBinding = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json')),
  'build/Release/better_sqlite3.node',
)
/** electron-binding/<platform>-<arch>/better_sqlite3.node, relative to a project folder. */
export const bindingInProject = relative(root, bindingPlan(root).file)

/** A stand-in project folder (app.getAppPath()) with the binding prepared; its binding's path. */
export function appFolderWithBinding(): { appDir: string; binding: string } {
  const appDir = mkdtempSync(join(tmpdir(), 'lange-adem-app-'))
  const binding = join(appDir, bindingInProject)
  mkdirSync(dirname(binding), { recursive: true })
  copyFileSync(packageBinding, binding)
  return { appDir, binding }
}

/**
 * Runs the main bundle once; returns its report. `dataDir` null: no --data-dir, so the shell
 * picks the folder in the user's profile. `env` steers the stand-in (STUB_APP_PATH,
 * STUB_PACKAGED, STUB_RESOURCES_PATH, STUB_APP_DATA, SHELL_APP_DIR; see electron-stub.mjs).
 */
export function runShell(dataDir: string | null, env: Record<string, string>): Record<string, any> {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      join(root, 'tests/shell/register-stub.mjs'),
      join(root, 'tests/shell/run-shell.mjs'),
      ...(dataDir ? ['--data-dir', dataDir] : []),
    ],
    { encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANGE_ADEM_DATA_DIR: '', ...env } },
  )
  const line = out.split('\n').find((l) => l.startsWith('SHELL_REPORT '))
  if (!line) throw new Error(`no report from the shell:\n${out}`)
  return JSON.parse(line.slice('SHELL_REPORT '.length))
}
