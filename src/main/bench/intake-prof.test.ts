// TEMPORARY profiling harness (not part of the suite): INTAKE_PROF=1 npx vitest run src/main/bench/intake-prof.test.ts
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'vitest'
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { migrateToLatest, openDatabase } from '../db/database'
import { analyseFile, runImport } from '../features/intake/service'
import { makeCsv, prepareBenchDb } from './intake'

const BASE = '/tmp/intake-prof/base'
const CASES = Number(process.env.P_CASES ?? 120_000)
const SIGNALS = Number(process.env.P_SIGNALS ?? 200_000)
const ROWS = Number(process.env.P_ROWS ?? 20_000)

describe.skipIf(!process.env.INTAKE_PROF)('intake profile', () => {
  it('profiles', { timeout: 1_000_000 }, async () => {
    const base = `${BASE}-${SIGNALS}`
    if (!existsSync(join(base, 'bench.sqlite'))) {
      mkdirSync(base, { recursive: true })
      const o = await prepareBenchDb(base, CASES, SIGNALS)
      o.raw.pragma('wal_checkpoint(TRUNCATE)')
      console.log(`fill maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, rss now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`)
      await o.close()
    }
    const work = '/tmp/intake-prof/work'
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    copyFileSync(join(base, 'bench.sqlite'), join(work, 'bench.sqlite'))
    const o = openDatabase(join(work, 'bench.sqlite'))
    await migrateToLatest(o.db)
    const raw = o.raw
    for (const t of (process.env.P_DROP ?? '').split(',').filter(Boolean)) raw.exec(`drop trigger ${t}`)
    if (process.env.P_CACHE) raw.pragma(`cache_size = ${process.env.P_CACHE}`)
    const cpu0 = process.cpuUsage()
    const stats = new Map<string, { n: number; ms: number }>()
    if (process.env.P_STMT) {
      const orig = raw.prepare.bind(raw)
      const wrap = (stmt: any, sql: string): any =>
        new Proxy(stmt, {
          get(t, p) {
            const v = t[p]
            if (p === 'pluck' || p === 'raw' || p === 'expand')
              return (...a: unknown[]) => (v.apply(t, a), wrap(t, sql))
            if (p === 'run' || p === 'get' || p === 'all')
              return (...a: unknown[]) => {
                const t0 = performance.now()
                try {
                  return v.apply(t, a)
                } finally {
                  const key = sql.replace(/\s+/g, ' ').slice(0, 110) + ' .' + String(p)
                  const s = stats.get(key) ?? { n: 0, ms: 0 }
                  s.n++
                  s.ms += performance.now() - t0
                  stats.set(key, s)
                }
              }
            return typeof v === 'function' ? v.bind(t) : v
          },
        })
      ;(raw as any).prepare = (sql: string) => wrap(orig(sql), sql)
    }
    const bytes = new Uint8Array(Buffer.from('\ufeff' + makeCsv(ROWS, SIGNALS), 'utf8'))
    const session = new Session()
    if (process.env.P_PROF) {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 200 })
      await session.post('Profiler.start')
    }
    const t1 = performance.now()
    const analysis = await analyseFile(o.db, bytes, '')
    const t2 = performance.now()
    const s = await runImport(
      o.db,
      { at: '2026-11-10T10:00:00.000Z', today: '2026-11-10', userId: null },
      { fileName: 'export.csv', bytes },
      analysis.mapping,
      { commit: true, bron: 'Bench' },
    )
    const ms = performance.now() - t1
    const cpu = process.cpuUsage(cpu0)
    if (process.env.P_PROF) {
      const { profile } = await session.post('Profiler.stop')
      writeFileSync('/tmp/intake-prof/prof.cpuprofile', JSON.stringify(profile))
    }
    console.log(`cpu user ${(cpu.user / 1000).toFixed(0)} ms sys ${(cpu.system / 1000).toFixed(0)} ms`)
    console.log(
      `analyse ${(t2 - t1).toFixed(0)} ms; total ${ms.toFixed(0)} ms = ${Math.round(ROWS / (ms / 1000))} rows/s; new ${s.nieuw}, cases ${s.nieuweZaken}, dup ${s.eerderIngelezen}, problems ${s.problemen}; maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    )
    const sorted = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
    for (const [k, v] of sorted)
      console.log(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(7)}x ${((v.ms * 1000) / v.n).toFixed(1).padStart(8)} us  ${k}`)
    await o.close()
  })
})
