import { useEffect } from 'react'
import { Alert, Select, Stack, Text } from '@mantine/core'
import type { FieldErrors } from '../../components/form-errors'
import { PasswordPair } from '../session/PasswordPair'
import type { BeheerderDraft } from './setup-draft'

interface Props {
  beheerder: BeheerderDraft
  /** The beheerders typed in the team step. */
  names: string[]
  errors: FieldErrors
  onChange(value: BeheerderDraft): void
}

/**
 * "Jouw wachtwoord": the person doing the set-up is one of the team's beheerders. They choose
 * which one and set their password; colleagues get a starting password from them later.
 */
export function WachtwoordStep({ beheerder, names, errors, onChange }: Props) {
  const only = names.length === 1 ? names[0] : undefined
  useEffect(() => {
    if (only && !names.includes(beheerder.naam)) onChange({ ...beheerder, naam: only })
  }, [only, names, beheerder, onChange])

  if (names.length === 0)
    return (
      <Alert color="yellow" title="Er is nog geen beheerder">
        Ga terug naar de stap Team en geef iemand de rol Beheerder. De beheerder beheert de medewerkers en hun
        wachtwoorden.
      </Alert>
    )

  return (
    <Stack gap="md" maw={560}>
      <Text>
        Jij stelt Lange Adem in, dus jij bent de beheerder. Kies je naam en kies een wachtwoord. Je
        collega&apos;s geef je daarna een startwachtwoord, onder Instellingen &gt; Medewerkers. Zij kiezen bij
        de eerste keer aanmelden een eigen wachtwoord.
      </Text>
      <Select
        label="Wie ben jij?"
        data={names}
        value={beheerder.naam || null}
        onChange={(v) => onChange({ ...beheerder, naam: v ?? '' })}
        error={errors['beheerder.naam']}
        allowDeselect={false}
        placeholder="Kies je naam"
        required
      />
      <PasswordPair
        value={{ wachtwoord: beheerder.wachtwoord, herhaling: beheerder.herhaling }}
        errors={{
          ...(errors['beheerder.wachtwoord'] ? { wachtwoord: errors['beheerder.wachtwoord'] } : {}),
          ...(errors['beheerder.herhaling'] ? { herhaling: errors['beheerder.herhaling'] } : {}),
        }}
        onChange={(v) => onChange({ ...beheerder, ...v })}
        label="Jouw wachtwoord"
        repeatLabel="Herhaal je wachtwoord"
      />
    </Stack>
  )
}
