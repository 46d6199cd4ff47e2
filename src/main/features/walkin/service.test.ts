import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, testApp } from '../../test/fixtures'

describe('walk-in hour', () => {
  it('finds visitors by name, name with birth date, birth date, and postcode with house number', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const { caseId } = await t.call('signals.createManual', signal())
    for (const zoek of ['Berg', 'van der Berg 12-03-1984', '12-03-1984', '6041 AB 12', '6041AB'])
      expect(
        (await t.call('walkin.search', { zoek })).hits.map((h) => h.openCase?.id),
        zoek,
      ).toEqual([caseId])
    expect((await t.call('walkin.search', { zoek: 'Berg 01-01-1990' })).hits).toEqual([])
    expect((await t.call('walkin.search', { zoek: '12' })).uitleg).toMatch(/postcode/)
  })

  it('registers visitors with a short intake: an open case is reached, someone without a signal gets a case', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const { caseId } = await t.call('signals.createManual', signal())
    const hit = (await t.call('walkin.search', { zoek: '6041 AB 12' })).hits[0]!
    const intake = {
      watSpeelt: 'Huur twee maanden achter na ontslag.',
      rekeningen: 'Huur, energie',
      urgentie: 'ontruiming' as const,
      urgentieDatum: '01-12-2026',
      vervolgstap: 'Afspraak budgetcoach',
      vervolgDatum: '13-11-2026',
    }
    const r1 = await t.call('walkin.register', { residentId: hit.residentId, intake })
    expect(r1).toMatchObject({ caseId, nieuweZaak: false })
    expect(await t.call('ladder.plan', { caseId })).toMatchObject({
      stap: 'opvolgen',
      datum: '2026-11-13',
      bereikt: true,
      status: 'in_behandeling',
    })
    const d = await t.call('dossier.get', { caseId })
    expect(d.contactpogingen[0]).toMatchObject({ soort: 'Overige', kanaal: 'inloop', bereikt: true })
    expect(d.notities[0]!.tekst).toContain('Ontruiming dreigt op 01-12-2026')

    await expect(
      t.call('walkin.register', { residentId: hit.residentId, intake: { ...intake, urgentieDatum: '' } }),
    ).rejects.toThrow(/datum van de ontruiming/)
    const r2 = await t.call('walkin.register', {
      nieuw: {
        bewoner: { voorletters: 'K.', achternaam: 'Smeets', geboortedatum: '02-02-1990' },
        adres: { straat: 'Markt', huisnummer: '5', postcode: '6041 EM', plaats: 'Roermond' },
      },
      intake: {
        watSpeelt: 'Kan de energierekening niet betalen.',
        vervolgstap: 'Samen rekeningen op een rij zetten',
      },
    })
    expect(r2.nieuweZaak).toBe(true)
    expect(r2.session.bezoekers.map((b) => [b.naam, b.nieuweZaak])).toEqual([
      ['J. van der Berg', false],
      ['K. Smeets', true],
    ])
    const nd = await t.call('dossier.get', { caseId: r2.caseId })
    expect(nd).toMatchObject({ status: 'in_behandeling', consulent: { naam: 'Anouk Peeters' }, signalen: [] })
    const list = await t.call('caseload.list', { zoek: 'Smeets' })
    expect(list.rows.map((r) => r.naam)).toEqual(['K. Smeets'])
  })
})
