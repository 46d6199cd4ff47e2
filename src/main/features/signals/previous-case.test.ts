import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

async function close(t: T, caseId: number) {
  await t.call('ladder.close', {
    versie: await t.versie(caseId),
    caseId,
    resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
    hulpAangeboden: true,
    hulpGeaccepteerd: false,
  })
}

async function row(t: T, caseId: number) {
  const page = await t.call('caseload.list', { status: 'alle', pageSize: 50 })
  return page.rows.find((r) => r.id === caseId)!
}

describe('a new signal for a household whose case was closed', () => {
  it('starts a new case that shows the closed one at the top and in the caseload, within six months', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const a = await t.call('signals.createManual', signal())
    await close(t, a.caseId)

    t.clock.advanceDays(40)
    const b = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '15-12-2026', partnerType: 'Energie' }),
    )
    expect(b.newCase).toBe(true)
    const d = await t.call('dossier.get', { caseId: b.caseId })
    expect(d.vorigeZaak).toEqual({
      caseId: a.caseId,
      caseNumber: a.caseNumber,
      geslotenOp: '2026-11-10',
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
    })
    expect((await row(t, b.caseId)).eerderBekend).toBe(true)
    expect((await row(t, a.caseId)).eerderBekend).toBe(false)
    expect((await t.call('dossier.get', { caseId: a.caseId })).vorigeZaak).toBeNull()

    // Closed more than six months before the next case: still under "Eerder bekend", no notice.
    await close(t, b.caseId)
    t.clock.advanceDays(190)
    const c = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '20-06-2027', partnerType: 'Water' }),
    )
    const dc = await t.call('dossier.get', { caseId: c.caseId })
    expect(dc.vorigeZaak).toBeNull()
    expect(dc.eerderBekend.map((e) => e.caseId).sort()).toEqual([a.caseId, b.caseId].sort())
    expect((await row(t, c.caseId)).eerderBekend).toBe(false)
  })

  it('counts six months back to the end of a short month: closed 28 February is recent on 31 August (both stores)', async () => {
    const t = await testApp('2027-02-26T09:30:00.000Z')
    await setUpTeam(t)
    const a = await t.call('signals.createManual', signal({ signaaldatum: '20-02-2027' }))
    const b = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '20-02-2027', huisnummer: '14', achternaam: 'Smit' }),
    )
    await close(t, b.caseId)
    t.clock.set('2027-02-28T10:00:00.000Z')
    await close(t, a.caseId)

    // 31 August minus six months is 28 February (not 3 March, which SQLite's plain date() gave).
    t.clock.set('2027-08-31T09:30:00.000Z')
    const c = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '30-08-2027', partnerType: 'Energie' }),
    )
    expect(c.newCase).toBe(true)
    expect((await t.call('dossier.get', { caseId: c.caseId })).vorigeZaak).toMatchObject({
      caseId: a.caseId,
      geslotenOp: '2027-02-28',
    })
    expect((await row(t, c.caseId)).eerderBekend).toBe(true)
    // Closed on the 26th: before the window on either store.
    const d = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '30-08-2027', huisnummer: '14', achternaam: 'Smit', partnerType: 'Energie' }),
    )
    expect(d.newCase).toBe(true)
    expect((await t.call('dossier.get', { caseId: d.caseId })).vorigeZaak).toBeNull()
  })

  it('keeps "niet benaderen": the new case of a flagged household is flagged and out of Vandaag', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const a = await t.call('signals.createManual', signal())
    await t.call('ladder.setDoNotApproach', {
      versie: await t.versie(a.caseId),
      caseId: a.caseId,
      nietBenaderen: true,
      reden: 'Wil geen contact meer.',
    })
    await close(t, a.caseId)
    t.clock.advanceDays(14)
    const b = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '20-11-2026', partnerType: 'Zorg' }),
    )
    expect(b.newCase).toBe(true)
    const zaak = await t.db
      .selectFrom('vroegsignaalzaak')
      .select(['niet_benaderen', 'plan_datum'])
      .where('id', '=', b.caseId)
      .executeTakeFirstOrThrow()
    expect(zaak).toEqual({ niet_benaderen: 1, plan_datum: null })
    expect(await t.call('ladder.plan', { caseId: b.caseId })).toMatchObject({
      nietBenaderen: true,
      nietBenaderenReden: 'Wil geen contact meer.',
      stap: null,
    })
    const r = await row(t, b.caseId)
    expect(r).toMatchObject({ nietBenaderen: true, eerderBekend: true, volgendeStap: null })
    expect((await t.call('ladder.today', {})).totaal).toBe(0)
    expect((await t.call('dossier.get', { caseId: b.caseId })).vorigeZaak?.caseId).toBe(a.caseId)
  })
})
