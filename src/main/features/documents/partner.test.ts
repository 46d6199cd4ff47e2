import { describe, expect, it } from 'vitest'
import { pdfText } from '../../test/poppler'
import { announce, documentsWorld, pdfBytes } from '../../test/documents'

const visit = { datum: '17-11-2026', van: '10:00', tot: '12:00' }

describe('a chain partner as the second visitor on the letter', () => {
  it('names the partner and organisation when the visit is announced with a chain partner', async () => {
    const w = await documentsWorld()
    const { t, cases, member } = w
    const [partner] = await t.call('visits.savePartner', {
      organisatie: 'Wonen Limburg',
      naam: 'Ria Hermans',
      functie: 'Woonconsulent',
      telefoon: '06 34567890',
    })
    const item = await announce(w, cases[0]!, { ...visit, partnerContactId: partner!.id })
    expect(item.bezoek?.collega).toBe('Ria Hermans (Wonen Limburg)')
    const text = pdfText(pdfBytes(await t.call('documents.itemPdf', { itemId: item.id })))
    expect(text.replace(/\s+/g, ' ')).toContain('Ik kom samen met Ria Hermans van Wonen Limburg.')
    expect(text).not.toContain('een collega')

    // Frozen at print time: the printed letter keeps the partner.
    const batch = await t.call('documents.createBatch', { itemIds: [item.id], indeling: 'a4' })
    const printed = pdfText(
      pdfBytes(await t.call('documents.batchPdf', { batchId: batch.id, deel: 'documenten' })),
    )
    expect(printed.replace(/\s+/g, ' ')).toContain('samen met Ria Hermans van Wonen Limburg')

    await expect(
      t.call('visits.announce', {
        versie: await t.versie(cases[1]!),
        caseId: cases[1]!,
        ...visit,
        duoUserId: member('Sem Janssen'),
        duoPartnerId: partner!.id,
      }),
    ).rejects.toThrow(/óf een ketenpartner/)
    await t.call('visits.savePartner', {
      id: partner!.id,
      organisatie: 'Wonen Limburg',
      naam: 'Ria Hermans',
      actief: false,
    })
    await expect(announce(w, cases[1]!, { ...visit, partnerContactId: partner!.id })).rejects.toThrow(
      /adresboek/,
    )
  })

  it('the visit planner passes the partner to the letter it queues', async () => {
    const { t, cases } = await documentsWorld()
    const [partner] = await t.call('visits.savePartner', { organisatie: 'Humanitas', naam: 'Piet Claessen' })
    const wijk = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!
    await t.call('visits.plan', {
      wijkId: wijk.id,
      datum: '20-11-2026',
      startTijd: '10:00',
      slotMinuten: 20,
      caseIds: [cases[1]!],
      duoPartnerId: partner!.id,
    })
    const [queued] = await t.call('documents.forCase', { caseId: cases[1]! })
    expect(queued!.bezoek?.collega).toBe('Piet Claessen (Humanitas)')
    const text = pdfText(pdfBytes(await t.call('documents.itemPdf', { itemId: queued!.id })))
    expect(text.replace(/\s+/g, ' ')).toContain('Ik kom samen met Piet Claessen van Humanitas.')
  })
})
