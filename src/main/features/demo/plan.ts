import type { Eindresultaat, SignaalpartnerType } from '@shared/domain/ddas'
import { addDays, daysBetween } from '@shared/format/dates'
import { normalizeAddition } from '@shared/format/address'
import type { NewSignal } from '../signals/service'
import type { ResidentInput } from '../signals/households'
import { attempt, ladderAttempts, localInstant, reachStep, type DemoAttempt } from './ladder'
import { emailFor, pickInitials, pickSurname, randomMobile, SURNAMES, type DemoSurname } from './names'
import { randomBsn, type Random } from './random'
import { randomAddress, rewriteAddition, type DemoAddress } from './streets'

/**
 * What the demo month holds, decided before anything is written: households, their signals in
 * the order the team took them in, earlier (closed) cases and the contact attempts. Pure, so
 * the same seed and date always give the same plan.
 */
export interface DemoHousehold {
  address: DemoAddress
  residents: ResidentInput[]
}

export interface PlannedSignal {
  household: DemoHousehold
  resident: ResidentInput
  /** The house number addition as this partner wrote it. */
  toevoeging: string
  signal: NewSignal
  /** The day the team took the signal in (a new case's datum_opgepakt) and the instant. */
  today: string
  at: string
}

export interface PlannedCase {
  household: DemoHousehold
  signals: PlannedSignal[]
  attempts: DemoAttempt[]
  closure: { resultaat: Eindresultaat; geslotenOp: string } | null
}

export interface DemoPlan {
  /** Closed cases 2 to 12 months back, oldest first. */
  earlier: PlannedCase[]
  /** This month's cases; their signals are taken in interleaved, by instant. */
  current: PlannedCase[]
}

type Partner = {
  type: SignaalpartnerType
  weight: number
  names: readonly string[]
  median: number
  sigma: number
  min: number
  max: number
}

// Shares as the team sees them: health insurers send most, then landlords and energy.
const PARTNERS: readonly Partner[] = [
  {
    type: 'Zorg',
    weight: 38,
    names: ['CZ', 'VGZ', 'Zilveren Kruis', 'Menzis', 'ONVZ', 'DSW'],
    median: 330,
    sigma: 0.55,
    min: 90,
    max: 3000,
  },
  {
    type: 'Huur',
    weight: 21,
    names: ['Wonen Limburg', 'Wonen Limburg', 'Wonen Limburg', 'Woonpunt', 'Particuliere verhuurder'],
    median: 950,
    sigma: 0.5,
    min: 250,
    max: 6000,
  },
  {
    type: 'Energie',
    weight: 20,
    names: ['Essent', 'Vattenfall', 'Eneco', 'Budget Energie', 'Greenchoice'],
    median: 520,
    sigma: 0.6,
    min: 100,
    max: 4000,
  },
  { type: 'Water', weight: 14, names: ['WML'], median: 160, sigma: 0.45, min: 50, max: 900 },
  { type: 'CAK Zorgverzekeringen', weight: 4, names: ['CAK'], median: 620, sigma: 0.4, min: 200, max: 2500 },
  { type: 'Hypotheek', weight: 1, names: ['Rabobank', 'ING'], median: 2400, sigma: 0.4, min: 800, max: 9000 },
  { type: 'DUO', weight: 1, names: ['DUO'], median: 450, sigma: 0.5, min: 100, max: 3000 },
  {
    type: 'Overige',
    weight: 1,
    names: ['Gemeentelijke belastingen'],
    median: 280,
    sigma: 0.4,
    min: 80,
    max: 1200,
  },
]

const REACHED_RESULTS: readonly (readonly [Eindresultaat, number])[] = [
  ['Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering', 18],
  ['(Budget)advies en/of quick fix', 15],
  ['Vervolghulp en/of verwijzing financieel', 12],
  ['Inwoner heeft zelf al betaald/betalingsregeling getroffen', 12],
  ['Inwoner al bekend bij schuldhulpverlening', 5],
  ['Inwoner heeft al een ander lopend traject', 3],
  ['Vervolghulp en/of verwijzing niet financieel', 3],
]

const EARLIER_RESULTS: readonly (readonly [Eindresultaat, number])[] = [
  ...REACHED_RESULTS,
  ['Definitief geen contact kunnen krijgen', 20],
  ['Geen reactie na eerder contact', 6],
  ['Verwijzing zonder tussenkomst inwoner', 2],
  ['Niet opgepakt: onterecht signaal', 2],
  ['Niet opgepakt: herhaalde melding', 2],
]

const REACHED = new Set<Eindresultaat>(REACHED_RESULTS.map(([r]) => r))

class Planner {
  private readonly usedAddresses = new Set<string>()
  private signalSeq = 0

  constructor(
    private readonly rnd: Random,
    private readonly today: string,
  ) {}

  household(): DemoHousehold {
    for (;;) {
      const address = randomAddress(this.rnd)
      const key = `${address.postcode}|${address.huisnummer}|${normalizeAddition(address.toevoeging)}`
      if (this.usedAddresses.has(key)) continue
      this.usedAddresses.add(key)
      const first = this.resident(pickSurname(this.rnd))
      const residents = [first]
      // A partner: about half share the surname (so matching must tell them apart by birth date).
      if (this.rnd.chance(0.2)) {
        const surname = this.rnd.chance(0.5)
          ? SURNAMES.find((n) => n.surname === first.achternaam && n.prefix === first.tussenvoegsel)!
          : pickSurname(this.rnd)
        residents.push(this.resident(surname, first.geboortedatum!))
      }
      return { address, residents }
    }
  }

  resident(name: DemoSurname, near?: string): ResidentInput {
    const rnd = this.rnd
    const age = near
      ? Math.max(18, Math.min(90, Math.floor(daysBetween(near, this.today) / 365.25) + rnd.int(-6, 6)))
      : rnd.weighted([
          [rnd.int(18, 24), 12],
          [rnd.int(25, 44), 40],
          [rnd.int(45, 64), 33],
          [rnd.int(65, 90), 15],
        ] as const)
    const geboortedatum = addDays(this.today, -Math.floor(age * 365.25) - rnd.int(1, 360))
    const voorletters = pickInitials(rnd, name.origin)
    return {
      voorletters,
      tussenvoegsel: name.prefix,
      achternaam: name.surname,
      geboortedatum,
      telefoon: rnd.chance(0.6) ? randomMobile(rnd) : '',
      email: rnd.chance(0.25) ? emailFor(rnd, voorletters, name.surname) : '',
      bsn: rnd.chance(0.35) ? randomBsn(rnd) : '',
    }
  }

  signal(
    hh: DemoHousehold,
    type: SignaalpartnerType,
    signaaldatum: string,
    today: string,
    resident?: ResidentInput,
  ): PlannedSignal {
    const rnd = this.rnd
    const p = PARTNERS.find((x) => x.type === type)!
    const euros = Math.min(p.max, Math.max(p.min, rnd.logNormal(p.median, p.sigma)))
    const cents = rnd.chance(0.4) ? Math.round(euros) * 100 : Math.round(euros * 100)
    const warm = type === 'Huur' ? rnd.chance(0.25) : rnd.chance(0.02)
    this.signalSeq++
    return {
      household: hh,
      resident:
        resident ?? (hh.residents.length > 1 && rnd.chance(0.3) ? hh.residents[1]! : hh.residents[0]!),
      toevoeging: rewriteAddition(rnd, hh.address.toevoeging),
      signal: {
        // A warm handover comes by phone and has no platform number.
        externId: warm
          ? null
          : `VPS-${signaaldatum.slice(0, 4)}-${String(104_000 + this.signalSeq * 7 + rnd.int(0, 6))}`,
        bron: 'demo',
        partnerType: type,
        partnerNaam: rnd.pick(p.names),
        bedragCents: cents,
        ontstaansdatum: addDays(signaaldatum, -rnd.int(35, 120)),
        signaaldatum,
        // Energy suppliers signal an imminent disconnection as a crisis.
        crisis: type === 'Energie' ? rnd.chance(0.12) : type === 'Huur' ? rnd.chance(0.03) : false,
        warmeOverdracht: warm,
      },
      today,
      at: localInstant(today, rnd.int(8, 16), rnd.int(0, 59)),
    }
  }

  partnerType(avoid: SignaalpartnerType[]): SignaalpartnerType {
    for (let i = 0; ; i++) {
      const t = this.rnd.weighted(PARTNERS.map((p) => [p.type, p.weight] as const))
      if (!avoid.includes(t) || i > 5) return t
    }
  }

  /** One household's signals this month, with the contact attempts made since. */
  currentCase(hh: DemoHousehold, count: number): PlannedCase {
    const rnd = this.rnd
    const types: SignaalpartnerType[] = []
    for (let i = 0; i < count; i++) types.push(this.partnerType(types))
    const signals = types
      .map((type) => {
        const signaaldatum = addDays(this.today, -rnd.int(1, 30))
        const taken = addDays(
          signaaldatum,
          rnd.weighted([
            [0, 3],
            [1, 4],
            [2, 2],
            [3, 1],
          ] as const),
        )
        return this.signal(hh, type, signaaldatum, taken < this.today ? taken : this.today)
      })
      .sort((a, b) => a.at.localeCompare(b.at))
    const opened = signals[0]!.today
    const lastTaken = signals[signals.length - 1]!.today
    let attempts: DemoAttempt[] = []
    let closure: PlannedCase['closure'] = null
    if (daysBetween(opened, this.today) >= 2 && rnd.chance(0.65)) {
      const reachAt = rnd.chance(0.4) ? reachStep(rnd) : null
      attempts = ladderAttempts(rnd, opened, addDays(this.today, -1), reachAt)
      const last = attempts[attempts.length - 1]
      if (last?.bereikt && daysBetween(last.datum, this.today) >= 5 && rnd.chance(0.3)) {
        let geslotenOp = addDays(last.datum, rnd.int(1, 4))
        if (geslotenOp < lastTaken) geslotenOp = lastTaken
        if (geslotenOp < this.today)
          closure = { resultaat: rnd.weighted(REACHED_RESULTS.slice(0, 4)), geslotenOp }
      }
    }
    return { household: hh, signals, attempts, closure }
  }

  /** A case of the household months ago, closed with a DDAS end result. */
  earlierCase(hh: DemoHousehold, opened: string, resident?: ResidentInput): PlannedCase {
    const rnd = this.rnd
    const first = this.signal(hh, this.partnerType([]), addDays(opened, -rnd.int(0, 2)), opened, resident)
    const signals = [first]
    if (rnd.chance(0.25)) {
      const d = addDays(opened, rnd.int(0, 10))
      signals.push(
        this.signal(
          hh,
          this.partnerType([first.signal.partnerType as SignaalpartnerType]),
          d,
          addDays(d, rnd.int(0, 2)),
          resident,
        ),
      )
    }
    const resultaat = rnd.weighted(EARLIER_RESULTS)
    // Earlier cases were closed before this month began, so this month's signals open a new case.
    const limit = addDays(this.today, -35)
    let attempts: DemoAttempt[] = []
    if (REACHED.has(resultaat)) attempts = ladderAttempts(rnd, opened, limit, reachStep(rnd))
    else if (resultaat === 'Geen reactie na eerder contact') {
      attempts = ladderAttempts(rnd, opened, limit, 0)
      const after = attempts[0] ? addDays(attempts[0].datum, rnd.int(5, 9)) : limit
      if (after <= limit)
        attempts.push(
          attempt({
            soort: 'Telefoon',
            bereikt: false,
            datum: after,
            hour: 10,
            minute: rnd.int(0, 59),
            notitie: 'Afgesproken terugbelmoment, geen gehoor.',
          }),
          attempt({
            soort: 'SMS/Whatsapp',
            bereikt: false,
            datum: after,
            hour: 11,
            minute: rnd.int(0, 59),
            notitie: 'WhatsApp-bericht gestuurd, geen reactie.',
          }),
        )
    } else if (!resultaat.startsWith('Niet opgepakt')) attempts = ladderAttempts(rnd, opened, limit, null)
    const lastDay = [opened, ...signals.map((s) => s.today), ...attempts.map((a) => a.datum)].sort().pop()!
    let geslotenOp = addDays(lastDay, rnd.int(2, 14))
    if (geslotenOp > limit) geslotenOp = lastDay > limit ? lastDay : limit
    return { household: hh, signals, attempts, closure: { resultaat, geslotenOp } }
  }
}

/** About 300 signals this month, about 15% of addresses with several, and about 40 earlier cases. */
export function planDemo(rnd: Random, today: string): DemoPlan {
  const p = new Planner(rnd, today)
  const target = rnd.int(292, 308)
  const current: PlannedCase[] = []
  let signals = 0
  while (signals < target) {
    const count = Math.min(
      target - signals,
      rnd.weighted([
        [1, 85],
        [2, 11],
        [3, 4],
      ] as const),
    )
    current.push(p.currentCase(p.household(), count))
    signals += count
  }

  const earlier: PlannedCase[] = []
  const months = (from: number, to: number) => addDays(today, -rnd.int(from, to))
  // Returning households: the same people again, or (now and then) the previous tenants.
  const returning = shuffled(rnd, current).slice(0, 34)
  returning.slice(0, 28).forEach((c, i) => {
    const earlierTenant = rnd.chance(0.15) ? p.resident(pickSurname(rnd)) : undefined
    if (i < 3) earlier.push(p.earlierCase(c.household, months(200, 365), earlierTenant))
    earlier.push(p.earlierCase(c.household, months(75, 170), earlierTenant))
  })
  // People who moved: known from a case at their previous address.
  for (const c of returning.slice(28)) {
    const mover = c.household.residents[0]!
    const previous = p.household()
    previous.residents = [{ ...mover, telefoon: rnd.chance(0.5) ? mover.telefoon : '' }]
    earlier.push(p.earlierCase(previous, months(75, 365)))
  }
  // And a few households that have not come back.
  for (let i = 0; i < 3; i++) earlier.push(p.earlierCase(p.household(), months(75, 365)))
  earlier.sort((a, b) => a.signals[0]!.at.localeCompare(b.signals[0]!.at))
  return { earlier, current }
}

function shuffled<T>(rnd: Random, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
