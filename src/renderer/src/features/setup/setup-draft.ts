import { setupInput, type SetupInput } from '@shared/api/setup'
import type { Rol } from '@shared/domain/case'
import { check, type FieldErrors } from '../../components/form-errors'
import { EMPTY_TEAM, TEAM_FIELDS, type TeamDraft } from '../../components/team-settings'

/** The wizard's state: what the user has typed so far, before it is checked. */
export interface WijkDraft {
  /** Stable React key; rows can be removed, so the index will not do. */
  key: number
  naam: string
  postcodes: string
}

export interface MedewerkerDraft {
  key: number
  naam: string
  rol: Rol
  telefoon: string
  email: string
  /** Wijken by name: in the set-up they have no ids yet. */
  wijken: string[]
}

/** The person doing the set-up: one of the beheerders, with their password typed twice. */
export interface BeheerderDraft {
  naam: string
  wachtwoord: string
  herhaling: string
}

export interface SetupDraft {
  team: TeamDraft
  wijken: WijkDraft[]
  medewerkers: MedewerkerDraft[]
  beheerder: BeheerderDraft
}

export const STEP_TEAM = 0
export const STEP_INLOOP = 1
export const STEP_WIJKEN = 2
export const STEP_MEDEWERKERS = 3
export const STEP_WACHTWOORD = 4
export const STEP_CONTROLE = 5

let lastKey = 0
const nextKey = () => ++lastKey

export const newWijk = (): WijkDraft => ({ key: nextKey(), naam: '', postcodes: '' })
export const newMedewerker = (rol: Rol = 'consulent'): MedewerkerDraft => ({
  key: nextKey(),
  naam: '',
  rol,
  telefoon: '',
  email: '',
  wijken: [],
})

export function initialDraft(): SetupDraft {
  return {
    team: { ...EMPTY_TEAM },
    wijken: [newWijk()],
    medewerkers: [newMedewerker()],
    beheerder: { naam: '', wachtwoord: '', herhaling: '' },
  }
}

export function toSetupInput(d: SetupDraft): SetupInput {
  return {
    team: d.team,
    wijken: d.wijken.map(({ naam, postcodes }) => ({ naam, postcodes })),
    medewerkers: d.medewerkers.map(({ naam, rol, telefoon, email, wijken }) => ({
      naam,
      rol,
      telefoon,
      email,
      wijken,
    })),
    beheerder: { naam: d.beheerder.naam, wachtwoord: d.beheerder.wachtwoord },
  }
}

/** The names of the beheerders typed so far: the person doing the set-up is one of them. */
export function beheerderNames(d: SetupDraft): string[] {
  return [...new Set(d.medewerkers.filter((m) => m.rol === 'beheerder').map((m) => m.naam.trim()))].filter(
    Boolean,
  )
}

/** Everything wrong with the draft, by the same rules main applies to `setup.complete`. */
export function validateSetup(d: SetupDraft): FieldErrors {
  const result = check(setupInput, toSetupInput(d))
  const errors = result.ok ? {} : result.errors
  // Typed twice in the screen only; main gets it once.
  if (!errors['beheerder.wachtwoord'] && d.beheerder.herhaling !== d.beheerder.wachtwoord)
    errors['beheerder.herhaling'] = 'De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord nog eens.'
  return errors
}

/** The step whose fields an error key belongs to ("team.telefoon" -> 0, "wijken.2.naam" -> 2). */
export function stepOfError(key: string): number {
  const [head, field] = key.split('.')
  if (head === 'team')
    return field && (TEAM_FIELDS as readonly string[]).includes(field) ? STEP_TEAM : STEP_INLOOP
  if (head === 'wijken') return STEP_WIJKEN
  if (head === 'medewerkers') return STEP_MEDEWERKERS
  if (head === 'beheerder') return STEP_WACHTWOORD
  return STEP_CONTROLE
}

export function errorsForStep(errors: FieldErrors, step: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => stepOfError(key) === step))
}

export function firstStepWithError(errors: FieldErrors): number | null {
  const steps = Object.keys(errors).map(stepOfError)
  return steps.length ? Math.min(...steps) : null
}

/** The distinct wijk names typed so far, for the team members' wijk choice. */
export function wijkNames(d: SetupDraft): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const w of d.wijken) {
    const naam = w.naam.trim()
    if (naam && !seen.has(naam)) {
      seen.add(naam)
      out.push(naam)
    }
  }
  return out
}

/**
 * Renames a wijk, and the team members who were given it follow along, so going back to fix a
 * typo in a wijk name does not silently undo the assignments made in the next step.
 */
export function renameWijk(d: SetupDraft, key: number, naam: string): SetupDraft {
  const old = d.wijken.find((w) => w.key === key)?.naam.trim() ?? ''
  const wijken = d.wijken.map((w) => (w.key === key ? { ...w, naam } : w))
  const next = naam.trim()
  const oldStillUsed = wijken.some((w) => w.naam.trim() === old)
  if (!old || old === next || oldStillUsed) return { ...d, wijken }
  return {
    ...d,
    wijken,
    medewerkers: d.medewerkers.map((m) =>
      m.wijken.includes(old)
        ? { ...m, wijken: dedupe(m.wijken.map((w) => (w === old && next ? next : w)).filter(Boolean)) }
        : m,
    ),
  }
}

/** Removes a wijk row; team members lose it too, unless another row still has that name. */
export function removeWijk(d: SetupDraft, key: number): SetupDraft {
  const old = d.wijken.find((w) => w.key === key)?.naam.trim() ?? ''
  const wijken = d.wijken.filter((w) => w.key !== key)
  if (!old || wijken.some((w) => w.naam.trim() === old)) return { ...d, wijken }
  return {
    ...d,
    wijken,
    medewerkers: d.medewerkers.map((m) => ({ ...m, wijken: m.wijken.filter((w) => w !== old) })),
  }
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)]
}
