import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { setUpTeam, testApp } from '../../test/fixtures'
import { signalsCsv } from '../../test/kill'
import { analyseFile, runImport } from './service'

const count = async (db: Awaited<ReturnType<typeof testApp>>['db'], table: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)

describe('the import worker brings the monitor up to date in its own transaction', () => {
  it('leaves nothing for the next opening of the Monitor to catch up on', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Fatima El Idrissi')
    const run = async (refreshMonitor: boolean, idPrefix: string) => {
      const a = await analyseFile(
        t.db,
        new TextEncoder().encode(signalsCsv(40, { idPrefix, signaaldatum: '05-11-2026' })),
        '',
      )
      return runImport(
        t.db,
        { at: t.clock.now(), today: t.clock.today(), userId: null },
        { fileName: 'signalen.csv', table: a.table },
        a.mapping,
        { commit: true, bron: 'Test', refreshMonitor },
      )
    }
    // Without it (the command line, the tests' in-process import) the rows wait in monitor_dirty
    const first = await run(false, 'A')
    expect(first.nieuweZaken).toBeGreaterThan(0)
    expect(await count(t.db, 'monitor_dirty')).toBeGreaterThan(0)
    // The worker's import: its facts and the daily summary written with it, nothing left over
    const second = await run(true, 'B')
    expect(second.nieuw).toBe(40)
    expect(await count(t.db, 'monitor_dirty')).toBe(0)
    const cases = await count(t.db, 'vroegsignaalzaak')
    expect(await count(t.db, 'monitor_case_fact')).toBe(cases)
  })
})
