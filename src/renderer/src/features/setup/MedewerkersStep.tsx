import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { ROLLEN, ROL_LABELS, type Rol } from '@shared/domain/case'
import type { FieldErrors } from '../../components/form-errors'
import type { MedewerkerDraft } from './setup-draft'

export const ROL_OPTIONS = ROLLEN.map((r) => ({ value: r, label: ROL_LABELS[r] }))

interface Props {
  medewerkers: MedewerkerDraft[]
  /** The wijk names from step 3, to choose from. */
  wijkNames: string[]
  /** Errors keyed by the full set-up path ("medewerkers.1.wijken"). */
  errors: FieldErrors
  focusKey: number | null
  onChange<K extends keyof MedewerkerDraft>(key: number, field: K, value: MedewerkerDraft[K]): void
  onAdd(): void
  onRemove(key: number): void
}

/** Step 4: who works in the team, in which role, and which wijken each consulent takes. */
export function MedewerkersStep({
  medewerkers,
  wijkNames,
  errors,
  focusKey,
  onChange,
  onAdd,
  onRemove,
}: Props) {
  return (
    <Stack gap="md">
      <Text>
        Wie werken er in het team? Voeg minstens één consulent en één kwaliteitsmedewerker toe, en vergeet
        jezelf niet. Geef consulenten hun wijken: nieuwe zaken in die wijken komen bij hen terecht.
      </Text>
      {errors['medewerkers'] && (
        <Alert color="red" role="alert">
          {errors['medewerkers']}
        </Alert>
      )}
      {medewerkers.map((m, i) => {
        const err = (field: string) => errors[`medewerkers.${i}.${field}`]
        return (
          <Fieldset key={m.key} legend={`Medewerker ${i + 1}`}>
            <Grid gap="md" align="flex-start">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Naam"
                  value={m.naam}
                  onChange={(e) => onChange(m.key, 'naam', e.currentTarget.value)}
                  error={err('naam')}
                  autoFocus={m.key === focusKey}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select<Rol>
                  label="Rol"
                  data={ROL_OPTIONS}
                  value={m.rol}
                  onChange={(r) => r && onChange(m.key, 'rol', r)}
                  allowDeselect={false}
                  error={err('rol')}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Telefoonnummer"
                  type="tel"
                  value={m.telefoon}
                  onChange={(e) => onChange(m.key, 'telefoon', e.currentTarget.value)}
                  error={err('telefoon')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="E-mailadres"
                  type="email"
                  value={m.email}
                  onChange={(e) => onChange(m.key, 'email', e.currentTarget.value)}
                  error={err('email')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <MultiSelect
                  label="Wijken"
                  placeholder={
                    m.wijken.length
                      ? undefined
                      : wijkNames.length
                        ? 'Kies een of meer wijken'
                        : 'Voeg eerst wijken toe'
                  }
                  data={wijkNames}
                  value={m.wijken}
                  onChange={(v) => onChange(m.key, 'wijken', v)}
                  error={err('wijken')}
                  nothingFoundMessage="Geen wijk met deze naam"
                  searchable
                  clearable
                />
              </Grid.Col>
            </Grid>
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => onRemove(m.key)}
                disabled={medewerkers.length === 1}
              >
                Verwijderen
              </Button>
            </Group>
          </Fieldset>
        )
      })}
      <Group>
        <Button variant="light" onClick={onAdd}>
          Medewerker toevoegen
        </Button>
      </Group>
    </Stack>
  )
}
