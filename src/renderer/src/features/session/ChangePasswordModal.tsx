import { useState } from 'react'
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { TOGGLE } from './parts'
import { call } from '../../api/client'
import { useCurrentUser } from '../../app/AppContext'
import { notifySaved } from '../../components/notify'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { PasswordPair, useNewPassword } from './PasswordPair'
import { Dialog } from '../../components/Dialog'

/** Your own password: the current one, then the new one twice. */
export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const user = useCurrentUser()
  const [current, setCurrent] = useState('')
  const form = useNewPassword(user.naam, {
    fieldMap: { wachtwoord: 'huidig', nieuwWachtwoord: 'wachtwoord' },
  })

  const guard = useDiscardGuard(
    current !== '' || form.pair.wachtwoord !== '' || form.pair.herhaling !== '',
    onClose,
  )

  const save = () =>
    form.submit(
      async () => {
        await call('session.changePassword', { wachtwoord: current, nieuwWachtwoord: form.pair.wachtwoord })
        notifySaved('Je nieuwe wachtwoord is opgeslagen.')
        onClose()
      },
      current ? {} : { huidig: 'Vul je huidige wachtwoord in.' },
    )

  return (
    <Dialog opened onClose={guard.requestClose} title="Wachtwoord wijzigen" size="md">
      <DiscardQuestion guard={guard} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="md">
          {form.failure && (
            <Alert color="red" role="alert">
              {form.failure}
            </Alert>
          )}
          <PasswordInput
            visibilityToggleButtonProps={TOGGLE}
            label="Huidig wachtwoord"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.errors['huidig']}
            autoComplete="current-password"
            data-autofocus
            required
          />
          <PasswordPair value={form.pair} errors={form.errors} onChange={form.changePair} />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose} disabled={form.busy}>
              Annuleren
            </Button>
            <Button type="submit" loading={form.busy}>
              Opslaan
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
