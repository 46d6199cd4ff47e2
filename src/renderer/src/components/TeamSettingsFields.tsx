import type { ChangeEvent } from 'react'
import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { WEEKDAGEN, type Weekdag } from '@shared/domain/case'
import type { FieldErrors } from './form-errors'
import { TEAM_FIELDS, WEEKDAG_LABELS, type TeamDraft } from './team-settings'

interface PartProps {
  value: TeamDraft
  errors: FieldErrors
  onChange<K extends keyof TeamDraft>(key: K, value: TeamDraft[K]): void
}

/** Municipality, team and how residents reach the team (used in the set-up and in Instellingen). */
export function TeamFields({ value, errors, onChange }: PartProps) {
  const text = (key: (typeof TEAM_FIELDS)[number]) => ({
    value: value[key],
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(key, e.currentTarget.value),
  })
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label="Naam van de gemeente" required {...text('gemeenteNaam')} />
        <TextInput
          label="Gemeentecode (CBS)"
          description="4 cijfers, bijvoorbeeld 0957 voor Roermond"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="numeric"
          maxLength={4}
          required
          {...text('gemeenteCode')}
        />
      </SimpleGrid>
      <TextInput label="Naam van het team" required {...text('teamNaam')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Textarea
          label="Postadres"
          description="Komt als retouradres op brieven. Kaartjes gaan zonder afzender."
          autosize
          minRows={2}
          required
          {...text('postadres')}
        />
        <Textarea
          label="Bezoekadres"
          description="Waar bewoners langs kunnen komen"
          autosize
          minRows={2}
          required
          {...text('bezoekadres')}
        />
        <TextInput label="Algemeen telefoonnummer" type="tel" required {...text('telefoon')} />
        <TextInput label="Algemeen e-mailadres" type="email" required {...text('email')} />
      </SimpleGrid>
    </Stack>
  )
}

/** The weekly walk-in hour that letters and cards point to. */
export function InloopFields({ value, errors, onChange }: PartProps) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <Select<Weekdag>
          label="Dag"
          data={WEEKDAGEN.map((d) => ({ value: d, label: WEEKDAG_LABELS[d] }))}
          value={value.inloopDag}
          onChange={(d) => d && onChange('inloopDag', d)}
          allowDeselect={false}
          error={errors.inloopDag}
          required
        />
        <TextInput
          label="Begintijd"
          value={value.inloopStart}
          onChange={(e) => onChange('inloopStart', e.currentTarget.value)}
          error={errors.inloopStart}
          required
        />
        <TextInput
          label="Eindtijd"
          value={value.inloopEind}
          onChange={(e) => onChange('inloopEind', e.currentTarget.value)}
          error={errors.inloopEind}
          required
        />
      </SimpleGrid>
      <TextInput
        label="Plaats"
        description="Waar het inloopspreekuur is, zoals het op de kaartjes komt"
        value={value.inloopPlaats}
        onChange={(e) => onChange('inloopPlaats', e.currentTarget.value)}
        error={errors.inloopPlaats}
        required
      />
    </Stack>
  )
}
