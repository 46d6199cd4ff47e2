/** Where a case (vroegsignaalzaak) stands in the team's own work; DDAS only knows the end result. */
export const ZAAK_STATUSSEN = ['nieuw', 'in_behandeling', 'gesloten'] as const
export type ZaakStatus = (typeof ZAAK_STATUSSEN)[number]

export const ZAAK_STATUS_LABELS: Record<ZaakStatus, string> = {
  nieuw: 'Nieuw',
  in_behandeling: 'In behandeling',
  gesloten: 'Gesloten',
}

export const ROLLEN = ['consulent', 'kwaliteitsmedewerker', 'beheerder'] as const
export type Rol = (typeof ROLLEN)[number]
export const ROL_LABELS: Record<Rol, string> = {
  consulent: 'Consulent',
  kwaliteitsmedewerker: 'Kwaliteitsmedewerker',
  beheerder: 'Beheerder',
}

export const WEEKDAGEN = [
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
] as const
export type Weekdag = (typeof WEEKDAGEN)[number]

/** Age of a case since it was picked up, as the caseload filter offers it. */
export const LEEFTIJD_ZAAK = ['week', 'maand', 'ouder'] as const
export type LeeftijdZaak = (typeof LEEFTIJD_ZAAK)[number]
export const LEEFTIJD_ZAAK_LABELS: Record<LeeftijdZaak, string> = {
  week: 'Jonger dan 1 week',
  maand: '1 tot 4 weken',
  ouder: 'Ouder dan 4 weken',
}
