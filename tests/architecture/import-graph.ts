import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The import graph of src/: every module and the project modules it imports, type-only imports
 * included (a cycle of types still ties two files together for a reader). Resolved the way the
 * build resolves them: relative paths and the `@shared` and `@renderer` aliases.
 */
export const root = resolve(import.meta.dirname, '../..')
const ALIASES: Record<string, string> = {
  '@shared/': join(root, 'src/shared/'),
  '@renderer/': join(root, 'src/renderer/src/'),
}
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx']

export function sourceFiles(dir = join(root, 'src')): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p))
    else if (/\.tsx?$/.test(name)) out.push(p)
  }
  return out.sort()
}

function resolveImport(from: string, spec: string): string | null {
  let base: string | null = null
  if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  for (const [alias, target] of Object.entries(ALIASES))
    if (spec.startsWith(alias)) base = target + spec.slice(alias.length)
  if (base === null) return null
  if (/\.tsx?$/.test(base) && existsSync(base)) return base
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext
  // A compiled-path import (`./x.js`) of a TypeScript file.
  const noJs = base.replace(/\.js$/, '')
  for (const ext of EXTENSIONS) if (existsSync(noJs + ext)) return noJs + ext
  return null
}

/** Module (path relative to the project) to the project modules it imports. */
export function importGraph(files = sourceFiles()): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const deps = new Set<string>()
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName)
      if (target) deps.add(relative(root, target))
    }
    graph.set(relative(root, file), [...deps].sort())
  }
  return graph
}

/** The strongly connected components with more than one module (or a module importing itself). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const onStack = new Set<string>()
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const out: string[][] = []
  const visit = (v: string): void => {
    idx.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return out
}
