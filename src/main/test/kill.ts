/**
 * Shared by the kill tests (import, batch print, purge): run the built command line as a child
 * process on a real, encrypted data folder and SIGKILL it at a chosen moment, then look at the
 * database file as the next start would find it.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { DATABASE_FILE } from '../app/create-app'
import { verifyRows } from '../features/audit/chain'
import { KEY_ENV } from '../features/keys/dev-key'

/** The built command line; `npm test` builds out/ before vitest runs. */
export const CLI = resolve('out/main/cli.js')

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js ontbreekt: eerst npx electron-vite build')
}

/** A small seeded generator (LCG), so a failing kill moment can be run again. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export interface ChildLine {
  /** Milliseconds since the child was spawned. */
  ms: number
  text: string
}

export interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  lines: ChildLine[]
  /** Milliseconds since spawn at which the child was killed (null: not killed), and at which it ended. */
  killedMs: number | null
  exitMs: number
}

/** When to kill: `delayMs` after the first stdout line that matches `after`. */
export interface KillAt {
  after: RegExp
  delayMs: number
}

/**
 * Runs `node out/main/cli.js ...args` with the database key in the environment, as the CLI
 * documents it. With `kill`, the child gets SIGKILL `delayMs` after the matching line; a child
 * that ends before that is simply not killed.
 */
export function runCliChild(args: string[], key: string, kill: KillAt | null = null): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [KEY_ENV]: key },
    })
    const lines: ChildLine[] = []
    let pending = ''
    let timer: NodeJS.Timeout | null = null
    let killedMs: number | null = null
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      const ms = performance.now() - t0
      pending += d.toString()
      const parts = pending.split('\n')
      pending = parts.pop()!
      for (const text of parts) {
        lines.push({ ms, text })
        if (kill && timer === null && kill.after.test(text))
          timer = setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) {
              killedMs = performance.now() - t0
              child.kill('SIGKILL')
            }
          }, kill.delayMs)
      }
    })
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (pending) lines.push({ ms: performance.now() - t0, text: pending })
      if (signal === null && code !== 0)
        console.error(`cli ${args[0]} ended with code ${code}: ${stderr.trim()}`)
      done({ code, signal, lines, killedMs, exitMs: performance.now() - t0 })
    })
  })
}

/** The moment (ms since spawn) of the first line matching `re`, or null. */
export function lineAt(run: ChildRun, re: RegExp): number | null {
  return run.lines.find((l) => re.test(l.text))?.ms ?? null
}

/** A copy of the database files of `base` (the key file too) in a new folder `dir`. */
export function copyDataDir(base: string, dir: string): string {
  mkdirSync(dir, { recursive: true })
  for (const f of readdirSync(base))
    if (f.startsWith('lange-adem.')) copyFileSync(join(base, f), join(dir, f))
  return dir
}

/** The database file as a raw connection: what the next start of the app would find. */
export function openRaw(dataDir: string, key: string, readonly = false): Database.Database {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly })
  db.pragma(`hexkey='${key}'`)
  return db
}

export function integrity(db: Database.Database): string {
  return String(Object.values(db.prepare('pragma integrity_check').get() as object)[0])
}

/** One number from a query (`select count(*) ...`). */
export function scalar(db: Database.Database, query: string): number {
  return Number(Object.values(db.prepare(query).get() as object)[0])
}

/** Whether the audit log's hash chain still verifies from the first entry to the last. */
export function chainHolds(db: Database.Database): boolean {
  const rows = db
    .prepare(
      'select id, at, user_id, action, entity_type, entity_id, summary, prev_hash, hash from audit_log order by id',
    )
    .all() as Parameters<typeof verifyRows>[0] extends Iterable<infer R> ? R[] : never
  return verifyRows(rows).ok
}
