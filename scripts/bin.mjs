// The file behind a package's command (its package.json "bin"), to run with this Node: the same
// on Windows, macOS and Linux, with no shell and no .cmd shims (which Node refuses to spawn
// without a shell on Windows since 20.12).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const require = createRequire(join(resolve(import.meta.dirname, '..'), 'package.json'))

/** Path of `command` from package `pkg` (default: the package of the same name). */
export function binOf(pkg, command = pkg.split('/').pop()) {
  const dir = require.resolve
    .paths(pkg)
    .map((p) => join(p, pkg))
    .find((d) => existsSync(join(d, 'package.json')))
  if (!dir) throw new Error(`${pkg} is not installed: run npm install`)
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const file = typeof bin === 'string' ? bin : bin?.[command]
  if (!file) throw new Error(`${pkg} has no command ${command}`)
  return join(dir, file)
}
