import { useState, type ReactNode } from 'react'
import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core'
import type { TeamMember } from '@shared/api/session'
import { TOGGLE, WhoCard } from './parts'
import { WACHTWOORD_REGEL, wachtwoordProbleem } from '@shared/api/session'
import { describeFailure, type FieldErrors } from '../../components/form-errors'

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

/**
 * The state and the submit of a form that sets a new password (first password, starting
 * password, choosing your own, changing it). The pair is checked as main will check it, with
 * `more` (errors of the form's other fields), before anything is sent. When main refuses, its
 * field errors go to this form's fields through `fieldMap` (main's name -> the form's); otherwise
 * its message shows above the form. After success it stays busy: the caller moves on.
 */
export function useNewPassword(
  naam: string,
  opts: { ownName?: boolean; fieldMap?: Record<string, string> } = {},
) {
  const { ownName = true, fieldMap = { nieuwWachtwoord: 'wachtwoord' } } = opts
  const [pair, setPair] = useState<PairValue>({ wachtwoord: '', herhaling: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (send: () => Promise<void>, more: FieldErrors = {}) => {
    setFailure(null)
    const found = { ...checkPair(pair, naam, ownName), ...more }
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await send()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      const mapped: FieldErrors = {}
      for (const [from, to] of Object.entries(fieldMap)) if (fields[from]) mapped[to] = fields[from]
      setErrors(mapped)
      if (!Object.keys(mapped).length) setFailure(message)
      setBusy(false)
    }
  }
  const changePair = (v: PairValue) => {
    setPair(v)
    setErrors({})
  }
  return { pair, changePair, errors, failure, busy, submit }
}

interface NewPasswordFormProps {
  member: TeamMember
  /** Sends the new password; on success the app's status changes and this form goes away. */
  send(nieuwWachtwoord: string): Promise<void>
  onBack(): void
  backLabel: string
  submitLabel: string
  /** Shown under the name, above the fields. */
  heading?: ReactNode
  label?: string
  repeatLabel?: string
}

/** On the sign-in page: a new password for the chosen name, twice, then signed in. */
export function NewPasswordForm({
  member,
  send,
  onBack,
  backLabel,
  submitLabel,
  heading,
  label,
  repeatLabel,
}: NewPasswordFormProps) {
  const form = useNewPassword(member.naam)
  return (
    <Paper withBorder p="lg" radius="md" maw={520}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void form.submit(() => send(form.pair.wachtwoord))
        }}
      >
        <Stack gap="md">
          <WhoCard naam={member.naam} rol={member.rol} />
          {heading}
          {form.failure && (
            <Alert color="red" role="alert">
              {form.failure}
            </Alert>
          )}
          <PasswordPair
            value={form.pair}
            errors={form.errors}
            onChange={form.changePair}
            {...(label ? { label } : {})}
            {...(repeatLabel ? { repeatLabel } : {})}
            autoFocus
          />
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={onBack} size="sm">
              {backLabel}
            </Anchor>
            <Button type="submit" loading={form.busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
