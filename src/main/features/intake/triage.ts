import type { TriageRules } from '@shared/api/intake'
import { triageRules } from '@shared/api/intake'
import type { Signaalstatus } from '@shared/domain/ddas'
import { ageOn, daysBetween } from '@shared/format/dates'
import { formatCents } from '@shared/format/money'
import type { Db } from '../../db/database'
import { getSetting, putSetting } from '../settings/repository'
import type { ParsedRow } from './rows'

const RULES_KEY = 'intake.afwegingskader'

/** What most municipalities use: 75 euro for every partner, crisis signals always, no age limit. */
export const DEFAULT_RULES: TriageRules = {
  drempels: { Huur: 75, Energie: 75, Water: 75, Zorg: 75, 'CAK Zorgverzekeringen': 75 },
  minDagen: 0,
  jongerenTot: 27,
  ouderenVanaf: 67,
  leeftijdVoorrang: true,
  crisisAltijd: true,
  herhaaldeMelding: true,
  buitenGemeente: false,
}

export async function loadRules(db: Db): Promise<TriageRules> {
  const value = await getSetting(db, RULES_KEY)
  if (value === null) return DEFAULT_RULES
  const parsed = triageRules.safeParse(JSON.parse(value))
  return parsed.success ? parsed.data : DEFAULT_RULES
}

export async function storeRules(db: Db, rules: TriageRules, at: string, by: number | null): Promise<void> {
  await putSetting(db, RULES_KEY, JSON.stringify(rules), at, by)
}

export interface TriageFacts {
  /** The postcode lies in one of the team's wijken. */
  inGemeente: boolean
  /** The same partner reported this household before, within six months, for at least this amount. */
  herhaald: boolean
}

export interface TriageAdvice {
  doorzetten: boolean
  status: Signaalstatus | null
  reden: string
}

/**
 * The afwegingskader: proposes for one signal whether to follow it up, with the DDAS status as
 * the reason when not. Order: not a resident, repeated report, crisis, age priority, thresholds.
 */
export function triage(rules: TriageRules, row: ParsedRow, facts: TriageFacts): TriageAdvice {
  if (rules.buitenGemeente && !facts.inGemeente)
    return {
      doorzetten: false,
      status: 'Persoon is geen inwoner (meer) in de gemeente',
      reden: 'Postcode ligt buiten de wijken van het team',
    }
  if (rules.herhaaldeMelding && facts.herhaald)
    return {
      doorzetten: false,
      status: 'Niet opgepakt: herhaalde melding',
      reden: 'Zelfde partner meldde deze achterstand al, zonder stijging',
    }
  if (rules.crisisAltijd && row.crisis) return { doorzetten: true, status: null, reden: 'Crisissignaal' }
  if (rules.leeftijdVoorrang && row.geboortedatum) {
    const age = ageOn(row.geboortedatum, row.signaaldatum)
    if (age < rules.jongerenTot) return { doorzetten: true, status: null, reden: `Jongere (${age} jaar)` }
    if (age >= rules.ouderenVanaf) return { doorzetten: true, status: null, reden: `Oudere (${age} jaar)` }
  }
  const drempel = rules.drempels[row.partnerType]
  if (drempel !== undefined && row.bedragCents < drempel * 100)
    return {
      doorzetten: false,
      status: 'Niet opgepakt: onterecht signaal',
      reden: `Bedrag onder de drempel van ${formatCents(drempel * 100)}`,
    }
  if (rules.minDagen > 0 && row.ontstaansdatum) {
    const days = daysBetween(row.ontstaansdatum, row.signaaldatum)
    if (days < rules.minDagen)
      return {
        doorzetten: false,
        status: 'Niet opgepakt: onterecht signaal',
        reden: `Achterstand korter dan ${rules.minDagen} dagen`,
      }
  }
  return { doorzetten: true, status: null, reden: 'Voldoet aan het afwegingskader' }
}
