import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import ts from 'typescript'
import { cycles, importGraph, root, sourceFiles } from './import-graph'

/**
 * The rules of the layout (README, "Layout"), checked on every file of src/ so they stay true.
 * The import graph is walked here rather than by eslint-plugin-import-x's no-cycle: that rule
 * skips `import type`, and three of the four cycles this check was written against were
 * type-only; it also is the slowest ESLint rule there is, while this walk takes a second.
 */
const graph = importGraph()
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith('src/main/test/')

describe('the layout of src/', () => {
  it('has no import cycles, type-only imports included', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('keeps test-only code out of the app: only tests, benchmarks and the fuzzer import src/main/test or a test file', () => {
    // The benchmarks and the hostile-request run are development tools, never packaged.
    const tools = (f: string) => f.startsWith('src/main/bench') || f.startsWith('src/main/web/fuzz/')
    const wrong = [...graph]
      .filter(([from]) => !isTest(from) && !tools(from))
      .flatMap(([from, deps]) => deps.filter(isTest).map((d) => `${from} -> ${d}`))
    expect(wrong).toEqual([])
  })

  it('lets no feature import the command line (cli/ uses the features, not the other way round)', () => {
    const wrong = [...graph]
      .filter(([from]) => from.startsWith('src/main/features/'))
      .flatMap(([from, deps]) =>
        deps
          .filter((d) => d.startsWith('src/main/cli/') || d === 'src/main/cli.ts')
          .map((d) => `${from} -> ${d}`),
      )
    expect(wrong).toEqual([])
  })

  // Besides kysely and Node, a migration may import its own dialect helper (migrations/dialect.ts,
  // which is held to the same rule): the one list runs on SQLite and PostgreSQL (issue 19).
  it('keeps each migration standalone: it imports kysely and Node only, never the app', () => {
    const migrations = sourceFiles(join(root, 'src/main/db/migrations')).filter(
      (f) => !/\.test\.ts$/.test(f) && !f.endsWith('index.ts'),
    )
    expect(migrations.length).toBeGreaterThan(10)
    for (const file of migrations) {
      const imports = ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((i) => i.fileName)
      expect(
        imports.filter((i) => i !== 'kysely' && i !== './dialect' && !i.startsWith('node:')),
        file,
      ).toEqual([])
    }
  })

  it('declares every table type in src/main/db/schema/, with no casts or module augmentation elsewhere', () => {
    const wrong: string[] = []
    for (const file of sourceFiles(join(root, 'src/main'))) {
      const rel = file.slice(root.length + 1)
      if (rel.startsWith('src/main/db/schema/') || isTest(rel)) continue
      const text = readFileSync(file, 'utf8')
      if (/declare module ['"][^'"]*db\/schema['"]/.test(text)) wrong.push(`${rel}: declare module`)
      if (/Kysely<Database\s*&/.test(text)) wrong.push(`${rel}: Kysely<Database & ...>`)
      if (/^\s*(export\s+)?interface \w+Table\s*\{/m.test(text) && /: Generated</.test(text))
        wrong.push(`${rel}: table interface`)
    }
    expect(wrong).toEqual([])
  })
})
