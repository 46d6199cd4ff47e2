import { useState } from 'react'
import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import type { TeamMember } from '@shared/api/session'
import { call } from '../../api/client'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { NewPasswordForm } from './PasswordPair'
import { TOGGLE, WhoCard } from './parts'

interface Props {
  member: TeamMember
  onBack(): void
}

/**
 * The password for the chosen name. A starting password leads to a second step: choose your own
 * (twice), which signs you in.
 */
export function PasswordForm({ member, onBack }: Props) {
  const { refresh } = useAppStatus()
  const [wachtwoord, setWachtwoord] = useState('')
  const [choosing, setChoosing] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    setFailure(null)
    if (!wachtwoord) {
      setFailure('Vul je wachtwoord in.')
      return
    }
    setBusy(true)
    try {
      const res = await call('session.signIn', { userId: member.id, wachtwoord })
      if (res.moetWachtwoordKiezen) {
        setChoosing(true)
        setBusy(false)
        return
      }
      await refresh()
    } catch (e) {
      setFailure(describeFailure(e).message)
      setWachtwoord('')
      setBusy(false)
    }
  }

  if (choosing)
    return (
      <NewPasswordForm
        member={member}
        send={async (nieuwWachtwoord) => {
          await call('session.choosePassword', { userId: member.id, wachtwoord, nieuwWachtwoord })
          await refresh()
        }}
        onBack={onBack}
        backLabel="Andere naam kiezen"
        submitLabel="Opslaan en aanmelden"
        heading={
          <div>
            <Title order={2} size="h4">
              Kies je eigen wachtwoord
            </Title>
            <Text size="sm" mt={4}>
              Je bent aangemeld met een startwachtwoord van de beheerder. Kies nu een wachtwoord dat alleen
              jij kent.
            </Text>
          </div>
        }
      />
    )

  return (
    <Paper withBorder p="lg" radius="md" maw={520}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void signIn()
        }}
      >
        <Stack gap="md">
          <WhoCard naam={member.naam} rol={member.rol} />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput
            visibilityToggleButtonProps={TOGGLE}
            label="Wachtwoord"
            value={wachtwoord}
            onChange={(e) => setWachtwoord(e.currentTarget.value)}
            autoComplete="current-password"
            autoFocus
            required
          />
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={onBack} size="sm">
              Andere naam kiezen
            </Anchor>
            <Button type="submit" loading={busy}>
              Aanmelden
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
