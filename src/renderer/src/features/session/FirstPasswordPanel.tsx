import { useState } from 'react'
import { Alert, Code, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core'
import type { TeamMember, UpgradeStatus } from '@shared/api/session'
import { call } from '../../api/client'
import { useAppStatus } from '../../app/AppContext'
import { NewPasswordForm } from './PasswordPair'
import { WhoCard } from './parts'
import classes from './SignInPage.module.css'

const CLI = `echo 'een lang startwachtwoord' | npm run cli -- start-password --naam "NAAM" --data-dir MAP`

/**
 * On a database from before passwords (nobody active has one): the beheerder sets his own
 * password here, the same trust as the first set-up. Main refuses it once anyone has a password.
 */
export function FirstPasswordPanel({ upgrade }: { upgrade: UpgradeStatus }) {
  const [chosen, setChosen] = useState<TeamMember | null>(null)
  return (
    <Stack gap="md">
      <Alert color="blue" title="Eerst een wachtwoord voor de beheerder">
        <Text size="sm">
          Lange Adem is bijgewerkt: er zijn nog geen wachtwoorden. Kies de beheerder en stel diens wachtwoord
          in.
        </Text>
        <Text size="sm" mt="xs">
          Daarna geeft de beheerder elke collega een startwachtwoord, onder Instellingen &gt; Medewerkers.
        </Text>
      </Alert>
      {upgrade.beheerders.length === 0 ? (
        <Alert color="red" title="Er is geen actieve beheerder" role="alert">
          <Text size="sm">
            In het team staat geen actieve beheerder, dus hier kan niemand een wachtwoord instellen. Vraag
            degene die Lange Adem op deze computer beheert om op deze computer, via de opdrachtregel, een
            startwachtwoord te geven aan een collega:
          </Text>
          <Code block mt="xs">
            {CLI}
          </Code>
        </Alert>
      ) : chosen ? (
        <FirstPasswordForm member={chosen} onBack={() => setChosen(null)} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {upgrade.beheerders.map((m) => (
            <UnstyledButton key={m.id} className={classes.card} onClick={() => setChosen(m)}>
              <WhoCard naam={m.naam} rol={m.rol} />
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}

function FirstPasswordForm({ member, onBack }: { member: TeamMember; onBack: () => void }) {
  const { refresh } = useAppStatus()
  return (
    <NewPasswordForm
      member={member}
      send={async (nieuwWachtwoord) => {
        await call('session.setFirstPassword', { userId: member.id, nieuwWachtwoord })
        await refresh()
      }}
      onBack={onBack}
      backLabel="Terug"
      submitLabel="Wachtwoord instellen en aanmelden"
      label="Wachtwoord van de beheerder"
      repeatLabel="Herhaal het wachtwoord"
    />
  )
}
