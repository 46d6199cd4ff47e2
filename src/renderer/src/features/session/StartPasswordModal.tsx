import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import type { MedewerkerView } from '@shared/api/settings'
import { useApiMutation } from '../../api/queries'
import { notifySaved } from '../../components/notify'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { PasswordPair, useNewPassword } from './PasswordPair'
import { Dialog } from '../../components/Dialog'

interface Props {
  medewerker: MedewerkerView
  onClose(): void
}

/**
 * "Wachtwoord instellen": the beheerder gives a colleague a starting password (new colleague, or
 * a forgotten password). The colleague must choose their own at the next sign-in.
 */
export function StartPasswordModal({ medewerker, onClose }: Props) {
  const form = useNewPassword(medewerker.naam, { ownName: false, fieldMap: { wachtwoord: 'wachtwoord' } })
  const guard = useDiscardGuard(form.pair.wachtwoord !== '' || form.pair.herhaling !== '', onClose)
  const voornaam = medewerker.naam.split(/\s+/)[0] ?? medewerker.naam
  const setStartPassword = useApiMutation('session.setStartPassword')

  const save = () =>
    form.submit(async () => {
      await setStartPassword.mutateAsync({ userId: medewerker.id, wachtwoord: form.pair.wachtwoord })
      notifySaved(`${medewerker.naam} heeft een startwachtwoord.`)
      onClose()
    })

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      title={`Wachtwoord instellen voor ${medewerker.naam}`}
      size="md"
    >
      <DiscardQuestion guard={guard} />
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
          {form.failure && (
            <Alert color="red" role="alert">
              {form.failure}
            </Alert>
          )}
          <PasswordPair
            value={form.pair}
            errors={form.errors}
            onChange={form.changePair}
            label="Startwachtwoord"
            repeatLabel="Herhaal het startwachtwoord"
            rule={`Minstens 10 tekens. Gebruik niet de naam van ${voornaam}.`}
            autoFocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose} disabled={form.busy}>
              Annuleren
            </Button>
            <Button type="submit" loading={form.busy}>
              Wachtwoord instellen
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
