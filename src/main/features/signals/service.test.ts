import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

describe('entering a signal by hand', () => {
  it('opens one case per household and adds a second signal for the same address to it', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const a = await t.call('signals.createManual', signal())
    expect(a.newCase).toBe(true)
    expect(a.caseNumber).toBe('LA-2026-00001')
    expect(a.wijkNaam).toBe('Centrum')
    expect(a.consulentNaam).toBe('Anouk Peeters')
    // Same address written differently: postcode without space, addition in another case
    const b = await t.call(
      'signals.createManual',
      signal({
        postcode: '6041ab',
        achternaam: 'Berg',
        voorletters: 'M.',
        geboortedatum: '01-01-1986',
        partnerType: 'Energie',
      }),
    )
    expect(b.newCase).toBe(false)
    expect(b.caseId).toBe(a.caseId)
    const page = await t.call('caseload.list', {})
    expect(page.total).toBe(1)
    expect(page.rows[0]!.signalen).toBe(2)
    expect(page.rows[0]!.bedragCents).toBe(90000)
    expect(page.rows[0]!.partnerTypes).toEqual(['Energie', 'Huur'])
  })
})
