import { describe, expect, it } from 'vitest'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import { createSession } from '../../app/context'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

/** A second window on the same data (another colleague at the same computer, or the server). */
function otherWindow(t: Awaited<ReturnType<typeof testApp>>) {
  const session = createSession()
  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const res = await t.app.dispatcher.call(session, method, input)
    if (!res.ok) throw new Error(res.error.message)
    return res.value as ApiOutput<M>
  }
  return { call, db: t.db }
}

describe('changes.since', () => {
  it('reports a change to a case by kind and id, and never a reading of it', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const kijker = otherWindow(t)
    await signInAs(kijker, 'Fatima El Idrissi')
    const { caseId } = await t.call('signals.createManual', signal({ postcode: '6041 AB' }))
    const start = (await kijker.call('changes.since', { na: Number.MAX_SAFE_INTEGER })).laatste
    expect(start).toBeGreaterThan(0)

    // Opening the case file writes "bekeken" to the logboek: that is not a change. A screen that
    // reads again on a change would otherwise read again forever.
    await kijker.call('dossier.get', { caseId })
    await t.call('dossier.get', { caseId })
    const afterView = await kijker.call('changes.since', { na: start })
    expect(afterView.wijzigingen).toEqual([])

    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
    })
    const afterAttempt = await kijker.call('changes.since', { na: afterView.laatste })
    expect(afterAttempt.wijzigingen).toEqual([expect.objectContaining({ soort: 'zaak', id: caseId })])
    expect(afterAttempt.alles).toBe(false)
    expect(JSON.stringify(afterAttempt)).not.toMatch(/Geen gehoor|Anouk/)
    expect((await kijker.call('changes.since', { na: afterAttempt.laatste })).wijzigingen).toEqual([])
  })

  it("leaves out the caller's own changes: they came back in the answer to the change", async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const { caseId } = await t.call('signals.createManual', signal({ postcode: '6041 AB' }))
    const start = (await t.call('changes.since', { na: Number.MAX_SAFE_INTEGER })).laatste
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
    })
    const mine = await t.call('changes.since', { na: start })
    expect(mine.wijzigingen).toEqual([])
    // The position still moves on, so the next ask starts after the own change.
    expect(mine.laatste).toBeGreaterThan(start)
  })

  it('does not count as activity, so polling never keeps a screen from locking', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    t.clock.idle(3 * 60_000)
    await t.call('changes.since', { na: 0 })
    t.clock.idle(3 * 60_000)
    const res = await t.raw('caseload.list', {})
    expect(res.ok ? null : res.error.code).toBe('locked')
  })
})
