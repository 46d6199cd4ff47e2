import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { addDays, monthsBefore } from '@shared/format/dates'
import { testDatabase } from '../test/fixtures'
import { isoDateMonthsBefore } from './dialect'

describe('month arithmetic on the store under test', () => {
  it('counts months back as the code does: the day clamped to the month, never rolled into the next', async () => {
    const { db, close } = await testDatabase()
    try {
      // Every month's last four days and its 15th, 2027 to 2029 (2028 is a leap year).
      const dates: string[] = []
      for (let y = 2027; y <= 2029; y++)
        for (let m = 1; m <= 12; m++) {
          const first = `${y}-${String(m).padStart(2, '0')}-01`
          const nextFirst = addDays(`${first.slice(0, 8)}28`, 4).slice(0, 8) + '01'
          dates.push(`${first.slice(0, 8)}15`, ...[1, 2, 3, 4].map((d) => addDays(nextFirst, -d)))
        }
      await sql`create table month_probe (d text not null)`.execute(db)
      await sql`insert into month_probe (d) values ${sql.join(dates.map((d) => sql`(${d})`))}`.execute(db)
      for (const months of [1, 3, 6, 12, 18]) {
        const rows = (
          await sql<{
            d: string
            back: string
          }>`select d, ${isoDateMonthsBefore(db, 'd', months)} as back from month_probe order by d`.execute(
            db,
          )
        ).rows
        expect(rows).toEqual([...dates].sort().map((d) => ({ d, back: monthsBefore(d, months) })))
      }
      // The cases a consulent checks by hand.
      expect(monthsBefore('2027-08-31', 6)).toBe('2027-02-28')
      expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29')
      expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28')
      expect(monthsBefore('2027-01-31', 1)).toBe('2026-12-31')
    } finally {
      await close()
    }
  })
})
