import { describe, expect, it } from 'vitest'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'
import { EXPORT_SECTIONS } from './person-export'

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8')

/** Bos (BSN 111222333) with one closed case holding a row in every table, and housemate-free. */
async function bosTeam() {
  const t = await testApp('2026-10-01T08:00:00.000Z')
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const input = signal({
    achternaam: 'Bos',
    geboortedatum: '01-05-1980',
    postcode: '6042 AC',
    bsn: '111222333',
  })
  input.signaal.externId = 'VPS-BOS'
  const { caseId } = await t.call('signals.createManual', input)
  const { id: signalId } = await t.db
    .selectFrom('vroegsignaal')
    .select('id')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow()
  const resident = await t.db
    .selectFrom('resident')
    .select('id')
    .where('achternaam', '=', 'Bos')
    .executeTakeFirstOrThrow()
  const at = t.clock.now()
  await t.db
    .insertInto('contactpoging')
    .values({
      case_id: caseId,
      soort: 'Telefoon',
      bereikt: 1,
      datum: '2026-10-01',
      dagdeel: 'Ochtend',
      resultaat: '',
      notitie: 'Belt terug',
      created_at: at,
      created_by: null,
    })
    .execute()
  await t.call('dossier.addNote', { caseId, tekst: 'Huur is bijna betaald' })
  await t.db
    .insertInto('huisbezoek')
    .values({
      case_id: caseId,
      wijk_id: null,
      datum: '2026-10-02',
      tijd: '10:00',
      consulent_id: null,
      duo_user_id: null,
      duo_partner_id: null,
      afmelden_voor: '2026-10-01',
      status: 'gepland',
      uitkomst: null,
      afmelding_via: null,
      afmelding_op: null,
      created_at: at,
      created_by: null,
    })
    .execute()
  const plek = await t.db
    .selectFrom('ontmoetplek')
    .select('id')
    .where('soort', '=', 'stadskantoor')
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('afspraak')
    .values({
      uid: 'bos-1@lange-adem',
      case_id: caseId,
      plek_id: plek.id,
      plek_soort: 'stadskantoor',
      datum: '2026-10-05',
      tijd: '10:00',
      duur: 45,
      consulent_id: null,
      collega_id: null,
      partner_contact_id: null,
      status: 'gepland',
      verzet_naar: null,
      herinnering: 'nodig',
      herinnering_op: null,
      contactpoging_id: null,
      notitie: 'Wil over de huur praten',
      uitkomst_notitie: '',
      volgnummer: 0,
      created_at: at,
      created_by: null,
      updated_at: at,
    })
    .execute()
  const { id: sessie } = await t.db
    .insertInto('walkin_sessie')
    .values({ datum: '2026-10-06', created_at: at, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('walkin_bezoek')
    .values({
      sessie_id: sessie,
      case_id: caseId,
      tijd: '09:10',
      nieuwe_zaak: 0,
      wat_speelt: 'Huur',
      rekeningen: '',
      urgentie: 'geen',
      urgentie_datum: null,
      vervolgstap: '',
      created_at: at,
      created_by: null,
    })
    .execute()
  const template = await t.db.selectFrom('document_template').select('id').executeTakeFirstOrThrow()
  await t.db
    .insertInto('print_item')
    .values({
      case_id: caseId,
      template_id: template.id,
      status: 'wachtrij',
      bezoek_datum: null,
      bezoek_van: null,
      bezoek_tot: null,
      collega_id: null,
      partner_contact_id: null,
      afmeld_datum: null,
      consulent_id: null,
      batch_id: null,
      template_version_id: null,
      values_json: '{"naam":"J. Bos"}',
      printed_at: null,
      sent_on: null,
      contactpoging_id: null,
      created_at: at,
      created_by: null,
    })
    .execute()
  const idb = t.db
  const { id: importId } = await idb
    .insertInto('import_batch')
    .values({
      bestandsnaam: 'oktober.xlsx',
      bron: 'VPS',
      at,
      user_id: null,
      mapping_json: '{}',
      rows_total: 2,
      rows_new: 1,
      rows_duplicate: 0,
      rows_problem: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await idb
    .insertInto('signaal_intake')
    .values({
      signal_id: signalId,
      import_id: importId,
      line: 2,
      advies: 'doorzetten',
      advies_reden: 'Voldoet',
      besluit: 'doorzetten',
    })
    .execute()
  await idb
    .insertInto('import_problem')
    .values({
      import_id: importId,
      line: 3,
      values_json: '{"Achternaam":"Bos","Geboortedatum":"01-05-1980"}',
      problems_json: '[]',
      status: 'afgewezen',
      signal_id: null,
      resolved_at: at,
      resolved_by: null,
    })
    .execute()
  // An import that changed Bos's details keeps what they were, to put them back on undo
  await idb
    .insertInto('import_resident_before')
    .values({
      import_id: importId,
      resident_id: resident.id,
      telefoon: '0610000000',
      email: '',
      bsn: null,
      geboortedatum: '1980-05-01',
      updated_at: at,
      set_telefoon: '0611223344',
      set_email: '',
      set_bsn: '111222333',
      set_geboortedatum: '1980-05-01',
    })
    .execute()
  return { t, team, caseId, signalId, residentId: resident.id }
}

describe("a resident's request", () => {
  it('finds the person by surname and birth date, or by BSN', async () => {
    const { t, residentId } = await bosTeam()
    const byName = await t.call('retention.findPerson', { achternaam: 'bos', geboortedatum: '01-05-1980' })
    expect(byName.map((m) => m.residentId)).toEqual([residentId])
    expect(byName[0]).toMatchObject({ naam: 'J. van der Bos', zaken: [{ open: true }], signalen: 1 })
    const byBsn = await t.call('retention.findPerson', { bsn: '111 222 333' })
    expect(byBsn.map((m) => m.residentId)).toEqual([residentId])
    expect(await t.call('retention.findPerson', { achternaam: 'Bos', geboortedatum: '02-05-1980' })).toEqual(
      [],
    )
  })

  it('exports every table holding the person, as JSON and as a readable text, and audits it without the name', async () => {
    const { t, residentId, caseId, signalId } = await bosTeam()
    const out = await t.call('retention.exportPerson', { residentIds: [residentId] })
    for (const [key] of EXPORT_SECTIONS) expect(out.aantallen[key], key).toBeGreaterThan(0)
    const json = JSON.parse(decode(out.json.base64)) as {
      gegevens: Record<string, Record<string, unknown>[]>
    }
    expect(json.gegevens.bewoners![0]).toMatchObject({
      achternaam: 'Bos',
      bsn: '111222333',
      geboortedatum: '1980-05-01',
    })
    expect(json.gegevens.notities![0]).toMatchObject({ tekst: 'Huur is bijna betaald' })
    expect(json.gegevens.documenten![0]).toMatchObject({ values_json: { naam: 'J. Bos' } })
    expect(json.gegevens.importregels!.map((r) => r.line).sort()).toEqual([3])
    expect(json.gegevens.beoordeling![0]).toMatchObject({ signal_id: signalId, advies_reden: 'Voldoet' })
    expect(json.gegevens.zaken![0]).toMatchObject({ id: caseId })
    const text = decode(out.tekst.base64)
    expect(text).toContain('== Persoonsgegevens (1) ==')
    expect(text).toContain('geboortedatum: 01-05-1980')
    expect(text).toContain('Huur is bijna betaald')
    expect(out.json.fileName).toBe(`inzage-bewoner-${residentId}-2026-10-01.json`)
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'inzageverzoek')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).not.toMatch(/Bos|1980|111222333|6042/)
  })

  it('refuses to delete while a case is open, then deletes everything but keeps the monitor figures', async () => {
    const { t, residentId, caseId } = await bosTeam()
    await expect(t.call('retention.deletePerson', { residentIds: [residentId] })).rejects.toThrow(
      /Er loopt nog een zaak voor dit adres \(LA-2026-\d+\)\. Zolang de zaak loopt/,
    )
    expect(await t.db.selectFrom('resident').select('id').execute()).toHaveLength(1)

    await t.call('ladder.close', {
      versie: await t.versie(caseId),
      caseId,
      resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
      hulpAangeboden: true,
      hulpGeaccepteerd: false,
      verwijzing: '',
      notitie: '',
    })
    const period = { van: '2026-10-01', tot: '2026-10-31' }
    const before = await t.call('monitor.dashboard', period)
    const res = await t.call('retention.deletePerson', { residentIds: [residentId] })
    expect(res.aantallen).toMatchObject({
      bewoners: 1,
      huishoudens: 1,
      signalen: 1,
      zaken: 1,
      contactpogingen: 1,
      huisbezoeken: 1,
      afspraken: 1,
      inloopbezoeken: 1,
      documenten: 1,
    })
    expect(res.aantallen.notities).toBeGreaterThanOrEqual(1)
    for (const table of [
      'resident',
      'household',
      'vroegsignaal',
      'vroegsignaalzaak',
      'note',
      'print_item',
    ] as const)
      expect(await t.db.selectFrom(table).select('id').execute(), table).toHaveLength(0)
    expect(await t.db.selectFrom('signaal_intake').selectAll().execute()).toHaveLength(0)
    expect(await t.call('monitor.dashboard', period)).toEqual(before)
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'verwijderverzoek')
      .execute()
    expect(audit[0]!.summary).toMatch(new RegExp(`bewoner nr ${residentId}`))
    expect(audit[0]!.summary).not.toMatch(/Bos|1980|111222333/)
    const verdict = await t.call('audit.verify', {})
    expect(verdict.ok).toBe(true)
  })

  it('is for the kwaliteitsmedewerker; the periods and the purge only for the beheerder', async () => {
    const { t } = await bosTeam()
    const as = async (naam: string) => signInAs(t, naam)
    await as('Fatima El Idrissi')
    expect(await t.raw('retention.findPerson', { bsn: '111222333' })).toMatchObject({ ok: true })
    expect(await t.raw('retention.purge', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Dit mag alleen een beheerder.' },
    })
    await as('Anouk Peeters')
    expect(await t.raw('retention.findPerson', { bsn: '111222333' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    await as('Bert Smeets')
    expect(await t.raw('retention.findPerson', { bsn: '111222333' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Dit mag alleen een kwaliteitsmedewerker.' },
    })
    expect(await t.raw('retention.save', { nietDoorgezet: 0, zonderHulp: 12, metHulp: 121 })).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: {
          nietDoorgezet: 'Niet doorgezette signalen: minstens 1 maand.',
          metHulp: 'Afgesloten met hulp: hoogstens 120 maanden (10 jaar).',
        },
      },
    })
    const saved = await t.call('retention.save', { nietDoorgezet: 3, zonderHulp: 9, metHulp: 24 })
    expect(saved.periods).toEqual({ nietDoorgezet: 3, zonderHulp: 9, metHulp: 24 })
    expect((await t.call('retention.get', {})).periods).toEqual(saved.periods)
  })
})
