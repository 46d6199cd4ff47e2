import type { Contactsoort } from '@shared/domain/ddas'
import type { Kanaal } from '@shared/api/ladder'
import { addDays } from '@shared/format/dates'
import type { Random } from './random'

/**
 * Contact attempts the way the Roermond team works: phone, then WhatsApp, then a letter that
 * announces a home visit, the visit in pairs, and a card in a red envelope when nobody opens.
 */
export interface DemoAttempt {
  soort: Contactsoort
  bereikt: boolean
  datum: string
  /** Local time of day; the dagdeel follows from it. */
  hour: number
  minute: number
  notitie: string
  /** The app's channel and short result, as a consulent picks them when logging. */
  kanaal: Kanaal
  resultaat: string
}

interface Step {
  soort: Contactsoort
  /** Days after the previous step. */
  gap: readonly [number, number]
  hours: readonly number[]
  missed: readonly string[]
  reached: string
}

/** The channel and short result a note stands for; no randomness, so the demo stays the same. */
export function channelOf(
  soort: Contactsoort,
  bereikt: boolean,
  notitie: string,
): { kanaal: Kanaal; resultaat: string } {
  switch (soort) {
    case 'Telefoon':
      if (bereikt) return { kanaal: 'telefoon', resultaat: 'Gesprek gevoerd' }
      if (notitie.includes('klopt niet')) return { kanaal: 'telefoon', resultaat: 'Verkeerd nummer' }
      return {
        kanaal: 'telefoon',
        resultaat: notitie.includes('Voicemail') ? 'Voicemail ingesproken' : 'Geen gehoor',
      }
    case 'SMS/Whatsapp':
      return {
        kanaal: notitie.startsWith('Sms') ? 'sms' : 'whatsapp',
        resultaat: bereikt ? 'Teruggebeld' : 'Bericht gestuurd',
      }
    case 'Mail':
      return { kanaal: 'mail', resultaat: bereikt ? 'Reactie ontvangen' : 'Mail gestuurd' }
    case 'Brief':
      return { kanaal: 'brief', resultaat: bereikt ? 'Reactie ontvangen' : 'Brief verstuurd' }
    case 'Huisbezoek':
      if (bereikt) return { kanaal: 'huisbezoek', resultaat: 'Gesprek gevoerd' }
      return { kanaal: 'huisbezoek', resultaat: notitie.includes('deur') ? 'Deur niet open' : 'Niet thuis' }
    case 'Kaartje':
      return { kanaal: 'kaartje', resultaat: 'Kaartje achtergelaten' }
    case 'Overige':
      return { kanaal: 'inloop', resultaat: 'Langsgekomen op het inloopspreekuur' }
    default:
      return { kanaal: 'administratief', resultaat: 'Anders' }
  }
}

/** An attempt with its channel and result filled in from the kind and note. */
export function attempt(a: Omit<DemoAttempt, 'kanaal' | 'resultaat'>): DemoAttempt {
  return { ...a, ...channelOf(a.soort, a.bereikt, a.notitie) }
}

const LADDER: readonly Step[] = [
  {
    soort: 'Telefoon',
    gap: [1, 3],
    hours: [9, 10, 11, 13, 14, 15, 16, 18],
    missed: [
      'Gebeld, geen gehoor. Voicemail ingesproken.',
      'Gebeld, geen gehoor.',
      'Nummer klopt niet meer.',
    ],
    reached: 'Bewoner gesproken. Afspraak gemaakt voor een gesprek.',
  },
  {
    soort: 'SMS/Whatsapp',
    gap: [1, 3],
    hours: [9, 11, 14, 16, 17],
    missed: ['WhatsApp-bericht gestuurd met de vraag om terug te bellen.', 'Sms gestuurd, geen reactie.'],
    reached: 'Bewoner belde terug na het WhatsApp-bericht.',
  },
  {
    soort: 'Brief',
    gap: [2, 5],
    hours: [9, 10, 11],
    missed: ['Brief gestuurd met aankondiging van een huisbezoek (datum en tijd erin).'],
    reached: 'Bewoner belde na de brief en wil liever op het stadskantoor praten.',
  },
  {
    soort: 'Huisbezoek',
    // The announced date: about a week after the letter.
    gap: [7, 10],
    hours: [10, 11, 13, 14, 15, 18, 19],
    missed: ['Huisbezoek in duo, niemand thuis.', 'Huisbezoek in duo, deur bleef dicht.'],
    reached: 'Huisbezoek in duo. Bewoner was thuis, goed gesprek gehad.',
  },
]

const CARD = 'Kaartje in rode envelop door de brievenbus, met naam en telefoonnummer erop geschreven.'
const WALK_IN = 'Bewoner kwam na het kaartje naar het inloopspreekuur.'

/**
 * The attempts of one case from `start` on. `reachAt` is the step that makes contact (0 phone,
 * 1 WhatsApp, 2 letter, 3 home visit, 4 walk-in after the card) or null for none. Attempts after
 * `until` are left out: they have not happened yet.
 */
export function ladderAttempts(
  rnd: Random,
  start: string,
  until: string,
  reachAt: number | null,
): DemoAttempt[] {
  const out: DemoAttempt[] = []
  let day = start
  const last = reachAt ?? 4
  for (let i = 0; i <= Math.min(last, 3); i++) {
    const step = LADDER[i]!
    day = addDays(day, rnd.int(step.gap[0], step.gap[1]))
    if (day > until) return out
    const bereikt = reachAt === i
    out.push(
      attempt({
        soort: step.soort,
        bereikt,
        datum: day,
        hour: rnd.pick(step.hours),
        minute: rnd.int(0, 59),
        notitie: bereikt ? step.reached : rnd.pick(step.missed),
      }),
    )
    if (bereikt) return out
  }
  // Nobody opened at the visit: the card goes through the letterbox straight away.
  const visit = out[out.length - 1]!
  out.push(
    attempt({
      soort: 'Kaartje',
      bereikt: false,
      datum: visit.datum,
      hour: visit.hour,
      minute: Math.min(59, visit.minute + 5),
      notitie: CARD,
    }),
  )
  if (reachAt === 4) {
    // The walk-in hour is on Tuesday morning; the resident comes on one of the next Tuesdays.
    let walkIn = addDays(visit.datum, 1)
    while (new Date(`${walkIn}T12:00:00Z`).getUTCDay() !== 2) walkIn = addDays(walkIn, 1)
    if (walkIn <= until)
      out.push(
        attempt({
          soort: 'Overige',
          bereikt: true,
          datum: walkIn,
          hour: rnd.pick([9, 10]),
          minute: rnd.int(0, 59),
          notitie: WALK_IN,
        }),
      )
  }
  return out
}

/** Which step reached the resident, weighted as the team sees it: the phone wins by far. */
export function reachStep(rnd: Random): number {
  return rnd.weighted([
    [0, 40],
    [1, 22],
    [2, 8],
    [3, 20],
    [4, 10],
  ] as const)
}

/** A local time in the Netherlands as a UTC instant (summer time April to October, near enough for demo data). */
export function localInstant(date: string, hour: number, minute: number): string {
  const month = Number(date.slice(5, 7))
  const offset = month >= 4 && month <= 10 ? 2 : 1
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d, hour - offset, minute)).toISOString()
}
