#!/usr/bin/env node
// `npm test`: every check the project has, in order, summed into one closing line
// "N passed, N failed, N skipped" that CI reads. Each static check counts as one test;
// vitest (on SQLite, then the service tests on PostgreSQL) and Playwright report their own
// counts through their JSON reporters.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { binOf } from './bin.mjs'

const root = resolve(import.meta.dirname, '..')
const tmp = join(root, '.tmp', 'test-results')
rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })

// Pictures the tests take (screens, rendered PDFs) go here, not over the committed ones in
// docs/screenshots: a spec run on its own updates those.
const shots = join(root, '.tmp', 'screenshots')
mkdirSync(shots, { recursive: true })
process.env.LANGE_ADEM_SHOTS_DIR = shots

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(cmd, args, env = {}) {
  const started = Date.now()
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return { ok: res.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

/** One check of one or more steps ([cmd, args] each, run in turn until one fails). */
function check(name, ...steps) {
  console.log(`\n=== ${name} ===`)
  let r = { ok: true, seconds: 0 }
  for (const [cmd, args] of steps) {
    const step = run(cmd, args)
    r = { ok: step.ok, seconds: (Number(r.seconds) + Number(step.seconds)).toFixed(1) }
    if (!r.ok) break
  }
  if (r.ok) totals.passed++
  else totals.failed++
  lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${name} (${r.seconds} s)`)
  return r.ok
}

// Each tool's own script, run with this Node: no shell and no .cmd shims, the same on every platform.
const node = process.execPath
const tsc = binOf('typescript', 'tsc')

check('type check (main, preload, shared)', [node, [tsc, '--noEmit', '-p', 'tsconfig.node.json']])
check('type check (renderer)', [node, [tsc, '--noEmit', '-p', 'tsconfig.web.json']])
check('lint', [node, [binOf('eslint'), '--max-warnings', '0', '.']])
check('format', [node, [binOf('prettier'), '--check', '.']])
const built = check(
  'build (electron-vite) and bundle syntax',
  [node, [binOf('electron-vite'), 'build']],
  [node, ['--check', 'out/main/index.js']],
  [node, ['--check', 'out/main/web.js']],
)

// Every benchmark once at a few hundred rows (targets not judged), so none breaks unnoticed.
if (built) {
  const names = spawnSync(node, ['out/main/bench.js', '--list'], { cwd: root, encoding: 'utf8' })
  const list = names.status === 0 ? names.stdout.split('\n').filter(Boolean) : []
  if (list.length === 0) {
    totals.failed++
    lines.push('FAIL benchmarks: the list of benchmarks could not be read')
  }
  for (const name of list)
    check(`benchmark ${name} (small, targets not judged)`, [node, ['out/main/bench.js', name, '--small']])
}

/**
 * One vitest run, its counts summed through its JSON reporter. A run that fails without a failed
 * test (a global set-up that could not start PostgreSQL, a crash) counts as one failure.
 */
function vitest(title, label, file, args = []) {
  console.log(`\n=== ${title} ===`)
  const out = join(tmp, file)
  const r = run(node, [
    binOf('vitest'),
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'))
    const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
    totals.passed += j.numPassedTests
    totals.failed += j.numFailedTests + (r.ok || j.numFailedTests > 0 ? 0 : 1)
    totals.skipped += skipped
    // Every skipped test by name, so a skip is never silent.
    for (const f of j.testResults ?? [])
      for (const a of f.assertionResults ?? [])
        if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')
          lines.push(`skip ${label}: ${relative(root, f.name)} > ${a.fullName}`)
    lines.push(
      `${r.ok ? 'ok  ' : 'FAIL'} ${label}: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped (${r.seconds} s)`,
    )
  } else {
    totals.failed++
    lines.push(`FAIL ${label} did not report (${r.seconds} s)`)
  }
}

// Unit, service and shell tests under Node.
vitest('unit, service and shell tests (vitest)', 'vitest', 'vitest.json')

// The service tests again, on a real PostgreSQL (issue 19): an embedded one started for the run
// (as the `postgres` user when run as root), or the server LANGE_ADEM_TEST_PG names. The kill
// tests among them need the build, as in the step above.
vitest(
  'service tests on PostgreSQL (vitest, vitest.pg.config.ts)',
  'vitest on PostgreSQL',
  'vitest-pg.json',
  ['-c', 'vitest.pg.config.ts'],
)

// End-to-end tests in Chromium against the built app (browser mode), and Electron where it exists.
if (built) {
  console.log('\n=== end-to-end tests (Playwright) ===')
  const out = join(tmp, 'playwright.json')
  const r = run(node, [binOf('@playwright/test', 'playwright'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out })
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'))
    const s = report.stats
    for (const reason of skipReasons(report)) lines.push(`skip ${reason}`)
    totals.passed += s.expected + s.flaky
    totals.failed += s.unexpected + (r.ok || s.unexpected > 0 ? 0 : 1)
    totals.skipped += s.skipped
    lines.push(
      `${r.ok ? 'ok  ' : 'FAIL'} playwright: ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped (${r.seconds} s)`,
    )
  } else {
    totals.failed++
    lines.push(`FAIL playwright did not report (${r.seconds} s)`)
  }
} else {
  totals.failed++
  lines.push('FAIL playwright not run: the build failed')
}

/** Every skipped Playwright test with the reason it gave, so a skip is never silent. */
function skipReasons(report) {
  const out = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given'
        out.push(`${spec.title}: ${why}`)
      }
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report.suites ?? []) walk(suite)
  return out
}

console.log('\n=== summary ===')
for (const l of lines) console.log(l)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
