import { ALL_CASES } from '../features/access/scope'
/**
 * Ladder benchmark: the caseload fill (default 600,000 cases) plus 3,000,000 contact attempts and
 * a planned next step on every open case; then the real "Vandaag" query for one consulent and the
 * real walk-in search, each against a median target of 20 ms.
 *
 *   npm run bench -- ladder
 *   BENCH_CASES=60000 BENCH_SIGNALS=100000 BENCH_ATTEMPTS=300000 npm run bench -- ladder    quick run
 *   --store postgres | --store both                on PostgreSQL, or on both side by side (stores.ts)
 *   BENCH_EXPLAIN=1                                print PostgreSQL's plans of the case queries (always
 *                                                  printed, all statements, for a missed target)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { KANAAL_SOORT, type Kanaal } from '@shared/api/ladder'
import { addDays, formatDate } from '@shared/format/dates'
import { openDatabase } from '../db/database'
import { generateKey } from '../features/keys/key'
import { loadWijkRanges } from '../features/wijken/assignment'
import { createRandom } from '../features/demo/random'
import { todayList } from '../features/ladder/service'
import { searchVisitors } from '../features/walkin/service'
import { fill } from './fill'
import { benchTeamSetup, envInt, seconds } from './setup'
import {
  type BenchPostgres,
  type StoreFigure,
  benchStores,
  explainPostgres,
  loadAverage,
  postgresCopyOf,
  sideBySide,
} from './stores'
import type { Db } from '../db/database'

const TODAY = '2026-11-10'
const LADDER: [Kanaal, string][] = [
  ['telefoon', 'Geen gehoor'],
  ['telefoon', 'Voicemail ingesproken'],
  ['whatsapp', 'Bericht gestuurd'],
  ['brief', 'Brief verstuurd'],
  ['huisbezoek', 'Niet thuis'],
  ['kaartje', 'Kaartje achtergelaten'],
  ['sms', 'Bericht gestuurd'],
]
const STEPS = [null, 'bellen', 'bericht', 'brief', 'huisbezoek', 'kaartje', 'opvolgen', 'afronden']

/** Attempts spread over the cases (most get 3 to 7), and a plan for every open case. */
function fillLadder(raw: BetterSqlite3.Database, cases: number, attempts: number): { open: number } {
  const rnd = createRandom(4_2026)
  const ins = raw.prepare(
    `insert into contactpoging (case_id, soort, kanaal, bereikt, datum, dagdeel, resultaat, notitie, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, '', ?, null)`,
  )
  const rows = raw.prepare('select id, datum_opgepakt, is_open from vroegsignaalzaak order by id').all() as {
    id: number
    datum_opgepakt: string
    is_open: number
  }[]
  const plan = raw.prepare(
    'update vroegsignaalzaak set plan_stap = ?, plan_poging = ?, plan_datum = ?, plan_dagdeel = ?, status = ? where id = ?',
  )
  const perCase = attempts / cases
  let written = 0
  let open = 0
  const dagdelen = ['Ochtend', 'Middag', 'Avond']
  for (let start = 0; start < rows.length; start += 20_000) {
    raw.transaction(() => {
      for (const r of rows.slice(start, start + 20_000)) {
        const left = attempts - written
        const n =
          r.id === rows.length ? left : Math.min(left, Math.max(0, Math.round(perCase + rnd.int(-2, 2))))
        for (let k = 0; k < n; k++) {
          const [kanaal, resultaat] = LADDER[k % LADDER.length]!
          const reached = k === n - 1 && rnd.chance(0.4)
          ins.run(
            r.id,
            KANAAL_SOORT[kanaal],
            kanaal,
            reached ? 1 : 0,
            addDays(r.datum_opgepakt, 1 + 2 * k),
            rnd.pick(dagdelen),
            reached ? 'Gesprek gevoerd' : resultaat,
            `${r.datum_opgepakt}T10:00:00.000Z`,
          )
        }
        written += n
        if (r.is_open === 1) {
          open++
          const stap = rnd.pick(STEPS)
          plan.run(
            stap,
            rnd.int(0, 2),
            addDays(TODAY, rnd.int(-12, 15)),
            rnd.pick(dagdelen),
            n > 0 ? 'in_behandeling' : 'nieuw',
            r.id,
          )
        }
      }
    })()
  }
  return { open }
}

async function time(label: string, fn: () => Promise<number>, target = 20): Promise<number> {
  for (let i = 0; i < 5; i++) await fn()
  const times: number[] = []
  let size = 0
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now()
    size = await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const median = (times[24]! + times[25]!) / 2
  const pass = median < target
  console.log(
    `${label.padEnd(52)} ${String(size).padStart(5)} rows  median ${median.toFixed(2).padStart(6)} ms  p95 ${times[47]!.toFixed(2).padStart(6)} ms  < ${target} ms ${pass ? 'PASS' : 'FAIL'}`,
  )
  return median
}

export async function runLadderBench(): Promise<void> {
  const cases = envInt('BENCH_CASES', 600_000)
  const signals = envInt('BENCH_SIGNALS', 1_000_000)
  const attempts = envInt('BENCH_ATTEMPTS', 3_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-bench-'))
  const opened = openDatabase(join(dir, 'bench.sqlite'), generateKey())
  try {
    const consulenten = await benchTeamSetup(opened.db, TODAY)
    console.log(
      `Lange Adem ladder benchmark: ${cases.toLocaleString('en-US')} cases, ${attempts.toLocaleString('en-US')} attempts`,
    )
    const t0 = performance.now()
    const filled = fill(opened.raw, {
      cases,
      signals,
      today: TODAY,
      days: 3 * 365,
      ranges: await loadWijkRanges(opened.db),
      consulenten,
    })
    const { open } = fillLadder(opened.raw, cases, attempts)
    opened.raw.exec('ANALYZE')
    const n = (opened.raw.prepare('select count(*) n from contactpoging').get() as { n: number }).n
    console.log(
      `Fill ${seconds(performance.now() - t0)}: ${n.toLocaleString('en-US')} attempts, ${open.toLocaleString('en-US')} open cases with a plan`,
    )

    // The busiest consulent: the one who works in five wijken.
    const busiest = (
      await opened.db
        .selectFrom('app_user')
        .select('id')
        .where('naam', '=', 'Consulent 11')
        .executeTakeFirstOrThrow()
    ).id
    const sample = opened.raw
      .prepare(
        'select h.postcode, h.huisnummer, r.geboortedatum, r.tussenvoegsel, r.achternaam from household h join resident r on r.household_id = h.id where h.id = ?',
      )
      .get(Math.floor(cases / 3)) as {
      postcode: string
      huisnummer: number
      geboortedatum: string
      tussenvoegsel: string
      achternaam: string
    }
    // Her own scope, as the app gives it to her (features/access): her wijken plus cases assigned to her
    const wijkIds = (
      await opened.db.selectFrom('user_wijk').select('wijk_id').where('user_id', '=', busiest).execute()
    ).map((w) => w.wijk_id)
    const own = { kind: 'own' as const, userId: busiest, wijkIds }
    const scenarios: [string, (db: Db) => Promise<number>][] = [
      [
        'Vandaag, busiest consulent (due + overdue)',
        async (db) => (await todayList(db, TODAY, busiest, ALL_CASES)).totaal,
      ],
      [
        'Vandaag, busiest consulent, in her own scope',
        async (db) => (await todayList(db, TODAY, busiest, own)).totaal,
      ],
      [
        `Walk-in: common surname "${filled.surnames.common}"`,
        async (db) => (await searchVisitors(db, filled.surnames.common)).hits.length,
      ],
      [
        `Walk-in: rare surname "${filled.surnames.rare}"`,
        async (db) => (await searchVisitors(db, filled.surnames.rare)).hits.length,
      ],
      [
        `Walk-in: surname + birth date`,
        async (db) =>
          (
            await searchVisitors(
              db,
              `${sample.tussenvoegsel} ${sample.achternaam} ${formatDate(sample.geboortedatum)}`.trim(),
            )
          ).hits.length,
      ],
      [
        `Walk-in: birth date ${formatDate(sample.geboortedatum)}`,
        async (db) => (await searchVisitors(db, formatDate(sample.geboortedatum))).hits.length,
      ],
      [
        `Walk-in: postcode + number ${sample.postcode} ${sample.huisnummer}`,
        async (db) => (await searchVisitors(db, `${sample.postcode} ${sample.huisnummer}`)).hits.length,
      ],
    ]
    const stores = benchStores()
    const figures: StoreFigure[] = scenarios.map(([label]) => ({ label, ms: {}, targetMs: 20 }))
    const load: Record<string, string> = {}
    let failed = 0
    for (const store of stores) {
      let pgs: BenchPostgres | null = null
      try {
        if (store === 'postgres') {
          pgs = await postgresCopyOf(opened.raw)
        }
        const db = pgs ? pgs.opened.db : opened.db
        console.log(`\n${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: 5 warm-up runs, then 50 timed runs`)
        for (const [i, [label, fn]] of scenarios.entries()) {
          const ms = await time(label, () => fn(db))
          figures[i]!.ms[store] = ms
          if (ms >= 20) failed++
          if (pgs && (ms >= 20 || process.env.BENCH_EXPLAIN))
            console.log(
              await explainPostgres(pgs.url, fn, process.env.BENCH_EXPLAIN ? /vroegsignaalzaak/ : /./),
            )
        }
        load[store] = await loadAverage()
      } finally {
        await pgs?.close()
      }
    }
    if (stores.length > 1) {
      console.log('\nLadder and walk-in side by side (median of 50 runs)')
      console.log(sideBySide(figures, stores, load))
    }
    console.log(failed ? `${failed} target(s) missed` : 'all targets met')
    process.exitCode = failed ? 1 : 0
  } finally {
    await opened.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
