import type { ReactNode } from 'react'
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { postcodeRanges } from '@shared/api/setup'
import { ROL_LABELS } from '@shared/domain/case'
import { formatPostcodeRange } from '@shared/format/address'
import { describeInloop } from '../../components/team-settings'
import {
  STEP_INLOOP,
  STEP_MEDEWERKERS,
  STEP_TEAM,
  STEP_WACHTWOORD,
  STEP_WIJKEN,
  type SetupDraft,
} from './setup-draft'

interface Props {
  draft: SetupDraft
  onEdit(step: number): void
}

/** The postcodes as Lange Adem understood them, so a typo shows before it is stored. */
function formatRanges(text: string): string {
  const parsed = postcodeRanges.safeParse(text)
  return parsed.success ? parsed.data.map(formatPostcodeRange).join(', ') : text
}

function Section(props: { title: string; step: number; onEdit(step: number): void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={props.title}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{props.title}</Title>
        <Button variant="subtle" size="xs" onClick={() => props.onEdit(props.step)}>
          Wijzigen
        </Button>
      </Group>
      {props.children}
    </Paper>
  )
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  )
}

/** The last step: everything once more, in the words the team uses, before it is stored. */
export function SummaryStep({ draft, onEdit }: Props) {
  const { team } = draft
  return (
    <Stack gap="md">
      <Text>Kijk alles nog even na. Je kunt dit later altijd wijzigen onder Instellingen.</Text>
      <Section title="Gemeente en team" step={STEP_TEAM} onEdit={onEdit}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs">
          <Item label="Gemeente">
            {team.gemeenteNaam} ({team.gemeenteCode})
          </Item>
          <Item label="Team">{team.teamNaam}</Item>
          <Item label="Postadres">{team.postadres}</Item>
          <Item label="Bezoekadres">{team.bezoekadres}</Item>
          <Item label="Telefoon">{team.telefoon}</Item>
          <Item label="E-mail">{team.email}</Item>
        </SimpleGrid>
      </Section>
      <Section title="Inloopspreekuur" step={STEP_INLOOP} onEdit={onEdit}>
        <Text>{describeInloop(team)}</Text>
      </Section>
      <Section title={`Wijken (${draft.wijken.length})`} step={STEP_WIJKEN} onEdit={onEdit}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Wijk</Table.Th>
              <Table.Th>Postcodes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.wijken.map((w) => (
              <Table.Tr key={w.key}>
                <Table.Td>{w.naam}</Table.Td>
                <Table.Td>{formatRanges(w.postcodes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={`Team (${draft.medewerkers.length})`} step={STEP_MEDEWERKERS} onEdit={onEdit}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Rol</Table.Th>
              <Table.Th>Telefoon</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Wijken</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.medewerkers.map((m) => (
              <Table.Tr key={m.key}>
                <Table.Td>{m.naam}</Table.Td>
                <Table.Td>{ROL_LABELS[m.rol]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.telefoon || '–'}</Table.Td>
                <Table.Td>{m.email || '–'}</Table.Td>
                <Table.Td>{m.wijken.length ? m.wijken.join(', ') : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Jouw wachtwoord" step={STEP_WACHTWOORD} onEdit={onEdit}>
        <Text>
          Je meldt je aan als {draft.beheerder.naam || '–'} (beheerder), met het wachtwoord dat je hebt
          gekozen.
        </Text>
      </Section>
    </Stack>
  )
}
