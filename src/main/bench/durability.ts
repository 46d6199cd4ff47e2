/**
 * `npm run bench -- durability`: what `synchronous = FULL` costs a user. SQLite in WAL mode with
 * NORMAL syncs the log only at a checkpoint, so a power cut can lose the last confirmed actions;
 * FULL syncs it at every commit. This bench times the same user actions (an attempt logged, a
 * note added, each one transaction through the dispatcher) on an encrypted database file with
 * each setting, and prints the cost per action. No target: the figures are the reason for the
 * choice in db/database.ts.
 */
import { signal } from '../test/fixtures'
import { envInt } from './setup'
import { benchTeamApp } from './team-app'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!

export async function runDurabilityBench(): Promise<void> {
  const actions = envInt('BENCH_ACTIONS', 300)
  const { app, call, close } = await benchTeamApp({ onDisk: true })
  try {
    const raw = app.database.raw
    const cases: number[] = []
    for (let i = 0; i < 20; i++)
      cases.push(
        (await call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: String(100 + i) })))
          .caseId,
      )
    const shipped = String(raw.pragma('synchronous', { simple: true }))
    const times: Record<'NORMAL' | 'FULL', number[]> = { NORMAL: [], FULL: [] }
    // Alternating rounds, so neither setting always runs on a warmer cache or a longer log.
    for (let round = 0; round < 4; round++) {
      for (const mode of ['NORMAL', 'FULL'] as const) {
        raw.pragma(`synchronous = ${mode}`)
        for (let i = 0; i < actions / 4; i++) {
          const caseId = cases[i % cases.length]!
          // The version the case file showed (read outside the timing, as the screen did earlier).
          const { versie } = raw.prepare('select versie from vroegsignaalzaak where id = ?').get(caseId) as {
            versie: number
          }
          const t0 = performance.now()
          if (i % 2 === 0)
            await call('ladder.logAttempt', {
              caseId,
              versie,
              kanaal: 'telefoon',
              bereikt: false,
              resultaat: 'Geen gehoor',
            })
          else await call('dossier.addNote', { caseId, tekst: `Notitie ${round}-${i}` })
          times[mode].push(performance.now() - t0)
        }
      }
    }
    raw.pragma(`synchronous = ${shipped}`)
    const f = (n: number) => n.toFixed(2).padStart(7)
    console.log(
      `${times.FULL.length} user actions per setting (attempt or note, one transaction each), encrypted file`,
    )
    console.log('synchronous   median ms   p95 ms')
    for (const mode of ['NORMAL', 'FULL'] as const)
      console.log(`${mode.padEnd(12)} ${f(median(times[mode]))}   ${f(p95(times[mode]))}`)
    console.log(
      `FULL costs ${(median(times.FULL) - median(times.NORMAL)).toFixed(2)} ms more per action at the median ` +
        `(the app ships with synchronous = ${shipped === '2' ? 'FULL' : shipped === '1' ? 'NORMAL' : shipped}); no target`,
    )
  } finally {
    await close()
  }
}
