import { useState } from 'react'
import { Alert, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TriageRules } from '@shared/api/intake'
import { SIGNAALPARTNER_LABELS, SIGNAALPARTNER_TYPES } from '@shared/domain/ddas'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { notifyFailed, notifySaved } from '../../components/notify'
import { PageHeading } from '../../components/PageHeading'

/** Afwegingskader: the kwaliteitsmedewerker's rules that propose, per signal, follow up or not. */
export function RulesPage() {
  const saved = useApiQuery('intake.rules', {})
  const [rules, setRules] = useState<TriageRules | null>(null)
  // The form shows the rules main stored: when loaded, and again after a save.
  useFormFrom(saved.data, setRules)
  const saveRules = useApiMutation('intake.saveRules')
  const busy = saveRules.isPending
  if (!rules) return null
  const set = (patch: Partial<TriageRules>) => setRules({ ...rules, ...patch })
  const save = async () => {
    try {
      await saveRules.mutateAsync(rules)
      notifySaved('Het afwegingskader is opgeslagen. Het geldt voor de volgende inlezing.')
    } catch (e) {
      notifyFailed('Niet opgeslagen', e instanceof Error ? e.message : '')
    }
  }
  return (
    <Stack gap="md" maw={900}>
      <PageHeading>Afwegingskader</PageHeading>
      <Alert color="blue" title="Voor de kwaliteitsmedewerker">
        Deze regels doen bij elke inlezing een voorstel per signaal: doorzetten of niet, met de reden die de
        monitor vraagt. De consulent ziet het voorstel en kan het met een reden overrulen.
      </Alert>
      <Title order={4}>Drempelbedrag per soort signaalpartner</Title>
      <Text size="sm" c="dimmed">
        Onder dit bedrag: niet doorzetten (onterecht signaal). Leeg laten: geen drempel. Veel gemeenten
        gebruiken € 75.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {SIGNAALPARTNER_TYPES.map((t) => (
          <NumberInput
            key={t}
            label={`${SIGNAALPARTNER_LABELS[t]} (euro)`}
            value={rules.drempels[t] ?? ''}
            min={0}
            max={100000}
            allowDecimal={false}
            onChange={(v) => {
              const drempels = { ...rules.drempels }
              if (v === '' || v === null) delete drempels[t]
              else drempels[t] = Number(v)
              set({ drempels })
            }}
          />
        ))}
      </SimpleGrid>
      <Title order={4}>Leeftijd en ouderdom</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label="Achterstand minstens (dagen, 0 = geen eis)"
          value={rules.minDagen}
          min={0}
          max={365}
          onChange={(v) => set({ minDagen: Number(v) || 0 })}
        />
        <NumberInput
          label="Jongeren: jonger dan (jaar)"
          value={rules.jongerenTot}
          min={0}
          max={40}
          onChange={(v) => set({ jongerenTot: Number(v) || 0 })}
        />
        <NumberInput
          label="Ouderen: vanaf (jaar)"
          value={rules.ouderenVanaf}
          min={50}
          max={120}
          onChange={(v) => set({ ouderenVanaf: Number(v) || 67 })}
        />
      </SimpleGrid>
      <Stack gap="xs">
        <Checkbox
          label="Jongeren en ouderen altijd doorzetten, ook onder de drempel"
          checked={rules.leeftijdVoorrang}
          onChange={(e) => set({ leeftijdVoorrang: e.currentTarget.checked })}
        />
        <Checkbox
          label="Crisissignalen (zoals einde levering energie) altijd doorzetten"
          checked={rules.crisisAltijd}
          onChange={(e) => set({ crisisAltijd: e.currentTarget.checked })}
        />
        <Checkbox
          label="Herhaalde melding (zelfde partner, zelfde achterstand, niet gestegen, binnen zes maanden) niet doorzetten"
          checked={rules.herhaaldeMelding}
          onChange={(e) => set({ herhaaldeMelding: e.currentTarget.checked })}
        />
        <Checkbox
          label="Postcode buiten alle wijken: geen inwoner (meer) van de gemeente"
          checked={rules.buitenGemeente}
          onChange={(e) => set({ buitenGemeente: e.currentTarget.checked })}
        />
      </Stack>
      <Group>
        <Button onClick={() => void save()} loading={busy}>
          Afwegingskader opslaan
        </Button>
      </Group>
    </Stack>
  )
}
