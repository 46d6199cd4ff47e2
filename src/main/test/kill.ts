/**
 * Shared by the kill tests (import, batch print, purge): run the built command line as a child
 * process on a real, encrypted data folder and SIGKILL it at a chosen moment, then look at the
 * database file as the next start would find it.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey } from '../db/database'
import { DATABASE_FILE, type App } from '../app/create-app'
import { analyseFile, runImport } from '../features/intake/service'
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
  applyKey(db, key)
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

/**
 * A signal file as a platform delivers it (semicolon CSV), one household per row in the wijken
 * of ROERMOND_SETUP (postcodes 6041-6045). `amountEuros(i)` decides each row's arrear, so a
 * caller can put some below the threshold (not followed up).
 */
export function signalsCsv(
  rows: number,
  opts: {
    idPrefix: string
    signaaldatum: string
    amountEuros?: (i: number) => number
    /** Addresses from this row number on, so two files can name other households. */
    firstAddress?: number
  },
): string {
  const out = [
    'Signaal ID;Soort;Bedrag;Signaaldatum;Voorl.;Achternaam;Geb.datum;Straat;Huisnr;Postcode;Woonplaats',
  ]
  const types = ['Huurachterstand', 'Energieleverancier', 'Zorgverzekeraar', 'Drinkwater']
  for (let row = 0; row < rows; row++) {
    const i = row + (opts.firstAddress ?? 0)
    let letters = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`
    let huisnummer = 1 + Math.floor(i / 3380)
    // SA, SD and SS are never used in Dutch postcodes: another letter pair, its own house numbers.
    if (['SA', 'SD', 'SS'].includes(letters)) {
      letters = `T${letters[1]}`
      huisnummer += 500
    }
    out.push(
      [
        `${opts.idPrefix}-${row}`,
        types[i % types.length],
        `${opts.amountEuros ? opts.amountEuros(row) : 100 + (i % 900)},00`,
        opts.signaaldatum,
        'J.',
        `Achternaam${i % 997}`,
        `${1 + (i % 28)}-0${1 + (i % 9)}-19${40 + (i % 60)}`,
        'Hoofdstraat',
        String(huisnummer),
        `${6041 + (Math.floor(i / 676) % 5)} ${letters}`,
        'Roermond',
      ].join(';'),
    )
  }
  return out.join('\r\n') + '\r\n'
}

/** Takes a signal file in through the real import (as the screen and `cli import` do), with the app's clock. */
export async function importSignals(app: App, csv: string) {
  const bytes = new Uint8Array(Buffer.from(csv, 'utf8'))
  const analysis = await analyseFile(app.database.db, bytes, '')
  return runImport(
    app.database.db,
    { at: app.clock.now(), today: app.clock.today(), userId: null },
    { fileName: 'signalen.csv', table: analysis.table },
    analysis.mapping,
    { commit: true, bron: 'Opdrachtregel' },
  )
}
