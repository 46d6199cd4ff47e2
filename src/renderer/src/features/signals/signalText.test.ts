import { describe, expect, it } from 'vitest'
import { addressCheckText, savedSummary } from './signalText'

const result = {
  caseId: 7,
  caseNumber: 'LA-2026-00007',
  newHousehold: true,
  wijkNaam: 'Centrum',
  consulentNaam: 'Anouk Peeters',
  mayOpen: true,
}

describe('signal texts', () => {
  it('says a signal joins the open case on the address, and mentions closed cases there', () => {
    const t = addressCheckText({
      openCase: { id: 3, caseNumber: 'LA-2026-00003' },
      earlierCases: 2,
      wijkNaam: 'Centrum',
      consulentNaam: 'Anouk Peeters',
    })
    expect(t.body).toMatch(/^Op dit adres loopt al zaak LA-2026-00003: het signaal wordt daaraan toegevoegd/)
    expect(t.body).toContain('Anouk Peeters')
    expect(t.earlier).toContain('2 gesloten zaken')
  })

  it("says of another wijk's open case only that it exists and in which wijk", () => {
    const t = addressCheckText({
      openCase: { id: null, caseNumber: null },
      earlierCases: 0,
      wijkNaam: 'Kapel in het Zand',
      consulentNaam: null,
    })
    expect(t.body).toBe(
      'Op dit adres loopt al een zaak in wijk Kapel in het Zand: het signaal wordt daaraan toegevoegd. Die zaak hoort bij een andere wijk; de consulent daar ziet het signaal.',
    )
    expect(t.earlier).toBeNull()
    expect(
      savedSummary({ ...result, newCase: false, caseNumber: null, consulentNaam: null, mayOpen: false }),
    ).toBe(
      'Het signaal is toegevoegd aan de lopende zaak in wijk Centrum. Die zaak hoort bij een andere wijk; de consulent daar ziet het signaal.',
    )
  })

  it('names wijk and consulent of a new case, and says so when either is missing', () => {
    const base = { openCase: null, earlierCases: 0 }
    expect(addressCheckText({ ...base, wijkNaam: 'Centrum', consulentNaam: 'Sem Janssen' })).toEqual({
      body: 'Nieuwe zaak in wijk Centrum voor consulent Sem Janssen.',
      earlier: null,
    })
    expect(addressCheckText({ ...base, wijkNaam: 'Centrum', consulentNaam: null }).body).toContain(
      'nog geen consulent',
    )
    expect(addressCheckText({ ...base, wijkNaam: null, consulentNaam: null }).body).toContain(
      'geen enkele wijk',
    )
    expect(
      addressCheckText({ ...base, earlierCases: 1, wijkNaam: 'Centrum', consulentNaam: null }).earlier,
    ).toContain('is 1 gesloten zaak')
  })

  it('tells a new case from an added signal', () => {
    expect(savedSummary({ ...result, newCase: true })).toBe(
      'Nieuwe zaak LA-2026-00007 geopend in wijk Centrum, op naam van Anouk Peeters.',
    )
    expect(savedSummary({ ...result, newCase: true, wijkNaam: null, consulentNaam: null })).toBe(
      'Nieuwe zaak LA-2026-00007 geopend, nog zonder consulent.',
    )
    expect(savedSummary({ ...result, newCase: false })).toBe(
      'Het signaal is toegevoegd aan de lopende zaak LA-2026-00007.',
    )
  })
})
