import type { Dagdeel } from '@shared/domain/ddas'
import { addDays } from '@shared/format/dates'
import { isPublicHoliday } from './holidays'
import {
  NIET_GEKOMEN,
  RESULTATEN_BEREIKT,
  STAP_KANAAL,
  type Kanaal,
  type LadderConfig,
  type PlanStap,
  type StapSoort,
} from '@shared/api/ladder'

/**
 * The ladder planner: given where a case stands and one attempt, where it stands next. Pure, so
 * every rule is tested without a database (planner.test.ts).
 */
export interface PlanState {
  /** null: the ladder's first step. */
  stap: PlanStap | null
  /** Tries already done on this step. */
  poging: number
  datum: string | null
  dagdeel: Dagdeel | null
}

export interface AttemptFact {
  kanaal: Kanaal
  bereikt: boolean
  resultaat: string
  datum: string
  dagdeel: Dagdeel
}

/** Follow-up tries after contact before the case is put up for closing. */
export const OPVOLG_POGINGEN = 3

/** Saturday, Sunday or a Dutch public holiday (holidays.ts): no ladder step is planned then. */
export const isNonWorkingDay = (iso: string) => {
  const d = new Date(`${iso}T12:00:00Z`).getUTCDay()
  return d === 0 || d === 6 || isPublicHoliday(iso)
}

/**
 * `n` working days (Monday to Friday, public holidays excluded) after `iso`; 0 gives the day
 * itself, or the next working day.
 */
export function addWorkdays(iso: string, n: number): string {
  let day = iso
  if (n === 0) {
    while (isNonWorkingDay(day)) day = addDays(day, 1)
    return day
  }
  const step = n > 0 ? 1 : -1
  let left = Math.abs(n)
  while (left > 0) {
    day = addDays(day, step)
    if (!isNonWorkingDay(day)) left--
  }
  return day
}

/** The next part of day in a step's rotation, after the one just tried. */
export function rotateDagdeel(dagdelen: readonly Dagdeel[], last: Dagdeel | null): Dagdeel {
  if (!last) return dagdelen[0]!
  const i = dagdelen.indexOf(last)
  return dagdelen[(i + 1) % dagdelen.length]!
}

/** The first part of day of a step that differs from the one just used, when there is a choice. */
function firstOther(dagdelen: readonly Dagdeel[], last: Dagdeel | null): Dagdeel {
  return dagdelen.find((d) => d !== last) ?? dagdelen[0]!
}

/** The ladder step an attempt on this channel belongs to, if any. */
export function stepForKanaal(cfg: LadderConfig, kanaal: Kanaal): StapSoort | null {
  const byKanaal: Partial<Record<Kanaal, StapSoort>> = {
    telefoon: 'bellen',
    whatsapp: 'bericht',
    sms: 'bericht',
    mail: 'mail',
    brief: 'brief',
    huisbezoek: 'huisbezoek',
    kaartje: 'kaartje',
  }
  const s = byKanaal[kanaal]
  if (!s) return null
  if (cfg.stappen.some((x) => x.soort === s)) return s
  // A letter inviting to the walk-in hour, when the ladder has that step and no letter step.
  if (kanaal === 'brief' && cfg.stappen.some((x) => x.soort === 'inloop')) return 'inloop'
  return null
}

export function isReached(a: Pick<AttemptFact, 'bereikt' | 'resultaat'>): boolean {
  return a.bereikt || (RESULTATEN_BEREIKT as readonly string[]).includes(a.resultaat)
}

/** The first step of the ladder, due on the day the case was picked up. */
export function startState(cfg: LadderConfig, datum: string): PlanState {
  const first = cfg.stappen[0]!
  return { stap: first.soort, poging: 0, datum: addWorkdays(datum, 0), dagdeel: first.dagdelen[0]! }
}

function moveTo(cfg: LadderConfig, index: number, from: string, last: Dagdeel | null): PlanState {
  const next = cfg.stappen[index]
  if (!next) return { stap: 'afronden', poging: 0, datum: addWorkdays(from, cfg.afrondDagen), dagdeel: null }
  return {
    stap: next.soort,
    poging: 0,
    datum: addWorkdays(from, next.wachtdagen),
    dagdeel: firstOther(next.dagdelen, last),
  }
}

/** Where the case stands after this attempt. */
export function planAfter(cfg: LadderConfig, state: PlanState, a: AttemptFact): PlanState {
  const current: PlanStap = state.stap ?? cfg.stappen[0]!.soort

  if (a.resultaat === 'Verhuisd') return { stap: 'afronden', poging: 0, datum: a.datum, dagdeel: null }
  if (isReached(a))
    return { stap: 'opvolgen', poging: 0, datum: addWorkdays(a.datum, cfg.opvolgDagen), dagdeel: null }
  if (a.resultaat === NIET_GEKOMEN) return afterMissedAppointment(cfg, a)
  // An appointment is coming: a message or a call that got no answer does not move it.
  if (current === 'afspraak') return state

  if (current === 'opvolgen') {
    // Contact was made before; keep trying a few times, then the case is up for closing.
    if (a.kanaal === 'administratief') return state
    const poging = state.poging + 1
    if (poging >= OPVOLG_POGINGEN) return { stap: 'afronden', poging: 0, datum: a.datum, dagdeel: null }
    return {
      stap: 'opvolgen',
      poging,
      datum: addWorkdays(a.datum, 1),
      dagdeel: rotateDagdeel(['Ochtend', 'Middag', 'Avond'], a.dagdeel),
    }
  }
  if (current === 'afronden') return state

  const curIndex = cfg.stappen.findIndex((s) => s.soort === current)
  const attemptStep = stepForKanaal(cfg, a.kanaal)
  const attemptIndex = attemptStep ? cfg.stappen.findIndex((s) => s.soort === attemptStep) : -1
  // An extra attempt on an earlier rung (or of no rung) leaves the plan as it was.
  if (attemptIndex < curIndex) return state
  const index = attemptIndex
  const step = cfg.stappen[index]!
  const poging = index === curIndex ? state.poging + 1 : 1

  // Nobody at home, or the door stayed shut: the card goes through the letterbox straight away.
  if (step.soort === 'huisbezoek' && (a.resultaat === 'Niet thuis' || a.resultaat === 'Deur niet open')) {
    const card = cfg.stappen.findIndex((s) => s.soort === 'kaartje')
    if (card > index) return { stap: 'kaartje', poging: 0, datum: a.datum, dagdeel: a.dagdeel }
    return moveTo(cfg, index + 1, a.datum, a.dagdeel)
  }
  // A wrong number: more calls make no sense.
  if (a.resultaat === 'Verkeerd nummer') return moveTo(cfg, index + 1, a.datum, a.dagdeel)
  if (poging < step.pogingen)
    return {
      stap: step.soort,
      poging,
      datum: addWorkdays(a.datum, 1),
      dagdeel: rotateDagdeel(step.dagdelen, a.dagdeel),
    }
  return moveTo(cfg, index + 1, a.datum, a.dagdeel)
}

/**
 * The resident did not come to an appointment: a call on the working day the Stappenplan says
 * (`nietGekomen`), on the part of the day the appointment was, when the step allows it. 'bellen'
 * climbs the ladder again from its calls; without a call step in the ladder, or when chosen, the
 * case is followed up as after contact.
 */
function afterMissedAppointment(cfg: LadderConfig, a: AttemptFact): PlanState {
  const calls = cfg.nietGekomen.stap === 'bellen' ? cfg.stappen.find((s) => s.soort === 'bellen') : undefined
  const dagdelen: readonly Dagdeel[] = calls?.dagdelen ?? ['Ochtend', 'Middag', 'Avond']
  return {
    stap: calls ? 'bellen' : 'opvolgen',
    poging: 0,
    datum: addWorkdays(a.datum, cfg.nietGekomen.werkdagen),
    dagdeel: dagdelen.includes(a.dagdeel) ? a.dagdeel : dagdelen[0]!,
  }
}

const PHONE_STEPS: readonly PlanStap[] = ['bellen', 'bericht']

/**
 * Without a phone number nobody can be called or messaged: such a case is shown at the first
 * later step that needs no phone, due on the same day. The stored plan is left as it is, so
 * an attempt on that later step moves the plan on as usual, and a phone number added later
 * brings the calls back.
 */
export function reachableStep(cfg: LadderConfig, stap: PlanStap, hasPhone: boolean): PlanStap {
  if (hasPhone || !PHONE_STEPS.includes(stap)) return stap
  const i = cfg.stappen.findIndex((s) => s.soort === stap)
  return cfg.stappen.slice(i + 1).find((s) => !PHONE_STEPS.includes(s.soort))?.soort ?? 'afronden'
}

/** The label of the step after the current one, for "daarna". */
export function stepAfter(cfg: LadderConfig, stap: PlanStap | null): PlanStap | null {
  const current = stap ?? cfg.stappen[0]!.soort
  // An appointment that fails (niet gekomen) goes where the Stappenplan says (afterMissedAppointment).
  if (current === 'afspraak')
    return cfg.nietGekomen.stap === 'bellen' && cfg.stappen.some((s) => s.soort === 'bellen')
      ? 'bellen'
      : 'opvolgen'
  if (current === 'opvolgen' || current === 'afronden') return current === 'opvolgen' ? 'afronden' : null
  const i = cfg.stappen.findIndex((s) => s.soort === current)
  return cfg.stappen[i + 1]?.soort ?? 'afronden'
}

export { STAP_KANAAL }
