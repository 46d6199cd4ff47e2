import { describe, expect, it } from 'vitest'
import type { Breakdown } from '@shared/api/monitor'
import { OCTOBER, octoberTeam, settingsInput } from '../../test/monitor-data'

const row = (b: Breakdown[], tabel: string, key: string) => {
  const r = b.find((x) => x.key === tabel)!.rows.find((x) => x.key === key)
  if (!r) throw new Error(`no row ${tabel}/${key}`)
  return { teller: r.teller, noemer: r.noemer, pct: r.pct, ...(r.extra ?? {}) }
}

describe('monitor figures on a hand-built October', () => {
  it('counts signals received, followed up and not followed up by signal date', async () => {
    const { t } = await octoberTeam()
    const d = await t.call('monitor.dashboard', { van: '01-10-2026', tot: '31-10-2026' })
    expect(d.van).toBe('2026-10-01')
    // A, B x3, C, D, F, G (dated 30 October, taken in in November); not E (September)
    expect(d.ontvangen).toBe(8)
    expect(d.doorgezet).toBe(7)
    expect(d.nietDoorgezet.find((n) => n.status === 'Niet opgepakt: onterecht signaal')!.aantal).toBe(1)
    expect(d.nietDoorgezet.reduce((a, n) => a + n.aantal, 0)).toBe(1)
  })

  it('computes reach, help accepted and time to first contact over the cases of the period', async () => {
    const { t } = await octoberTeam()
    const d = await t.call('monitor.dashboard', OCTOBER)
    // A, B, C, D and G (its signal is of 30 October, taken in on 2 November): a case counts in the
    // month of its signal. Not E (September), not F (not followed up).
    expect(d.opgepakt).toBe(5)
    expect(d.bereik).toEqual({ teller: 2, noemer: 5, pct: 40, landelijk: 19 })
    expect(d.hulp).toEqual({ teller: 1, noemer: 2, pct: 50, landelijk: 35 })
    // A: picked up 5 October, first reached 10 October (5 days); B: the same day (0)
    expect(d.dagenTotContact).toEqual({ mediaan: 2.5, aantal: 2 })
    expect(d.perMaand).toEqual([{ maand: '2026-10', teller: 2, noemer: 5, pct: 40 }])
    expect(d.referentieBron).toBe('Divosa Monitor Vroegsignalering 2023')
  })

  it('breaks reach down by channel, with the channel that reached and made first contact', async () => {
    const { t } = await octoberTeam()
    const b = (await t.call('monitor.dashboard', OCTOBER)).breakdowns
    // Phone tried in A, B, D; A and B reached; phone reached in A (second contact) and B; first contact only B
    expect(row(b, 'kanaal', 'Telefoon')).toEqual({ teller: 2, noemer: 3, pct: 66.7, viaDeze: 2, eerste: 1 })
    expect(row(b, 'kanaal', 'Huisbezoek')).toEqual({ teller: 1, noemer: 1, pct: 100, viaDeze: 1, eerste: 1 })
    expect(row(b, 'kanaal', 'SMS/Whatsapp')).toEqual({
      teller: 1,
      noemer: 1,
      pct: 100,
      viaDeze: 0,
      eerste: 0,
    })
    expect(row(b, 'kanaal', 'Brief')).toEqual({ teller: 0, noemer: 1, pct: 0, viaDeze: 0, eerste: 0 })
    expect(row(b, 'kanaal', 'Mail')).toEqual({ teller: 0, noemer: 0, pct: null, viaDeze: 0, eerste: 0 })
    expect(b.find((x) => x.key === 'kanaal')!.rows.find((r) => r.key === 'Telefoon')!.landelijk).toBe(50)
  })

  it('breaks reach down by age, amount, arrears type, crisis, attempts and part of day', async () => {
    const { t } = await octoberTeam()
    const b = (await t.call('monitor.dashboard', OCTOBER)).breakdowns
    expect(row(b, 'leeftijd', '26-35')).toMatchObject({ teller: 1, noemer: 1 }) // B, 26
    expect(row(b, 'leeftijd', '36-45')).toMatchObject({ teller: 1, noemer: 2 }) // A, G: 42
    expect(row(b, 'leeftijd', '56-66')).toMatchObject({ teller: 0, noemer: 1 }) // D, 56
    expect(row(b, 'leeftijd', '67+')).toMatchObject({ teller: 0, noemer: 1 }) // C, 76
    expect(row(b, 'leeftijd', '18-25')).toMatchObject({ teller: 0, noemer: 0 })
    // B's three signals add up to 350.50, A 450: both 250-500
    expect(row(b, 'bedrag', '250-500')).toMatchObject({ teller: 2, noemer: 2 })
    expect(row(b, 'bedrag', '<100')).toMatchObject({ teller: 0, noemer: 1 })
    expect(row(b, 'bedrag', '100-250')).toMatchObject({ teller: 0, noemer: 1 }) // G, 120
    expect(row(b, 'bedrag', '1000-2000')).toMatchObject({ teller: 0, noemer: 1 })
    expect(row(b, 'bedrag', '2000+')).toMatchObject({ teller: 0, noemer: 0 })
    // B has three partner types: meervoudig, not counted under Zorg, Energie or Water
    expect(row(b, 'soort', 'meervoudig')).toMatchObject({ teller: 1, noemer: 1 })
    expect(row(b, 'soort', 'Huur')).toMatchObject({ teller: 1, noemer: 1 })
    expect(row(b, 'soort', 'Zorg')).toMatchObject({ teller: 0, noemer: 1 })
    expect(row(b, 'soort', 'Energie')).toMatchObject({ teller: 0, noemer: 1 })
    expect(row(b, 'soort', 'Water')).toMatchObject({ teller: 0, noemer: 1 }) // G only: B's water is meervoudig
    expect(b.find((x) => x.key === 'soort')!.rows.some((r) => r.key === 'DUO')).toBe(false)
    expect(row(b, 'crisis', 'ja')).toMatchObject({ teller: 1, noemer: 2 }) // B, D
    expect(row(b, 'crisis', 'nee')).toMatchObject({ teller: 1, noemer: 3 }) // A, C, G
    expect(row(b, 'pogingen', '0')).toMatchObject({ teller: 0, noemer: 2 }) // C, G: no attempts
    expect(row(b, 'pogingen', '1-2')).toMatchObject({ teller: 1, noemer: 1 }) // B
    expect(row(b, 'pogingen', '3')).toMatchObject({ teller: 0, noemer: 1 }) // D
    expect(row(b, 'pogingen', '4+')).toMatchObject({ teller: 1, noemer: 1 }) // A, reached twice
    // Part of day of the first reaching attempt, as a share of the reached cases
    expect(row(b, 'dagdeel', 'Middag')).toMatchObject({ teller: 1, noemer: 2 }) // A's home visit
    expect(row(b, 'dagdeel', 'Avond')).toMatchObject({ teller: 1, noemer: 2 }) // B's call
    expect(row(b, 'dagdeel', 'Ochtend')).toMatchObject({ teller: 0, noemer: 2 })
  })

  it('breaks reach down by wijk and consulent, with help accepted', async () => {
    const { t } = await octoberTeam()
    const d = await t.call('monitor.dashboard', OCTOBER)
    const label = (tabel: string) =>
      Object.fromEntries(
        d.breakdowns
          .find((x) => x.key === tabel)!
          .rows.map((r) => [r.label, [r.teller, r.noemer, r.extra?.hulp]]),
      )
    expect(label('wijk')).toEqual({
      Centrum: [1, 3, 1],
      Donderberg: [0, 1, 0],
      'Kapel in het Zand': [1, 1, 0],
    })
    expect(label('consulent')).toEqual({ 'Anouk Peeters': [1, 3, 1], 'Sem Janssen': [1, 2, 0] })
  })

  it('lists exactly the cases behind a number', async () => {
    const { t, ids } = await octoberTeam()
    const cases = async (tabel: string, groep: string, wat: 'opgepakt' | 'bereikt' | 'hulp') =>
      (await t.call('monitor.cases', { ...OCTOBER, tabel, groep, wat })).rows.map((r) => r.id).sort()
    expect(await cases('totaal', 'alle', 'opgepakt')).toEqual([ids.A, ids.B, ids.C, ids.D, ids.G].sort())
    expect(await cases('kanaal', 'Telefoon', 'bereikt')).toEqual([ids.A, ids.B].sort())
    expect(await cases('totaal', 'alle', 'hulp')).toEqual([ids.A])
    expect(await cases('pogingen', '0', 'opgepakt')).toEqual([ids.C, ids.G].sort())
    const list = await t.call('monitor.cases', {
      ...OCTOBER,
      tabel: 'soort',
      groep: 'meervoudig',
      wat: 'opgepakt',
    })
    expect(list.titel).toContain('Meervoudig')
    expect(list.rows[0]).toMatchObject({
      id: ids.B,
      naam: expect.stringContaining('Bos'),
      bereikt: true,
      pogingen: 1,
    })
  })

  it('follows every later change, and keeps frozen facts when personal data are deleted', async () => {
    const { t, ids, attempt } = await octoberTeam()
    expect((await t.call('monitor.dashboard', OCTOBER)).bereik.teller).toBe(2)
    // A new attempt in C, written by any path, is picked up by the triggers
    await attempt(ids.C, 'Telefoon', true, '2026-10-25', 'Ochtend')
    expect((await t.call('monitor.dashboard', OCTOBER)).bereik).toMatchObject({ teller: 3, noemer: 5 })

    // Retention (later) freezes the facts, then deletes the case and everything personal in it.
    await t.db
      .updateTable('monitor_case_fact' as never)
      .set({ frozen: 1 } as never)
      .execute()
    await t.db
      .updateTable('monitor_signal_fact' as never)
      .set({ frozen: 1 } as never)
      .execute()
    await t.db.deleteFrom('contactpoging').where('case_id', '=', ids.A).execute()
    await t.db.deleteFrom('vroegsignaal').where('case_id', '=', ids.A).execute()
    await t.db.deleteFrom('vroegsignaalzaak').where('id', '=', ids.A).execute()
    const after = await t.call('monitor.dashboard', OCTOBER)
    expect(after.ontvangen).toBe(8)
    expect(after.bereik).toMatchObject({ teller: 3, noemer: 5 })
    expect(after.hulp).toMatchObject({ teller: 1, noemer: 3 })
    const list = await t.call('monitor.cases', { ...OCTOBER, tabel: 'totaal', groep: 'alle', wat: 'hulp' })
    expect(list.rows).toEqual([expect.objectContaining({ id: ids.A, naam: 'Gegevens verwijderd' })])
  })

  it('uses the configured age and amount bands and the edited national figures', async () => {
    const { t } = await octoberTeam()
    const s = await t.call('monitor.settings', {})
    expect(s.leeftijdsgrenzen).toEqual([25, 35, 45, 55, 66])
    await t.call(
      'monitor.saveSettings',
      settingsInput(s, {
        leeftijdsgrenzen: [30, 60],
        bedraggrenzen: [400],
        referenties: s.referenties.map((r) =>
          r.key === 'bereik' ? { ...r, percentage: 21, jaar: 2024 } : r,
        ),
      }),
    )
    const d = await t.call('monitor.dashboard', OCTOBER)
    expect(d.bereik.landelijk).toBe(21)
    expect(d.breakdowns.find((b) => b.key === 'leeftijd')!.rows.map((r) => [r.key, r.noemer])).toEqual([
      ['18-30', 1],
      ['31-60', 3],
      ['61+', 1],
      ['onbekend', 0],
    ])
    expect(row(d.breakdowns, 'bedrag', '<400')).toMatchObject({ teller: 1, noemer: 3 }) // B 351, C 80, G 120
    expect(row(d.breakdowns, 'bedrag', '400+')).toMatchObject({ teller: 1, noemer: 2 }) // A 450, D 1500
    const bad = await t.raw('monitor.saveSettings', settingsInput(s, { leeftijdsgrenzen: [40, 30] }))
    expect(bad).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('van laag naar hoog') },
    })
  })
})
