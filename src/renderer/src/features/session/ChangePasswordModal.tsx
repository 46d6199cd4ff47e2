import { useState } from 'react'
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { TOGGLE } from './parts'
import { call } from '../../api/client'
import { useCurrentUser } from '../../app/AppContext'
import { describeFailure, type FieldErrors } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { checkPair, PasswordPair, type PairValue } from './PasswordPair'

/** Your own password: the current one, then the new one twice. */
export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const user = useCurrentUser()
  const [current, setCurrent] = useState('')
  const [pair, setPair] = useState<PairValue>({ wachtwoord: '', herhaling: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setFailure(null)
    const found = checkPair(pair, user.naam)
    if (!current) found['huidig'] = 'Vul je huidige wachtwoord in.'
    setErrors(found)
    if (Object.keys(found).length) return
    setSaving(true)
    try {
      await call('session.changePassword', { wachtwoord: current, nieuwWachtwoord: pair.wachtwoord })
      notifySaved('Je nieuwe wachtwoord is opgeslagen.')
      onClose()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      const mapped: FieldErrors = {}
      if (fields['wachtwoord']) mapped['huidig'] = fields['wachtwoord']
      if (fields['nieuwWachtwoord']) mapped['wachtwoord'] = fields['nieuwWachtwoord']
      setErrors(mapped)
      if (!Object.keys(mapped).length) setFailure(message)
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title="Wachtwoord wijzigen" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="md">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput
            visibilityToggleButtonProps={TOGGLE}
            label="Huidig wachtwoord"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors['huidig']}
            autoComplete="current-password"
            data-autofocus
            required
          />
          <PasswordPair
            value={pair}
            errors={errors}
            onChange={(v) => {
              setPair(v)
              setErrors({})
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Annuleren
            </Button>
            <Button type="submit" loading={saving}>
              Opslaan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
