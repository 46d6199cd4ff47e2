import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

async function team() {
  const t = await testApp()
  await setUpTeam(t)
  return t
}

const count = async (t: T, table: 'household' | 'resident' | 'vroegsignaalzaak' | 'vroegsignaal') =>
  (await t.db.selectFrom(table).select('id').execute()).length

async function closeCase(t: T, caseId: number) {
  await t.db
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'gesloten',
      is_open: 0,
      resultaat: '(Budget)advies en/of quick fix',
      gesloten_op: '2026-11-09',
    })
    .where('id', '=', caseId)
    .execute()
}

describe('household matching on address', () => {
  it.each(['6041ab', '6041 AB', ' 6041aB ', '6041  ab'])(
    'normalises postcode "%s" to the same household',
    async (pc) => {
      const t = await team()
      const a = await t.call('signals.createManual', signal({ postcode: '6041AB' }))
      const b = await t.call('signals.createManual', signal({ postcode: pc, partnerType: 'Water' }))
      expect(b.newHousehold).toBe(false)
      expect(b.newCase).toBe(false)
      expect(b.caseId).toBe(a.caseId)
      expect(await count(t, 'household')).toBe(1)
    },
  )

  it('treats "12a", "12 A", "12-a" and "12" with addition "A" as one household', async () => {
    const t = await team()
    const a = await t.call('signals.createManual', signal({ huisnummer: '12a' }))
    for (const [huisnummer, toevoeging] of [
      ['12 A', ''],
      ['12-a', ''],
      ['12', 'A'],
      ['12', '-a'],
    ] as const) {
      const b = await t.call(
        'signals.createManual',
        signal({ huisnummer, toevoeging, partnerType: 'Energie' }),
      )
      expect(b.caseId).toBe(a.caseId)
      expect(b.newHousehold).toBe(false)
    }
    expect(await count(t, 'household')).toBe(1)
    const page = await t.call('caseload.list', {})
    expect(page.rows[0]!.adres).toBe('Kapellerlaan 12A')
    expect(page.rows[0]!.signalen).toBe(5)
  })

  it('keeps "12" and "12a" apart, and another house number or postcode too', async () => {
    const t = await team()
    const a = await t.call('signals.createManual', signal({ huisnummer: '12' }))
    const b = await t.call('signals.createManual', signal({ huisnummer: '12a' }))
    const c = await t.call('signals.createManual', signal({ huisnummer: '14' }))
    const d = await t.call('signals.createManual', signal({ huisnummer: '12', postcode: '6041AC' }))
    expect(new Set([a.caseId, b.caseId, c.caseId, d.caseId]).size).toBe(4)
    expect([b, c, d].every((r) => r.newHousehold && r.newCase)).toBe(true)
    expect(await count(t, 'household')).toBe(4)
  })

  it('opens a new case for the address once the earlier one is closed, and checkAddress says so', async () => {
    const t = await team()
    const a = await t.call('signals.createManual', signal())
    const open = await t.call('signals.checkAddress', {
      postcode: '6041 AB',
      huisnummer: '12',
      toevoeging: '',
    })
    expect(open.openCase?.id).toBe(a.caseId)
    expect(open.earlierCases).toBe(0)
    expect(open.consulentNaam).toBe('Anouk Peeters')

    await closeCase(t, a.caseId)
    const afterClose = await t.call('signals.checkAddress', {
      postcode: '6041AB',
      huisnummer: '12',
      toevoeging: '',
    })
    expect(afterClose.openCase).toBeNull()
    expect(afterClose.earlierCases).toBe(1)

    const b = await t.call('signals.createManual', signal({ partnerType: 'Zorg' }))
    expect(b.newCase).toBe(true)
    expect(b.newHousehold).toBe(false)
    expect(b.caseId).not.toBe(a.caseId)
    expect(b.caseNumber).toBe('LA-2026-00002')
    expect(await count(t, 'household')).toBe(1)
    // The closed case keeps its own signal; the new case starts with one
    const closed = await t.db
      .selectFrom('vroegsignaalzaak')
      .selectAll()
      .where('id', '=', a.caseId)
      .executeTakeFirstOrThrow()
    expect(closed.signal_count).toBe(1)
    expect(closed.is_open).toBe(0)
    const page = await t.call('caseload.list', {})
    expect(page.rows.map((r) => r.id)).toEqual([b.caseId])
  })

  it('refuses a signal whose partner reference was taken in before, and stores nothing', async () => {
    const t = await team()
    const first = signal()
    first.signaal.externId = 'VPS-2026-001'
    await t.call('signals.createManual', first)
    const res = await t.raw('signals.createManual', { ...first, adres: { ...first.adres, huisnummer: '99' } })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.message).toMatch(/al een signaal met kenmerk VPS-2026-001/)
    expect(await count(t, 'household')).toBe(1)
    expect(await count(t, 'vroegsignaal')).toBe(1)
  })
})

describe('resident matching within a household', () => {
  it('finds the same resident by surname key and birth date, however the name is written', async () => {
    const t = await team()
    const a = await t.call(
      'signals.createManual',
      signal({ tussenvoegsel: 'van der', achternaam: 'Berg', voorletters: 'J.' }),
    )
    await t.call(
      'signals.createManual',
      signal({ tussenvoegsel: '', achternaam: 'van der Berg', voorletters: 'jan', partnerType: 'Zorg' }),
    )
    await t.call(
      'signals.createManual',
      signal({ tussenvoegsel: 'Van Der', achternaam: 'BERG', voorletters: 'J', partnerType: 'Water' }),
    )
    expect(await count(t, 'resident')).toBe(1)
    const page = await t.call('caseload.list', {})
    expect(page.rows[0]!.naam).toBe('J. van der Berg')
    expect(page.rows[0]!.signalen).toBe(3)
    expect(page.rows[0]!.id).toBe(a.caseId)
  })

  it('adds a second resident for another birth date or another surname, and names the case "e.a."', async () => {
    const t = await team()
    await t.call('signals.createManual', signal())
    await t.call(
      'signals.createManual',
      signal({ voorletters: 'M.', geboortedatum: '01-01-1986', partnerType: 'Energie' }),
    )
    await t.call(
      'signals.createManual',
      signal({ tussenvoegsel: '', achternaam: 'Çelik', voorletters: 'E.', geboortedatum: '12-03-1984' }),
    )
    expect(await count(t, 'resident')).toBe(3)
    expect(await count(t, 'vroegsignaalzaak')).toBe(1)
    const page = await t.call('caseload.list', {})
    expect(page.rows[0]!.naam).toBe('J. van der Berg e.a.')
  })

  it('matches on the first initial when a birth date is missing, and keeps the phone number up to date', async () => {
    const t = await team()
    await t.call('signals.createManual', signal())
    const noBirth = signal({ voorletters: 'J.P.', geboortedatum: '' })
    noBirth.bewoner.telefoon = '06 99887766'
    await t.call('signals.createManual', noBirth)
    await t.call('signals.createManual', signal({ voorletters: 'K.', geboortedatum: '' }))
    const residents = await t.db.selectFrom('resident').selectAll().orderBy('id').execute()
    expect(residents).toHaveLength(2)
    expect(residents[0]!.telefoon).toBe('0699887766')
    expect(residents[0]!.geboortedatum).toBe('1984-03-12')
    expect(residents[1]!.voorletters).toBe('K.')
  })
})
