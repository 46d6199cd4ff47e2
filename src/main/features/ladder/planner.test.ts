import { describe, expect, it } from 'vitest'
import { DEFAULT_LADDER, type LadderConfig } from '@shared/api/ladder'
import {
  reachableStep,
  addWorkdays,
  planAfter,
  rotateDagdeel,
  startState,
  stepAfter,
  type AttemptFact,
  type PlanState,
} from './planner'

const cfg = DEFAULT_LADDER
// 2026-11-10 is a Tuesday; 2026-11-13 a Friday.
const call = (o: Partial<AttemptFact> = {}): AttemptFact => ({
  kanaal: 'telefoon',
  bereikt: false,
  resultaat: 'Geen gehoor',
  datum: '2026-11-10',
  dagdeel: 'Ochtend',
  ...o,
})

describe('working days', () => {
  it('skips weekends both ways, and 0 moves a weekend day to Monday', () => {
    expect(addWorkdays('2026-11-13', 1)).toBe('2026-11-16')
    expect(addWorkdays('2026-11-10', 5)).toBe('2026-11-17')
    expect(addWorkdays('2026-11-16', -2)).toBe('2026-11-12')
    expect(addWorkdays('2026-11-14', 0)).toBe('2026-11-16')
    expect(addWorkdays('2026-11-10', 0)).toBe('2026-11-10')
  })
})

describe('ladder planner', () => {
  it('starts with the first step on the day the case is picked up', () => {
    expect(startState(cfg, '2026-11-10')).toEqual({
      stap: 'bellen',
      poging: 0,
      datum: '2026-11-10',
      dagdeel: 'Ochtend',
    })
  })

  it('rotates the part of day between tries of one step, then moves on after the wait', () => {
    let s: PlanState = startState(cfg, '2026-11-10')
    s = planAfter(cfg, s, call())
    expect(s).toEqual({ stap: 'bellen', poging: 1, datum: '2026-11-11', dagdeel: 'Middag' })
    s = planAfter(cfg, s, call({ datum: '2026-11-11', dagdeel: 'Middag' }))
    expect(s).toEqual({ stap: 'bellen', poging: 2, datum: '2026-11-12', dagdeel: 'Avond' })
    s = planAfter(cfg, s, call({ datum: '2026-11-13', dagdeel: 'Avond' }))
    // Three calls done: the message, one working day later (Friday → Monday), not in the evening just tried.
    expect(s).toEqual({ stap: 'bericht', poging: 0, datum: '2026-11-16', dagdeel: 'Middag' })
    expect(rotateDagdeel(['Ochtend', 'Middag', 'Avond'], 'Avond')).toBe('Ochtend')
  })

  it('after contact plans a follow-up; a move closes; a wrong number skips the other calls', () => {
    const s = startState(cfg, '2026-11-10')
    expect(planAfter(cfg, s, call({ bereikt: true, resultaat: 'Gesprek gevoerd' }))).toEqual({
      stap: 'opvolgen',
      poging: 0,
      datum: '2026-11-17',
      dagdeel: null,
    })
    // "Teruggebeld" means contact even if the box was left unticked.
    expect(planAfter(cfg, s, call({ kanaal: 'whatsapp', resultaat: 'Teruggebeld' })).stap).toBe('opvolgen')
    expect(planAfter(cfg, s, call({ resultaat: 'Verhuisd', kanaal: 'huisbezoek' })).stap).toBe('afronden')
    expect(planAfter(cfg, s, call({ resultaat: 'Verkeerd nummer' }))).toMatchObject({
      stap: 'bericht',
      datum: '2026-11-11',
    })
  })

  it('not at home on the visit leads to the card the same day; the card to closing after the wait', () => {
    const visit: PlanState = { stap: 'huisbezoek', poging: 0, datum: '2026-11-19', dagdeel: 'Middag' }
    const card = planAfter(
      cfg,
      visit,
      call({ kanaal: 'huisbezoek', resultaat: 'Niet thuis', datum: '2026-11-19', dagdeel: 'Middag' }),
    )
    expect(card).toEqual({ stap: 'kaartje', poging: 0, datum: '2026-11-19', dagdeel: 'Middag' })
    const after = planAfter(
      cfg,
      card,
      call({ kanaal: 'kaartje', resultaat: 'Kaartje achtergelaten', datum: '2026-11-19' }),
    )
    expect(after).toEqual({
      stap: 'afronden',
      poging: 0,
      datum: addWorkdays('2026-11-19', cfg.afrondDagen),
      dagdeel: null,
    })
  })

  it('jumps ahead when a later step was taken, and ignores an extra attempt on an earlier one', () => {
    const s = startState(cfg, '2026-11-10')
    expect(planAfter(cfg, s, call({ kanaal: 'sms', resultaat: 'Bericht gestuurd' }))).toMatchObject({
      stap: 'brief',
      datum: '2026-11-12',
    })
    const atLetter: PlanState = { stap: 'brief', poging: 0, datum: '2026-11-12', dagdeel: 'Ochtend' }
    expect(planAfter(cfg, atLetter, call())).toBe(atLetter)
  })

  it('follows a configured ladder: its waits, tries and parts of day', () => {
    const own: LadderConfig = {
      ...cfg,
      stappen: [
        { soort: 'bericht', wachtdagen: 0, pogingen: 2, dagdelen: ['Avond'] },
        { soort: 'bellen', wachtdagen: 3, pogingen: 1, dagdelen: ['Avond', 'Ochtend'] },
      ],
    }
    let s = startState(own, '2026-11-10')
    expect(s.stap).toBe('bericht')
    s = planAfter(own, s, call({ kanaal: 'whatsapp', resultaat: 'Bericht gestuurd', dagdeel: 'Avond' }))
    expect(s).toEqual({ stap: 'bericht', poging: 1, datum: '2026-11-11', dagdeel: 'Avond' })
    s = planAfter(
      own,
      s,
      call({ kanaal: 'whatsapp', resultaat: 'Bericht gestuurd', datum: '2026-11-11', dagdeel: 'Avond' }),
    )
    expect(s).toEqual({ stap: 'bellen', poging: 0, datum: '2026-11-16', dagdeel: 'Ochtend' })
    s = planAfter(own, s, call({ datum: '2026-11-16' }))
    expect(s).toMatchObject({ stap: 'afronden', datum: addWorkdays('2026-11-16', own.afrondDagen) })
  })
})

describe('after an appointment', () => {
  it("says what comes when the resident does not come: the Stappenplan's niet-gekomen step", () => {
    expect(stepAfter(cfg, 'afspraak')).toBe('bellen')
    expect(stepAfter({ ...cfg, nietGekomen: { stap: 'opvolgen', werkdagen: 1 } }, 'afspraak')).toBe(
      'opvolgen',
    )
    // A ladder without calls follows up instead, as afterMissedAppointment plans it.
    const noCalls = { ...cfg, stappen: cfg.stappen.filter((s) => s.soort !== 'bellen') }
    expect(stepAfter(noCalls, 'afspraak')).toBe('opvolgen')
    expect(
      planAfter(
        noCalls,
        { stap: 'afspraak', poging: 0, datum: '2026-11-12', dagdeel: 'Middag' },
        call({ kanaal: 'afspraak', resultaat: 'Niet gekomen', datum: '2026-11-12', dagdeel: 'Middag' }),
      ).stap,
    ).toBe('opvolgen')
  })
})

describe('a case without a phone number', () => {
  it('is shown at the first step that needs no phone, and comes back to calls once a number is known', () => {
    expect(reachableStep(DEFAULT_LADDER, 'bellen', false)).toBe('brief')
    expect(reachableStep(DEFAULT_LADDER, 'bericht', false)).toBe('brief')
    expect(reachableStep(DEFAULT_LADDER, 'bellen', true)).toBe('bellen')
    expect(reachableStep(DEFAULT_LADDER, 'huisbezoek', false)).toBe('huisbezoek')
    expect(reachableStep(DEFAULT_LADDER, 'opvolgen', false)).toBe('opvolgen')
  })
})
