import { Alert, Avatar, Group, Text } from '@mantine/core'
import { ROL_LABELS, type Rol } from '@shared/domain/case'

/** "Anouk Peeters" -> "AP", for the round badge beside the name. */
export function initials(naam: string): string {
  const words = naam.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? ''
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** The name and role of who is signing in (or whose screen is locked). */
export function WhoCard({ naam, rol }: { naam: string; rol: Rol }) {
  return (
    <Group gap="md" wrap="nowrap">
      <Avatar color="teal" radius="xl" size="lg" aria-hidden>
        {initials(naam)}
      </Avatar>
      <div>
        <Text fw={600} size="lg">
          {naam}
        </Text>
        <Text size="sm" c="dimmed">
          {ROL_LABELS[rol]}
        </Text>
      </div>
    </Group>
  )
}

/** Only on a demo database (main sends the password only then): everyone in the demo team has it. */
export function DemoPasswordNote({ wachtwoord }: { wachtwoord: string }) {
  return (
    <Alert color="orange" title="Dit is een demo met verzonnen gegevens">
      Iedereen in het demoteam heeft hetzelfde wachtwoord. Demo-wachtwoord:{' '}
      <Text span fw={700} ff="monospace">
        {wachtwoord}
      </Text>
    </Alert>
  )
}

/** The eye button beside a password field, named in Dutch for screen readers. */
export const TOGGLE = { 'aria-label': 'Wachtwoord tonen of verbergen' }
