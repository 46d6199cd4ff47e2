import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

describe('changes.since', () => {
  it('reports a change to a case by kind and id, and never a reading of it', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Anouk Peeters')
    const { caseId } = await t.call('signals.createManual', signal({ postcode: '6041 AB' }))
    const start = (await t.call('changes.since', { na: Number.MAX_SAFE_INTEGER })).laatste
    expect(start).toBeGreaterThan(0)

    // Opening the case file writes "bekeken" to the logboek: that is not a change. A screen that
    // reads again on a change would otherwise read again forever.
    await t.call('dossier.get', { caseId })
    const afterView = await t.call('changes.since', { na: start })
    expect(afterView.wijzigingen).toEqual([])

    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
    })
    const afterAttempt = await t.call('changes.since', { na: afterView.laatste })
    expect(afterAttempt.wijzigingen).toEqual([expect.objectContaining({ soort: 'zaak', id: caseId })])
    expect(afterAttempt.alles).toBe(false)
    expect(JSON.stringify(afterAttempt)).not.toMatch(/Geen gehoor|Anouk/)
    expect((await t.call('changes.since', { na: afterAttempt.laatste })).wijzigingen).toEqual([])
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
