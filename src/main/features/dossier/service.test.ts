import { describe, expect, it } from 'vitest'
import { importFile, setUpTeam, signal, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

async function withCase() {
  const t = await testApp()
  const { team, me } = await setUpTeam(t)
  const created = await t.call('signals.createManual', signal())
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  return { t, me, caseId: created.caseId, member }
}

async function close(t: T, caseId: number, on = '2026-06-01') {
  await t.db
    .updateTable('vroegsignaalzaak')
    .set({
      status: 'gesloten',
      is_open: 0,
      resultaat: 'Definitief geen contact kunnen krijgen',
      gesloten_op: on,
    })
    .where('id', '=', caseId)
    .execute()
}

const auditActions = async (t: T, caseId: number) =>
  await t.db
    .selectFrom('audit_log')
    .select(['action', 'user_id'])
    .where('entity_type', '=', 'zaak')
    .where('entity_id', '=', caseId)
    .orderBy('id')
    .execute()

describe('dossier', () => {
  it('shows in the logboek when its signals were read in, and by whom (one entry per import file)', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const csv =
      'ID;Soort;Bedrag;Signaaldatum;Voorletters;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode\n' +
      'VPS-1;Huur;450;02-11-2026;J.;Berg;12-03-1984;Markt;1;6041AB\n' +
      'VPS-2;Energie;120;02-11-2026;P.;Vos;01-01-1970;Markt;3;6041AB\n'
    const { summary } = await importFile(t, 'november.csv', csv)
    const [first, second] = await t.call('intake.importSignals', { importId: summary.importId! })
    const d = await t.call('dossier.get', { caseId: first!.caseId! })
    const read = d.logboek.filter((e) => e.actie.startsWith('signalen ingelezen'))
    expect(read).toHaveLength(1)
    expect(read[0]!.door).toBe('Anouk Peeters')
    expect(read[0]!.actie).toContain('november.csv')
    // Another case of the same file shows the same entry; a case entered by hand shows none.
    const other = await t.call('dossier.get', { caseId: second!.caseId! })
    expect(other.logboek.some((e) => e.actie.startsWith('signalen ingelezen'))).toBe(true)
    const byHand = await t.call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '9' }))
    const own = await t.call('dossier.get', { caseId: byHand.caseId })
    expect(own.logboek.some((e) => e.actie.startsWith('signalen ingelezen'))).toBe(false)
  })

  it('shows the case and records every view in the audit trail, attributed to the user', async () => {
    const { t, me, caseId } = await withCase()
    const d = await t.call('dossier.get', { caseId })
    expect(d).toMatchObject({
      caseNumber: 'LA-2026-00001',
      status: 'nieuw',
      datumOpgepakt: '2026-11-10',
      wijk: { naam: 'Centrum' },
      consulent: { naam: 'Anouk Peeters' },
      adres: { straat: 'Kapellerlaan', huisnummer: '12', postcode: '6041 AB', plaats: 'Roermond' },
      eerderBekend: [],
    })
    expect(d.bewoners).toHaveLength(1)
    expect(d.bewoners[0]).toMatchObject({
      naam: 'J. van der Berg',
      geboortedatum: '1984-03-12',
      telefoon: '0611223344',
      heeftBsn: false,
    })
    expect(d.signalen[0]).toMatchObject({
      partnerType: 'Huur',
      bedragCents: 45_000,
      inDezeZaak: true,
      warmeOverdracht: true,
    })
    expect(d.logboek[0]!.actie).toBe('bekeken: Dossier geopend')
    expect(d.logboek[0]!.door).toBe('Anouk Peeters')

    await t.call('dossier.get', { caseId })
    const trail = await auditActions(t, caseId)
    expect(trail.map((a) => a.action)).toEqual(['zaak geopend', 'bekeken', 'bekeken'])
    expect(trail.slice(1).every((a) => a.user_id === me.id)).toBe(true)
  })

  it('does not record a view of a case that does not exist', async () => {
    const { t } = await withCase()
    const before = (await t.db.selectFrom('audit_log').select('id').execute()).length
    const res = await t.raw('dossier.get', { caseId: 4242 })
    expect(res.ok).toBe(false)
    expect((await t.db.selectFrom('audit_log').select('id').execute()).length).toBe(before)
  })

  it('adds a note, newest first, with who wrote it', async () => {
    const { t, caseId } = await withCase()
    await t.call('dossier.addNote', { caseId, tekst: 'Gebeld, geen gehoor.' })
    const d = await t.call('dossier.addNote', { caseId, tekst: '  Bewoner belde terug.  ' })
    expect(d.notities.map((n) => n.tekst)).toEqual(['Bewoner belde terug.', 'Gebeld, geen gehoor.'])
    expect(d.notities[0]!.door).toBe('Anouk Peeters')
    expect(d.notities[0]!.op).toBe('2026-11-10T09:30:00.000Z')
    expect((await auditActions(t, caseId)).filter((a) => a.action === 'notitie')).toHaveLength(2)
    const missing = await t.raw('dossier.addNote', { caseId: 999, tekst: 'x' })
    expect(missing.ok).toBe(false)
    expect((await t.db.selectFrom('note').select('id').execute()).length).toBe(2)
  })

  it('assigns the case to another consulent, or to nobody', async () => {
    const { t, caseId, member } = await withCase()
    const d = await t.call('dossier.assign', {
      versie: await t.versie(caseId),
      caseId,
      consulentId: member('Sem Janssen'),
    })
    expect(d.consulent?.naam).toBe('Sem Janssen')
    expect(d.logboek[0]!.actie).toBe('toegewezen: Toegewezen aan Sem Janssen')
    expect(await (await t.call('caseload.list', { consulent: member('Sem Janssen') })).total).toBe(1)
    const none = await t.call('dossier.assign', { versie: await t.versie(caseId), caseId, consulentId: null })
    expect(none.consulent).toBeNull()
    expect((await t.call('caseload.list', { consulent: 'geen' })).total).toBe(1)
  })

  it('refuses to assign to someone who is no active consulent, and changes nothing', async () => {
    const { t, caseId, member } = await withCase()
    for (const consulentId of [member('Fatima El Idrissi'), 999]) {
      const res = await t.raw('dossier.assign', { versie: await t.versie(caseId), caseId, consulentId })
      expect(res.ok).toBe(false)
      if (!res.ok) {
        expect(res.error.code).toBe('validation')
        expect(res.error.message).toBe('Kies een actieve consulent.')
        expect(res.error.fields).toEqual({ consulentId: 'Kies een actieve consulent.' })
      }
    }
    const zaak = await t.db
      .selectFrom('vroegsignaalzaak')
      .select('consulent_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(zaak.consulent_id).toBe(member('Anouk Peeters'))
    expect((await auditActions(t, caseId)).some((a) => a.action === 'toegewezen')).toBe(false)
  })
})

describe('eerder bekend', () => {
  it('shows an earlier case of the same address, with its signals and result', async () => {
    const { t, caseId: first } = await withCase()
    await close(t, first)
    const second = await t.call('signals.createManual', signal({ partnerType: 'Zorg', bedrag: '120' }))
    const d = await t.call('dossier.get', { caseId: second.caseId })
    expect(d.eerderBekend).toHaveLength(1)
    expect(d.eerderBekend[0]).toMatchObject({
      caseId: first,
      caseNumber: 'LA-2026-00001',
      reden: 'adres',
      status: 'gesloten',
      gesloten: '2026-06-01',
      resultaat: 'Definitief geen contact kunnen krijgen',
      consulentNaam: 'Anouk Peeters',
      signalen: [{ partnerType: 'Huur', bedragCents: 45_000, signaaldatum: '2026-11-05' }],
    })
    // The address's signals: this case's and the earlier one's
    expect(d.signalen.map((s) => [s.partnerType, s.inDezeZaak, s.caseNumber])).toEqual([
      ['Zorg', true, 'LA-2026-00002'],
      ['Huur', false, 'LA-2026-00001'],
    ])
    // And the other way round: the closed case knows the new one
    const old = await t.call('dossier.get', { caseId: first })
    expect(old.eerderBekend.map((e) => e.caseId)).toEqual([second.caseId])
  })

  it('recognises the same person (surname and birth date) at another address', async () => {
    const { t, caseId: first } = await withCase()
    await close(t, first)
    const moved = await t.call(
      'signals.createManual',
      signal({
        // Another address in Anouk's own wijk (Centrum, 6041), so she may open both cases
        postcode: '6041 CX',
        huisnummer: '3',
        tussenvoegsel: '',
        achternaam: 'van der Berg',
        voorletters: 'Jan',
      }),
    )
    const namesake = await t.call(
      'signals.createManual',
      signal({ postcode: '6041 DA', huisnummer: '9', geboortedatum: '13-03-1984' }),
    )
    const d = await t.call('dossier.get', { caseId: moved.caseId })
    expect(d.eerderBekend.map((e) => [e.caseId, e.reden])).toEqual([[first, 'persoon']])
    // Signals of the other address are not this household's
    expect(d.signalen).toHaveLength(1)
    // Same surname, another birth date: someone else
    const other = await t.call('dossier.get', { caseId: namesake.caseId })
    expect(other.eerderBekend).toEqual([])
  })

  it('prefers "adres" when a case is linked both ways, and lists newest first', async () => {
    const t = await testApp()
    await setUpTeam(t)
    t.clock.set('2026-03-01T09:00:00Z')
    const a = await t.call('signals.createManual', signal())
    await close(t, a.caseId, '2026-04-01')
    t.clock.set('2026-07-01T09:00:00Z')
    const b = await t.call('signals.createManual', signal({ partnerType: 'Water' }))
    await close(t, b.caseId, '2026-08-01')
    t.clock.set('2026-11-10T09:30:00Z')
    const c = await t.call('signals.createManual', signal({ partnerType: 'Zorg' }))
    const d = await t.call('dossier.get', { caseId: c.caseId })
    expect(d.eerderBekend.map((e) => [e.caseId, e.reden, e.geopendOp])).toEqual([
      [b.caseId, 'adres', '2026-07-01'],
      [a.caseId, 'adres', '2026-03-01'],
    ])
  })
})
