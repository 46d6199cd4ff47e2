import { useState } from 'react'
import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import type { TeamMember } from '@shared/api/session'
import { ApiError, call } from '../../api/client'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure, type FieldErrors } from '../../components/form-errors'
import { checkPair, PasswordPair, type PairValue } from './PasswordPair'
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
  const [pair, setPair] = useState<PairValue>({ wachtwoord: '', herhaling: '' })
  const [pairErrors, setPairErrors] = useState<FieldErrors>({})
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

  const choose = async () => {
    setFailure(null)
    const found = checkPair(pair, member.naam)
    setPairErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await call('session.choosePassword', {
        userId: member.id,
        wachtwoord,
        nieuwWachtwoord: pair.wachtwoord,
      })
      await refresh()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      if (e instanceof ApiError && fields['nieuwWachtwoord'])
        setPairErrors({ wachtwoord: fields['nieuwWachtwoord'] })
      else setFailure(message)
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={520}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void (choosing ? choose() : signIn())
        }}
      >
        <Stack gap="md">
          <WhoCard naam={member.naam} rol={member.rol} />
          {choosing && (
            <div>
              <Title order={2} size="h4">
                Kies je eigen wachtwoord
              </Title>
              <Text size="sm" mt={4}>
                Je bent aangemeld met een startwachtwoord van de beheerder. Kies nu een wachtwoord dat alleen
                jij kent.
              </Text>
            </div>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {choosing ? (
            <PasswordPair
              value={pair}
              errors={pairErrors}
              onChange={(v) => {
                setPair(v)
                setPairErrors({})
              }}
              autoFocus
            />
          ) : (
            <PasswordInput
              visibilityToggleButtonProps={TOGGLE}
              label="Wachtwoord"
              value={wachtwoord}
              onChange={(e) => setWachtwoord(e.currentTarget.value)}
              autoComplete="current-password"
              autoFocus
              required
            />
          )}
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={onBack} size="sm">
              Andere naam kiezen
            </Anchor>
            <Button type="submit" loading={busy}>
              {choosing ? 'Opslaan en aanmelden' : 'Aanmelden'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
