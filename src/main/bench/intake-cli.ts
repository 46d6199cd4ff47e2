/**
 * The import from the command line, as a functional administrator runs it: `node out/main/cli.js
 * import` as a child process on a freshly set-up folder, timed from its start to its exit. And a
 * hostile workbook (a zip bomb) given to the same command: how fast it is refused, in how much memory.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DATABASE_FILE } from '../app/create-app'
import { openDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { KEY_ENV } from '../features/keys/dev-key'
import { bombSheet, workbook } from '../test/zip'
import { benchTeamSetup } from './setup'

/**
 * Makes the child report its own CPU time and peak memory at exit (a module loaded before the
 * CLI). The peak is VmHWM from /proc on Linux: maxRSS survives exec, so a child of this large
 * process would report the parent's size.
 */
const REPORT =
  "data:text/javascript,import{readFileSync}from'node:fs';process.on('exit',()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])}catch{}process.stderr.write('BENCH_CHILD '+JSON.stringify({cpu:process.cpuUsage(),rssKb:kb})+'\\n')})"

export interface ChildFigures {
  wallMs: number
  cpuMs: number
  rssMb: number
  stdout: string
  stderr: string
  status: number | null
}

function runCli(args: string[], key: string): ChildFigures {
  const cli = join(dirname(process.argv[1]!), 'cli.js')
  const t0 = performance.now()
  const child = spawnSync(process.execPath, ['--import', REPORT, cli, ...args], {
    env: { ...process.env, [KEY_ENV]: key },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const wallMs = performance.now() - t0
  const m = /BENCH_CHILD (\{.*\})/.exec(child.stderr)
  const r = m ? (JSON.parse(m[1]!) as { cpu: { user: number; system: number }; rssKb: number }) : null
  return {
    wallMs,
    cpuMs: r ? (r.cpu.user + r.cpu.system) / 1000 : NaN,
    rssMb: r ? r.rssKb / 1024 : NaN,
    stdout: child.stdout,
    stderr: child.stderr.replace(/BENCH_CHILD .*\n?/, ''),
    status: child.status,
  }
}

/** A data folder set up as the team would (ten wijken, their consulenten), with nothing imported yet. */
export async function freshFolder(today: string): Promise<{ dir: string; key: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-cli-'))
  const key = generateKey()
  const opened = openDatabase(join(dir, DATABASE_FILE), key)
  await benchTeamSetup(opened.db, today, { helpers: 1 })
  await opened.close()
  return { dir, key }
}

/**
 * `rows` rows imported on a fresh folder, and beside it the same process start and database
 * opening without an import (a `purge --voorbeeld` on the same folder), to tell them apart.
 */
export async function measureCliImport(
  csv: string,
  today: string,
): Promise<{ importRun: ChildFigures; startRun: ChildFigures }> {
  const { dir, key } = await freshFolder(today)
  try {
    const file = join(dir, 'export.csv')
    writeFileSync(file, csv, 'utf8')
    const startRun = runCli(['purge', '--voorbeeld', '--data-dir', dir], key)
    const importRun = runCli(['import', file, '--data-dir', dir], key)
    if (importRun.status !== 0) throw new Error(`the command-line import failed: ${importRun.stderr}`)
    return { importRun, startRun }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A workbook whose sheet unpacks to `megabytes` MB: stated truthfully (as a zip tool writes it),
 * or, with `statedMb`, lying about its size (a hand-made bomb).
 */
export async function measureBomb(
  megabytes: number,
  today: string,
  statedMb?: number,
): Promise<ChildFigures & { fileMb: number }> {
  const { dir, key } = await freshFolder(today)
  try {
    const bytes = megabytes * 1024 * 1024
    const deflated = await bombSheet(bytes)
    const file = join(dir, 'signalen.xlsx')
    const stated = statedMb === undefined ? bytes : statedMb * 1024 * 1024
    const xlsx = workbook({ deflated, statedSize: Math.min(stated, 0xffffffff) })
    writeFileSync(file, xlsx)
    return { ...runCli(['import', file, '--data-dir', dir], key), fileMb: xlsx.length / 1024 / 1024 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
