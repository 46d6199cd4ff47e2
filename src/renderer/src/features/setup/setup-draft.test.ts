import { describe, expect, it } from 'vitest'
import {
  STEP_CONTROLE,
  STEP_INLOOP,
  STEP_MEDEWERKERS,
  STEP_TEAM,
  STEP_WIJKEN,
  STEP_WACHTWOORD,
  errorsForStep,
  firstStepWithError,
  initialDraft,
  newMedewerker,
  newWijk,
  removeWijk,
  renameWijk,
  stepOfError,
  validateSetup,
  wijkNames,
  type SetupDraft,
} from './setup-draft'

function roermond(): SetupDraft {
  const d = initialDraft()
  d.team = {
    gemeenteNaam: 'Roermond',
    gemeenteCode: '0957',
    teamNaam: 'Team Vroegsignalering',
    postadres: 'Postbus 900\n6040 AX Roermond',
    bezoekadres: 'Markt 31\n6041 EM Roermond',
    telefoon: '0475 359 999',
    email: 'vroegsignalering@roermond.nl',
    inloopDag: 'dinsdag',
    inloopStart: '09:00',
    inloopEind: '11:00',
    inloopPlaats: 'Stadskantoor, Markt 31',
  }
  d.wijken = [
    { ...newWijk(), naam: 'Centrum', postcodes: '6041' },
    { ...newWijk(), naam: 'Donderberg', postcodes: '6044, 6045AA-6045ZZ' },
  ]
  d.medewerkers = [
    { ...newMedewerker('consulent'), naam: 'Anouk Peeters', wijken: ['Centrum', 'Donderberg'] },
    { ...newMedewerker('kwaliteitsmedewerker'), naam: 'Fatima El Idrissi' },
    { ...newMedewerker('beheerder'), naam: 'Bert Smeets' },
  ]
  d.beheerder = {
    naam: 'Bert Smeets',
    wachtwoord: 'de maas stroomt traag',
    herhaling: 'de maas stroomt traag',
  }
  return d
}

describe('set-up draft', () => {
  it('accepts a complete team', () => {
    expect(validateSetup(roermond())).toEqual({})
  })

  it('reports each problem at the step and field where the user can fix it', () => {
    const d = roermond()
    d.team.gemeenteCode = '957'
    d.team.inloopEind = '08:00'
    d.wijken[1]!.postcodes = '60XX'
    d.medewerkers[1]!.rol = 'consulent'
    const errors = validateSetup(d)
    expect(errors['team.gemeenteCode']).toMatch(/4 cijfers/)
    expect(errors['team.inloopEind']).toMatch(/na de begintijd/)
    expect(errors['wijken.1.postcodes']).toMatch(/"60XX" is geen postcode/)
    expect(Object.keys(errorsForStep(errors, STEP_TEAM))).toEqual(['team.gemeenteCode'])
    expect(Object.keys(errorsForStep(errors, STEP_INLOOP))).toEqual(['team.inloopEind'])
    expect(Object.keys(errorsForStep(errors, STEP_WIJKEN))).toEqual(['wijken.1.postcodes'])
    expect(firstStepWithError(errors)).toBe(STEP_TEAM)
    // The team-wide rules run once the rows themselves can be read, as on the server.
    d.wijken[1]!.postcodes = '6044'
    const later = validateSetup(d)
    expect(later['medewerkers']).toBe('Voeg een kwaliteitsmedewerker toe.')
    expect(Object.keys(errorsForStep(later, STEP_MEDEWERKERS))).toEqual(['medewerkers'])
  })

  it('finds duplicate wijk names and unknown wijken of a team member', () => {
    const d = roermond()
    d.wijken[1]!.naam = 'centrum'
    const errors = validateSetup(d)
    expect(errors['wijken.1.naam']).toMatch(/twee keer/)
    expect(errors['medewerkers.0.wijken']).toMatch(/Donderberg/)
  })

  it('maps server field keys to steps', () => {
    expect(stepOfError('team.email')).toBe(STEP_TEAM)
    expect(stepOfError('team.inloopPlaats')).toBe(STEP_INLOOP)
    expect(stepOfError('wijken')).toBe(STEP_WIJKEN)
    expect(stepOfError('medewerkers.1.wijken')).toBe(STEP_MEDEWERKERS)
    expect(stepOfError('_')).toBe(STEP_CONTROLE)
    expect(firstStepWithError({})).toBeNull()
  })

  it('lets team members follow a renamed wijk and lose a removed one', () => {
    let d = roermond()
    const centrum = d.wijken[0]!.key
    d = renameWijk(d, centrum, 'Centrum-Oost')
    expect(d.medewerkers[0]!.wijken).toEqual(['Centrum-Oost', 'Donderberg'])
    expect(wijkNames(d)).toEqual(['Centrum-Oost', 'Donderberg'])
    d = removeWijk(d, d.wijken[1]!.key)
    expect(d.medewerkers[0]!.wijken).toEqual(['Centrum-Oost'])
    expect(validateSetup(d)).toEqual({})
  })

  it('keeps assignments while another row still carries the old name', () => {
    let d = roermond()
    d.wijken.push({ ...newWijk(), naam: 'Centrum', postcodes: '6046' })
    d = renameWijk(d, d.wijken[2]!.key, 'Maasniel')
    expect(d.medewerkers[0]!.wijken).toEqual(['Centrum', 'Donderberg'])
  })

  it('asks for a beheerder in the team step, and for the password twice in its own step', () => {
    const noAdmin = roermond()
    noAdmin.medewerkers = noAdmin.medewerkers.filter((m) => m.rol !== 'beheerder')
    expect(errorsForStep(validateSetup(noAdmin), STEP_MEDEWERKERS)['medewerkers']).toMatch(/beheerder/)

    const typo = roermond()
    typo.beheerder.herhaling = 'de maas stroomt traa'
    const errors = validateSetup(typo)
    expect(Object.keys(errors)).toEqual(['beheerder.herhaling'])
    expect(firstStepWithError(errors)).toBe(STEP_WACHTWOORD)

    const weak = roermond()
    weak.beheerder = { naam: 'Bert Smeets', wachtwoord: 'wachtwoord123', herhaling: 'wachtwoord123' }
    expect(validateSetup(weak)['beheerder.wachtwoord']).toMatch(/heel vaak gebruikt/)
  })
})
