import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { MedewerkerView } from '@shared/api/settings'
import { call } from '../../api/client'
import { describeFailure, type FieldErrors } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { checkPair, PasswordPair, type PairValue } from './PasswordPair'

interface Props {
  medewerker: MedewerkerView
  onClose(): void
}

/**
 * "Wachtwoord instellen": the beheerder gives a colleague a starting password (new colleague, or
 * a forgotten password). The colleague must choose their own at the next sign-in.
 */
export function StartPasswordModal({ medewerker, onClose }: Props) {
  const [value, setValue] = useState<PairValue>({ wachtwoord: '', herhaling: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const voornaam = medewerker.naam.split(/\s+/)[0] ?? medewerker.naam

  const save = async () => {
    setFailure(null)
    const found = checkPair(value, medewerker.naam, false)
    setErrors(found)
    if (Object.keys(found).length) return
    setSaving(true)
    try {
      await call('session.setStartPassword', { userId: medewerker.id, wachtwoord: value.wachtwoord })
      notifySaved(`${medewerker.naam} heeft een startwachtwoord.`)
      onClose()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      if (fields['wachtwoord']) setErrors({ wachtwoord: fields['wachtwoord'] })
      else setFailure(message)
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Wachtwoord instellen voor ${medewerker.naam}`} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            Dit is een startwachtwoord. Geef het aan {voornaam} zelf of door de telefoon, niet per e-mail. Bij
            de eerste keer aanmelden kiest {voornaam} een eigen wachtwoord. Een oud wachtwoord werkt dan niet
            meer.
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <PasswordPair
            value={value}
            errors={errors}
            onChange={(v) => {
              setValue(v)
              setErrors({})
            }}
            label="Startwachtwoord"
            repeatLabel="Herhaal het startwachtwoord"
            rule={`Minstens 10 tekens. Gebruik niet de naam van ${voornaam}.`}
            autoFocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Annuleren
            </Button>
            <Button type="submit" loading={saving}>
              Wachtwoord instellen
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
