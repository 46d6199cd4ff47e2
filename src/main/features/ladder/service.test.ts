import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'

// 2026-11-10 09:30 UTC is a Tuesday morning in Roermond (10:30 local).
async function withCase() {
  const t = await testApp()
  const { team, me } = await setUpTeam(t)
  const created = await t.call('signals.createManual', signal())
  return { t, team, me, caseId: created.caseId }
}

describe('ladder service', () => {
  it('plans the first call on intake and moves the plan on with each attempt, WhatsApp kept apart from SMS', async () => {
    const { t, me, caseId } = await withCase()
    let plan = await t.call('ladder.plan', { caseId })
    expect(plan).toMatchObject({
      stap: 'bellen',
      poging: 1,
      pogingen: 3,
      datum: '2026-11-10',
      status: 'nieuw',
    })
    let today = await t.call('ladder.today', {})
    expect(today.consulent.id).toBe(me.id)
    expect(today.groepen.map((g) => g.stap)).toEqual(['bellen'])
    expect(today.groepen[0]!.items[0]).toMatchObject({ caseId, telefoon: '0611223344', telaat: false })

    const r = await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
    })
    expect(r.plan).toMatchObject({
      stap: 'bellen',
      poging: 2,
      datum: '2026-11-11',
      dagdeel: 'Middag',
      status: 'in_behandeling',
    })
    expect(r.dossier.contactpogingen[0]).toMatchObject({
      soort: 'Telefoon',
      kanaal: 'telefoon',
      dagdeel: 'Ochtend',
      bereikt: false,
    })
    // Due tomorrow: no longer in today's list.
    today = await t.call('ladder.today', {})
    expect(today.totaal).toBe(0)

    const w = await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'whatsapp',
      bereikt: false,
      resultaat: 'Bericht gestuurd',
    })
    expect(w.dossier.contactpogingen[0]).toMatchObject({ soort: 'SMS/Whatsapp', kanaal: 'whatsapp' })
    expect(w.plan.stap).toBe('brief')
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'contactpoging')
      .execute()
    expect(audit).toHaveLength(2)
    plan = await t.call('ladder.plan', { caseId })
    for (const text of Object.values(plan.berichten)) expect(text.toLowerCase()).not.toContain('schuld')
    expect(plan.berichten.whatsapp).toContain('J. van der Berg')
    expect(plan.berichten.whatsapp).toContain('Anouk Peeters')
    expect(plan.berichten.whatsapp).toMatch(/06 ?12345678/)
  })

  it('closes a case with result, help and referral, reopens it within four weeks, and a new signal later starts a new case', async () => {
    const { t, caseId } = await withCase()
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: true,
      resultaat: 'Gesprek gevoerd',
    })
    const closed = await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Vervolghulp en/of verwijzing financieel',
      hulpAangeboden: true,
      hulpGeaccepteerd: true,
      verwijzing: 'Schuldhulpverlening (warme overdracht)',
      notitie: 'Overgedragen aan collega schuldhulp.',
    })
    expect(closed.dossier).toMatchObject({
      status: 'gesloten',
      geslotenOp: '2026-11-10',
      resultaat: 'Vervolghulp en/of verwijzing financieel',
    })
    expect(closed.plan).toMatchObject({
      open: false,
      stap: null,
      hulpAangeboden: true,
      hulpGeaccepteerd: true,
      heropenbaar: true,
    })
    const flag = await t.db.selectFrom('resident').select('has_open_case').executeTakeFirstOrThrow()
    expect(flag.has_open_case).toBe(0)
    await expect(
      t.call('ladder.logAttempt', {
        versie: await t.versie(caseId),
        caseId,
        kanaal: 'telefoon',
        bereikt: false,
      }),
    ).rejects.toThrow(/gesloten/)

    const reopened = await t.call('ladder.reopen', {
      versie: await t.versie(caseId),
      caseId,
      reden: 'Bewoner belde terug, wil toch hulp.',
    })
    expect(reopened.plan).toMatchObject({ open: true, stap: 'opvolgen', datum: '2026-11-10' })
    expect(reopened.dossier.resultaat).toBeNull()

    await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      hulpAangeboden: true,
      hulpGeaccepteerd: false,
    })
    t.clock.advanceDays(40)
    await expect(
      t.call('ladder.reopen', { versie: await t.versie(caseId), caseId, reden: 'te laat' }),
    ).rejects.toThrow(/niet meer heropend/)
    const next = await t.call(
      'signals.createManual',
      signal({ signaaldatum: '15-12-2026', partnerType: 'Energie' }),
    )
    expect(next.newCase).toBe(true)
    const d = await t.call('dossier.get', { caseId: next.caseId })
    expect(d.eerderBekend.map((e) => e.caseId)).toEqual([caseId])
    expect((await t.call('ladder.plan', { caseId: next.caseId })).stap).toBe('bellen')
  })

  it('honours "do not approach": out of today, no visits, inherited by a later case, and can be lifted', async () => {
    const { t, caseId } = await withCase()
    await expect(
      t.call('ladder.setDoNotApproach', {
        versie: await t.versie(caseId),
        caseId,
        nietBenaderen: true,
        reden: '',
      }),
    ).rejects.toThrow(/waarom/)
    const r = await t.call('ladder.setDoNotApproach', {
      versie: await t.versie(caseId),
      caseId,
      nietBenaderen: true,
      reden: 'Belde zelf: wil geen contact.',
    })
    expect(r.plan).toMatchObject({ nietBenaderen: true, stap: null })
    expect((await t.call('ladder.today', {})).totaal).toBe(0)
    const wijk = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!
    expect(await t.call('visits.candidates', { wijkId: wijk.id })).toEqual([])
    // A logged attempt (say the resident called) does not plan anything new.
    await t.call('ladder.logAttempt', {
      versie: await t.versie(caseId),
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
    })
    expect((await t.call('ladder.plan', { caseId })).datum).toBeNull()

    await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      hulpAangeboden: false,
      hulpGeaccepteerd: false,
    })
    t.clock.advanceDays(60)
    const later = await t.call('signals.createManual', signal({ signaaldatum: '01-01-2027' }))
    expect(await t.call('ladder.plan', { caseId: later.caseId })).toMatchObject({
      nietBenaderen: true,
      datum: null,
    })
    const lifted = await t.call('ladder.setDoNotApproach', {
      versie: await t.versie(later.caseId),
      caseId: later.caseId,
      nietBenaderen: false,
      reden: '',
    })
    expect(lifted.plan).toMatchObject({ nietBenaderen: false, stap: 'bellen', datum: '2027-01-11' })
  })

  it('lets only a kwaliteitsmedewerker change the ladder, and follows the changed ladder', async () => {
    const { t } = await withCase()
    const cfg = await t.call('ladder.config', {})
    const own = {
      ...cfg,
      stappen: [
        { soort: 'bericht' as const, wachtdagen: 0, pogingen: 1, dagdelen: ['Avond' as const] },
        ...cfg.stappen.filter((s) => s.soort !== 'bericht'),
      ],
    }
    await expect(t.call('ladder.saveConfig', own)).rejects.toThrow(/kwaliteitsmedewerker/)
    await signInAs(t, 'Fatima El Idrissi')
    await t.call('ladder.saveConfig', own)
    const c = await t.call('signals.createManual', signal({ postcode: '6041 CD', huisnummer: '3' }))
    expect(await t.call('ladder.plan', { caseId: c.caseId })).toMatchObject({
      stap: 'bericht',
      kanaal: 'whatsapp',
    })
  })
})
