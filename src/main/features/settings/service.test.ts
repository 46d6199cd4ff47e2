import { describe, expect, it } from 'vitest'
import { ROERMOND_SETUP, setUpTeam, signal, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

async function team() {
  const t = await testApp()
  // Settings are the kwaliteitsmedewerker's and beheerder's work (checked in main).
  const { team, me } = await setUpTeam(t, 'Bert Smeets')
  const settings = await t.call('settings.get', {})
  return {
    t,
    me,
    member: (naam: string) => team.find((m) => m.naam === naam)!.id,
    wijk: (naam: string) => settings.wijken.find((w) => w.naam === naam)!.id,
  }
}

const snapshot = async (t: T) => {
  const s = await t.call('settings.get', {})
  return { wijken: s.wijken, medewerkers: s.medewerkers }
}

async function refused(t: T, method: string, input: unknown, code: string, message: RegExp) {
  const before = await snapshot(t)
  const res = await t.raw(method, input)
  expect(res.ok).toBe(false)
  if (!res.ok) {
    expect(res.error.code).toBe(code)
    expect(res.error.message).toMatch(message)
  }
  expect(await snapshot(t)).toEqual(before)
  return res
}

describe('team details', () => {
  it('takes the municipal 14-number or a service number as the general number', async () => {
    const { t } = await team()
    for (const telefoon of ['14 0475', '14 020', '0800 1234']) {
      await t.call('settings.saveTeam', { ...ROERMOND_SETUP.team, telefoon })
      expect((await t.call('settings.get', {})).team?.telefoon).toBe(telefoon)
    }
    expect(await t.raw('settings.saveTeam', { ...ROERMOND_SETUP.team, telefoon: '14 04' })).toMatchObject({
      ok: false,
      error: { fields: { telefoon: 'Algemeen telefoonnummer is niet geldig (bijvoorbeeld 06 12345678).' } },
    })
  })
})

describe('wijken', () => {
  it('adds and renames a wijk, with its postcode ranges', async () => {
    const { t, wijk } = await team()
    const added = await t.call('settings.saveWijk', { naam: 'Swalmen', postcodes: '6071-6077' })
    expect(added.wijken.find((w) => w.naam === 'Swalmen')?.postcodes).toEqual([
      { from: '6071AA', to: '6077ZZ' },
    ])
    const renamed = await t.call('settings.saveWijk', {
      id: wijk('Centrum'),
      naam: 'Binnenstad',
      postcodes: '6041',
    })
    expect(renamed.wijken.map((w) => w.naam)).toEqual([
      'Binnenstad',
      'Donderberg',
      'Kapel in het Zand',
      'Swalmen',
    ])
  })

  it.each(['Centrum', 'centrum', ' CENTRUM '])('refuses a second wijk named "%s"', async (naam) => {
    const { t } = await team()
    await refused(
      t,
      'settings.saveWijk',
      { naam, postcodes: '6071' },
      'conflict',
      /Er is al een wijk met de naam/,
    )
  })

  it('refuses a range that another wijk has exactly', async () => {
    const { t } = await team()
    const res = await refused(
      t,
      'settings.saveWijk',
      { naam: 'Binnenstad', postcodes: '6071, 6041' },
      'validation',
      /precies hetzelfde postcodegebied/,
    )
    if (!res.ok) expect(res.error.fields?.postcodes).toMatch(/hoort al bij een andere wijk/)
    // A narrower range inside it is fine: the narrowest wins
    await t.call('settings.saveWijk', { naam: 'Binnenstad', postcodes: '6041AA-6041BZ' })
  })

  it('refuses an unreadable range with a Dutch message', async () => {
    const { t } = await team()
    await refused(
      t,
      'settings.saveWijk',
      { naam: 'Swalmen', postcodes: '6077-6071' },
      'validation',
      /"6077-6071" is geen postcode of postcodegebied/,
    )
  })

  it('refuses to delete a wijk that has cases, and deletes one without', async () => {
    const { t, wijk, member } = await team()
    await t.call('signals.createManual', signal())
    await refused(
      t,
      'settings.deleteWijk',
      { id: wijk('Centrum') },
      'conflict',
      /De wijk Centrum heeft nog 1 zaak\./,
    )
    const after = await t.call('settings.deleteWijk', { id: wijk('Donderberg') })
    expect(after.wijken.map((w) => w.naam)).toEqual(['Centrum', 'Kapel in het Zand'])
    // Sem's link to the deleted wijk went with it
    expect(after.medewerkers.find((m) => m.id === member('Sem Janssen'))?.wijkIds).toEqual([
      wijk('Kapel in het Zand'),
    ])
    await refused(t, 'settings.deleteWijk', { id: wijk('Donderberg') }, 'not_found', /bestaat niet/)
  })

  it('counts a closed case too: its history must keep its wijk', async () => {
    const { t, wijk } = await team()
    const c = await t.call('signals.createManual', signal())
    await t.db
      .updateTable('vroegsignaalzaak')
      .set({ is_open: 0, status: 'gesloten' })
      .where('id', '=', c.caseId)
      .execute()
    await refused(t, 'settings.deleteWijk', { id: wijk('Centrum') }, 'conflict', /nog 1 zaak/)
  })
})

describe('medewerkers', () => {
  const fatima = { naam: 'Fatima El Idrissi', telefoon: '', email: 'f.elidrissi@roermond.nl', wijkIds: [] }

  it('cannot leave the team without an active kwaliteitsmedewerker', async () => {
    const { t, member } = await team()
    const id = member('Fatima El Idrissi')
    await refused(
      t,
      'settings.saveMedewerker',
      { ...fatima, id, rol: 'kwaliteitsmedewerker', actief: false },
      'conflict',
      /altijd een actieve kwaliteitsmedewerker/,
    )
    await refused(
      t,
      'settings.saveMedewerker',
      { ...fatima, id, rol: 'consulent' },
      'conflict',
      /altijd een actieve kwaliteitsmedewerker/,
    )
    // With a second one, the first may go
    await t.call('settings.saveMedewerker', {
      naam: 'Marloes Hendrikx',
      rol: 'kwaliteitsmedewerker',
      telefoon: '',
      email: '',
      wijkIds: [],
    })
    const after = await t.call('settings.saveMedewerker', {
      ...fatima,
      id,
      rol: 'kwaliteitsmedewerker',
      actief: false,
    })
    expect(after.medewerkers.find((m) => m.id === id)?.actief).toBe(false)
    expect((await t.call('session.team', {})).some((m) => m.id === id)).toBe(false)
  })

  it('cannot switch yourself off', async () => {
    const { t, me } = await team()
    await refused(
      t,
      'settings.saveMedewerker',
      {
        id: me.id,
        naam: 'Anouk Peeters',
        rol: 'consulent',
        telefoon: '',
        email: '',
        wijkIds: [],
        actief: false,
      },
      'conflict',
      /jezelf niet op inactief/,
    )
  })

  it('refuses a wijk that does not exist and an unknown medewerker', async () => {
    const { t } = await team()
    await refused(
      t,
      'settings.saveMedewerker',
      { naam: 'Bram', rol: 'consulent', telefoon: '', email: '', wijkIds: [999] },
      'validation',
      /wijk bestaat niet/,
    )
    await refused(
      t,
      'settings.saveMedewerker',
      { id: 999, naam: 'Bram', rol: 'consulent', telefoon: '', email: '', wijkIds: [] },
      'not_found',
      /medewerker bestaat niet/,
    )
    await refused(
      t,
      'settings.saveMedewerker',
      { naam: 'Bram', rol: 'directeur', telefoon: '', email: '', wijkIds: [] },
      'validation',
      /Kies een rol/,
    )
  })

  it('records changes in the audit trail, attributed to the user', async () => {
    const { t, me, wijk } = await team()
    await t.call('settings.saveMedewerker', {
      naam: 'Bram Smeets',
      rol: 'consulent',
      telefoon: '06 11112222',
      email: '',
      wijkIds: [wijk('Centrum')],
    })
    const row = await t.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      user_id: me.id,
      action: 'toegevoegd',
      entity_type: 'medewerker',
      summary: 'Medewerker Bram Smeets (consulent)',
    })
    const bram = (await t.call('settings.get', {})).medewerkers.find((m) => m.naam === 'Bram Smeets')!
    expect(bram).toMatchObject({ telefoon: '06 11112222', actief: true, wijkIds: [wijk('Centrum')] })
  })
})
