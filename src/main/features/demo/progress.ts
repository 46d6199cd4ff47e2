import type { Db } from '../../db/database'
import { STAP_KANAAL, type Kanaal, type LadderConfig } from '@shared/api/ladder'
import type { Dagdeel, Eindresultaat } from '@shared/domain/ddas'
import { addWorkdays, type PlanState } from '../ladder/planner'
import { getCasePlanRow } from '../ladder/repository'
import { currentState, recordAttempt } from '../ladder/service'
import { localInstant, type DemoAttempt } from './ladder'
import { closeDemoCase } from './repository'
import type { Random } from './random'

/**
 * This month's open cases, worked the way the app works: every attempt goes through the ladder's
 * recordAttempt (the same path as "Poging vastleggen"), so each case's plan is the planner's. Then
 * the consulent carries out every step the plan made due before today, so "Vandaag" holds what a
 * real day holds: a few steps left over from the last day or two, some due today, the rest ahead.
 */

const REACHED_RESULTS: readonly Eindresultaat[] = [
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
  '(Budget)advies en/of quick fix',
  'Vervolghulp en/of verwijzing financieel',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
]

interface Outcome {
  bereikt: boolean
  resultaat: string
  notitie: string
}

/** How likely a step reaches the resident, and what is written down either way. */
const OUTCOMES: Partial<Record<Kanaal, { reach: number; reached: Outcome; missed: readonly Outcome[] }>> = {
  telefoon: {
    reach: 0.12,
    reached: { bereikt: true, resultaat: 'Gesprek gevoerd', notitie: 'Bewoner gesproken, afspraak gemaakt.' },
    missed: [
      { bereikt: false, resultaat: 'Geen gehoor', notitie: 'Gebeld, geen gehoor.' },
      {
        bereikt: false,
        resultaat: 'Voicemail ingesproken',
        notitie: 'Voicemail ingesproken met terugbelverzoek.',
      },
    ],
  },
  whatsapp: {
    reach: 0.1,
    reached: { bereikt: true, resultaat: 'Teruggebeld', notitie: 'Bewoner belde terug na het bericht.' },
    missed: [{ bereikt: false, resultaat: 'Bericht gestuurd', notitie: 'WhatsApp-bericht gestuurd.' }],
  },
  brief: {
    reach: 0.06,
    reached: { bereikt: true, resultaat: 'Reactie ontvangen', notitie: 'Bewoner belde na de brief.' },
    missed: [
      { bereikt: false, resultaat: 'Brief verstuurd', notitie: 'Brief met aankondiging van een huisbezoek.' },
    ],
  },
  huisbezoek: {
    reach: 0.3,
    reached: { bereikt: true, resultaat: 'Gesprek gevoerd', notitie: 'Huisbezoek in duo, goed gesprek.' },
    missed: [
      { bereikt: false, resultaat: 'Niet thuis', notitie: 'Huisbezoek in duo, niemand thuis.' },
      { bereikt: false, resultaat: 'Deur niet open', notitie: 'Huisbezoek in duo, deur bleef dicht.' },
    ],
  },
  kaartje: {
    reach: 0,
    reached: { bereikt: true, resultaat: 'Kaartje achtergelaten', notitie: '' },
    missed: [
      {
        bereikt: false,
        resultaat: 'Kaartje achtergelaten',
        notitie: 'Kaartje in rode envelop door de brievenbus.',
      },
    ],
  },
}

const HOURS: Record<Dagdeel, readonly number[]> = {
  Ochtend: [9, 10, 11],
  Middag: [13, 14, 15, 16],
  Avond: [18, 19],
}

/** Logs the planned attempts of one of this month's cases and, if planned, closes it. */
export async function workCurrentCase(
  trx: Db,
  cfg: LadderConfig,
  rnd: Random,
  today: string,
  caseId: number,
  attempts: readonly DemoAttempt[],
  closure: { resultaat: Eindresultaat; geslotenOp: string } | null,
): Promise<void> {
  const row = await getCasePlanRow(trx, caseId)
  if (!row) throw new Error(`Demo case ${caseId} is missing`)
  const userId = row.consulent_id
  const log = async (
    datum: string,
    hour: number,
    minute: number,
    kanaal: Kanaal,
    o: Outcome,
  ): Promise<PlanState | null> =>
    (
      await recordAttempt(
        trx,
        { at: localInstant(datum, hour, minute), today: datum, userId },
        {
          caseId,
          kanaal,
          bereikt: o.bereikt,
          resultaat: o.resultaat,
          notitie: o.notitie,
          datum,
          tijd: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        },
      )
    ).plan
  for (const a of attempts) await log(a.datum, a.hour, a.minute, a.kanaal, a)
  if (closure) return closeDemoCase(trx, caseId, closure.resultaat, closure.geslotenOp)

  // Most consulenten are up to date; some have a step or two left from the last working days.
  const behind = rnd.weighted([
    [0, 72],
    [1, 18],
    [2, 10],
  ] as const)
  const cutoff = addWorkdays(today, -behind)
  let contact = attempts.some((a) => a.bereikt)
  let state: PlanState | null = currentState(cfg, (await getCasePlanRow(trx, caseId))!)
  for (let i = 0; i < 25 && state?.datum && state.datum < cutoff; i++) {
    const day = addWorkdays(state.datum, 0)
    if (day >= today) break
    if (state.stap === 'afronden') {
      // The ladder is done: the consulent closes the case that day.
      return closeDemoCase(
        trx,
        caseId,
        contact ? 'Geen reactie na eerder contact' : 'Definitief geen contact kunnen krijgen',
        day,
      )
    }
    const kanaal = STAP_KANAAL[state.stap ?? cfg.stappen[0]!.soort]
    const dagdeel = state.dagdeel ?? 'Ochtend'
    const hour = rnd.pick(HOURS[dagdeel])
    const minute = rnd.int(0, 59)
    if (state.stap === 'opvolgen') {
      // A follow-up call; after a good talk the case is often done.
      const talked = rnd.chance(0.6)
      const call = OUTCOMES.telefoon!
      state = await log(day, hour, minute, kanaal, talked ? call.reached : call.missed[0]!)
      if (talked && rnd.chance(0.5)) return closeDemoCase(trx, caseId, rnd.pick(REACHED_RESULTS), day)
    } else {
      const o = OUTCOMES[kanaal] ?? OUTCOMES.telefoon!
      const outcome = rnd.chance(o.reach) ? o.reached : rnd.pick(o.missed)
      if (outcome.bereikt) contact = true
      state = await log(day, hour, minute, kanaal, outcome)
    }
  }
}
