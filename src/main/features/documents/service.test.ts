import { describe, expect, it } from 'vitest'
import { announce, documentsWorld } from '../../test/documents'
import { signInAs } from '../../test/fixtures'

const visit = { datum: '17-11-2026', van: '10:00', tot: '12:00' }

describe('print queue', () => {
  it('queues an announcement letter with the deadline two working days before the visit', async () => {
    const w = await documentsWorld()
    const { t, cases, member } = w
    const item = await announce(w, cases[0]!, { ...visit, collegaId: member('Anouk Peeters') })
    expect(item).toMatchObject({
      status: 'wachtrij',
      soort: 'brief',
      templateNaam: 'Aankondigingsbrief huisbezoek',
      bezoek: {
        datum: '2026-11-17',
        van: '10:00',
        tot: '12:00',
        collega: 'Anouk Peeters',
        afmelddatum: '2026-11-13',
      },
      consulent: 'Sem Janssen',
      waarschuwing: null,
    })
    const d = await t.call('dossier.get', { caseId: cases[0]! })
    expect(d.logboek.some((l) => l.actie.includes('Aankondigingsbrief huisbezoek klaargezet'))).toBe(true)
  })

  it('skips the weekend when counting working days, and refuses a visit too soon or in the weekend', async () => {
    const w = await documentsWorld()
    const { t, cases, letter, member } = w
    // Visit on Monday 16 November: two working days before is Thursday 12 November.
    const item = await announce(w, cases[0]!, { ...visit, datum: '16-11-2026' })
    expect(item.bezoek!.afmelddatum).toBe('2026-11-12')
    const fatima = member('Fatima El Idrissi')
    const soon = await t.raw('visits.announce', {
      versie: await t.versie(cases[1]!),
      caseId: cases[1]!,
      ...visit,
      datum: '12-11-2026',
      duoUserId: fatima,
    })
    expect(soon.ok).toBe(false)
    if (!soon.ok) expect(soon.error.fields?.datum).toMatch(/latere dag/)
    const weekend = await t.raw('visits.announce', {
      versie: await t.versie(cases[1]!),
      caseId: cases[1]!,
      ...visit,
      datum: '21-11-2026',
      duoUserId: fatima,
    })
    expect(!weekend.ok && weekend.error.fields?.datum).toMatch(/werkdag/)
    // The announcement letter is made with its visit, never on its own.
    const none = await t.raw('documents.addToQueue', { caseId: cases[1]!, templateId: letter.id })
    expect(!none.ok && none.error.message).toMatch(/Huisbezoek aankondigen/)
    const badTime = await t.raw('visits.announce', {
      versie: await t.versie(cases[1]!),
      caseId: cases[1]!,
      ...visit,
      van: '12:00',
      tot: '10:00',
      duoUserId: fatima,
    })
    expect(!badTime.ok && badTime.error.fields?.tot).toMatch(/na de begintijd/)
    expect(await t.call('documents.forCase', { caseId: cases[1]! })).toEqual([])
  })

  it('queues a card without a visit; the configured number of working days is used', async () => {
    const w = await documentsWorld()
    const { t, cases, card } = w
    const item = await t.call('documents.addToQueue', { caseId: cases[1]!, templateId: card.id })
    expect(item.bezoek).toBeNull()
    await signInAs(t, 'Fatima El Idrissi')
    const s = await t.call('documents.settings', {})
    await t.call('documents.saveSettings', { ...s, afmeldWerkdagen: 3 })
    const l = await announce(w, cases[1]!, visit)
    expect(l.bezoek!.afmelddatum).toBe('2026-11-12')
  })

  it('prints a batch in postcode order, then records Brief contact attempts for what went out', async () => {
    const w = await documentsWorld()
    const { t, cases } = w
    const ids = []
    for (const [i, caseId] of cases.entries())
      ids.push((await announce(w, caseId, { ...visit, van: `1${i}:00`, tot: `1${i}:30` })).id)
    const batch = await t.call('documents.createBatch', { itemIds: ids, indeling: 'a4', enveloppen: false })
    expect(batch.items.map((i) => i.postcode)).toEqual(['6041 AB', '6042 CD', '6045 AB'])
    expect(batch.items.every((i) => i.status === 'gedrukt' && i.versie === 1)).toBe(true)
    expect((await t.call('documents.queue', {})).wachtrij).toHaveLength(0)

    // Two went out; the third goes back into the queue.
    const sent = batch.items.slice(0, 2).map((i) => i.id)
    const q = await t.call('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: sent,
      datum: '10-11-2026',
    })
    expect(q.openBatches).toHaveLength(0)
    expect(q.wachtrij.map((i) => i.id)).toEqual([batch.items[2]!.id])

    const d = await t.call('dossier.get', { caseId: batch.items[0]!.caseId })
    expect(d.status).toBe('in_behandeling')
    expect(d.contactpogingen).toHaveLength(1)
    expect(d.contactpogingen[0]).toMatchObject({
      soort: 'Brief',
      bereikt: false,
      datum: '2026-11-10',
      dagdeel: 'Ochtend',
      door: 'Fatima El Idrissi',
    })
    expect(d.contactpogingen[0]!.notitie).toContain('dinsdag 17 november 2026')
    const notSent = await t.call('dossier.get', { caseId: batch.items[2]!.caseId })
    expect(notSent.status).toBe('nieuw')
    expect(notSent.contactpogingen).toHaveLength(0)

    const again = await t.raw('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [],
      datum: '10-11-2026',
    })
    expect(again.ok).toBe(false)
  })

  it('records a Kaartje and refuses to mix letters and cards in one batch', async () => {
    const w = await documentsWorld()
    const { t, cases, card } = w
    const l = await announce(w, cases[0]!, visit)
    const k = await t.call('documents.addToQueue', { caseId: cases[1]!, templateId: card.id })
    const mixed = await t.raw('documents.createBatch', { itemIds: [l.id, k.id], indeling: 'a4-vier' })
    expect(mixed.ok).toBe(false)
    const batch = await t.call('documents.createBatch', {
      itemIds: [k.id],
      indeling: 'a4-vier',
      enveloppen: true,
    })
    expect(batch).toMatchObject({ soort: 'kaart', indeling: 'a4-vier', enveloppen: true })
    // A card cannot have gone out before it was printed (today, 10 November).
    const early = await t.raw('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [k.id],
      datum: '09-11-2026',
    })
    expect(!early.ok && early.error.fields?.datum).toMatch(/Afgedrukt op 10-11-2026/)
    await t.call('documents.confirmBatch', { batchId: batch.id, verstuurdIds: [k.id], datum: '10-11-2026' })
    const d = await t.call('dossier.get', { caseId: cases[1]! })
    expect(d.contactpogingen[0]).toMatchObject({ soort: 'Kaartje', datum: '2026-11-10' })
    const future = await t.raw('documents.confirmBatch', {
      batchId: batch.id,
      verstuurdIds: [],
      datum: '11-11-2026',
    })
    expect(future.ok).toBe(false)
  })

  it('removes a queued item, but not a printed one', async () => {
    const { t, cases, card } = await documentsWorld()
    const a = await t.call('documents.addToQueue', { caseId: cases[0]!, templateId: card.id })
    const b = await t.call('documents.addToQueue', { caseId: cases[1]!, templateId: card.id })
    const q = await t.call('documents.removeFromQueue', { itemId: a.id })
    expect(q.wachtrij.map((i) => i.id)).toEqual([b.id])
    await t.call('documents.createBatch', { itemIds: [b.id], indeling: 'a6' })
    expect((await t.raw('documents.removeFromQueue', { itemId: b.id })).ok).toBe(false)
    expect(await t.call('documents.forCase', { caseId: cases[1]! })).toHaveLength(1)
  })
})

describe('templates', () => {
  it('only a kwaliteitsmedewerker edits; every save is a new version', async () => {
    const { t, letter } = await documentsWorld()
    const content = { ...letter.huidig.content, afsluiting: 'Hartelijke groet,' }
    await signInAs(t, 'Anouk Peeters')
    const denied = await t.raw('documents.saveTemplate', {
      templateId: letter.id,
      naam: letter.naam,
      soort: 'brief',
      content,
    })
    expect(denied.ok).toBe(false)
    if (!denied.ok) expect(denied.error.code).toBe('forbidden')
    await signInAs(t, 'Fatima El Idrissi')
    const v2 = await t.call('documents.saveTemplate', {
      templateId: letter.id,
      naam: letter.naam,
      soort: 'brief',
      content,
    })
    expect(v2.huidig).toMatchObject({ versie: 2, door: 'Fatima El Idrissi' })
    expect(v2.versies.map((v) => v.versie)).toEqual([2, 1])
    expect(v2.bezoekNodig).toBe(true)
  })

  it('refuses unknown placeholders, empty fields and the resident name on a card', async () => {
    const { t, card, letter } = await documentsWorld()
    await signInAs(t, 'Fatima El Idrissi')
    const unknown = await t.raw('documents.saveTemplate', {
      templateId: letter.id,
      naam: letter.naam,
      soort: 'brief',
      content: { ...letter.huidig.content, tekst: 'Tot {morgen}.' },
    })
    expect(!unknown.ok && unknown.error.fields?.['content.tekst']).toMatch(/\{morgen\} bestaat niet/)
    const named = await t.raw('documents.saveTemplate', {
      templateId: card.id,
      naam: card.naam,
      soort: 'kaart',
      content: { ...card.huidig.content, titel: 'Beste {naam}' },
    })
    expect(!named.ok && named.error.fields?.['content.titel']).toMatch(/mag niet op een kaartje/)
    const empty = await t.raw('documents.saveTemplate', {
      templateId: card.id,
      naam: card.naam,
      soort: 'kaart',
      content: { titel: '', tekst: 'x' },
    })
    expect(empty.ok).toBe(false)
  })

  it('lets the team add its own letter type that prints without a visit', async () => {
    const { t, cases } = await documentsWorld()
    await signInAs(t, 'Fatima El Idrissi')
    const own = await t.call('documents.saveTemplate', {
      naam: 'Brief eerste contact',
      soort: 'brief',
      content: {
        aanhef: 'Beste {naam},',
        tekst: 'Wij willen graag met u praten. Bel {consulent_telefoon}.',
        afsluiting: 'Groet,',
      },
    })
    expect(own).toMatchObject({ standaard: false, bezoekNodig: false, code: `eigen-${own.id}` })
    const item = await t.call('documents.addToQueue', { caseId: cases[0]!, templateId: own.id })
    expect(item.templateNaam).toBe('Brief eerste contact')
  })
})
