import { useState } from 'react'
import {
  Alert,
  Avatar,
  Badge,
  Button,
  Center,
  Container,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import type { TeamMember } from '@shared/api/session'
import { ROLLEN, ROL_LABELS, type Rol } from '@shared/domain/case'
import { useApiQuery } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { PasswordForm } from './PasswordForm'
import { FirstPasswordPanel } from './FirstPasswordPanel'
import { DemoPasswordNote, initials } from './parts'
import classes from './SignInPage.module.css'

const GROUP_TITLES: Record<Rol, string> = {
  consulent: 'Consulenten',
  kwaliteitsmedewerker: 'Kwaliteitsmedewerkers',
  beheerder: 'Beheerders',
}

/**
 * "Aanmelden": choose your name (a small team, so a list) and type your password. With a starting
 * password the next step is choosing your own.
 */
export function SignInPage() {
  const { status } = useAppStatus()
  // A database from before passwords: the beheerder first sets his own (FirstPasswordPanel).
  const upgradeQuery = useApiQuery('session.upgradeStatus', {})
  const teamQuery = useApiQuery('session.team', {})
  const upgrade = upgradeQuery.data ?? null
  const team = upgradeQuery.data ? (teamQuery.data ?? null) : null
  const failed = upgradeQuery.error ?? teamQuery.error
  const error = failed ? describeFailure(failed).message : null
  const [chosen, setChosen] = useState<TeamMember | null>(null)
  const load = () => Promise.all([upgradeQuery.refetch(), teamQuery.refetch()])

  return (
    <Container size={760} py={48}>
      <Stack gap="lg">
        <div>
          <Group gap="sm" align="center">
            <Text c="dimmed">
              Lange Adem · {status.teamNaam} · {status.gemeenteNaam}
            </Text>
            {status.demo && (
              <Badge color="orange" variant="filled">
                Demo-gegevens
              </Badge>
            )}
          </Group>
          <Title order={1} mt={4}>
            Aanmelden
          </Title>
          <Text mt="xs">
            {upgrade?.geenWachtwoorden
              ? 'Stel eerst het wachtwoord van de beheerder in.'
              : chosen
                ? 'Vul je wachtwoord in. Alles wat je doet, wordt onder jouw naam vastgelegd.'
                : 'Kies je naam. Daarna vul je je wachtwoord in.'}
          </Text>
        </div>

        {status.demoWachtwoord && <DemoPasswordNote wachtwoord={status.demoWachtwoord} />}

        {upgrade?.geenWachtwoorden ? (
          <FirstPasswordPanel upgrade={upgrade} />
        ) : chosen ? (
          <PasswordForm member={chosen} onBack={() => setChosen(null)} />
        ) : (
          <>
            {error && (
              <Alert color="red" title="Dat lukte niet" role="alert">
                {error}
              </Alert>
            )}
            {!team && !error && (
              <Center py="xl">
                <Loader aria-label="Team wordt geladen" />
              </Center>
            )}
            {team && team.length === 0 && (
              <Alert color="yellow" title="Er is niemand actief in het team">
                Er staat geen actieve medewerker in Lange Adem. Vraag de beheerder om je toe te voegen.
              </Alert>
            )}
            {!team && error && (
              <Button variant="default" onClick={() => void load()}>
                Opnieuw proberen
              </Button>
            )}
            {team &&
              ROLLEN.map((rol) => {
                const members = team.filter((m) => m.rol === rol)
                if (members.length === 0) return null
                return (
                  <section key={rol} aria-labelledby={`rol-${rol}`}>
                    <Title order={2} size="h4" id={`rol-${rol}`} mb="sm">
                      {GROUP_TITLES[rol]}
                    </Title>
                    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                      {members.map((m) => (
                        <UnstyledButton key={m.id} className={classes.card} onClick={() => setChosen(m)}>
                          <Group gap="md" wrap="nowrap">
                            <Avatar color="teal" radius="xl" size="lg" aria-hidden>
                              {initials(m.naam)}
                            </Avatar>
                            <div>
                              <Text fw={600} size="lg">
                                {m.naam}
                              </Text>
                              <Text size="sm" c="dimmed">
                                {ROL_LABELS[m.rol]}
                              </Text>
                            </div>
                          </Group>
                        </UnstyledButton>
                      ))}
                    </SimpleGrid>
                  </section>
                )
              })}
          </>
        )}
      </Stack>
    </Container>
  )
}
