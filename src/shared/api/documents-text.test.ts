import { describe, expect, it } from 'vitest'
import {
  checkTemplate,
  DEFAULT_AVOIDED_WORDS,
  fillPlaceholders,
  formatTimeNl,
  formatWeekdayDate,
  needsVisit,
  paragraphs,
  workingDaysBefore,
} from './documents-text'

describe('document texts', () => {
  it('flags avoided words once each, also at the start of longer words, and long sentences', () => {
    const issues = checkTemplate(
      {
        tekst:
          'Heeft u schulden? Het incassobureau belt. Wij helpen. ' +
          'Dit is een hele lange zin die maar doorgaat en doorgaat en doorgaat zonder dat er ooit een punt komt om te stoppen.',
      },
      DEFAULT_AVOIDED_WORDS,
    )
    expect(issues.filter((i) => i.soort === 'woord').map((i) => i.melding)).toEqual([
      '"schulden" staat op de lijst van woorden om te vermijden.',
      '"incassobureau" staat op de lijst van woorden om te vermijden.',
    ])
    expect(issues.filter((i) => i.soort === 'zin')).toHaveLength(1)
    expect(checkTemplate({ tekst: 'Onschuldig en {onbekend}.' }, DEFAULT_AVOIDED_WORDS)).toEqual([
      { soort: 'placeholder', veld: 'tekst', melding: '{onbekend} bestaat niet als invulveld.' },
    ])
  })

  it('fills placeholders and refuses a missing value', () => {
    expect(fillPlaceholders('Beste {naam},', { naam: 'J. Smit' })).toBe('Beste J. Smit,')
    expect(() => fillPlaceholders('Op {bezoekdag}', {})).toThrow()
    expect(needsVisit({ tekst: 'Op {bezoekdag}' })).toBe(true)
    expect(needsVisit({ tekst: 'Bel {team_telefoon}' })).toBe(false)
  })

  it('writes Dutch dates and times and counts working days', () => {
    expect(formatWeekdayDate('2026-11-10')).toBe('dinsdag 10 november 2026')
    expect(formatWeekdayDate('2026-11-13', false)).toBe('vrijdag 13 november')
    expect(formatTimeNl('10:00')).toBe('10.00 uur')
    expect(workingDaysBefore('2026-11-17', 2)).toBe('2026-11-13')
    expect(workingDaysBefore('2026-11-16', 2)).toBe('2026-11-12')
    expect(workingDaysBefore('2026-11-16', 0)).toBe('2026-11-16')
  })

  it('splits paragraphs and bold runs', () => {
    expect(paragraphs('Op **dinsdag** komen wij.\nTot dan.\n\nGroet')).toEqual([
      [
        [
          { text: 'Op ', bold: false },
          { text: 'dinsdag', bold: true },
          { text: ' komen wij.', bold: false },
        ],
        [{ text: 'Tot dan.', bold: false }],
      ],
      [[{ text: 'Groet', bold: false }]],
    ])
  })
})
