import { describe, expect, it } from 'vitest'
import { dialectOf } from '../../db/dialect'
import { setUpTeam, testApp } from '../../test/fixtures'
import { storeRows } from './service'

// Runs only in `npm run test:pg` (vitest.pg.config.ts); vitest.config.ts leaves *.postgres.test.ts
// out, so neither run reports a skipped test.
describe('the import on PostgreSQL', () => {
  // SQLite's import runs on its own connection in the import worker (upload/worker.ts), which the
  // kill test and the upload test cover; on PostgreSQL it is a transaction on a pool connection.
  it('lets others read while it holds its locks, and shows them nothing of it before the commit', async () => {
    const t = await testApp()
    expect(dialectOf(t.db)).toBe('postgres')
    const { me } = await setUpTeam(t)
    const ctx = { at: '2026-11-10T09:30:00.000Z', today: '2026-11-10', userId: me.id }
    const rows = Array.from({ length: 4500 }, (_, n) => ({
      line: n + 2,
      values: {
        externId: `R-${n}`,
        partnerType: 'Huurachterstand',
        bedrag: '450,00',
        signaaldatum: '05-10-2026',
        achternaam: `Berg${n % 50}`,
        straat: 'Markt',
        postcode: '6041 AB',
        huisnummer: String(1 + (n % 900)),
      },
    }))
    const mapping = { columns: {}, partnerTypes: { huurachterstand: 'Huur' as const } }
    const seen: number[] = []
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('vroegsignaal')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const summary = await storeRows(t.db, ctx, rows, mapping, {
      commit: true,
      bron: 'Test',
      fileName: 'a.csv',
      // Inside the import's transaction, its locks held and its triggers paused: another
      // connection of the pool reads (it would wait for ever behind an exclusive lock)
      afterPg: async () => void seen.push(await count()),
    })
    expect(summary.nieuw).toBe(4500)
    expect(seen).toEqual([0])
    expect(await count()).toBe(4500)
  })
})
