import { describe, expect, it } from 'vitest'
import type { MethodName } from '@shared/api'
import { CASE_ACCESS } from './rules'
import { BEHEERDER_MESSAGE, OTHER_WIJK_MESSAGE } from './scope'
import { otherCaseInputs, scopeWorld, type ScopeWorld } from '../../test/world'
import { signal } from '../../test/fixtures'

const caseMethods = (Object.keys(CASE_ACCESS) as MethodName[]).filter(
  (m) => typeof CASE_ACCESS[m] === 'object',
)
const listMethods = (Object.keys(CASE_ACCESS) as MethodName[]).filter((m) => CASE_ACCESS[m] === 'lijst')

async function tableCounts(w: ScopeWorld) {
  const out: Record<string, number> = {}
  for (const table of ['note', 'contactpoging', 'print_item', 'huisbezoek', 'vroegsignaalzaak'] as const)
    out[table] = (await w.t.db.selectFrom(table).select('id').execute()).length
  return out
}

describe('case scope: a consulent and another wijk', () => {
  it('covers every method whose rule names cases', async () => {
    const w = await scopeWorld()
    expect(Object.keys(otherCaseInputs(w)).sort()).toEqual([...caseMethods].sort())
  })

  it('refuses every case-level method on a case of another wijk, in Dutch, changing nothing', async () => {
    const w = await scopeWorld()
    await w.signInAs('Anouk Peeters')
    const inputs = otherCaseInputs(w)
    const before = await tableCounts(w)
    for (const method of caseMethods) {
      const res = await w.t.raw(method, inputs[method])
      // moveCases is refused by role before the scope is even asked
      const message =
        method === 'intake.moveCases'
          ? 'Dit mag alleen een kwaliteitsmedewerker of beheerder.'
          : OTHER_WIJK_MESSAGE
      expect(res, method).toEqual({ ok: false, error: { code: 'forbidden', message } })
    }
    expect(await tableCounts(w)).toEqual(before)
  })

  it('lets the consulent of that wijk, and the kwaliteitsmedewerker, do the same calls', async () => {
    const w = await scopeWorld()
    const inputs = otherCaseInputs(w)
    for (const naam of ['Sem Janssen', 'Fatima El Idrissi']) {
      await w.signInAs(naam)
      for (const method of [
        'dossier.get',
        'ladder.plan',
        'documents.forCase',
        'documents.itemPdf',
      ] as const) {
        const res = await w.t.raw(method, inputs[method])
        expect(res.ok, `${naam} ${method}`).toBe(true)
      }
    }
  })

  it('shows a consulent only the rows of his or her own scope in every list', async () => {
    const w = await scopeWorld()
    await w.signInAs('Anouk Peeters')
    const { t } = w
    const seen: Partial<Record<MethodName, unknown>> = {}

    const caseload = await t.call('caseload.list', { status: 'alle' })
    seen['caseload.list'] = caseload
    expect(caseload.rows.map((r) => r.id)).toContain(w.cases.own)
    expect(caseload.rows.every((r) => r.wijkNaam === 'Centrum')).toBe(true)
    // Searching for the other resident by name, postcode or case number finds nothing
    for (const zoek of ['Andermans', '6042 CD 5'])
      expect((await t.call('caseload.list', { status: 'alle', zoek })).total, zoek).toBe(0)

    const today = await t.call('ladder.today', { consulentId: w.member('Sem Janssen') })
    seen['ladder.today'] = today
    expect(today.totaal).toBe(0)
    expect((await t.call('ladder.today', {})).groepen.flatMap((g) => g.items.map((i) => i.caseId))).toContain(
      w.cases.own,
    )

    seen['visits.candidates'] = await t.call('visits.candidates', {
      wijkId: w.wijk('Kapel in het Zand'),
    })
    expect(seen['visits.candidates']).toEqual([])
    const day = await t.call('visits.day', { datum: '19-11-2026', wijkId: null })
    seen['visits.day'] = day
    expect(day.bezoeken).toEqual([])

    // Sem's agenda holds an appointment and a visit on his own case: Anouk sees neither.
    const agenda = await t.call('appointments.agenda', {
      consulentId: w.member('Sem Janssen'),
      datum: '2026-11-17',
      weergave: 'week',
    })
    seen['appointments.agenda'] = agenda
    expect(agenda.items).toEqual([])
    const week = await t.call('appointments.icsWeek', {
      consulentId: w.member('Sem Janssen'),
      datum: '2026-11-17',
    })
    const ics = Buffer.from(week.base64, 'base64').toString('utf8')
    seen['appointments.icsWeek'] = ics
    expect(ics).not.toContain('BEGIN:VEVENT')

    const queue = await t.call('documents.queue', {})
    seen['documents.queue'] = queue
    expect(queue.wachtrij.map((i) => i.id)).toEqual([w.items.own])
    expect(queue.openBatches).toEqual([])

    const signals = await t.call('intake.importSignals', { importId: w.importId })
    seen['intake.importSignals'] = signals
    expect(signals.map((s) => s.signalId)).toEqual([w.signals.own])

    const problems = await t.call('intake.problems', {})
    seen['intake.problems'] = problems
    // Its own wijk's row, and the row without a usable postcode (no wijk yet: shared work)
    expect(problems.map((p) => p.id).sort()).toEqual([w.problems.own, w.problems.noWijk].sort())

    seen['intake.openCases'] = await t.call('intake.openCases', { consulentId: w.member('Sem Janssen') })
    expect(seen['intake.openCases']).toEqual([])
    const unassigned = await t.call('intake.openCases', { consulentId: 'geen' })
    expect(unassigned.map((c) => c.id)).not.toContain(w.cases.nowhere)

    const monitor = await t.call('monitor.cases', {
      van: '2026-01-01',
      tot: '2026-12-31',
      tabel: 'totaal',
      groep: 'alle',
      wat: 'opgepakt',
    })
    seen['monitor.cases'] = monitor
    expect(monitor.rows.map((r) => r.id)).toContain(w.cases.own)
    expect(monitor.rows.every((r) => r.wijkNaam === 'Centrum')).toBe(true)

    // Hand entry at Sem's resident's address: that a case is open there and its wijk, no more
    const check = await t.call('signals.checkAddress', { postcode: '6042 CD', huisnummer: '5' })
    seen['signals.checkAddress'] = check
    expect(check).toEqual({
      openCase: { id: null, caseNumber: null },
      earlierCases: 0,
      wijkNaam: 'Kapel in het Zand',
      consulentNaam: null,
    })

    expect(Object.keys(seen).sort()).toEqual([...listMethods].sort())
    // Nothing of Sem's resident leaks through any list: no name, case number or consulent
    const otherNumber = (
      await t.db
        .selectFrom('vroegsignaalzaak')
        .select('case_number')
        .where('id', '=', w.cases.other)
        .executeTakeFirstOrThrow()
    ).case_number
    expect(JSON.stringify(seen)).not.toMatch(/Andermans|Kapelbewoner|Kapelfout/)
    expect(JSON.stringify(seen)).not.toContain(otherNumber)
  })

  it('shows the kwaliteitsmedewerker every case, and the beheerder none', async () => {
    const w = await scopeWorld()
    const all = await w.t.call('caseload.list', { status: 'alle' })
    expect(all.total).toBeGreaterThanOrEqual(5)
    await w.signInAs('Bert Smeets')
    expect((await w.t.call('caseload.list', { status: 'alle' })).total).toBe(0)
    expect((await w.t.call('documents.queue', {})).wachtrij).toEqual([])
    expect(await w.t.raw('dossier.get', { caseId: w.cases.own })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: BEHEERDER_MESSAGE },
    })
    // The beheerder keeps the app running: the trail, settings and users stay his or hers
    expect((await w.t.raw('audit.verify', {})).ok).toBe(true)
    expect((await w.t.raw('monitor.exportDdas', { van: '2026-01-01', tot: '2026-12-31' })).ok).toBe(false)
  })

  it("saves a signal for another wijk's open case without telling its number or consulent", async () => {
    const w = await scopeWorld()
    await w.signInAs('Anouk Peeters')
    const saved = await w.t.call(
      'signals.createManual',
      signal({ postcode: '6042 CD', huisnummer: '5', achternaam: 'Andermans', voorletters: 'P.' }),
    )
    expect(saved).toMatchObject({
      newCase: false,
      caseNumber: null,
      consulentNaam: null,
      wijkNaam: 'Kapel in het Zand',
      mayOpen: false,
    })
    // Its own wijk's and a new case of another wijk: the number, as before
    const own = await w.t.call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '12' }))
    expect(own).toMatchObject({ newCase: false, mayOpen: true, consulentNaam: 'Anouk Peeters' })
    expect(own.caseNumber).toMatch(/^LA-/)
    const fresh = await w.t.call('signals.createManual', signal({ postcode: '6043 AA', huisnummer: '3' }))
    expect(fresh).toMatchObject({ newCase: true, mayOpen: false, consulentNaam: 'Sem Janssen' })
    // The kwaliteitsmedewerker sees every case
    await w.signInAs('Fatima El Idrissi')
    expect(
      await w.t.call('signals.checkAddress', { postcode: '6042 CD', huisnummer: '5', toevoeging: '' }),
    ).toMatchObject({ openCase: { id: w.cases.other }, consulentNaam: 'Sem Janssen' })
  })

  it('goes with the case when it is assigned to a consulent of another wijk', async () => {
    const w = await scopeWorld()
    await w.t.call('dossier.assign', {
      versie: await w.t.versie(w.cases.other),
      caseId: w.cases.other,
      consulentId: w.member('Anouk Peeters'),
    })
    await w.signInAs('Anouk Peeters')
    expect((await w.t.raw('dossier.get', { caseId: w.cases.other })).ok).toBe(true)
  })
})

describe('the walk-in hour: the one way to a case of another wijk', () => {
  it('opens another wijk’s case found at the walk-in desk, records why, and only for today', async () => {
    const w = await scopeWorld()
    await w.signInAs('Anouk Peeters')
    const { t } = w
    const refused = { ok: false, error: { code: 'forbidden', message: OTHER_WIJK_MESSAGE } }
    // Not by its URL, not by claiming the walk-in without having searched
    expect(await t.raw('dossier.get', { caseId: w.cases.other })).toEqual(refused)
    expect(await t.raw('dossier.get', { caseId: w.cases.other, via: 'inloopspreekuur' })).toEqual(refused)

    const found = await t.call('walkin.search', { zoek: 'Andermans' })
    const hit = found.hits.find((h) => h.openCase?.id === w.cases.other)!
    // What every consulent sees at the desk: name, address, case number and consulent
    expect(hit).toMatchObject({ naam: 'P. van der Andermans', openCase: { consulent: 'Sem Janssen' } })
    // Found, but opened without the walk-in: still refused
    expect(await t.raw('dossier.get', { caseId: w.cases.other })).toEqual(refused)
    const d = await t.call('dossier.get', { caseId: w.cases.other, via: 'inloopspreekuur' })
    expect(d.caseNumber).toBe(hit.openCase!.caseNumber)
    const trail = await t.db
      .selectFrom('audit_log')
      .select(['user_id', 'summary'])
      .where('entity_type', '=', 'zaak')
      .where('entity_id', '=', w.cases.other)
      .where('action', '=', 'bekeken')
      .execute()
    expect(trail).toEqual([
      { user_id: w.member('Anouk Peeters'), summary: 'Dossier geopend; reden: inloopspreekuur' },
    ])
    // With the resident at the desk the consulent can work on the file
    expect((await t.raw('dossier.addNote', { caseId: w.cases.other, tekst: 'Kwam langs' })).ok).toBe(true)
    expect((await t.raw('ladder.plan', { caseId: w.cases.other })).ok).toBe(true)

    // A colleague in the same window does not inherit it, and it ends with the day
    await w.signInAs('Fatima El Idrissi')
    await w.signInAs('Anouk Peeters')
    expect((await t.raw('dossier.addNote', { caseId: w.cases.other, tekst: 'Nog eens' })).ok).toBe(true)
    t.clock.advanceDays(1)
    expect(await t.raw('dossier.addNote', { caseId: w.cases.other, tekst: 'Morgen' })).toEqual(refused)
  })

  it('does not open a case through the walk-in for the beheerder', async () => {
    const w = await scopeWorld()
    await w.signInAs('Bert Smeets')
    await w.t.call('walkin.search', { zoek: 'Andermans' })
    const res = await w.t.raw('dossier.get', { caseId: w.cases.other, via: 'inloopspreekuur' })
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
