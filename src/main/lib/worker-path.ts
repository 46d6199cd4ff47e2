import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A worker entry built next to the main bundle (out/main/, see electron.vite.config.ts), or null
 * when running from source (unit tests): the caller then does the work in its own process.
 */
export function builtWorkerPath(file: string): string | null {
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.js')) return null
  for (const p of [join(dirname(here), file), join(dirname(here), '..', file)]) if (existsSync(p)) return p
  return null
}
