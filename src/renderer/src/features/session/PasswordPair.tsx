import { PasswordInput, Stack } from '@mantine/core'
import { TOGGLE } from './parts'
import { WACHTWOORD_REGEL, wachtwoordProbleem } from '@shared/api/session'
import type { FieldErrors } from '../../components/form-errors'

export interface PairValue {
  wachtwoord: string
  herhaling: string
}

/** The new password twice, checked by the same rules main applies; errors keyed "wachtwoord" and "herhaling". */
export function checkPair(value: PairValue, naam: string, ownName = true): FieldErrors {
  const errors: FieldErrors = {}
  const problem = wachtwoordProbleem(value.wachtwoord, naam)
  if (problem)
    errors['wachtwoord'] = ownName ? problem : problem.replace('je eigen naam', 'de naam van je collega')
  else if (value.herhaling !== value.wachtwoord)
    errors['herhaling'] = 'De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord nog eens.'
  return errors
}

interface Props {
  value: PairValue
  errors: FieldErrors
  onChange(value: PairValue): void
  label?: string
  repeatLabel?: string
  autoFocus?: boolean
  /** The rule under the first field; by default the one for your own password. */
  rule?: string
}

/** Choosing a password: the rule in plain words under the first field, then the same password again. */
export function PasswordPair({
  value,
  errors,
  onChange,
  label = 'Nieuw wachtwoord',
  repeatLabel = 'Herhaal het nieuwe wachtwoord',
  autoFocus = false,
  rule = WACHTWOORD_REGEL,
}: Props) {
  return (
    <Stack gap="sm">
      <PasswordInput
        visibilityToggleButtonProps={TOGGLE}
        label={label}
        description={rule}
        value={value.wachtwoord}
        onChange={(e) => onChange({ ...value, wachtwoord: e.currentTarget.value })}
        error={errors['wachtwoord']}
        autoComplete="new-password"
        data-autofocus={autoFocus || undefined}
        autoFocus={autoFocus}
        required
      />
      <PasswordInput
        visibilityToggleButtonProps={TOGGLE}
        label={repeatLabel}
        value={value.herhaling}
        onChange={(e) => onChange({ ...value, herhaling: e.currentTarget.value })}
        error={errors['herhaling']}
        autoComplete="new-password"
        required
      />
    </Stack>
  )
}
