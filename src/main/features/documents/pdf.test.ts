import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkTemplate, DEFAULT_AVOIDED_WORDS } from '@shared/api/documents-text'
import { TEMPLATES_V1 } from '../../db/migrations/0003_documents'
import { pdfFonts, pdfImageCount, pdfInfo, pdfText, pdfToPng, pdfWords, type Word } from '../../test/poppler'
import { announce, documentsWorld, pdfBytes } from '../../test/documents'
import { signInAs } from '../../test/fixtures'

const visit = { datum: '17-11-2026', van: '10:00', tot: '12:00' }
// npm test sends pictures elsewhere (LANGE_ADEM_SHOTS_DIR); run alone, the test updates the committed ones.
const SHOTS = process.env.LANGE_ADEM_SHOTS_DIR ?? 'docs/screenshots'
/** The set-up's postal address, as the return address above the resident's in the window. */
const RETOUR = 'Retouradres Postbus 900, 6040 AX Roermond'
mkdirSync(SHOTS, { recursive: true })

const inside = (w: Word, r: { x: number; y: number; w: number; h: number }) =>
  w.xMin >= r.x && w.xMax <= r.x + r.w && w.yMin >= r.y && w.yMax <= r.y + r.h
const overlaps = (w: Word, r: { x: number; y: number; w: number; h: number }) =>
  w.xMax > r.x && w.xMin < r.x + r.w && w.yMax > r.y && w.yMin < r.y + r.h

function expectCleanPdf(pdf: Buffer) {
  expect(pdfImageCount(pdf)).toBe(0)
  const fonts = pdfFonts(pdf)
  expect(fonts.length).toBeGreaterThan(0)
  expect(fonts.every((f) => f.embedded)).toBe(true)
  const text = pdfText(pdf)
  expect(text).not.toMatch(/[{}]/)
  for (const w of DEFAULT_AVOIDED_WORDS) expect(text.toLowerCase()).not.toContain(w)
  return text
}

describe('printed documents read back with poppler', () => {
  it('the default texts pass the word check', () => {
    for (const t of TEMPLATES_V1) expect(checkTemplate(t.content, DEFAULT_AVOIDED_WORDS)).toEqual([])
  })

  it('letters: A4, only the return address and the address in the window field, Dutch dates, fonts embedded, no images', async () => {
    const w = await documentsWorld()
    const { t, cases, member } = w
    // Sem goes along to Anouk's case (6041 AB, page 1); Anouk to Sem's two, one after the other.
    const ids = [
      (await announce(w, cases[1]!, { ...visit, collegaId: member('Sem Janssen') })).id,
      (
        await announce(w, cases[2]!, {
          ...visit,
          van: '13:00',
          tot: '14:00',
          collegaId: member('Anouk Peeters'),
        })
      ).id,
      (
        await announce(w, cases[0]!, {
          ...visit,
          van: '14:00',
          tot: '15:00',
          collegaId: member('Anouk Peeters'),
        })
      ).id,
    ]
    const batch = await t.call('documents.createBatch', { itemIds: ids, indeling: 'a4' })
    const file = await t.call('documents.batchPdf', { batchId: batch.id, deel: 'documenten' })
    const pdf = pdfBytes(file)
    const info = pdfInfo(pdf)
    expect(info.pages).toBe(3)
    expect(info.sizes.every((s) => s.width === 210 && s.height === 297)).toBe(true)
    const text = expectCleanPdf(pdf)
    expect(text).toContain('dinsdag 17 november 2026')
    expect(text).toContain('10.00 uur')
    expect(text).toContain('vrijdag 13 november')
    expect(text).toContain('10 november 2026') // the letter's date
    expect(text).toContain('mijn collega Sem Janssen')
    expect(text).toContain('Anouk Peeters')
    expect(text).toContain('Telefoon 06 12345678')
    expect(text).toContain('Stadskantoor, Markt 31')

    const window = { x: 20, y: 50, w: 85, h: 40 }
    const words = pdfWords(pdf)
    // Letters in postcode order: page 1 is 6041 AB, page 3 is 6045 AB.
    for (const [page, expected] of [
      [1, `${RETOUR} J. van der Berg Kapellerlaan 12 6041 AB ROERMOND`],
      [2, `${RETOUR} M. van der Bakker Kapellerlaan 7A 6042 CD ROERMOND`],
      [3, `${RETOUR} J. van der Smit Kapellerlaan 3 6045 AB ROERMOND`],
    ] as const) {
      const onPage = words.filter((w) => w.page === page)
      const inWindow = onPage.filter((w) => overlaps(w, window))
      expect(inWindow.map((w) => w.text).join(' ')).toBe(expected)
      expect(inWindow.every((w) => inside(w, window))).toBe(true)
    }
    pdfToPng(pdf, `${SHOTS}/documents-letter`, { last: 1 })
  })

  it('a moved window moves the address, and the calibration print draws it', async () => {
    const w = await documentsWorld()
    const { t, cases } = w
    await signInAs(t, 'Fatima El Idrissi')
    const s = await t.call('documents.settings', {})
    await t.call('documents.saveSettings', {
      ...s,
      venster: { links: 110, boven: 45, breedte: 90, hoogte: 45 },
    })
    const item = await announce(w, cases[1]!, visit)
    const pdf = pdfBytes(await t.call('documents.itemPdf', { itemId: item.id }))
    const window = { x: 110, y: 45, w: 90, h: 45 }
    const inWindow = pdfWords(pdf).filter((w) => overlaps(w, window))
    expect(inWindow.map((w) => w.text).join(' ')).toBe(
      `${RETOUR} J. van der Berg Kapellerlaan 12 6041 AB ROERMOND`,
    )
    expect(inWindow.every((w) => inside(w, window))).toBe(true)
    const cal = pdfBytes(await t.call('documents.calibrationPdf', {}))
    expect(pdfText(cal)).toContain('110 mm van links, 45 mm van boven, 90 bij 45 mm')
    expect(pdfImageCount(cal)).toBe(0)
  })

  it('a reprint is identical after the template changed', async () => {
    const w = await documentsWorld()
    const { t, cases, letter } = w
    const item = await announce(w, cases[0]!, visit)
    await t.call('documents.createBatch', { itemIds: [item.id], indeling: 'a4' })
    const before = pdfText(pdfBytes(await t.call('documents.itemPdf', { itemId: item.id })))
    await signInAs(t, 'Fatima El Idrissi')
    await t.call('documents.saveTemplate', {
      templateId: letter.id,
      naam: letter.naam,
      soort: 'brief',
      content: { ...letter.huidig.content, afsluiting: 'Hartelijke groet,' },
    })
    await t.call('settings.saveTeam', {
      ...(await t.call('settings.get', {})).team,
      telefoon: '0475 111 111',
    })
    const after = pdfText(pdfBytes(await t.call('documents.itemPdf', { itemId: item.id })))
    expect(after).toBe(before)
    expect(after).toContain('Met vriendelijke groet,')
    expect(after).toContain('0475 359 999')
  })

  it('cards: A6 single, four to an A4 with cut marks, a vector clock, no name; red envelopes C6', async () => {
    const { t, cases, card } = await documentsWorld()
    const ids = []
    for (const caseId of [...cases, cases[0]!, cases[1]!])
      ids.push((await t.call('documents.addToQueue', { caseId, templateId: card.id })).id)
    const four = await t.call('documents.createBatch', {
      itemIds: ids,
      indeling: 'a4-vier',
      enveloppen: true,
    })
    const sheet = pdfBytes(await t.call('documents.batchPdf', { batchId: four.id, deel: 'documenten' }))
    const info = pdfInfo(sheet)
    expect(info.pages).toBe(2)
    expect(info.sizes[0]).toEqual({ width: 210, height: 297 })
    const text = expectCleanPdf(sheet)
    expect(text.match(/Wij kwamen bij u langs/g)).toHaveLength(5)
    expect(text).toContain('Mijn telefoonnummer')
    expect(text).not.toMatch(/Berg|Smit|Bakker|Kapellerlaan|LA-2026/)
    // One card per quarter of the sheet.
    const titles = pdfWords(sheet).filter((w) => w.page === 1 && w.text === 'kwamen')
    expect(titles.map((w) => [w.xMin < 105, w.yMin < 148.5])).toEqual([
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ])
    pdfToPng(sheet, `${SHOTS}/documents-card-four-up`, { last: 1 })

    const env = pdfBytes(await t.call('documents.batchPdf', { batchId: four.id, deel: 'enveloppen' }))
    const envInfo = pdfInfo(env)
    expect(envInfo.pages).toBe(5)
    expect(envInfo.sizes[0]).toEqual({ width: 162, height: 114 })
    const envText = expectCleanPdf(env)
    expect(envText).not.toMatch(/Team|Gemeente|Markt|vroegsignalering/i)
    expect(
      pdfWords(env)
        .filter((w) => w.page === 1)
        .map((w) => w.text)
        .join(' '),
    ).toBe('J. van der Berg Kapellerlaan 12 6041 AB ROERMOND')
    pdfToPng(env, `${SHOTS}/documents-envelope`, { last: 1 })

    const k = await t.call('documents.addToQueue', { caseId: cases[2]!, templateId: card.id })
    const single = await t.call('documents.createBatch', { itemIds: [k.id], indeling: 'a6' })
    const a6 = pdfBytes(await t.call('documents.batchPdf', { batchId: single.id, deel: 'documenten' }))
    expect(pdfInfo(a6).sizes[0]).toEqual({ width: 105, height: 148 })
    expectCleanPdf(a6)
    pdfToPng(a6, `${SHOTS}/documents-card`)
  })

  it('the mailing list lists the batch in postcode order', async () => {
    const w = await documentsWorld()
    const { t, cases } = w
    const ids = []
    for (const [i, caseId] of cases.entries())
      ids.push((await announce(w, caseId, { ...visit, van: `1${i}:00`, tot: `1${i}:30` })).id)
    const batch = await t.call('documents.createBatch', { itemIds: ids, indeling: 'a4' })
    const list = pdfBytes(await t.call('documents.batchPdf', { batchId: batch.id, deel: 'verzendlijst' }))
    expect(pdfInfo(list).sizes[0]).toEqual({ width: 210, height: 297 })
    const text = expectCleanPdf(list)
    expect(text).toContain(`Verzendlijst afdruk ${batch.id}`)
    expect(text).toContain('3 brieven, op volgorde van postcode')
    const order = ['6041 AB', '6042 CD', '6045 AB'].map((pc) => text.indexOf(pc))
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]!))).toBe(true)
    pdfToPng(list, `${SHOTS}/documents-mailing-list`)
  })
})
