import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'
import { findSameRange, wijkForPostcode, type WijkRange } from './assignment'

const r = (wijkId: number, from: string, to: string): WijkRange => ({ wijkId, from, to })

describe('wijkForPostcode', () => {
  const ranges = [
    r(1, '6041AA', '6041ZZ'),
    r(2, '6041AB', '6041AZ'),
    r(3, '6042AA', '6045ZZ'),
    r(4, '6041AC', '6041AC'),
  ]

  it('finds the wijk of a PC4 range, including its first and last postcode', () => {
    expect(wijkForPostcode('6041AA', ranges)).toBe(1)
    expect(wijkForPostcode('6041ZZ', ranges)).toBe(1)
    expect(wijkForPostcode('6043KL', ranges)).toBe(3)
    expect(wijkForPostcode('6045ZZ', ranges)).toBe(3)
  })

  it('lets the narrowest range win where ranges overlap', () => {
    expect(wijkForPostcode('6041AB', ranges)).toBe(2)
    expect(wijkForPostcode('6041AZ', ranges)).toBe(2)
    expect(wijkForPostcode('6041AC', ranges)).toBe(4)
    expect(wijkForPostcode('6041BA', ranges)).toBe(1)
  })

  it('gives no wijk for a postcode outside every range', () => {
    expect(wijkForPostcode('6040ZZ', ranges)).toBeNull()
    expect(wijkForPostcode('6046AA', ranges)).toBeNull()
    expect(wijkForPostcode('1011AB', [])).toBeNull()
  })

  it('spots two wijken with the very same range, but not one wijk listing a range twice', () => {
    expect(findSameRange([r(1, '6041AA', '6041ZZ'), r(2, '6041AA', '6041ZZ')])).not.toBeNull()
    expect(findSameRange([r(1, '6041AA', '6041ZZ'), r(1, '6041AA', '6041ZZ')])).toBeNull()
    expect(findSameRange(ranges)).toBeNull()
  })
})

describe('assigning a new case to a wijk and a consulent', () => {
  async function team() {
    const t = await testApp()
    const { team } = await setUpTeam(t, 'Fatima El Idrissi')
    const settings = await t.call('settings.get', {})
    const wijk = (naam: string) => settings.wijken.find((w) => w.naam === naam)!.id
    const member = (naam: string) => team.find((m) => m.naam === naam)!.id
    return { t, wijk, member }
  }

  it('uses PC4 and PC6 ranges from the set-up; the narrowest wins', async () => {
    const { t } = await team()
    // Donderberg is "6044, 6045AA-6045ZZ"; Kapel in het Zand is "6042-6043"
    const a = await t.call('signals.createManual', signal({ postcode: '6045 XY', huisnummer: '1' }))
    expect(a.wijkNaam).toBe('Donderberg')
    expect(a.consulentNaam).toBe('Sem Janssen')
    const b = await t.call('signals.createManual', signal({ postcode: '6043 AA', huisnummer: '1' }))
    expect(b.wijkNaam).toBe('Kapel in het Zand')

    await t.call('settings.saveWijk', { naam: 'Kapellerlaan-Zuid', postcodes: '6041AB-6041AZ' })
    const c = await t.call('signals.createManual', signal({ postcode: '6041 AC', huisnummer: '2' }))
    expect(c.wijkNaam).toBe('Kapellerlaan-Zuid')
    // Nobody works the new wijk yet
    expect(c.consulentNaam).toBeNull()
    const d = await t.call('signals.createManual', signal({ postcode: '6041 BA', huisnummer: '2' }))
    expect(d.wijkNaam).toBe('Centrum')
    expect(d.consulentNaam).toBe('Anouk Peeters')
  })

  it('gives a postcode outside every wijk no wijk and no consulent', async () => {
    const { t } = await team()
    const a = await t.call('signals.createManual', signal({ postcode: '1011 AB' }))
    expect(a.wijkNaam).toBeNull()
    expect(a.consulentNaam).toBeNull()
    const check = await t.call('signals.checkAddress', {
      postcode: '9999 ZZ',
      huisnummer: '3',
      toevoeging: '',
    })
    expect(check).toEqual({ openCase: null, earlierCases: 0, wijkNaam: null, consulentNaam: null })
    const nobody = await t.call('caseload.list', { consulent: 'geen' })
    expect(nobody.rows.map((r) => r.id)).toEqual([a.caseId])
  })

  it('gives the case to the consulent of the wijk with the fewest open cases (ties: the first)', async () => {
    const { t, wijk, member } = await team()
    await t.call('signals.createManual', signal({ huisnummer: '1' }))
    await signInAs(t, 'Bert Smeets') // adding and changing colleagues is the beheerder's
    await t.call('settings.saveMedewerker', {
      naam: 'Bram Smeets',
      rol: 'consulent',
      telefoon: '',
      email: '',
      wijkIds: [wijk('Centrum')],
    })
    await signInAs(t, 'Fatima El Idrissi')
    const second = await t.call('signals.createManual', signal({ huisnummer: '2' }))
    expect(second.consulentNaam).toBe('Bram Smeets')
    // One each: the tie goes to the consulent who was there first
    const third = await t.call('signals.createManual', signal({ huisnummer: '3' }))
    expect(third.consulentNaam).toBe('Anouk Peeters')
    const fourth = await t.call('signals.createManual', signal({ huisnummer: '4' }))
    expect(fourth.consulentNaam).toBe('Bram Smeets')
    // A closed case no longer counts
    await t.db
      .updateTable('vroegsignaalzaak')
      .set({ is_open: 0, status: 'gesloten' })
      .where('consulent_id', '=', member('Anouk Peeters'))
      .execute()
    const fifth = await t.call('signals.createManual', signal({ huisnummer: '5' }))
    expect(fifth.consulentNaam).toBe('Anouk Peeters')
  })

  it('skips an inactive consulent and a team member who is no consulent', async () => {
    const { t, wijk, member } = await team()
    await signInAs(t, 'Bert Smeets') // adding and changing colleagues is the beheerder's
    await t.call('settings.saveMedewerker', {
      id: member('Fatima El Idrissi'),
      naam: 'Fatima El Idrissi',
      rol: 'kwaliteitsmedewerker',
      telefoon: '',
      email: 'f.elidrissi@roermond.nl',
      wijkIds: [wijk('Centrum')],
    })
    await signInAs(t, 'Fatima El Idrissi')
    await t.call('signals.createManual', signal({ huisnummer: '1' }))
    const s = await t.call('signals.createManual', signal({ huisnummer: '2' }))
    expect(s.consulentNaam).toBe('Anouk Peeters')

    // The beheerder switches Anouk off
    await signInAs(t, 'Bert Smeets') // adding and changing colleagues is the beheerder's
    await t.call('settings.saveMedewerker', {
      id: member('Anouk Peeters'),
      naam: 'Anouk Peeters',
      rol: 'consulent',
      telefoon: '06 12345678',
      email: 'a.peeters@roermond.nl',
      wijkIds: [wijk('Centrum')],
      actief: false,
    })
    await signInAs(t, 'Fatima El Idrissi')
    const after = await t.call('signals.createManual', signal({ huisnummer: '3' }))
    expect(after.wijkNaam).toBe('Centrum')
    expect(after.consulentNaam).toBeNull()
  })
})
