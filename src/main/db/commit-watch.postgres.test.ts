import { afterEach, describe, expect, it } from 'vitest'
import { recordAudit } from '../features/audit/repository'
import { setUpTeam, TEST_WACHTWOORD, testApp } from '../test/fixtures'
import { commitFault } from './commit-watch'
import type { Db } from './database'
import { PartlySavedError, retryOnSerializationFailure } from './retry'

const noWait = () => Promise.resolve()

async function entries(db: Db, action: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow()
  return r.n
}

afterEach(() => {
  commitFault.failCommit = null
})

// The commits are counted on PostgreSQL's connections; SQLite never raises a serialization failure.
describe('the retry after a serialization failure on PostgreSQL writes nothing twice', () => {
  it('does not run a call again whose second transaction failed after its first committed', async () => {
    const t = await testApp()
    const db = t.db
    let runs = 0
    // A call of two transactions, each with a logboek entry and a row (a wijk)
    const twoSteps = async () => {
      runs++
      for (const step of [1, 2])
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('wijk')
            .values({ naam: `Stap ${step} van ${runs}`, created_at: t.clock.now() })
            .execute()
          await recordAudit(trx, t.clock.now(), {
            userId: null,
            action: `stap ${step}`,
            entityType: 'instellingen',
            entityId: null,
            summary: `stap ${step}`,
          })
        })
    }
    // PostgreSQL refuses the second commit: the first transaction is stored, the second is not
    commitFault.failCommit = (n) => n === 2
    const err = await retryOnSerializationFailure(twoSteps, noWait).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PartlySavedError)
    expect(runs).toBe(1)
    expect(await entries(db, 'stap 1')).toBe(1)
    expect(await entries(db, 'stap 2')).toBe(0)
    const wijken = await db.selectFrom('wijk').select('naam').where('naam', 'like', 'Stap %').execute()
    expect(wijken.map((w) => w.naam)).toEqual(['Stap 1 van 1'])

    // A failure in the first writing transaction stored nothing: the call runs again, once stored
    commitFault.failCommit = (n) => n === 1 && runs === 1
    runs = 0
    await db.deleteFrom('wijk').where('naam', 'like', 'Stap %').execute()
    await retryOnSerializationFailure(twoSteps, noWait)
    expect(runs).toBe(2)
    expect(await db.selectFrom('wijk').select('naam').where('naam', 'like', 'Stap %').execute()).toEqual([
      { naam: 'Stap 1 van 2' },
      { naam: 'Stap 2 van 2' },
    ])
  })

  it('signs in once when the sign-in’s logboek transaction (after its own reset of failed tries) fails and is retried', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Fatima El Idrissi')
    await t.call('session.signOut', {})
    const before = await entries(t.db, 'aangemeld')
    const fatima = (await t.call('session.team', {})).find((m) => m.naam === 'Fatima El Idrissi')!
    // The reset of failed tries is its own write and is not counted; the logboek's transaction
    // is the first counted commit: failed once, then the call runs again
    let failures = 0
    commitFault.failCommit = () => failures++ === 0
    await t.call('session.signIn', { userId: fatima.id, wachtwoord: TEST_WACHTWOORD }).catch(() => undefined)
    expect(failures).toBeGreaterThan(1)
    expect(await entries(t.db, 'aangemeld')).toBe(before + 1)
    commitFault.failCommit = null
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true })
  })
})
